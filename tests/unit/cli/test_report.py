"""Tests for briefwright.cli.report: what a build says in the terminal."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefwright.cli.report import print_outcome, summary_table
from briefwright.pipeline.outcome import Built, UpToDate


def test_an_up_to_date_build_says_only_that(capsys: pytest.CaptureFixture[str]) -> None:
    """Nothing to do prints one line naming the output folder."""
    print_outcome(UpToDate(Path("out")), quiet=False, verbose=False)
    assert capsys.readouterr().out == "out is up to date: nothing changed since the last build\n"


def test_the_summary_has_a_row_per_document(built: Built) -> None:
    """The table lists each PDF with its pages and time (or "reused")."""
    table = summary_table(built)
    documents = list(table.columns[0].cells)
    assert documents == [f"{stem}.pdf" for stem in built.produced.documents]
    pages = list(table.columns[1].cells)
    assert pages[0] == str(built.produced.documents["brief"].pages)


def test_quiet_prints_only_remarks(built: Built, capsys: pytest.CaptureFixture[str]) -> None:
    """--quiet leaves out the summary; a one-pager's size remark still shows."""
    print_outcome(built, quiet=True, verbose=False)
    out = capsys.readouterr().out
    assert "typeset" not in out
    assert out.splitlines() == list(built.produced.remarks)
