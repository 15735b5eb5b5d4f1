"""Tests for briefwright.docx.formatting: paragraph and run properties in the order
ECMA-376 requires, borders and styles."""

from __future__ import annotations

from dataclasses import replace

from briefwright.docx.formatting import Border, Style, Tab, border, borders, ppr, rpr, semibold
from tests.unit.docx import samples
from tests.unit.docx.conftest import W, fragment


def _children(xml: str) -> list[str]:
    (element,) = fragment(xml)
    return [child.tag.removeprefix(W) for child in element]


def test_paragraph_properties_come_in_schema_order() -> None:
    """Whatever is given, w:pPr's children follow CT_PPr's order."""
    xml = ppr(outline=0, align="center", hanging=10, after=6, tabs=[Tab("right", 100, True)],
              fill="EEEEEE", edges=borders(left=Border("000000")), num_id=1, keep_lines=True,
              keep_next=True, style="Heading1")  # fmt: skip
    assert _children(xml) == ["pStyle", "keepNext", "keepLines", "numPr", "pBdr", "shd", "tabs",
                              "spacing", "ind", "jc", "outlineLvl"]  # fmt: skip


def test_spacing_is_in_twentieths_and_lines_in_240ths() -> None:
    """6 pt after is 120; a line of 1.05 is 252 with the auto rule; a dotted tab leads."""
    (spacing,) = fragment(ppr(after=6, line=1.05)).iter(W + "spacing")
    assert spacing.attrib == {W + "after": "120", W + "line": "252", W + "lineRule": "auto"}
    (tab,) = fragment(ppr(tabs=[Tab("right", 100, True)])).iter(W + "tab")
    assert tab.get(W + "leader") == "dot" and tab.get(W + "pos") == "100"


def test_run_properties_come_in_schema_order_and_none_is_nothing() -> None:
    """w:rPr's children follow CT_RPr's order; a run with no property has no w:rPr."""
    xml = rpr(lang="en-GB", superscript=True, fill="EEEEEE", boxed="000000", size=9,
              tracking=0.3, colour="123456", caps=True, italic=True, bold=True, font="Noto Sans",
              style="Label")  # fmt: skip
    order = ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "color", "spacing", "sz",
             "szCs", "bdr", "shd", "vertAlign", "lang"]  # fmt: skip
    assert _children(xml) == order
    assert rpr() == ""


def test_a_border_is_in_eighths_of_a_point() -> None:
    """A 0.5 pt rule is w:sz 4; its gap rounds to whole points."""
    (line,) = fragment(border("left", Border("123A63", 0.5, 1.4)))
    assert line.attrib == {W + "val": "single", W + "sz": "4", W + "space": "1",
                           W + "color": "123A63"}  # fmt: skip


def test_semibold_uses_its_own_family_or_the_sans_in_bold() -> None:
    """The house semibold is the SemiBold family when the brand has one, else bold sans."""
    with_family = samples.brand()
    assert "Noto Sans SemiBold" in semibold(with_family, size=9)
    assert "<w:b/>" not in semibold(with_family, size=9)
    without = replace(with_family, sans_semibold=None)
    assert "<w:b/>" in semibold(without, size=9)


def test_a_style_is_written_in_ct_style_order() -> None:
    """A w:style: name, basedOn, next, its visibility, then pPr, rPr, tblPr."""
    style = Style("Judgment", "Judgment", next_style="Normal", paragraph=ppr(after=3),
                  run=rpr(italic=True))  # fmt: skip
    assert _children(style.xml()) == ["name", "basedOn", "next", "qFormat", "pPr", "rPr"]
    hidden = Style("T", "t", kind="table", based_on=None, default=True, hidden=True)
    (element,) = fragment(hidden.xml())
    assert element.get(W + "default") == "1" and element.get(W + "type") == "table"
    assert [c.tag.removeprefix(W) for c in element] == ["name", "semiHidden", "unhideWhenUsed"]
