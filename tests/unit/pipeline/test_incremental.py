"""Tests for briefwright.pipeline.incremental through real builds: skip what has not changed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from briefwright.pipeline.outcome import Built, RunOptions, UpToDate
from briefwright.pipeline.run import build_project
from briefwright.settings import Project
from tests.conftest import CONTENT, TEMPLATES


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """Return a copy of the real content and templates, built once into out/."""
    root = tmp_path_factory.mktemp("incremental")
    shutil.copytree(CONTENT, root / "content")
    shutil.copytree(TEMPLATES, root / "templates")
    build_project(
        Project(root / "content", root / "templates"), root / "out", run=RunOptions(jobs=2)
    )
    return root / "content", root / "templates", root / "out"


def _rebuild(project: tuple[Path, Path, Path], force: bool = False) -> Built | UpToDate:
    content, templates, out = project
    return build_project(Project(content, templates), out, run=RunOptions(jobs=2, force=force))


def _built(project: tuple[Path, Path, Path], force: bool = False) -> Built:
    made = _rebuild(project, force)
    assert isinstance(made, Built), "expected a build, not 'up to date'"
    return made


def test_unchanged_rebuild_does_nothing(project: tuple[Path, Path, Path]) -> None:
    """With nothing changed, a build parses no content and typesets nothing."""
    assert isinstance(_rebuild(project), UpToDate)


def test_one_topic_edit_retypesets_only_what_depends_on_it(
    project: tuple[Path, Path, Path],
) -> None:
    """Editing a key point of one topic re-typesets that topic's one-pager and the brief,
    and writes their Word edition again; the other documents' PDFs and .docx are kept."""
    content = project[0]
    topic = content / "topics" / "strategic-context.yaml"
    original = topic.read_text()
    edited = original.replace("more joint exercises", "more joint military exercises")
    assert edited != original
    topic.write_text(edited)
    try:
        built = _built(project)
    finally:
        topic.write_text(original)
    assert sorted(built.produced.typeset) == ["brief", "onepagers/strategic-context"]
    assert len(built.produced.reused) == 8  # the Japanese edition's five among them
    assert "ja/brief" in built.produced.reused
    assert sorted(built.produced.docx_reused) == sorted(built.produced.reused)
    assert (project[2] / "onepagers" / "strategic-context.docx").is_file()
    again = _built(project)  # back to the original text: the original PDFs are typeset again
    assert "onepagers/strategic-context" in again.produced.typeset


def test_template_change_retypesets_everything(project: tuple[Path, Path, Path]) -> None:
    """A change to a stylesheet every document uses re-typesets every document, the
    Japanese edition's too."""
    css = project[1] / "assets" / "base.css"
    original = css.read_text()
    css.write_text(original + "\n/* a comment changes the stylesheet's fingerprint */\n")
    try:
        built = _built(project)
    finally:
        css.write_text(original)
    assert len(built.produced.typeset) == 10 and built.produced.reused == ()
    _rebuild(project)


def test_force_rebuilds_all(project: tuple[Path, Path, Path]) -> None:
    """--force typesets every document even when nothing changed, in both languages."""
    built = _built(project, force=True)
    assert len(built.produced.typeset) == 10


def test_damaged_artifact_is_rebuilt(project: tuple[Path, Path, Path]) -> None:
    """A PDF changed or deleted in the output folder is typeset again."""
    out = project[2]
    (out / "onepagers" / "co-development.pdf").unlink()
    built = _built(project)
    assert built.produced.typeset == ("onepagers/co-development",)
    assert (out / "onepagers" / "co-development.pdf").is_file()


def test_an_artifact_changed_in_place_is_made_again(project: tuple[Path, Path, Path]) -> None:
    """A byte changed in an artifact, its size kept, is found by its SHA-256: the build is
    not up to date, and the file is written again."""
    page = project[2] / "brief.html"
    original = page.read_bytes()
    page.write_bytes(original.replace(b"<html", b"<HTML", 1))
    assert page.stat().st_size == len(original)
    _built(project)
    assert page.read_bytes() == original


def test_a_fifo_in_place_of_an_artifact_is_rebuilt_not_read(
    project: tuple[Path, Path, Path],
) -> None:
    """A FIFO where an artifact was is not opened (that would block): it is replaced."""
    page = project[2] / "brief.html"
    original = page.read_bytes()
    page.unlink()
    os.mkfifo(page)
    _built(project)
    assert page.read_bytes() == original
