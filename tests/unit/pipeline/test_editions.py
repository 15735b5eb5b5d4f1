"""Tests for briefwright.pipeline.editions: the Word and web editions of a prepared brief."""

from __future__ import annotations

import pytest

from briefwright.pipeline.cutter import Stopped
from briefwright.pipeline.editions import _word_edition_of, make_editions
from briefwright.pipeline.incremental import take_snapshot
from briefwright.pipeline.prepare import prepare
from briefwright.settings import PdfSettings, Project
from tests.conftest import TEMPLATES, MakeProject


def test_a_stopped_build_makes_no_more_word_documents(project: MakeProject) -> None:
    """Once the build has ended (`going` says no), the Word edition stops at its next
    document instead of making the rest for nobody."""
    content = Project(project("minimal"), TEMPLATES)
    ready = prepare(content, PdfSettings(), None, take_snapshot(content))
    made = _word_edition_of(ready, PdfSettings(), lambda: True)
    assert "brief" in made.files
    with pytest.raises(Stopped):
        _word_edition_of(ready, PdfSettings(), lambda: False)


def test_editions_without_a_cutter_are_made_in_the_calling_thread(project: MakeProject) -> None:
    """Without a cutter (a series, `serve`), the web fonts are cut where the Word edition is
    made, and both come back."""
    content = Project(project("minimal"), TEMPLATES)
    ready = prepare(content, PdfSettings(), None, take_snapshot(content))
    editions = make_editions(ready, PdfSettings(), web_fonts=True)
    assert any(name.endswith(".woff2") for name in editions.web)
    assert "brief" in editions.word.files
