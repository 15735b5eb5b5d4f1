"""Decide the build's one notion of "now", so the same inputs always give the same bytes.

In order: SOURCE_DATE_EPOCH when set (a malformed value is an error); else the time of the
last git commit touching the content or the templates; else midnight UTC of the as-of date.
The first two are known before the content is parsed (`known_epoch`, read once per build,
in the input snapshot); the last needs the brief (`build_time`). A series' time follows from
its briefs' (`series_time`); `init` dates a new brief by `today`. No other module asks the
date or the time of day.

The stopwatch that times a build's stages for `--verbose` lives here too; what it measures
never reaches an artifact.
"""

from __future__ import annotations

import os
import subprocess
import time as clock_time
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, time
from pathlib import Path

from briefwright.errors import BriefError, Location


def known_epoch(inputs: tuple[Path, ...], environ: Mapping[str, str] | None = None) -> int | None:
    """Return the build time in seconds when it is known without the content, else None."""
    value = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    if value:
        return parse_epoch(value)
    return last_commit_time(inputs)


def today(environ: Mapping[str, str] | None = None) -> date:
    """Return the calendar date now (UTC): SOURCE_DATE_EPOCH's day when it is set."""
    value = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    now = datetime.fromtimestamp(parse_epoch(value), tz=UTC) if value else datetime.now(UTC)
    return now.date()


def build_time(as_of: date, epoch: int | None) -> datetime:
    """Return the build's timestamp (UTC): the known epoch, else midnight of the as-of date."""
    if epoch is not None:
        return datetime.fromtimestamp(epoch, tz=UTC)
    return datetime.combine(as_of, time(0, 0), tzinfo=UTC)


def series_time(briefs: Iterable[datetime], epoch: int | None = None) -> datetime:
    """Return a series' timestamp (UTC): the known epoch, else the latest of its briefs'
    (each its own `build_time`), else the start of the epoch for a series of no brief."""
    if epoch is not None:
        return datetime.fromtimestamp(epoch, tz=UTC)
    return max(briefs, default=datetime.fromtimestamp(0, tz=UTC))


#: The last second a zip entry can carry (31 December 2107, 23:59:59 UTC).
MAX_EPOCH = 4_354_819_199


def parse_epoch(value: str) -> int:
    """Return SOURCE_DATE_EPOCH as seconds, or raise BW007 saying what to give instead.

    Only ASCII digits: `str.isdigit` also accepts superscript digits, which `int()`
    refuses, and full-width ones, which `int()` takes but fontconfig does not.
    """
    where = Location("SOURCE_DATE_EPOCH", 1, 1)
    if not (value.isascii() and value.isdigit()):
        message = (
            f"SOURCE_DATE_EPOCH={value!r} is not a whole number of seconds since 1970 in "
            "ASCII digits; unset it or give e.g. 1679270400"
        )
        raise BriefError.of("BW007", message, where)
    if int(value) > MAX_EPOCH:
        message = (
            f"SOURCE_DATE_EPOCH={value} is after 2107, the last year a zip entry can carry; "
            "give a time before 4354819200, e.g. 1679270400"
        )
        raise BriefError.of("BW007", message, where)
    return int(value)


def last_commit_time(paths: tuple[Path, ...]) -> int | None:
    """Return the commit time of the last commit touching any of paths, if git knows one."""
    if not paths:
        return None
    folder = paths[0].resolve().parent
    try:
        result = subprocess.run(
            ["git", "-C", str(folder), "log", "-1", "--format=%ct", "--", *map(str, paths)],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    stamp = result.stdout.strip()
    return int(stamp) if result.returncode == 0 and stamp.isdigit() else None


class Stopwatch:
    """Time the stages of a build, for `--verbose`."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = clock_time.perf_counter()

    def lap(self, stage: str) -> None:
        """Record the time since the previous lap under `stage`."""
        now = clock_time.perf_counter()
        self.laps[stage] = self.laps.get(stage, 0.0) + now - self._last
        self._last = now
