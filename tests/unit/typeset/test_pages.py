"""Tests for briefwright.typeset.pages: where a PDF's named anchors begin."""

from __future__ import annotations

import pytest

from briefwright.pipeline.outcome import Built
from briefwright.settings import PdfSettings
from briefwright.typeset.engine import Typesetter
from briefwright.typeset.pages import Spot, find_anchors
from tests.conftest import LAYERS, MADE

HTML = """<!DOCTYPE html><html lang="en"><head><title>t</title>
<style>@page { size: A4; margin: 0 } body { margin: 0 } p { margin: 0; height: 148.5mm }</style>
</head><body><p id="top">one</p><p id="middle">two</p><p id="next" style="break-before: page">
three</p></body></html>"""


def test_anchors_are_found_on_their_page_and_down_it() -> None:
    """Each id's destination gives its page (from 1) and how far down it begins."""
    with Typesetter(LAYERS, PdfSettings(), "t.pdf", made=MADE) as typesetter:
        pdf = typesetter.write_pdf(typesetter.render(HTML))
    spots = find_anchors(pdf, ["top", "middle", "next", "absent"])
    assert spots.keys() == {"top", "middle", "next"}
    assert spots["top"] == Spot(1, 0.0)
    assert spots["middle"].page == 1 and spots["middle"].down == pytest.approx(0.5, abs=0.01)
    assert spots["next"] == Spot(2, 0.0)
    assert spots["middle"].position == pytest.approx(0.5, abs=0.01)


def test_a_pdf_without_named_destinations_has_no_anchors(built: Built) -> None:
    """An anchor the PDF lacks (a one-pager has no notes) is left out; nothing fails."""
    pdf = (built.out_dir / "onepagers" / "co-development.pdf").read_bytes()
    assert find_anchors(pdf, ["notes"]) == {}
