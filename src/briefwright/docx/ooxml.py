"""Turn content strings and element names into OOXML text: escaping, elements, units.

Parts are built as strings rather than trees: the writer only ever writes, a string join is
several times faster than building an lxml or ElementTree tree, and the output is exactly
what the code says, byte for byte. Every piece of content passes through `escape`, so
content cannot add markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

NS_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"

#: The namespaces declared on the root of every WordprocessingML part.
WORD_NAMESPACES = {"xmlns:w": NS_W, "xmlns:r": NS_R}
#: The namespaces a part holding a picture declares as well.
DRAWING_NAMESPACES = {"xmlns:wp": NS_WP, "xmlns:a": NS_A, "xmlns:pic": NS_PIC}

# Characters XML 1.0 cannot carry (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/FFFF),
# C1 controls and DEL (allowed by XML, never text), and the bidi embeddings, overrides and
# isolates (U+202A–202E, U+2066–2069): the checks refuse those in authored text (BW154), but
# a quote copied from a source may hold one, and it would show the words after it reversed.
_NOT_TEXT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]"
)
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
# What escape changes: most strings (style names, numbers, plain words) hold none of it, and
# one search for it costs a third of the sub and translate it spares (~21,000 strings a build).
_CHANGED = re.compile(f'[&<>"]|{_NOT_TEXT.pattern}')

TWIPS_PER_MM = 1440 / 25.4
EMU_PER_MM = 36000


def clean(text: str) -> str:
    """Drop the characters that cannot be text in XML or would reorder the text around them."""
    return _NOT_TEXT.sub("", text)


def escape(text: str) -> str:
    """Make a content string safe as element content or a double-quoted attribute value."""
    if _CHANGED.search(text) is None:
        return text
    return clean(text).translate(_ESCAPES)


def attrs(values: Mapping[str, str | int]) -> str:
    """Write attributes as ' name="value"' pairs, in the mapping's order, values escaped."""
    return "".join(f' {name}="{escape(str(value))}"' for name, value in values.items())


def el(name: str, values: Mapping[str, str | int] | None = None, *children: str) -> str:
    """Write an element from its name, attributes and already-built children."""
    start = name + (attrs(values) if values else "")
    inner = "".join(children)
    return f"<{start}>{inner}</{name}>" if inner else f"<{start}/>"


def val(name: str, value: str | int) -> str:
    """Write a w:val property element, e.g. val("w:pStyle", "Judgment")."""
    return f'<{name} w:val="{escape(str(value))}"/>'


def part(root: str, values: Mapping[str, str | int], children: Iterable[str]) -> bytes:
    """Write a whole XML part, declaration included, as UTF-8 bytes."""
    return (XML_DECLARATION + el(root, values, "".join(children))).encode("utf-8")


def twips(mm: float) -> int:
    """Convert millimetres to twentieths of a point (Word's page and indent unit)."""
    return round(mm * TWIPS_PER_MM)


def emu(mm: float) -> int:
    """Convert millimetres to English Metric Units (DrawingML's unit)."""
    return round(mm * EMU_PER_MM)


def half_points(points: float) -> int:
    """Convert a font size in points to half-points (w:sz)."""
    return round(points * 2)
