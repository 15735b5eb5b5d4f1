"""Tests for briefwright.render.svgsafe: an SVG logo made safe to publish, or refused."""

from __future__ import annotations

import pytest
from lxml import etree

from briefwright.errors import BriefError
from briefwright.render.svgsafe import MAX_ASPECT, safe_logo

SVG = 'xmlns="http://www.w3.org/2000/svg"'
CLEAN = f'<svg {SVG} width="30" height="10" viewBox="0 0 30 10"><rect width="30"/></svg>'.encode()


def _refusals(svg: str) -> list[str]:
    with pytest.raises(BriefError) as raised:
        safe_logo(svg.encode(), "logo.svg")
    return [str(diagnostic) for diagnostic in raised.value.diagnostics]


def test_a_clean_logo_is_published_byte_for_byte() -> None:
    """A logo holding only allowed SVG is the file itself, not a re-serialisation."""
    assert safe_logo(CLEAN, "logo.svg") is CLEAN


def test_scripts_handlers_and_foreign_objects_are_refused_each_at_its_line() -> None:
    """Every active part is reported at once, each with the logo's path and its line."""
    found = _refusals(
        f'<svg {SVG} onload="alert(1)">\n'
        "<script>alert(document.domain)</script>\n"
        '<rect width="1" onmouseover="alert(2)"/>\n'
        "<foreignObject><p>x</p></foreignObject>\n"
        '<a href="javascript:alert(3)"><rect width="1"/></a>\n'
        '<iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example/"/>\n</svg>'
    )
    assert [line.split(": BW171 ")[0] for line in found] == [
        "logo.svg:1:1", "logo.svg:2:1", "logo.svg:3:1", "logo.svg:4:1", "logo.svg:5:1",
        "logo.svg:6:1",
    ]  # fmt: skip
    assert "event handler (onload=)" in found[0] and "<script>" in found[1]
    assert "<foreignObject>" in found[3] and "'javascript:alert(3)'" in found[4]
    assert "<iframe>" in found[5]


@pytest.mark.parametrize(
    "inner",
    [
        '<image href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="/>',
        '<use href="data:image/svg+xml,%3Csvg%3E%3C/svg%3E"/>',
        '<style>@import "https://evil.example/x.css";</style>',
        '<rect style="fill: url(https://evil.example/p.svg#p)"/>',
    ],
)
def test_pictures_other_than_rasters_and_imported_styles_are_refused(inner: str) -> None:
    """Only a PNG, JPEG, GIF or WebP may be inline; no style sheet or paint from outside."""
    (found,) = _refusals(f"<svg {SVG}>{inner}</svg>")
    assert " BW171 the SVG logo refers to " in found


def test_what_is_not_on_the_allow_list_is_left_out_of_the_published_copy() -> None:
    """Editor metadata, foreign attributes, animation and links go; the drawing stays."""
    svg = (
        f'<svg {SVG} xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" '
        'viewBox="0 0 4 2"><!-- made by hand --><metadata><rdf/></metadata>'
        '<rect width="4" height="2" fill="#123a63" inkscape:label="box" data-x="1">'
        '<set attributeName="fill" to="red"/></rect>'
        '<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>'
        '<a href="#top" target="_blank"><circle r="1"/></a></svg>'
    )
    published = safe_logo(svg.encode(), "logo.svg")
    root = etree.fromstring(published)
    names = [etree.QName(node).localname for node in root.iter()]
    assert names == ["svg", "rect", "image", "g", "circle"]
    assert root[2].attrib == {}
    assert root[0].attrib == {"width": "4", "height": "2", "fill": "#123a63"}
    assert b"inkscape" not in published and b"made by hand" not in published


def test_entities_and_malformed_xml_are_refused() -> None:
    """A DTD declaring entities (an entity bomb, an external file) is refused; so is a file
    that is not XML, at the place the parser stopped."""
    (entities,) = _refusals(
        '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f"<svg {SVG}><text>&x;</text></svg>"
    )
    assert "declares XML entities" in entities
    (broken,) = _refusals(f"<svg {SVG}>\n<rect>")
    assert broken.startswith("logo.svg:2:") and "not well-formed XML" in broken


def test_a_logo_of_an_extreme_shape_is_refused() -> None:
    """A logo more than MAX_ASPECT times wider than high (or the reverse) is refused: no
    page holds it at the logo's height, and its drawn PNG would be unbounded."""
    wide = MAX_ASPECT * 10 + 1
    (found,) = _refusals(f'<svg {SVG} viewBox="0 0 {wide:g} 10"/>')
    assert "times wider than it is high" in found
    assert safe_logo(f'<svg {SVG} width="200" height="10"/>'.encode(), "logo.svg")


def test_what_surrounds_the_drawing_is_left_out() -> None:
    """A style sheet (or XSLT) processing instruction, a DOCTYPE and comments are not the
    drawing: the published copy is the root element alone."""
    svg = (
        '<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="data:text/xml,x"?>\n'
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/'
        f'DTD/svg11.dtd">\n<svg {SVG}><!-- note --><?pi x?><rect width="1"/></svg>'
    )
    assert safe_logo(svg.encode(), "logo.svg") == f'<svg {SVG}><rect width="1"/></svg>'.encode()
