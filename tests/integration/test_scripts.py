"""Devanagari and Japanese render with the bundled fonts; an uncovered character fails."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from briefwright.errors import BriefError
from briefwright.pipeline.outcome import RunOptions
from briefwright.pipeline.run import build_project
from briefwright.settings import Project
from tests.conftest import TEMPLATES, MakeProject


def _to_unicode_maps(pdf: Path) -> str:
    """Return every embedded font's ToUnicode map: which characters the PDF draws."""
    maps = []
    for page in PdfReader(pdf).pages:
        resources: Any = page["/Resources"].get_object()
        for font in resources.get("/Font", {}).values():
            maps.append(font.get_object()["/ToUnicode"].get_object().get_data().decode())
    return "".join(maps).upper()


def _scripts(project: MakeProject) -> Path:
    """Return the scripts fixture with its annex (where the glossary is) printed in the PDF."""
    content = project("scripts")
    brief = content / "brief.yaml"
    brief.write_text(brief.read_text().replace("  audience:", "  annex: pdf\n  audience:"))
    return content


def test_devanagari_and_japanese_render(project: MakeProject, tmp_path: Path) -> None:
    """A glossary in Hindi and Japanese typesets with the bundled faces and no .notdef."""
    out = tmp_path / "out"
    build_project(Project(_scripts(project), TEMPLATES), out, run=RunOptions(only="brief"))
    drawn = _to_unicode_maps(out / "brief.pdf")
    assert "0906" in drawn and "092D" in drawn  # आ and भ (alone or in a cluster)
    assert "5CB8" in drawn and "65E5" in drawn  # 岸 and 日
    text = "".join(page.extract_text() for page in PdfReader(out / "brief.pdf").pages)
    assert "岸田文雄" in text and "日本" in text


def test_a_character_no_font_covers_fails(project: MakeProject, tmp_path: Path) -> None:
    """Hangul, which no bundled font covers, is BW302 once per character, at the content
    line and column that holds it (not at brief.pdf:1:1), saying what to do."""
    content = _scripts(project)
    glossary = content / "glossary.yaml"
    glossary.write_text(glossary.read_text().replace("日本", "한국"))
    line, column = next(
        (number, text.index("한") + 1)
        for number, text in enumerate(glossary.read_text().splitlines(), 1)
        if "한" in text
    )
    with pytest.raises(BriefError) as caught:
        build_project(Project(content, TEMPLATES), tmp_path / "out", run=RunOptions(only="brief"))
    hangul = [d for d in caught.value.diagnostics if "U+D55C" in d.message]
    assert len(hangul) == 1
    (found,) = hangul
    assert found.code == "BW302"
    assert (found.location.path, found.location.line, found.location.column) == (
        str(glossary), line, column,
    )  # fmt: skip
    assert found.message == (
        "'한' (U+D55C) is in no bundled font, so brief.pdf would show a blank box; replace "
        "the character, or supply a font that has it under `brand: typography: fonts:`"
    )
