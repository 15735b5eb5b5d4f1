"""Turn the brand and layout into styles.xml: the house style as Word styles (numbering.py
writes the lists' bullets).

Every look the brief has lives in a named style, none in direct formatting, so a reviewer's
edits keep it. Style ids are what the body refers to; names are what Word shows. Built-in
styles keep Word's own names ("heading 1", "toc 1", "endnote text") so that Word treats them
as its own: the navigation pane, the TOC field and the endnotes rely on that. Sizes follow
the PDF's stylesheets (templates/assets/*.css).
"""

from __future__ import annotations

from dataclasses import replace

from briefwright.docx.formatting import (
    CAPS,
    ITALIC,
    Border,
    Style,
    Tab,
    borders,
    ppr,
    rpr,
    semibold,
    slants,
)
from briefwright.docx.model import Brand, Layout
from briefwright.docx.ooxml import WORD_NAMESPACES, el, part
from briefwright.docx.page import furniture_tabs, text_width
from briefwright.docx.tables import table_styles
from briefwright.docx.text_styles import list_styles, note_styles

_BOX_LEFT = 260  # twips: a box's text indent, leaving room for its bar and padding
_BOX_RIGHT = 160


def _character(style_id: str, name: str, run: str, hidden: bool = False) -> Style:
    return Style(style_id, name, "character", based_on=None, run=run, hidden=hidden)


def _label(brand: Brand, colour: str) -> str:
    """Return run properties of a label: small bold capitals in the sans, slightly spaced."""
    return rpr(font=brand.sans, bold=True, caps=True, tracking=0.4, size=7.5, colour=colour)


def styles_xml(brand: Brand, layout: Layout, language: str) -> bytes:
    """Return the styles.xml part."""
    styles = [
        *_base_styles(brand, layout, language),
        *_cover_styles(brand, layout),
        *_heading_styles(brand, layout),
        *_judgment_styles(brand, layout),
        *list_styles(brand),
        *note_styles(brand, layout),
        *_annex_styles(brand),
        *table_styles(brand),
        *_navigation_styles(brand, layout),
        *_character_styles(brand),
    ]
    if not slants(language):  # nor capitals: East Asian scripts have no case either
        styles = [replace(style, run=style.run.replace(ITALIC, "").replace(CAPS, ""))
                  for style in styles]  # fmt: skip
    defaults = _doc_defaults(brand, layout, language)
    return part("w:styles", WORD_NAMESPACES, [defaults, *(s.xml() for s in styles)])


def _doc_defaults(brand: Brand, layout: Layout, language: str) -> str:
    """Return the defaults every style starts from: serif text in the language (East Asian
    text in the brand's East Asian family, else the serif), its lines as far apart as the
    PDF's (Word's single spacing is already ~1.33 em for Source Serif)."""
    east_asian = brand.east_asian or brand.serif
    line = 1.05 if layout.compact else 1.1
    run = rpr(font=brand.serif, size=layout.body_size, colour=brand.colours.ink, lang=language,
              east_asian=east_asian)  # fmt: skip
    return el(
        "w:docDefaults",
        None,
        el("w:rPrDefault", None, run),
        # A one-pager's lines are closer, as in its PDF (line-height 1.4, not 1.45).
        el("w:pPrDefault", None, _spaced(ppr(after=6, line=line), language)),
    )


def _spaced(paragraph: str, language: str) -> str:
    """Return default paragraph properties; in an East Asian language without the space
    Word and LibreOffice add between kana or kanji and Latin letters or digits, so
    "2023年3月20日" reads as the PDF sets it (autoSpaceDE and DN come before w:spacing)."""
    if slants(language):
        return paragraph
    tight = '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'
    return paragraph.replace("<w:pPr>", "<w:pPr>" + tight, 1)


def _base_styles(brand: Brand, layout: Layout, language: str) -> list[Style]:
    furniture = ppr(tabs=furniture_tabs(layout), after=0, line=1.0)
    small = rpr(font=brand.sans, size=7.5, colour=brand.colours.muted)
    return [
        Style("Normal", "Normal", based_on=None, default=True, run=rpr(lang=language)),
        Style(
            "DefaultParagraphFont",
            "Default Paragraph Font",
            "character",
            based_on=None,
            default=True,
            hidden=True,
        ),
        Style("Header", "header", hidden=True, paragraph=furniture, run=small),
        Style("Footer", "footer", hidden=True, paragraph=furniture, run=small),
    ]


def _cover_styles(brand: Brand, layout: Layout) -> list[Style]:
    c = brand.colours
    sans = brand.sans
    rule = Border(c.rule, 0.6, 4)
    title_size = 21 if layout.compact else 28
    return [
        Style(
            "Title",
            "Title",
            next_style="Subtitle",
            paragraph=ppr(keep_next=True, after=4, line=1.0),
            run=rpr(font=sans, bold=True, size=title_size, colour=c.accent),
        ),
        Style(
            "Subtitle",
            "Subtitle",
            next_style="Normal",
            paragraph=ppr(after=10, line=1.05),
            run=rpr(italic=True, size=13, colour=c.muted),
        ),
        Style(
            "Kicker",
            "Kicker",
            next_style="Normal",
            paragraph=ppr(keep_next=True, after=2),
            run=rpr(font=sans, caps=True, tracking=0.3, size=8, colour=c.muted),
        ),
        Style(
            "CoverMeta",
            "Cover meta",
            next_style="Normal",
            paragraph=ppr(
                edges=borders(top=rule, bottom=rule),
                tabs=(Tab("left", text_width(layout) // 2),),
                before=2,
                after=12,
                line=1.1,
            ),
            run=rpr(font=sans, size=8.5),
        ),
        Style(
            "RestsOn",
            "Rests on",
            next_style="Normal",
            paragraph=ppr(before=4, after=14),
            run=rpr(size=9.5),
        ),
    ]


def _heading_styles(brand: Brand, layout: Layout) -> list[Style]:
    accent = brand.colours.accent
    if layout.compact:  # a one-pager's headings: small capitals over a thin rule
        label = rpr(font=brand.sans, bold=True, caps=True, tracking=0.5, size=8, colour=accent)
        rule = borders(bottom=Border(brand.colours.rule, 0.5, 1))
        first = ppr(keep_next=True, edges=rule, before=8, after=3, line=1.0, outline=0)
        return [
            Style("Heading1", "heading 1", next_style="Normal", paragraph=first, run=label),
            Style(
                "Heading2",
                "heading 2",
                next_style="Normal",
                paragraph=ppr(keep_next=True, before=6, after=3, line=1.0, outline=1),
                run=label,
            ),
        ]
    return [
        Style(
            "Heading1",
            "heading 1",
            next_style="Normal",
            paragraph=ppr(
                keep_next=True,
                keep_lines=True,
                before=20,
                after=8,
                line=1.0,
                edges=borders(bottom=Border(accent, 1.2, 3)),
                outline=0,
            ),
            run=semibold(brand, size=15, colour=accent),
        ),
        Style(
            "Heading2",
            "heading 2",
            next_style="Normal",
            paragraph=ppr(
                keep_next=True, keep_lines=True, before=12, after=4, line=1.0, outline=1
            ),
            run=semibold(brand, size=11, colour=accent),
        ),
    ]


def _boxed(fill: str, bar: str) -> str:
    """Return a box's borders: a bar on the left, the fill around the text, and a white rule
    between two boxes in a row, which Word and LibreOffice would otherwise merge into one."""
    pad = Border(fill, 0.5, 4)
    return borders(
        top=pad, left=Border(bar, 2.5, 8), bottom=pad, right=pad, between=Border("FFFFFF", 6, 6)
    )


def _judgment_styles(brand: Brand, layout: Layout) -> list[Style]:
    c = brand.colours

    def box(fill: str, bar: str) -> str:
        edges = _boxed(fill, bar)
        return ppr(
            keep_lines=True,
            edges=edges,
            fill=fill,
            before=4,
            after=10,
            left=_BOX_LEFT,
            right=_BOX_RIGHT,
        )

    return [
        Style(
            "Judgment",
            "Judgment",
            next_style="Normal",
            paragraph=box(c.assess_background, c.assess),
        ),
        Style(
            "BottomLine",
            "Bottom line",
            next_style="Normal",
            paragraph=box(c.tint, c.accent),
            run=rpr(size=layout.body_size + 1),  # a point above the body, as in the PDF
        ),
        Style(
            "Recommendation",
            "Recommendation",
            next_style="Recommendation",
            paragraph=box(c.tint, c.accent),
        ),
    ]


def _annex_styles(brand: Brand) -> list[Style]:
    """Return the styles of the annexes: a source's details, glossary terms, asides."""
    c = brand.colours
    return [
        Style(
            "SourceMeta",
            "Source details",
            next_style="SourceMeta",
            paragraph=ppr(tabs=(Tab("left", 1100),), left=1100, hanging=1100, after=2, line=1.0),
            run=rpr(size=8.5),
        ),
        Style(
            "SourceMetaStart",
            "Source details start",
            based_on="SourceMeta",
            next_style="SourceMeta",
            paragraph=ppr(keep_next=True, before=8),
        ),
        Style(
            "Term",
            "Term",
            next_style="Definition",
            paragraph=ppr(keep_next=True, after=0),
            run=semibold(brand, colour=c.accent, size=9.5),
        ),
        Style(
            "Definition",
            "Definition",
            next_style="Term",
            paragraph=ppr(left=340, after=6),
            run=rpr(size=9.5),
        ),
        Style(
            "Aside",
            "Aside",
            next_style="Normal",
            paragraph=ppr(
                keep_lines=True,
                edges=borders(left=Border(c.rule, 2.5, 8), between=Border("FFFFFF", 6, 6)),
                left=_BOX_LEFT,
                after=8,
            ),
            run=rpr(size=9.5),
        ),
    ]


def _navigation_styles(brand: Brand, layout: Layout) -> list[Style]:
    c = brand.colours
    leader = (Tab("right", text_width(layout), dots=True),)
    heading = semibold(brand, caps=True, tracking=0.5, size=11, colour=c.accent)
    return [
        Style(
            "TOCHeading",
            "TOC Heading",
            next_style="Normal",
            paragraph=ppr(keep_next=True, before=6, after=6),
            run=heading,
        ),
        Style(
            "TOC1",
            "toc 1",
            next_style="Normal",
            hidden=True,
            paragraph=ppr(tabs=leader, after=1, line=1.0),
            run=rpr(font=brand.sans, size=9),
        ),
        Style(
            "TOC2",
            "toc 2",
            based_on="TOC1",
            next_style="Normal",
            hidden=True,
            paragraph=ppr(left=240),
        ),
    ]


def _character_styles(brand: Brand) -> list[Style]:
    c = brand.colours
    sans = brand.sans
    note = rpr(font=sans, colour=c.accent, superscript=True)
    return [
        _character("EndnoteReference", "endnote reference", note, hidden=True),
        _character("NoteNumber", "Note number", note),
        _character(
            "JudgmentTitle",
            "Judgment title",
            semibold(brand, caps=True, tracking=0.5, size=11, colour=c.accent),
        ),
        _character("JudgmentLabel", "Judgment label", _label(brand, c.assess)),
        _character("RecommendationLabel", "Recommendation label", _label(brand, c.accent)),
        _character("JudgmentBasis", "Judgment basis", rpr(font=sans, colour=c.muted, size=7.5)),
        _character("Label", "Label", _label(brand, c.accent)),
        _character("QuietLabel", "Quiet label", _label(brand, c.muted)),
        _character("Muted", "Muted", rpr(font=sans, colour=c.muted)),
        _character(
            "Corroborated",
            "Corroborated",
            semibold(
                brand,
                caps=True,
                tracking=0.3,
                size=6.5,
                colour=c.corroborated,
                boxed=c.corroborated,
            ),
        ),
        _character(
            "Marking",
            "Marking",
            rpr(font=sans, bold=True, size=7.5, colour="FFFFFF", fill="000000"),
        ),
    ]
