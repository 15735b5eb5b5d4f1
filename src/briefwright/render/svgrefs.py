"""Find, or remove, what an SVG refers to outside itself: `href`/`xlink:href` values and
`url(…)` and `@import` in attributes and style sheets that are neither a fragment of the
SVG (`#g`) nor a `data:` URI.

A brand's SVG logo is content, so untrusted: the build refuses a logo that refers outside
itself (render/svgsafe.py; WeasyPrint's fetcher would refuse the reference anyway, less
helpfully), and the Word edition draws only what the SVG holds. Python's XML parser fetches
no external entity and refuses entity bombs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

SVG_NS = "http://www.w3.org/2000/svg"
_URL = re.compile(r"url\(\s*(['\"]?)([^)'\"]*)\1\s*\)", re.I)
#: A style sheet imported by name alone (`@import "x.css"`; `@import url(…)` is a url()).
_IMPORT = re.compile(r"@import\s+(['\"])([^'\"]*)\1", re.I)


def parse_svg(data: bytes) -> ET.Element | None:
    """Return an SVG document's root element, or None when the bytes are not one."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError:
        return None
    return root if root.tag == f"{{{SVG_NS}}}svg" else None


def style_references(node: Any) -> list[str]:
    """Return what an element's attributes (`url(…)`) and, for a <style>, its style sheet
    (`url(…)`, `@import`) refer to outside the SVG; an ElementTree or lxml element."""
    values = [m.group(2) for value in node.attrib.values() for m in _URL.finditer(value)]
    if node.tag == f"{{{SVG_NS}}}style" and node.text:
        values += [m.group(2) for m in (*_URL.finditer(node.text), *_IMPORT.finditer(node.text))]
    return [value for value in values if is_outside(value)]


def remove_outside_references(root: ET.Element) -> None:
    """Remove, in place, every reference the SVG makes outside itself."""
    for node in root.iter():
        for name in [key for key in node.attrib if key.rsplit("}", 1)[-1] == "href"]:
            if is_outside(node.attrib[name]):
                del node.attrib[name]
        for name, value in list(node.attrib.items()):
            node.attrib[name] = _URL.sub(_keep_inside, value)
        if node.tag == f"{{{SVG_NS}}}style" and node.text:
            node.text = _IMPORT.sub("", _URL.sub(_keep_inside, node.text))


def serialize_svg(root: ET.Element) -> bytes:
    """Return the SVG as bytes, its namespaces unprefixed as they are written by hand."""
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=False))


def is_outside(value: str) -> bool:
    """Return True for a reference that is neither a fragment (`#g`) nor a `data:` URI."""
    value = value.strip()
    return not (value.startswith("#") or value.lower().startswith("data:"))


def _keep_inside(match: re.Match[str]) -> str:
    return "none" if is_outside(match.group(2)) else match.group(0)
