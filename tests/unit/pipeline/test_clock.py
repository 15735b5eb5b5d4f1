"""Tests for briefwright.pipeline.clock: one notion of now (SOURCE_DATE_EPOCH, git, as-of)."""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from briefwright.errors import BriefError
from briefwright.pipeline.clock import build_time, known_epoch, series_time

AS_OF = date(2023, 3, 20)


def test_source_date_epoch_wins(tmp_path: Path) -> None:
    """SOURCE_DATE_EPOCH, when set, is the build time (UTC), whatever git says."""
    stamp = build_time(AS_OF, known_epoch((tmp_path,), {"SOURCE_DATE_EPOCH": "0"}))
    assert stamp.isoformat() == "1970-01-01T00:00:00+00:00"


def test_last_commit_touching_the_inputs(tmp_path: Path) -> None:
    """Without SOURCE_DATE_EPOCH, the last commit touching content/ or templates/ decides."""
    content = tmp_path / "content"
    content.mkdir()
    (content / "brief.yaml").write_text("x: 1\n")
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    env = {**os.environ, "GIT_COMMITTER_DATE": "1700000000 +0000"}
    subprocess.run([*git, "commit", "-q", "-m", "c"], check=True, env=env)
    assert (
        build_time(AS_OF, known_epoch((content,), {})).isoformat() == "2023-11-14T22:13:20+00:00"
    )


def test_as_of_date_is_the_last_resort(tmp_path: Path) -> None:
    """Outside git, and without SOURCE_DATE_EPOCH, the build time is the as-of date."""
    assert known_epoch((tmp_path,), {}) is None
    assert build_time(AS_OF, None).isoformat() == "2023-03-20T00:00:00+00:00"


def test_malformed_epoch_is_an_error() -> None:
    """A SOURCE_DATE_EPOCH that is not a number of seconds is an error saying what to give."""
    with pytest.raises(BriefError, match="BW007 SOURCE_DATE_EPOCH='yesterday'"):
        known_epoch((), {"SOURCE_DATE_EPOCH": "yesterday"})


@pytest.mark.parametrize(
    "value", ["\u00b9\u00b2\u00b3", "\uff11\uff16\uff17\uff19", "1.5", "-1", "4354819200", "1e9"]
)
def test_only_ascii_digits_within_zip_range_are_an_epoch(value: str) -> None:
    """Superscript or full-width digits, fractions, signs and times past 2107 are BW007."""
    with pytest.raises(BriefError, match="BW007 SOURCE_DATE_EPOCH="):
        known_epoch((), {"SOURCE_DATE_EPOCH": value})


@pytest.mark.parametrize("value", ["0", "1679270400", "4354819199"])
def test_the_whole_range_zips_can_carry_is_accepted(value: str) -> None:
    """From 1970 to the last second of 2107, any ASCII number of seconds is a build time."""
    assert known_epoch((), {"SOURCE_DATE_EPOCH": value}) == int(value)


def test_a_series_time_is_its_latest_briefs_unless_the_epoch_is_known() -> None:
    """A series is dated by the known epoch, else by the latest of its briefs' times, else
    (no brief at all) by the start of the epoch."""
    briefs = [datetime(2023, 3, 20, tzinfo=UTC), datetime(2023, 4, 1, tzinfo=UTC)]
    assert series_time(briefs) == datetime(2023, 4, 1, tzinfo=UTC)
    assert series_time(briefs, 1679270400) == datetime(2023, 3, 20, tzinfo=UTC)
    assert series_time([]) == datetime(1970, 1, 1, tzinfo=UTC)
