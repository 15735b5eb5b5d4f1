"""Tests for briefwright.docx.numbering: the house bullets, one list definition per style."""

from __future__ import annotations

from briefwright.docx.numbering import BULLET_LIST, KEY_POINT_LIST, LIST_INDENT, numbering_xml
from tests.unit.docx import samples
from tests.unit.docx.conftest import Package, W, fragment


def _numbering() -> tuple[list[tuple[str, str, str]], dict[str, str]]:
    """Return each definition's (id, bullet, colour) and each list's definition."""
    root = fragment(numbering_xml(samples.brand()).decode().split("?>", 1)[1])
    abstracts = []
    for definition in root.iter(W + "abstractNum"):
        text = definition.find(f".//{W}lvlText")
        colour = definition.find(f".//{W}color")
        assert text is not None and colour is not None
        abstracts.append((definition.get(W + "abstractNumId", ""), text.get(W + "val", ""),
                          colour.get(W + "val", "")))  # fmt: skip
    lists = {n.get(W + "numId", ""): n[0].get(W + "val", "") for n in root.iter(W + "num")}
    return abstracts, lists


def test_key_points_and_other_lists_have_bullets_of_their_own() -> None:
    """Key points get accent bullets and every other list muted ones, each in a definition
    of its own (LibreOffice gives a list to one paragraph style only)."""
    abstracts, lists = _numbering()
    colours = samples.brand().colours
    assert abstracts == [(str(KEY_POINT_LIST), "\u2022", colours.accent),
                         (str(BULLET_LIST), "\u2022", colours.muted)]  # fmt: skip
    assert lists == {str(KEY_POINT_LIST): str(KEY_POINT_LIST), str(BULLET_LIST): str(BULLET_LIST)}


def test_an_item_hangs_five_millimetres_in() -> None:
    """Each level indents its text by LIST_INDENT and hangs the bullet in it."""
    root = fragment(numbering_xml(samples.brand()).decode().split("?>", 1)[1])
    indents = {(i.get(W + "left"), i.get(W + "hanging")) for i in root.iter(W + "ind")}
    assert indents == {(str(LIST_INDENT), str(LIST_INDENT))}


def test_key_points_read_back_as_a_bulleted_list(onepager: Package) -> None:
    """In the written one-pager, the key points' style numbers them with the key-point list."""
    styles = onepager.text("word/styles.xml")
    key_point = styles.split('w:styleId="KeyPoint"', 1)[1].split("</w:style>", 1)[0]
    assert f'<w:numId w:val="{KEY_POINT_LIST}"/>' in key_point
    assert "word/numbering.xml" in onepager.names
