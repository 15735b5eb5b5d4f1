"""Tests for briefwright.pipeline.run: the one choice between a brief and a series, and what a
run starts before any work."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from briefwright.errors import BriefError
from briefwright.pipeline.outcome import Built, RunOptions, UpToDate
from briefwright.pipeline.run import build_project, check_project, is_series, start
from briefwright.settings import PdfSettings, Project
from tests.conftest import FIXTURES, PROJECT, TEMPLATES


@pytest.fixture
def series(tmp_path: Path) -> Project:
    """The fixture series, copied."""
    shutil.copytree(FIXTURES / "series", tmp_path / "content")
    return Project(tmp_path / "content", tmp_path / "templates", theme=TEMPLATES)


def test_a_series_is_a_project_of_briefs_not_one_brief_of_it(series: Project) -> None:
    """A series project is a series; the value for one of its briefs, or a plain project,
    is not."""
    assert is_series(series)
    assert not is_series(replace(series, brief="alpha")) and not is_series(PROJECT)


def test_checking_a_project_gives_its_briefs_by_id(series: Project) -> None:
    """A brief is checked under the id ""; a series' briefs under theirs (all, or those
    named), with the library's findings."""
    one = check_project(PROJECT)
    assert list(one.briefs) == [""] and one.library == ()
    assert one.notices == one.briefs[""].notices
    every = check_project(series)
    assert list(every.briefs) == ["alpha", "beta", "gamma"]
    assert list(check_project(series, ("beta",)).briefs) == ["beta"]
    alpha = check_project(replace(series, brief="alpha"))
    assert list(alpha.briefs) == [""] and alpha.briefs[""].brief.metadata.product_id == "T-ALPHA"


def test_an_unchanged_whole_build_is_up_to_date_and_a_partial_one_is_not(
    built: Built, tmp_path: Path
) -> None:
    """Before any content is parsed, a whole build the output already holds is UpToDate;
    a build of one document goes on, keeping what is unchanged (in both languages: `--only
    brief` is the brief of every edition)."""
    out = tmp_path / "out"
    shutil.copytree(built.out_dir, out)
    assert isinstance(build_project(PROJECT, out), UpToDate)
    assert isinstance(build_project(PROJECT, out, pdf=PdfSettings()), UpToDate)
    partial = build_project(PROJECT, out, run=RunOptions(only="brief"))
    assert isinstance(partial, Built) and partial.produced.typeset == ()
    assert partial.produced.reused == ("brief", "ja/brief")


def test_an_output_folder_that_cannot_be_written_stops_the_run_first(tmp_path: Path) -> None:
    """A file where the output folder should be is BW006 before anything is loaded."""
    (tmp_path / "out").write_text("a file")
    with pytest.raises(BriefError, match="BW006"):
        build_project(Project(tmp_path / "no-content", TEMPLATES), tmp_path / "out")


def test_start_enters_the_scratch_folder(tmp_path: Path) -> None:
    """A run's temporary files go to the process's scratch folder, which it returns."""
    scratch = start(tmp_path / "out")
    assert scratch.is_dir() and scratch.name.startswith("briefwright-run-")
    assert os.environ["TMPDIR"] == str(scratch) and not (tmp_path / "out").exists()
