"""Turn the brand into numbering.xml: the bullets of the house lists.

One list definition per list style: LibreOffice gives a list to one paragraph style only,
so two styles sharing one lose their bullets in all but the first.
"""

from __future__ import annotations

from briefwright.docx.formatting import ppr, rpr
from briefwright.docx.model import Brand
from briefwright.docx.ooxml import WORD_NAMESPACES, el, part, val

KEY_POINT_LIST = 1  # numId of the key points' bullets
BULLET_LIST = 2  # numId of every other bulleted list (gaps, caveats)
LIST_INDENT = 284  # twips: 5 mm from the margin to an item's text


def numbering_xml(brand: Brand) -> bytes:
    """Return numbering.xml: accent bullets for key points, muted ones for other lists."""
    colours = {KEY_POINT_LIST: brand.colours.accent, BULLET_LIST: brand.colours.muted}
    abstracts = [_abstract(num_id, colour, brand.sans) for num_id, colour in colours.items()]
    nums = [el("w:num", {"w:numId": num_id}, val("w:abstractNumId", num_id)) for num_id in colours]
    return part("w:numbering", WORD_NAMESPACES, [*abstracts, *nums])


def _abstract(number: int, colour: str, font: str) -> str:
    """Return one single-level bullet list definition as w:abstractNum."""
    level = el(
        "w:lvl",
        {"w:ilvl": 0},
        val("w:start", 1),
        val("w:numFmt", "bullet"),
        val("w:lvlText", "\u2022"),
        val("w:lvlJc", "left"),
        ppr(left=LIST_INDENT, hanging=LIST_INDENT),
        rpr(font=font, colour=colour),
    )
    return el(
        "w:abstractNum", {"w:abstractNumId": number}, val("w:multiLevelType", "singleLevel"), level
    )
