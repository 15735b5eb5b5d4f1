"""Turn SVG element trees into deterministic text, and make a chart library's SVG accessible.

Elements are `xml.etree.ElementTree` elements; `serialize` writes them with the attributes in
the order given, numbers rounded to two decimals and no namespace prefixes, so the same tree
is the same bytes on every run. `make_accessible` gives any SVG the root a figure needs:
`role`, `<title>` and `<desc>` (named by `aria-labelledby`), a `viewBox` and no fixed size,
so it scales to the width of its column.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;"}
_ATTRIBUTE_CHARS = re.compile(r'[&<>"\n]')
_TEXT_CHARS = re.compile(r"[&<>]")

Attributes = Mapping[str, str | float | int]


def number(value: float) -> str:
    """Return a coordinate as text: at most two decimals, no trailing zeros, no `-0`."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def element(tag: str, attributes: Attributes | None = None, text: str | None = None) -> ET.Element:
    """Return a new element with its attributes (numbers written by `number`) and text."""
    node = ET.Element(tag, {k: _attribute(v) for k, v in (attributes or {}).items()})
    node.text = text
    return node


def child(
    parent: ET.Element, tag: str, attributes: Attributes | None = None, text: str | None = None
) -> ET.Element:
    """Append a new element to parent and return it."""
    node = element(tag, attributes, text)
    parent.append(node)
    return node


def _attribute(value: str | float | int) -> str:
    return value if isinstance(value, str) else number(value)


def serialize(root: ET.Element) -> str:
    """Return the SVG text of a tree whose root is `svg`: namespace declared once, no prefixes."""
    parts: list[str] = []
    _write(root, parts, is_root=True)
    return "".join(parts)


def _write(node: ET.Element, parts: list[str], *, is_root: bool = False) -> None:
    tag = _local(node.tag)
    attributes = {_qualified(k): v for k, v in node.attrib.items()}
    if is_root:
        uses_xlink = any(k.startswith("xlink:") for k in _all_attribute_names(node))
        declared = {"xmlns": SVG_NS, **({"xmlns:xlink": XLINK_NS} if uses_xlink else {})}
        attributes = declared | {k: v for k, v in attributes.items() if not k.startswith("xmlns")}
    parts.append(f"<{tag}")
    parts.extend(
        f' {name}="{_escape(value, _ATTRIBUTE_CHARS)}"' for name, value in attributes.items()
    )
    if node.text is None and len(node) == 0:
        parts.append("/>")
    else:
        parts.append(">")
        if node.text:
            parts.append(_escape(node.text, _TEXT_CHARS))
        for kid in node:
            _write(kid, parts)
            if kid.tail:
                parts.append(_escape(kid.tail, _TEXT_CHARS))
        parts.append(f"</{tag}>")


def _all_attribute_names(node: ET.Element) -> list[str]:
    return [_qualified(name) for each in node.iter() for name in each.attrib]


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _qualified(name: str) -> str:
    if name.startswith(f"{{{XLINK_NS}}}"):
        return "xlink:" + _local(name)
    if name.startswith("{http://www.w3.org/XML/1998/namespace}"):
        return "xml:" + _local(name)
    return _local(name)


def _escape(text: str, characters: re.Pattern[str]) -> str:
    return characters.sub(lambda m: _ESCAPES[m.group()], text)


def make_accessible(
    svg: str | ET.Element, figure_id: str, title: str, desc: str, *, role: str = "img"
) -> str:
    """Return the SVG with `role`, a `<title>` and a `<desc>` first (ids `<figure_id>-title`
    and `-desc`, named by `aria-labelledby`), a `viewBox`, and no fixed width or height.

    The roles and ARIA attributes a chart library puts on the marks are dropped: under
    `role="img"` ARIA makes every descendant presentational, so they would say nothing.
    """
    root = ET.fromstring(svg) if isinstance(svg, str) else svg
    if "viewBox" not in root.attrib:
        width, height = root.get("width"), root.get("height")
        if width is None or height is None:
            raise ValueError("an SVG without a viewBox needs a width and a height")
        root.set("viewBox", f"0 0 {_plain(width)} {_plain(height)}")
    kept = {k: v for k, v in root.attrib.items() if k not in ("width", "height", "role")}
    kept = {k: v for k, v in kept.items() if not k.startswith("aria-")}
    ids = f"{figure_id}-title {figure_id}-desc"
    root.attrib.clear()
    root.attrib.update({"role": role, "aria-labelledby": ids, **kept})
    _drop_old_labels(root)
    root.insert(0, element("title", {"id": f"{figure_id}-title"}, title))
    root.insert(1, element("desc", {"id": f"{figure_id}-desc"}, desc))
    return serialize(root)


def _plain(length: str) -> str:
    return number(float(re.sub(r"(px|pt)$", "", length.strip())))


def _drop_old_labels(root: ET.Element) -> None:
    for node in list(root):
        if _local(node.tag) in ("title", "desc"):
            root.remove(node)
    for node in root.iter():
        if node is root:
            continue
        for name in [n for n in node.attrib if n == "role" or n.startswith("aria-")]:
            if name != "aria-hidden":
                del node.attrib[name]
