"""Tests for hostile content in the Word writer: text, never markup, fields, links or macros."""

from __future__ import annotations

import io
import re

import docx

from tests.unit.docx import samples
from tests.unit.docx.conftest import Package, W

# The only field instructions the writer composes.
_ALLOWED_FIELDS = re.compile(
    r"NOTEREF _RefNote\d+( \\f)? \\h|PAGE|NUMPAGES"
    r'|TOC \\o "1-[12]" \\h \\z \\u|STYLEREF "heading 1"'
)
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def test_every_part_parses_and_no_control_character_survives(hostile: Package) -> None:
    """Control characters are dropped, so every part is well-formed XML."""
    for name in hostile.xml_parts():
        hostile.xml(name)
        assert not _NOT_TEXT.search(hostile.text(name)), name


def test_bidi_controls_are_dropped_so_nothing_shows_reversed(hostile: Package) -> None:
    """Bidi embeddings, overrides and isolates never reach a run; the words around stay."""
    for name in hostile.xml_parts():
        assert not _BIDI_CONTROLS.search(hostile.text(name)), name
    heading = docx.Document(io.BytesIO(hostile.data)).paragraphs[0].text
    assert "bidi gnp.exe and isolate embed" in heading


def test_hostile_strings_are_text(hostile: Package) -> None:
    """Markup, field codes and entities in content come back as the same text."""
    document = docx.Document(io.BytesIO(hostile.data))
    heading = document.paragraphs[0].text
    assert "<script>alert('x')</script>" in heading
    assert '<w:fldSimple w:instr="INCLUDETEXT' in heading
    assert "&amp; &lt;b&gt; & < > \" '" in heading
    assert "nulbellescvtffdelc1 end" in heading  # control characters removed, text kept
    assert samples.LONG_WORD in hostile.text("word/document.xml")
    assert document.core_properties.title.startswith("</dc:title><evil/>")
    assert document.core_properties.author == "ab"
    assert "TLP:&lt;b&gt;AMBER&lt;/b&gt;" in hostile.text("word/header1.xml")


def test_no_field_comes_from_content(hostile: Package) -> None:
    """Every field instruction is one the writer composes; content makes none."""
    for name in hostile.xml_parts():
        root = hostile.xml(name)
        assert root.find(f".//{W}fldSimple") is None
        for instruction in root.iter(W + "instrText"):
            assert _ALLOWED_FIELDS.fullmatch((instruction.text or "").strip()), instruction.text


def test_no_external_link_and_no_macro(hostile: Package) -> None:
    """Relationships stay inside the package; links are internal anchors; no macros."""
    for name in hostile.names:
        if name.endswith(".rels"):
            rels = hostile.text(name)
            assert "TargetMode" not in rels
            assert "file:" not in rels
            assert "://" not in rels.replace("http://schemas.", "")
    body = hostile.text("word/document.xml")
    assert not re.search(r"<w:hyperlink [^>]*r:id=", body)
    assert not any("vba" in n.lower() or n.endswith(".bin") for n in hostile.names)
    assert "macroEnabled" not in hostile.text("[Content_Types].xml")


def test_bookmark_names_from_content_are_made_legal(hostile: Package) -> None:
    """A heading's id becomes a legal bookmark name: letters, digits, underscores, ≤ 40."""
    names = re.findall(r'w:name="([^"]*)"', hostile.text("word/document.xml"))
    assert "x__onload__alert_1_" in names
    assert all(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,39}", n) for n in names)
