"""Turn the layout and the page furniture into the section properties, headers and footers.

The first page has a header and footer of its own (w:titlePg): the brief's cover has no
running head, and only the first page carries the logo. Every header carries the marking at
the right, every footer the marking in the centre and "Page X of Y" at the right.
"""

from __future__ import annotations

from briefwright.docx.fields import current_heading, page_number
from briefwright.docx.formatting import Tab, ppr, rpr
from briefwright.docx.model import CurrentSection, Furniture, Layout, Meta
from briefwright.docx.ooxml import (
    DRAWING_NAMESPACES,
    WORD_NAMESPACES,
    el,
    escape,
    part,
    twips,
    val,
)

_FURNITURE_DISTANCE_MM = 10  # from the paper's edge to the header's top, the footer's foot


def text_width(layout: Layout) -> int:
    """Return the width between the side margins, in twips."""
    return twips(layout.page.text_width_mm)


def furniture_tabs(layout: Layout) -> tuple[Tab, Tab]:
    """Return the header and footer tab stops: centre and right edge of the text."""
    width = text_width(layout)
    return Tab("center", width // 2), Tab("right", width)


def _text_run(text: str, language: str, style: str | None = None) -> str:
    props = rpr(style=style, lang=language)
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _tab_run(language: str) -> str:
    return f"<w:r>{rpr(lang=language)}<w:tab/></w:r>"


def header_xml(meta: Meta, furniture: Furniture, logo: str = "") -> bytes:
    """Return a header part: logo and header line (or running head) left, marking right."""
    lang = meta.language
    if isinstance(furniture.header, CurrentSection):
        left = current_heading(rpr(lang=lang))
    else:
        left = [_text_run(furniture.header, lang)] if furniture.header else []
    runs = [logo, *left, _tab_run(lang), _tab_run(lang), _marking(meta)]
    namespaces = WORD_NAMESPACES | _drawing_namespaces(logo)
    return part("w:hdr", namespaces, [el("w:p", None, ppr(style="Header"), *runs)])


def footer_xml(meta: Meta, furniture: Furniture) -> bytes:
    """Return a footer part: footer line left, marking centred, page counter right."""
    lang = meta.language
    runs = [
        _text_run(furniture.footer, lang) if furniture.footer else "",
        _tab_run(lang),
        _marking(meta),
        _tab_run(lang),
        *_page_label_runs(meta.page_label, lang),
    ]
    return part("w:ftr", WORD_NAMESPACES, [el("w:p", None, ppr(style="Footer"), *runs)])


def _marking(meta: Meta) -> str:
    """Return the marking as a run in its own style (spaces pad its black box)."""
    return _text_run(f"\u00a0{meta.marking}\u00a0", meta.language, "Marking")


def _page_label_runs(label: str, language: str) -> list[str]:
    """Return 'Page {number} of {total}' as text runs, PAGE and NUMPAGES in their places."""
    runs: list[str] = []
    rest = label
    while rest:
        found = [(rest.find(key), key) for key in ("{number}", "{total}") if key in rest]
        if not found:
            runs.append(_text_run(rest, language))
            break
        index, key = min(found)
        if index:
            runs.append(_text_run(rest[:index], language))
        runs += page_number(rpr(lang=language), total=key == "{total}")
        rest = rest[index + len(key) :]
    return runs


def _drawing_namespaces(logo: str) -> dict[str, str]:
    return dict(DRAWING_NAMESPACES) if logo else {}


def section_properties(
    layout: Layout, header_ids: tuple[str, str], footer_ids: tuple[str, str], endnotes: bool
) -> str:
    """Return the body's final w:sectPr from the layout and the header and footer relationship
    ids (first page, other pages)."""
    first_header, header = header_ids
    first_footer, footer = footer_ids
    references = [
        el("w:headerReference", {"w:type": "default", "r:id": header}),
        el("w:headerReference", {"w:type": "first", "r:id": first_header}),
        el("w:footerReference", {"w:type": "default", "r:id": footer}),
        el("w:footerReference", {"w:type": "first", "r:id": first_footer}),
    ]
    # Word's default endnote numbers are lower-case roman; the brief's are decimal.
    numbering = el("w:endnotePr", None, val("w:numFmt", "decimal")) if endnotes else ""
    page = layout.page
    margins = {
        "w:top": twips(page.margins.top),
        "w:right": twips(page.margins.right),
        "w:bottom": twips(page.margins.bottom),
        "w:left": twips(page.margins.left),
        "w:header": twips(_FURNITURE_DISTANCE_MM),
        "w:footer": twips(_FURNITURE_DISTANCE_MM),
        "w:gutter": 0,
    }
    return el(
        "w:sectPr",
        None,
        *references,
        numbering,
        el("w:pgSz", {"w:w": twips(page.width_mm), "w:h": twips(page.height_mm)}),
        el("w:pgMar", margins),
        el("w:cols", {"w:space": 708}),
        "<w:titlePg/>",
    )
