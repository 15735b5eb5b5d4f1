"""Turn the brand into the Word styles of running text: key points, bulleted lists, "what to
watch", notes, source entries, figures, captions and endnotes (styles.py assembles them
with the rest). Sizes follow the PDF's stylesheets (templates/assets/*.css).
"""

from __future__ import annotations

from briefwright.docx.formatting import Border, Style, borders, ppr, rpr
from briefwright.docx.model import Brand, Layout
from briefwright.docx.numbering import BULLET_LIST, KEY_POINT_LIST, LIST_INDENT


def list_styles(brand: Brand) -> list[Style]:
    """Return the styles of key points, bulleted lists and the "what to watch" block."""
    rule = Border(brand.colours.rule, 0.5, 4)
    return [
        Style(
            "KeyPoint",
            "Key point",
            next_style="KeyPoint",
            paragraph=ppr(num_id=KEY_POINT_LIST, after=3, left=LIST_INDENT, hanging=LIST_INDENT),
        ),
        Style(
            "ListBullet",
            "List Bullet",
            next_style="ListBullet",
            paragraph=ppr(num_id=BULLET_LIST, after=3, left=LIST_INDENT, hanging=LIST_INDENT),
        ),
        Style(
            "Watch",
            "What to watch",
            next_style="Normal",
            paragraph=ppr(edges=borders(top=rule), keep_lines=True, before=6, after=8),
        ),
    ]


def note_styles(brand: Brand, layout: Layout) -> list[Style]:
    """Return the styles of notes, source entries, figures, captions and endnotes."""
    c = brand.colours
    small = 7.5 if layout.compact else 8.5  # a one-pager's small print is smaller, as in its PDF
    return [
        Style(
            "Note",
            "Note",
            next_style="Normal",
            paragraph=ppr(before=4, after=6, line=1.0),
            run=rpr(font=brand.sans, size=small, colour=c.muted),
        ),
        Style(
            "SourceEntry",
            "Source entry",
            based_on="Note",
            next_style="SourceEntry",
            paragraph=ppr(before=0, after=1.5),
            run=rpr(size=small + 0.5),
        ),
        Style(
            "Figure",
            "Figure",
            next_style="Caption",
            paragraph=ppr(keep_next=True, before=6, after=2, line=1.0, align="center"),
        ),
        Style(
            "Caption",
            "caption",
            next_style="Normal",
            paragraph=ppr(after=10, align="center"),
            run=rpr(font=brand.sans, italic=True, size=8.5, colour=c.muted),
        ),
        Style(
            "EndnoteText",
            "endnote text",
            hidden=True,
            paragraph=ppr(after=4, line=1.0),
            run=rpr(size=8.5),
        ),
    ]
