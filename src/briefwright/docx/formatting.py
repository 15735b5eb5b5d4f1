"""Turn paragraph, run and named-style formatting into w:pPr, w:rPr and w:style elements.

Word refuses (or "repairs") a part whose property elements are out of the order ECMA-376
gives them, so the order lives here once, not in every caller.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefwright.docx.model import Brand
from briefwright.docx.ooxml import el, half_points, val


@dataclass(frozen=True)
class Border:
    """One side of a border: width in points, gap to the text in points."""

    colour: str
    width: float = 0.5
    space: float = 1


@dataclass(frozen=True)
class Tab:
    """A tab stop: kind ("left", "center", "right"), position in twips, optional dot leader."""

    kind: str
    position: int
    dots: bool = False


def border(side: str, line: Border) -> str:
    """Write one border side, e.g. <w:left w:val="single" w:sz="20" …/> (w:sz in 1/8 pt)."""
    return el(
        f"w:{side}",
        {
            "w:val": "single",
            "w:sz": round(line.width * 8),
            "w:space": round(line.space),
            "w:color": line.colour,
        },
    )


def borders(**sides: Border | None) -> str:
    """Write w:pBdr from its sides (top, left, bottom, right, between), in schema order."""
    order = ("top", "left", "bottom", "right", "between")
    return el("w:pBdr", None, *(border(s, b) for s in order if (b := sides.get(s)) is not None))


def shading(fill: str) -> str:
    """Write a solid background colour as w:shd."""
    return el("w:shd", {"w:val": "clear", "w:color": "auto", "w:fill": fill})


def ppr(
    *,
    style: str | None = None,
    keep_next: bool = False,
    keep_lines: bool = False,
    num_id: int | None = None,
    edges: str = "",
    fill: str | None = None,
    tabs: Sequence[Tab] = (),
    before: float | None = None,
    after: float | None = None,
    line: float | None = None,
    left: int | None = None,
    right: int | None = None,
    hanging: int | None = None,
    align: str | None = None,
    outline: int | None = None,
    mark: str = "",
) -> str:
    """Write w:pPr: `edges` a w:pBdr, spacing in points, indents in twips, line as a multiple;
    `mark` a tracked change of the paragraph mark (w:ins or w:del, in the mark's w:rPr)."""
    children = [
        val("w:pStyle", style) if style else "",
        "<w:keepNext/>" if keep_next else "",
        "<w:keepLines/>" if keep_lines else "",
        _numbering(num_id),
        edges,
        shading(fill) if fill else "",
        _tabs(tabs),
        _spacing(before, after, line),
        _indent(left, right, hanging),
        val("w:jc", align) if align else "",
        val("w:outlineLvl", outline) if outline is not None else "",
        el("w:rPr", None, mark) if mark else "",
    ]
    return el("w:pPr", None, *children)


def _numbering(num_id: int | None) -> str:
    if num_id is None:
        return ""
    return el("w:numPr", None, val("w:ilvl", 0), val("w:numId", num_id))


def _tabs(tabs: Sequence[Tab]) -> str:
    if not tabs:
        return ""
    stops = (
        el(
            "w:tab",
            {"w:val": t.kind, **({"w:leader": "dot"} if t.dots else {}), "w:pos": t.position},
        )
        for t in tabs
    )
    return el("w:tabs", None, *stops)


def _spacing(before: float | None, after: float | None, line: float | None) -> str:
    values: dict[str, str | int] = {}
    if before is not None:
        values["w:before"] = round(before * 20)
    if after is not None:
        values["w:after"] = round(after * 20)
    if line is not None:
        values["w:line"] = round(line * 240)
        values["w:lineRule"] = "auto"
    return el("w:spacing", values) if values else ""


def _indent(left: int | None, right: int | None, hanging: int | None) -> str:
    values: dict[str, str | int] = {}
    if left is not None:
        values["w:left"] = left
    if right is not None:
        values["w:right"] = right
    if hanging is not None:
        values["w:hanging"] = hanging
    return el("w:ind", values) if values else ""


def rpr(
    *,
    style: str | None = None,
    font: str | None = None,
    bold: bool = False,
    italic: bool = False,
    caps: bool = False,
    colour: str | None = None,
    tracking: float | None = None,
    size: float | None = None,
    boxed: str | None = None,
    fill: str | None = None,
    superscript: bool = False,
    lang: str | None = None,
    east_asian: str | None = None,
) -> str:
    """Write w:rPr (size and tracking in points; `boxed`: a thin border's colour; East
    Asian text in `east_asian`), or ""."""
    children = [
        val("w:rStyle", style) if style else "",
        _fonts(font, east_asian),
        "<w:b/><w:bCs/>" if bold else "",
        ITALIC if italic else "",
        CAPS if caps else "",
        val("w:color", colour) if colour else "",
        val("w:spacing", round(tracking * 20)) if tracking is not None else "",
        _size(size),
        border("bdr", Border(boxed, 0.5, 0)) if boxed else "",
        shading(fill) if fill else "",
        val("w:vertAlign", "superscript") if superscript else "",
        _lang(lang) if lang else "",
    ]
    return el("w:rPr", None, *children) if any(children) else ""


def _fonts(font: str | None, east_asian: str | None = None) -> str:
    """Write w:rFonts: `font` for Latin and complex scripts; East Asian text (w:eastAsia) in
    `east_asian`, else as the document's defaults say (styles.py sets it once there)."""
    if font is None:
        return ""
    names = {"w:ascii": font, "w:hAnsi": font, "w:cs": font}
    if east_asian is not None:
        names["w:eastAsia"] = east_asian
    return el("w:rFonts", names)


#: Languages whose text Word sets as East Asian: their tag goes in w:lang's w:eastAsia too.
EAST_ASIAN_LANGUAGES = ("ja", "zh", "ko")


def is_east_asian(language: str) -> bool:
    """Return True for a language Word sets with its East Asian font (BCP 47 tag)."""
    return language.split("-")[0].lower() in EAST_ASIAN_LANGUAGES


def slants(language: str) -> bool:
    """Return False for Japanese, Chinese and Korean: they have no italic (a slanted kanji is
    a synthetic oblique), so emphasis, titles and quotes stay upright, as in the PDF."""
    return not is_east_asian(language)


#: The run properties `rpr(italic=True)` writes.
ITALIC = "<w:i/><w:iCs/>"
#: The run property `rpr(caps=True)` writes: capitals mean nothing to kana and kanji, and
#: LibreOffice 7.4 drops some kanji from a run set in capitals (一枚紙 printed as "一").
CAPS = "<w:caps/>"


def _lang(language: str) -> str:
    """Write w:lang: the language of the run's Latin text, and of its East Asian text for a
    Japanese, Chinese or Korean document (Word then lays it out and checks it as such)."""
    if is_east_asian(language):
        return el("w:lang", {"w:val": language, "w:eastAsia": language})
    return val("w:lang", language)


def _size(size: float | None) -> str:
    if size is None:
        return ""
    return val("w:sz", half_points(size)) + val("w:szCs", half_points(size))


def semibold(
    brand: Brand,
    *,
    size: float,
    colour: str | None = None,
    caps: bool = False,
    tracking: float | None = None,
    boxed: str | None = None,
) -> str:
    """Return run properties in the house semibold: its own family, else the sans in bold."""
    font, bold = (brand.sans_semibold, False) if brand.sans_semibold else (brand.sans, True)
    return rpr(
        font=font, bold=bold, caps=caps, tracking=tracking, size=size, colour=colour, boxed=boxed
    )


@dataclass(frozen=True)
class Style:
    """One w:style: id, shown name, type, parent, next style and its properties."""

    style_id: str
    name: str
    kind: str = "paragraph"
    based_on: str | None = "Normal"
    next_style: str | None = None
    paragraph: str = ""
    run: str = ""
    table: str = ""
    default: bool = False
    hidden: bool = False

    def xml(self) -> str:
        """Return the w:style element, children in the order CT_Style requires."""
        attributes: dict[str, str | int] = {"w:type": self.kind}
        if self.default:
            attributes["w:default"] = 1
        attributes["w:styleId"] = self.style_id
        return el(
            "w:style",
            attributes,
            val("w:name", self.name),
            val("w:basedOn", self.based_on) if self.based_on else "",
            val("w:next", self.next_style) if self.next_style else "",
            "<w:semiHidden/><w:unhideWhenUsed/>" if self.hidden else "<w:qFormat/>",
            self.paragraph,
            self.run,
            self.table,
        )
