"""Tests for briefwright.figures.markup: deterministic SVG text, accessible roots."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from briefwright.figures.markup import SVG_NS, child, element, make_accessible, number, serialize


@pytest.mark.parametrize(
    ("value", "text"), [(1.0, "1"), (2.456, "2.46"), (-0.001, "0"), (10, "10")]
)
def test_numbers_are_written_short_and_stable(value: float, text: str) -> None:
    """Coordinates keep at most two decimals, no trailing zeros and no negative zero."""
    assert number(value) == text


def test_serialize_escapes_and_keeps_attribute_order() -> None:
    """Text and attributes are escaped; attributes keep the order given; the namespace is
    declared once on the root, with no prefixes."""
    root = element("svg", {"viewBox": "0 0 10 10", "role": "img"})
    child(root, "text", {"x": 1.5, "y": 2}, 'A & B < "C"')
    assert serialize(root) == (
        f'<svg xmlns="{SVG_NS}" viewBox="0 0 10 10" role="img">'
        '<text x="1.5" y="2">A &amp; B &lt; "C"</text></svg>'
    )


def test_make_accessible_gives_a_library_svg_what_a_figure_needs() -> None:
    """A chart library's SVG gets role, title and desc first, a viewBox from its size, no
    fixed size, and loses the roles and labels of its marks."""
    made = (
        f'<svg xmlns="{SVG_NS}" width="300" height="100px" class="marks">'
        '<title>old</title><g role="graphics-symbol" aria-label="x: 1" aria-hidden="true">'
        "<rect/></g></svg>"
    )
    root = ET.fromstring(make_accessible(made, "fig", "The title", "The data."))
    assert root.attrib == {
        "role": "img",
        "aria-labelledby": "fig-title fig-desc",
        "class": "marks",
        "viewBox": "0 0 300 100",
    }
    assert [(kid.tag.split("}")[1], kid.text) for kid in root[:2]] == [
        ("title", "The title"),
        ("desc", "The data."),
    ]
    group = root[2]
    assert group.attrib == {"aria-hidden": "true"}
