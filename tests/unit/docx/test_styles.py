"""Tests for briefwright.docx.styles: the house style as named Word styles, the defaults from
the layout, built-in styles under Word's own names."""

from __future__ import annotations

import io
from xml.etree import ElementTree as ET

import docx

from briefwright.docx.model import Layout
from briefwright.docx.styles import styles_xml
from briefwright.settings import Paper
from tests.unit.docx import samples
from tests.unit.docx.conftest import Package, W, fragment


def _styles(layout: Layout) -> ET.Element:
    (styles,) = fragment(styles_xml(samples.brand(), layout, "en-GB").decode().split("?>", 1)[1])
    return styles


def _style(root: ET.Element, style_id: str) -> ET.Element:
    found = [s for s in root.iter(W + "style") if s.get(W + "styleId") == style_id]
    assert len(found) == 1, style_id
    return found[0]


def test_every_style_id_is_defined_once() -> None:
    """No two styles share an id, and every style a style is based on exists."""
    root = _styles(Layout())
    ids = [s.get(W + "styleId") for s in root.iter(W + "style")]
    assert len(ids) == len(set(ids))
    parents = {b.get(W + "val") for b in root.iter(W + "basedOn")}
    assert parents <= set(ids)


def test_the_defaults_are_the_layouts_body_size_and_the_language() -> None:
    """Text defaults to the serif at the layout's body size, in the document's language;
    a compact layout sets its lines closer."""
    root = _styles(Layout(Paper.A4.page(onepager=True), 9.5, compact=True))
    defaults = root.find(f"{W}docDefaults")
    assert defaults is not None
    size = defaults.find(f".//{W}sz")
    language = defaults.find(f".//{W}lang")
    line = defaults.find(f".//{W}spacing")
    assert size is not None and size.get(W + "val") == "19"
    assert language is not None and language.get(W + "val") == "en-GB"
    assert line is not None and line.get(W + "line") == "252"
    fonts = defaults.find(f".//{W}rFonts")
    assert fonts is not None and fonts.get(W + "ascii") == samples.brand().serif


def test_compact_headings_are_small_capitals_and_a_briefs_are_not() -> None:
    """A one-pager's headings are small capitals in the sans; the brief's are not."""
    compact = _style(_styles(Layout(compact=True)), "Heading1")
    brief = _style(_styles(Layout()), "Heading1")
    assert compact.find(f".//{W}caps") is not None
    assert brief.find(f".//{W}caps") is None


def test_built_in_styles_keep_words_own_names(brief: Package) -> None:
    """Headings, contents entries and endnote text carry Word's own names, so Word's
    navigation, TOC field and endnotes find them; python-docx reads them."""
    root = _styles(Layout())
    names = {s.get(W + "styleId"): s.find(W + "name").get(W + "val")  # type: ignore[union-attr]
             for s in root.iter(W + "style")}  # fmt: skip
    assert names["Heading1"] == "heading 1" and names["EndnoteText"] == "endnote text"
    assert names["TOC1"] == "toc 1"
    read = {style.name for style in docx.Document(io.BytesIO(brief.data)).styles}
    assert {"Heading 1", "Heading 2", "Title", "Judgment", "Bottom line"} <= read


def test_japanese_styles_set_no_capitals_and_no_latin_spacing() -> None:
    """A Japanese document's styles have neither italics nor capitals (LibreOffice drops
    kanji set in capitals), and its paragraphs add no space between kana or kanji and
    digits (2023年3月, as the PDF sets it); an English document keeps both."""
    japanese = styles_xml(samples.brand(), Layout(), "ja").decode()
    english = styles_xml(samples.brand(), Layout(), "en-GB").decode()
    assert "<w:caps/>" not in japanese and "<w:caps/>" in english
    tight = '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'
    assert f"<w:pPrDefault><w:pPr>{tight}" in japanese and tight not in english
