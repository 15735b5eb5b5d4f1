"""Turn a checked Brief into the parts every Word document is made of: the edition (fonts,
logo, the build's PDF settings), the context a document is built from, and the runs of
cited statements and labelled judgments. render/word/brief.py and onepager.py assemble them.

Every fixed word comes from the brief's label catalogue (render.labels), as in the HTML;
the brand gives the series, organisation, colours and families; the caller gives the font
files and the logo. Content stays text: never a field, a hyperlink or a macro.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from types import MappingProxyType

from fontTools.ttLib import TTFont

from briefwright.docx.fonts import embedding_name
from briefwright.docx.model import (
    Brand,
    Colours,
    Corroboration,
    Endnote,
    FontFace,
    Furniture,
    Image,
    Layout,
    Logo,
    Meta,
    NoteRef,
    PlainNoteNumber,
    Run,
    Text,
)
from briefwright.evidence.coverage import independent_origins
from briefwright.files import MAX_ASSET_BYTES, read_regular
from briefwright.model.annex import TimelineEvent
from briefwright.model.brand import Brand as BrandModel
from briefwright.model.brief import Brief, Cited, Fact, Recommendation
from briefwright.model.brief import Judgment as BriefJudgment
from briefwright.model.source import Source
from briefwright.model.vocab import DateBasis
from briefwright.render.changes import History
from briefwright.render.editions import original_names, quoted_language
from briefwright.render.figures import DrawnFigure
from briefwright.render.html import lower_first
from briefwright.render.labels import Labels, english
from briefwright.render.notes import Note, NoteIndex
from briefwright.render.typography import typographic
from briefwright.render.word.png import palette_png
from briefwright.render.word.revisions import Revisions
from briefwright.settings import PdfSettings

SERIF = "Source Serif 4"
SANS = "Noto Sans"
SANS_SEMIBOLD = f"{SANS} SemiBold"
#: The East Asian family a Japanese document's kana and kanji are set in (its TrueType
#: build: Word embeds no CFF; templates/assets/fonts/README.md).
JAPANESE = "Noto Sans CJK JP"
JAPANESE_FILES: Mapping[FontFace, str] = MappingProxyType(
    {"regular": "NotoSansCJKjp-Regular-JIS.ttf", "bold": "NotoSansCJKjp-Bold-JIS.ttf"}
)
#: The bundled faces the Word edition embeds, by family and face (templates/assets/fonts/).
FONT_FILES: Mapping[str, Mapping[FontFace, str]] = MappingProxyType({
    SERIF: {"regular": "SourceSerif4-Regular.ttf", "bold": "SourceSerif4-Bold.ttf",
            "italic": "SourceSerif4-Italic.ttf", "bold_italic": "SourceSerif4-BoldItalic.ttf"},
    SANS: {"regular": "NotoSans-Regular.ttf", "bold": "NotoSans-Bold.ttf",
           "italic": "NotoSans-Italic.ttf"},
    SANS_SEMIBOLD: {"regular": "NotoSans-SemiBold.ttf"},
})  # fmt: skip
_SLOT = re.compile("\ue000(\\w+)\ue001")  # a run's place in a label (private-use marks)

Fonts = Mapping[str, Mapping[FontFace, bytes]]


#: The faces a supplied family's files may be, by (weight, style); a 600 face makes the
#: family's SemiBold, as the bundled Noto Sans SemiBold is.
_SUPPLIED_FACES: Mapping[tuple[int, str], tuple[str, FontFace]] = MappingProxyType({
    (400, "normal"): ("", "regular"), (700, "normal"): ("", "bold"),
    (400, "italic"): ("", "italic"), (700, "italic"): ("", "bold_italic"),
    (600, "normal"): (" SemiBold", "regular"),
})  # fmt: skip
_TRUETYPE = (b"\x00\x01\x00\x00", b"true")
_RESTRICTED_EMBEDDING = 0x0002  # OS/2 fsType: the licence forbids embedding


def supplied_fonts(brand: BrandModel, made: Mapping[str, bytes]) -> Fonts:
    """Return the faces of the families the project supplies, as the Word edition embeds
    them: read from the assets the build made (`assets/brand/<file>`), TrueType only (Word
    embeds no CFF-flavoured OpenType), never a face whose licence forbids embedding; 400
    and 700 upright and italic, and 600 as the family's SemiBold. A family without a 400
    upright face is left out: Word then sets the bundled family, as the PDF would not."""
    faces: dict[str, dict[FontFace, bytes]] = {}
    for font in brand.typography.fonts:
        for file in font.files:
            place = _SUPPLIED_FACES.get((file.weight, file.style))
            data = made.get(f"assets/brand/{PurePosixPath(file.path).name}")
            if place is None or data is None or not _embeddable(data):
                continue
            suffix, face = place
            faces.setdefault(font.family + suffix, {})[face] = data
    return {family: held for family, held in faces.items() if "regular" in held}


def is_japanese(language: str) -> bool:
    """Return True for Japanese (BCP 47 tag)."""
    return language.split("-")[0].lower() == "ja"


def _embeddable(data: bytes) -> bool:
    """Return True for a TrueType font whose licence allows embedding."""
    if data[:4] not in _TRUETYPE:
        return False
    try:
        font = TTFont(io.BytesIO(data), lazy=True)
        fs_type = int(font["OS/2"].fsType) if "OS/2" in font else 0
    except Exception:
        return False
    return not fs_type & _RESTRICTED_EMBEDDING


def read_fonts(layers: tuple[Path, ...], language: str = "en") -> Fonts:
    """Read the faces the Word edition embeds from the template layers' fonts folders (the
    first layer holding a file wins, as for the PDF); a Japanese document's, the Japanese
    faces too."""
    faces: dict[str, dict[FontFace, bytes]] = {}
    families = dict(FONT_FILES)
    if is_japanese(language):
        families[JAPANESE] = JAPANESE_FILES
    for family, files in families.items():
        for face, name in files.items():
            held = [layer for layer in layers if (layer / "assets" / "fonts" / name).exists()]
            layer = held[0] if held else layers[-1]
            data = read_regular(layer / "assets" / "fonts" / name, layer, MAX_ASSET_BYTES)
            faces.setdefault(family, {})[face] = data
    return faces


@dataclass(frozen=True)
class Edition:
    """What an edition's documents share besides the brief: the font files, the logo (a PNG
    or JPEG: Word wants one for a picture), the build's PDF settings (their paper owns the
    pages, as for the PDF), and overrides of what the brief's brand says (colours, series,
    organisation; by default the brand's, else the metadata's)."""

    fonts: Fonts
    logo: Logo | None = None
    pdf: PdfSettings = field(default_factory=PdfSettings)
    colours: Colours | None = None
    series: str | None = None
    organisation: str | None = None
    figures: Mapping[str, DrawnFigure] = field(default_factory=dict)
    """The brief's figures, drawn (render/figures.py): placed as pictures, SVG and PNG."""
    fonts_dir: Path | None = None
    """The folder of the bundled faces, which the figures' PNG is drawn with."""


@dataclass(frozen=True)
class Context:
    """What every part of a document is built from: the brief, its notes, the words, the
    edition, and whether notes are cited (the brief) or only numbered (a one-pager)."""

    brief: Brief
    notes: NoteIndex
    t: Labels
    edition: Edition
    in_brief: bool
    revisions: Revisions | None = None
    """The tracked changes against an older version, for the edition a reviewer clears."""
    history: History | None = None
    """What changed since the version `metadata.previous` names, as the brief prints it."""

    @property
    def series(self) -> str:
        """Return the series the documents name, or "" for none."""
        return self.edition.series or self.brief.brand.series or self.brief.metadata.series or ""

    @property
    def organisation(self) -> str:
        """Return the organisation the documents name: the brand's, else the metadata's."""
        brand = self.brief.brand
        named = brand.meta.name.full if brand.meta else None
        return self.edition.organisation or named or self.brief.metadata.organisation

    @property
    def colours(self) -> Colours:
        """Return the house colours: the edition's, else the brand's palette."""
        if self.edition.colours is not None:
            return self.edition.colours
        color = self.brief.brand.color
        pairs = {"ink": color.foreground, "muted": color.secondary, "rule": color.rule,
                 "accent": color.primary, "assess": color.accent,
                 "assess_background": color.accent_tint, "tint": color.primary_tint,
                 "corroborated": color.corroborated}  # fmt: skip
        return Colours(**{name: value.removeprefix("#") for name, value in pairs.items()})

    @property
    def product_line(self) -> str:
        """Return "series · product · version", the footer's line."""
        meta = self.brief.metadata
        line = self.t("product_line", series=self.series, product_id=meta.product_id,
                      version=meta.version)  # fmt: skip
        return without_empty_series(self, line)


#: The width of a figure in the Word edition: within the brief's text column on every
#: paper (A4's is the narrowest, 172 mm; tests/unit/render/test_word.py holds it to that).
FIGURE_WIDTH_MM = 170.0
#: The pixels per inch of a figure's PNG fallback at that width: sharp in print. Drawn at
#: the width it is placed at, in 256 colours (render/word/png.py): ~60 kB for the timeline,
#: where drawing its SVG's own size (197 mm) in full colour made 507 kB.
FIGURE_PPI = 200
#: resvg draws an SVG one pixel a user unit at this many pixels per inch.
_SVG_UNITS_PER_INCH = 72


def figure_image(ctx: Context, drawn: DrawnFigure) -> Image:
    """Return a drawn figure as a Word picture: its SVG, with the bundled sans named as
    Word knows it (the embedded face), and a PNG for readers without SVG; its alt text and
    caption."""

    from briefwright.figures.charts import register_fonts

    if ctx.edition.fonts_dir is not None:
        register_fonts(ctx.edition.fonts_dir)  # else resvg would pick a system font
    family = docx_brand(ctx).sans
    svg = drawn.svg.replace("'BW Sans', sans-serif", f"'{family}', sans-serif")
    svg = svg.replace('"BW Sans"', f'"{family}"')
    width, height = _svg_size(drawn.svg)
    png = _drawn_png(svg, _placed_ppi(width))
    caption = f"{drawn.label}. {drawn.caption}"
    height_mm = FIGURE_WIDTH_MM * height / width if width else FIGURE_WIDTH_MM / 2
    return Image(png, drawn.alt, FIGURE_WIDTH_MM, height_mm, svg.encode("utf-8"), caption)


def _placed_ppi(width: float) -> float:
    """Return the ppi to draw an SVG `width` units wide at, for FIGURE_PPI at FIGURE_WIDTH_MM."""
    if not width:
        return FIGURE_PPI
    return FIGURE_PPI * (FIGURE_WIDTH_MM / 25.4) / (width / _SVG_UNITS_PER_INCH)


@functools.lru_cache(maxsize=4)
def _drawn_png(svg: str, ppi: float) -> bytes:
    """Return the palette PNG of a figure's SVG at `ppi` (~0.13 s for the timeline, holding
    the GIL). Kept for the next Word edition: `serve` makes one on every save that changes
    the brief, and the timeline seldom changes with it."""
    import vl_convert

    return palette_png(bytes(vl_convert.svg_to_png(svg, ppi=ppi)))


def _svg_size(svg: str) -> tuple[float, float]:
    """Return an SVG's width and height from its viewBox."""
    found = re.search(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"', svg)
    return (float(found.group(1)), float(found.group(2))) if found else (0.0, 0.0)


def context(
    brief: Brief,
    fonts: Fonts | Edition,
    labels: Labels | None,
    in_brief: bool,
    revisions: Revisions | None = None,
    history: History | None = None,
) -> Context:
    """Return what a document is built from; English labels unless given."""
    edition = fonts if isinstance(fonts, Edition) else Edition(fonts)
    t = labels or english()
    return Context(brief, NoteIndex(brief, t), t, edition, in_brief, revisions, history)


def without_empty_series(ctx: Context, line: str) -> str:
    """Drop the separator a line starts with when the documents name no series."""
    return line if ctx.series else line.removeprefix(ctx.t("label_separator"))


def compose(text: str, **slots: Run | tuple[Run, ...]) -> tuple[Run, ...]:
    """Split a label filled with slot marks (`slot`) into runs: text, and the run (or runs)
    given for each slot, so that a mark or an italic word can sit inside a translated
    sentence."""
    runs: list[Run] = []
    for index, piece in enumerate(_SLOT.split(text)):
        if index % 2:
            slot = slots[piece]
            runs += slot if isinstance(slot, tuple) else (slot,)
        elif piece:
            runs.append(Text(piece))
    return tuple(runs)


def slot(name: str) -> str:
    return f"\ue000{name}\ue001"


def document_meta(
    ctx: Context,
    title: str,
    subject: str,
    built: datetime,
    pages: tuple[Furniture, Furniture],
    page_label: str,
) -> Meta:
    meta = ctx.brief.metadata
    return Meta(
        title=title,
        subject=subject,
        author=", ".join(meta.authors),
        language=meta.language,
        keywords=meta.keywords,
        marking=meta.marking,
        built=built,
        first_page=pages[0],
        other_pages=pages[1],
        page_label=page_label,
        quote_marks=(ctx.t("quote_open"), ctx.t("quote_close")),
    )


def docx_brand(ctx: Context) -> Brand:
    """Return the docx brand: the brand's families where the fonts hold them, else the
    bundled ones; the semibold family where there is one; and, with the Japanese faces,
    the Japanese family for East Asian text and the sans for all the rest; each under the
    name it is embedded as (docx.fonts.embedding_name: "Source Serif 4" is "BW Serif 4")."""
    fonts, typography = ctx.edition.fonts, ctx.brief.brand.typography
    serif = typography.base.family if typography.base.family in fonts else SERIF
    sans = typography.headings.family if typography.headings.family in fonts else SANS
    semibold = f"{sans} SemiBold" if f"{sans} SemiBold" in fonts else None
    east_asian = JAPANESE if JAPANESE in fonts else None
    if east_asian is not None:  # Japanese is set in the sans throughout, as in the PDF
        serif = sans
    names = embedding_names(fonts)
    renamed = {names[family]: faces for family, faces in fonts.items()}
    return Brand(names.get(serif, serif), names.get(sans, sans), renamed,
                 names[semibold] if semibold else None, ctx.colours, ctx.edition.logo,
                 names[east_asian] if east_asian else None)  # fmt: skip


def embedding_names(fonts: Fonts) -> dict[str, str]:
    """Return the name each family is embedded under, by its own name."""
    return {family: embedding_name(family, next(iter(faces.values())))
            for family, faces in fonts.items()}  # fmt: skip


def page_layout(ctx: Context, onepager: bool = False, body_size: float = 10.5) -> Layout:
    """Return the brief's page (or a one-pager's, set compact) from the edition's paper: the
    size and margins the PDF has, at a body size."""
    page = ctx.edition.pdf.paper.page(onepager)
    return Layout(page, body_size, compact=onepager)


def inferred(ctx: Context, item: Fact | TimelineEvent | BriefJudgment | Recommendation) -> str:
    """Return " (year inferred: …)" for a statement whose year is inferred, else ""."""
    if item.inferred is None:
        return ""
    return ctx.t("word_space") + ctx.t("year_inferred", how=typographic(item.inferred.how))


def note_runs(ctx: Context, item: Cited) -> tuple[Run, ...]:
    """Return a statement's note numbers: citations in the brief, plain numbers elsewhere."""
    kind = NoteRef if ctx.in_brief else PlainNoteNumber
    return tuple(kind(note.number) for note in ctx.notes.of(item))


def corroboration(ctx: Context, item: Cited) -> tuple[Run, ...]:
    if independent_origins(ctx.brief, item) > 1:
        return (Corroboration(ctx.t("corroborated_tag")),)
    return ()


def with_original(ctx: Context, item_id: str, name: str) -> str:
    """Return a name as a translated edition writes it, with the original's beside it
    ("ナレンドラ・モディ（Narendra Modi）"), so a reader finds it in the quotes."""
    original = original_names(ctx.brief).get(item_id)
    return ctx.t("name_with_original", name=name, original=original) if original else name


def published(ctx: Context, source: Source, flag: str) -> str:
    """Return a source's date, flagged `(date inferred)` or `(inferred)` when it is."""
    inferred = source.date_basis is DateBasis.INFERRED
    return ctx.t.date(source.published) + (ctx.t("word_space") + ctx.t(flag) if inferred else "")


def source_label(ctx: Context, source: Source) -> str:
    """Return a source as a one-pager names it: short name and date, flagged when inferred."""
    date_text = published(ctx, source, "date_inferred")
    return ctx.t("source_label", short_name=source.short_name, date=date_text)


def endnote(ctx: Context, note: Note) -> Endnote:
    source = note.source
    inferred = source.date_basis is DateBasis.INFERRED
    line = ctx.t(
        "note_source_line",
        short_name=source.short_name,
        title=source.display_title,
        kind=lower_first(ctx.t.kind(source.kind)),
        date=ctx.t.date(source.published),
        inferred=ctx.t("word_space") + ctx.t("date_inferred") if inferred else "",
        pages=ctx.t.pages(note.pages),
    )
    translation = ctx.t("quote_translation", text=note.translation) if note.translation else None
    return Endnote(
        line,
        note.quote,
        source.id,
        tuple(note.cited_by),
        quoted_language(ctx.brief),
        translation,
    )
