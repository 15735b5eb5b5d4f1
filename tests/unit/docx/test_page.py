"""Tests for briefwright.docx.page: the section (paper and margins from settings.Page), and
the headers and footers of the first and the other pages."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from briefwright.docx.model import CurrentSection, Furniture, Layout
from briefwright.docx.ooxml import twips
from briefwright.docx.page import footer_xml, furniture_tabs, section_properties, text_width
from briefwright.settings import Paper
from tests.unit.docx import samples
from tests.unit.docx.conftest import Package, W, fragment


def test_headers_carry_the_marking_the_first_the_logo_the_others_the_section(
    brief: Package,
) -> None:
    """Every header has the marking; the first page's the logo, the others a running head."""
    first, other = brief.text("word/header1.xml"), brief.text("word/header2.xml")
    assert "TLP:CLEAR" in first
    assert "TLP:CLEAR" in other
    assert 'descr="briefwright"' in first
    assert "STYLEREF &quot;heading 1&quot;" in other
    assert "<w:titlePg/>" in brief.text("word/document.xml")


def test_footers_count_pages_and_carry_the_marking(brief: Package) -> None:
    """Every footer prints the marking and "Page X of Y" with PAGE and NUMPAGES fields."""
    for footer in ("word/footer1.xml", "word/footer2.xml"):
        text = brief.text(footer)
        assert "> PAGE <" in text
        assert "> NUMPAGES <" in text
        assert "TLP:CLEAR" in text
    assert "BW-2026-001" in brief.text("word/footer2.xml")


def test_a_compact_layout_sets_its_own_margins_and_heading_look(onepager: Package) -> None:
    """A one-pager's layout gives its margins, and its headings are small capitals."""
    section = onepager.xml("word/document.xml").find(f".//{W}sectPr/{W}pgMar")
    assert section is not None
    assert section.get(W + "top") == "850"  # 15 mm
    styles = onepager.text("word/styles.xml")
    heading = re.search(r'w:styleId="Heading1">.*?</w:style>', styles)
    assert heading is not None
    assert "<w:caps/>" in heading.group(0)


@pytest.mark.parametrize("paper", list(Paper))
@pytest.mark.parametrize("onepager", [False, True])
def test_the_section_is_the_pdfs_page(paper: Paper, onepager: bool) -> None:
    """Page size and margins are the settings' Page, in twips; the text width between the
    side margins; the first page has its own header and footer."""
    page = paper.page(onepager)
    layout = Layout(page)
    root = fragment(section_properties(layout, ("rId1", "rId2"), ("rId3", "rId4"), False))
    size, margins = root.find(f".//{W}pgSz"), root.find(f".//{W}pgMar")
    assert size is not None and margins is not None
    assert size.get(W + "w") == str(twips(page.width_mm))
    assert size.get(W + "h") == str(twips(page.height_mm))
    sides = {side: margins.get(W + side) for side in ("top", "right", "bottom", "left")}
    expected = page.margins
    assert sides == {
        side: str(twips(getattr(expected, side))) for side in ("top", "right", "bottom", "left")
    }
    assert text_width(layout) == twips(page.text_width_mm)
    assert root.find(f".//{W}titlePg") is not None and root.find(f".//{W}endnotePr") is None


def test_a4_in_twips() -> None:
    """A4 is 11906 × 16838 twips, the brief's side margins 1077 twips each."""
    layout = Layout(Paper.A4.page())
    root = fragment(section_properties(layout, ("a", "b"), ("c", "d"), True))
    assert root.find(f".//{W}pgSz").attrib == {W + "w": "11906", W + "h": "16838"}  # type: ignore[union-attr]
    assert root.find(f".//{W}pgMar").get(W + "left") == "1077"  # type: ignore[union-attr]
    assert root.find(f".//{W}endnotePr") is not None


def test_furniture_tabs_centre_and_right_align_on_the_text_width() -> None:
    """The header and footer tab stops sit at the middle and the right edge of the text."""
    centre, right = furniture_tabs(Layout(Paper.LETTER.page()))
    width = twips(Paper.LETTER.page().text_width_mm)
    assert (centre.kind, centre.position, right.kind, right.position) == (
        "center",
        width // 2,
        "right",
        width,
    )


def test_the_page_label_is_text_around_page_and_page_count_fields() -> None:
    """A translated "Page {number} of {total}" keeps its words and order, the two fields in
    their places."""
    meta = samples.meta()
    for label, fields in (("Seite {number} von {total}", ["PAGE", "NUMPAGES"]),
                          ("{total}ページ中{number}ページ", ["NUMPAGES", "PAGE"])):  # fmt: skip
        xml = footer_xml(replace(meta, page_label=label), Furniture())
        root = fragment(xml.decode().split("?>", 1)[1])
        instructions = [(t.text or "").strip() for t in root.iter(W + "instrText")]
        assert instructions == fields


def test_a_header_with_a_running_head_names_the_current_section() -> None:
    """A CurrentSection header is a STYLEREF field to Heading 1."""
    from briefwright.docx.page import header_xml

    text = header_xml(samples.meta(), Furniture(CurrentSection(), "")).decode()
    assert "STYLEREF &quot;heading 1&quot;" in text
