"""Tests for briefwright.pipeline.prepare: a brief loaded, rendered, handed out and checked."""

from __future__ import annotations

import signal
from typing import Any

import pytest

from briefwright.errors import BriefError, Interrupted
from briefwright.pipeline import prepare as prepare_module
from briefwright.pipeline.checked import check_loaded
from briefwright.pipeline.incremental import take_snapshot
from briefwright.pipeline.prepare import prepare
from briefwright.settings import PdfSettings, Project
from briefwright.typeset.worker import Job
from tests.conftest import TEMPLATES, MakeProject


def _recording_checks(monkeypatch: pytest.MonkeyPatch, events: list[str]) -> None:
    def recorded(*args: Any, **kwargs: Any) -> Any:
        events.append("check")
        return check_loaded(*args, **kwargs)

    monkeypatch.setattr(prepare_module, "check_loaded", recorded)


def test_documents_reach_the_workers_before_the_checks_run(
    project: MakeProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A whole build hands the brief's documents out as soon as they are rendered and
    checks the brief while they typeset; the prepared brief is the checked one."""
    events: list[str] = []
    _recording_checks(monkeypatch, events)
    content = Project(project("minimal"), TEMPLATES)

    def submit(jobs: list[Job]) -> None:
        events.append(f"submit {len(jobs)}")

    ready = prepare(content, PdfSettings(), None, take_snapshot(content), submit=submit)
    assert events[:2] == [f"submit {len(ready.jobs)}", "check"]
    assert ready.jobs


def test_the_prepared_brief_carries_the_checks_warnings(project: MakeProject) -> None:
    """Checked after its documents went out, the brief keeps what the checks said: a build
    still reports the warning (BW106, a source no statement cites)."""
    content = Project(project("uncited-source"), TEMPLATES)
    ready = prepare(content, PdfSettings(), None, take_snapshot(content), submit=lambda j: None)
    assert [d.code for d in ready.rendered.checked.warnings] == ["BW106"]


def test_a_word_too_long_to_break_is_refused_before_any_typesetting(
    project: MakeProject,
) -> None:
    """A word of thousands of characters (BW151) would make the workers crawl while the
    checks ran: such a brief is checked first, and nothing is handed out."""
    folder = project("minimal")
    topic = folder / "topics" / "only.yaml"
    long_word = "x" * 5000
    topic.write_text(topic.read_text().replace("Only this sentence.", long_word))
    content = Project(folder, TEMPLATES)
    handed: list[list[Job]] = []
    with pytest.raises(BriefError) as raised:
        prepare(content, PdfSettings(), None, take_snapshot(content), submit=handed.append)
    assert handed == [] and "BW151" in str(raised.value)


def test_an_interrupt_while_rendering_passes_at_once(
    project: MakeProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while the unchecked brief renders is no rendering failure: it passes through
    as it came (exit 130 at the CLI), without the checks running first."""
    events: list[str] = []
    _recording_checks(monkeypatch, events)

    def interrupted(*args: Any, **kwargs: Any) -> Any:
        raise Interrupted(signal.SIGINT)

    monkeypatch.setattr(prepare_module, "render_pages", interrupted)
    content = Project(project("likelihood-word"), TEMPLATES)
    with pytest.raises(Interrupted):
        prepare(content, PdfSettings(), None, take_snapshot(content), submit=lambda j: None)
    assert events == []


def test_a_check_error_still_stops_the_build(project: MakeProject) -> None:
    """Content the checks refuse but the templates render (a likelihood word in a fact,
    BW105) raises the checks' error, with its place, although its documents were handed
    out first."""
    content = Project(project("likelihood-word"), TEMPLATES)
    handed: list[list[Job]] = []
    with pytest.raises(BriefError) as raised:
        prepare(content, PdfSettings(), None, take_snapshot(content), submit=handed.append)
    assert handed and "only.yaml:11:11: BW105" in str(raised.value)


def test_the_checks_speak_first_when_rendering_fails(
    project: MakeProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rendering content the checks would refuse may trip on it: the checks' error is the
    one raised, not the renderer's."""

    def tripped(*args: Any, **kwargs: Any) -> Any:
        raise KeyError("a source the checks would have refused")

    monkeypatch.setattr(prepare_module, "render_pages", tripped)
    content = Project(project("bad-quote"), TEMPLATES)
    with pytest.raises(BriefError) as raised:
        prepare(content, PdfSettings(), None, take_snapshot(content), submit=lambda jobs: None)
    assert "BW101" in str(raised.value)


def test_a_renderer_fault_on_sound_content_is_not_hidden(
    project: MakeProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the checks pass, what rendering raised is raised as it was."""

    def tripped(*args: Any, **kwargs: Any) -> Any:
        raise KeyError("a renderer fault")

    monkeypatch.setattr(prepare_module, "render_pages", tripped)
    content = Project(project("minimal"), TEMPLATES)
    with pytest.raises(KeyError, match="a renderer fault"):
        prepare(content, PdfSettings(), None, take_snapshot(content), submit=lambda jobs: None)
