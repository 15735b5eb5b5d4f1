"""Give each Figure of a tagged PDF the whole alternative text of its SVG: title and desc.

WeasyPrint 70 tags an inline `<svg>` as a Figure and copies the SVG's `<title>` into its
`/Alt` (`weasyprint/pdf/tags.py`), but not its `<desc>`: a PDF reader's user hears
"Timeline of 14 events, 2017 to May 2023" and nothing of the events the HTML reader gets
from the description. `describe_figures` finds each inline SVG's title and desc in the
HTML that was typeset and sets `/Alt` to both on the Figure whose `/Alt` is that title.

Model-free (pikepdf and the standard library only), so the typesetting worker may call it
from its post-processing. Deterministic: elements are visited in document order and only
`/Alt` strings change.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

import pikepdf
from pikepdf import Name

_SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)
_NS = "{http://www.w3.org/2000/svg}"


def svg_descriptions(html: str) -> dict[str, str]:
    """Return, for each inline SVG of the HTML with a title and a desc, title → full text."""
    found: dict[str, str] = {}
    for match in _SVG.finditer(html):
        try:
            root = ET.fromstring(match.group())
        except ET.ParseError:
            continue  # not ours: our SVG is well-formed XML
        title, desc = _child_text(root, "title"), _child_text(root, "desc")
        if title and desc:
            found.setdefault(title, _joined(title, desc))
    return found


def _child_text(root: ET.Element, tag: str) -> str:
    node = root.find(_NS + tag)
    if node is None:
        node = root.find(tag)
    return " ".join("".join(node.itertext()).split()) if node is not None else ""


def _joined(title: str, desc: str) -> str:
    return f"{title} {desc}" if title[-1] in ".!?:" else f"{title}. {desc}"


def describe_figures(pdf: pikepdf.Pdf, html: str) -> int:
    """Set `/Alt` to title and desc on each Figure whose `/Alt` is an SVG's title in the
    HTML; return how many Figures changed."""
    full = svg_descriptions(html)
    changed = 0
    for figure in figure_elements(pdf):
        alt = " ".join(str(figure.get(Name.Alt, "")).split())
        if alt in full:
            figure[Name.Alt] = pikepdf.String(full[alt])
            changed += 1
    return changed


def figure_elements(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Return the Figure structure elements, in document order."""
    root = pdf.Root.get(Name.StructTreeRoot)
    if root is None:
        return []
    figures, seen = [], set()
    stack = list(reversed(_kids(root)))
    while stack:
        node = stack.pop()
        if node.objgen in seen and node.objgen != (0, 0):
            continue
        seen.add(node.objgen)
        if node.get(Name.S) == Name.Figure:
            figures.append(node)
        stack.extend(reversed(_kids(node)))
    return figures


def _kids(node: pikepdf.Object) -> list[pikepdf.Dictionary]:
    kids = node.get(Name.K)
    items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    return [k for k in items if isinstance(k, pikepdf.Dictionary) and Name.S in k]


def save_deterministic(pdf: pikepdf.Pdf) -> bytes:
    """Return the PDF's bytes as every post-processing step saves them: its streams as they
    were (never decoded or recompressed), and an ID derived from its content, so the same
    input always gives the same bytes."""
    out = io.BytesIO()
    pdf.save(
        out,
        deterministic_id=True,
        object_stream_mode=pikepdf.ObjectStreamMode.preserve,
        compress_streams=True,
        stream_decode_level=pikepdf.StreamDecodeLevel.none,
        fix_metadata_version=False,
    )
    return out.getvalue()
