"""Tests for briefwright.docx.ooxml: content escaped and cleaned, elements written as given,
and Word's units."""

from __future__ import annotations

import pytest

from briefwright.docx.ooxml import (
    XML_DECLARATION,
    attrs,
    clean,
    el,
    emu,
    escape,
    half_points,
    part,
    twips,
    val,
)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("tab\tline\nreturn\r", "tab\tline\nreturn\r"),
        ("nul\x00bell\x07del\x7fc1\x85", "nulbelldelc1"),
        ("lone\ud800 surrogate \ufffe\uffff", "lone surrogate "),
        ("bidi \u202egnp.exe\u202c \u2066isolate\u2069", "bidi gnp.exe isolate"),
        (
            "joiners \u200d\u200c and marks \u200f stay",
            "joiners \u200d\u200c and marks \u200f stay",
        ),
    ],
)
def test_clean_drops_what_xml_cannot_carry_or_would_reorder(text: str, kept: str) -> None:
    """C0 and C1 controls but tab and line ends, lone surrogates, U+FFFE/FFFF and bidi
    embeddings, overrides and isolates go; joiners and direction marks stay; escape, which
    skips a string holding nothing to change, drops them too."""
    assert clean(text) == kept
    assert escape(text) == kept and escape(f"<{text}>") == f"&lt;{kept}&gt;"


def test_escape_makes_content_safe_in_text_and_attributes() -> None:
    """&, <, > and " are escaped, after cleaning."""
    assert escape('<a href="x">&\x00</a>') == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"


def test_elements_are_written_as_given() -> None:
    """Attributes in the mapping's order, values escaped; an empty element closes itself."""
    assert attrs({"w:b": 1, "w:a": 'x"y'}) == ' w:b="1" w:a="x&quot;y"'
    assert el("w:p") == "<w:p/>"
    assert el("w:p", {"w:id": 2}, "<w:r/>", "") == '<w:p w:id="2"><w:r/></w:p>'
    assert val("w:pStyle", "Judgment") == '<w:pStyle w:val="Judgment"/>'
    assert (
        part("w:x", {"xmlns:w": "ns"}, ["<w:y/>"])
        == (XML_DECLARATION + '<w:x xmlns:w="ns"><w:y/></w:x>').encode()
    )


def test_units() -> None:
    """25.4 mm is 1440 twips and 914400 EMU; 10.5 pt is 21 half-points."""
    assert twips(25.4) == 1440 and twips(210) == 11906
    assert emu(25.4) == 914400
    assert half_points(10.5) == 21
