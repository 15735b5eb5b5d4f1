"""Tests for briefwright.typeset.fit through real builds: a one-pager fits, or fails clearly."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from briefwright.cli.app import app
from briefwright.errors import BriefError
from briefwright.pipeline.outcome import Built, RunOptions
from briefwright.pipeline.run import build_project
from briefwright.settings import Project
from tests.conftest import TEMPLATES, MakeProject


def test_content_that_fits_needs_no_step(project: MakeProject, tmp_path: Path) -> None:
    """A short topic's one-pager is one page at the stylesheet's own size, with no remark."""
    built = build_project(
        Project(project("minimal"), TEMPLATES), tmp_path / "out", run=RunOptions(only="onepagers")
    )
    assert isinstance(built, Built)
    assert built.produced.remarks == ()
    assert len(PdfReader(tmp_path / "out" / "onepagers" / "only.pdf").pages) == 1


def test_one_fallback_step_is_reported(project: MakeProject, tmp_path: Path) -> None:
    """A topic slightly too long fits after one step down, and the build output says so."""
    out = tmp_path / "out"
    args = ["build", "--content", str(project("onepager-one-step"))]
    result = CliRunner().invoke(
        app, [*args, "--templates", str(TEMPLATES), "--out", str(out), "--only", "onepagers"]
    )
    assert result.exit_code == 0, result.output
    assert "onepagers/only.pdf fits one page at 10pt (1 step below" in result.stdout
    assert len(PdfReader(out / "onepagers" / "only.pdf").pages) == 1


def test_far_too_long_fails_and_writes_nothing(project: MakeProject, tmp_path: Path) -> None:
    """A topic overflowing even at the floor is BW140 with the overflow; nothing is written."""
    content = project("onepager-too-long")
    out = tmp_path / "out"
    with pytest.raises(BriefError) as caught:
        build_project(Project(content, TEMPLATES), out)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "BW140"
    assert str(diagnostic.location) == f"{content}/topics/only.yaml:227:3"
    assert diagnostic.message.startswith(
        "one-pager 'only' does not fit one page even at 8.5pt: it runs over by "
    )
    assert "% of a page (about " in diagnostic.message
    assert "cut key points under `onepager: key_points:`" in diagnostic.message
    assert not out.exists()
