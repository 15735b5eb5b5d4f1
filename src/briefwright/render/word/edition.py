"""Turn a checked Brief into the parts every Word document is made of: the edition (fonts,
logo, the build's PDF settings), the context a document is built from, and the runs of
cited statements and labelled judgments. render/word/brief.py and onepager.py assemble them.

Every fixed word comes from the brief's label catalogue (render.labels), as in the HTML;
the brand gives the series, organisation, colours and families; the caller gives the font
files and the logo. Content stays text: never a field, a hyperlink or a macro.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from briefwright.docx.model import (
    Brand,
    Colours,
    Corroboration,
    Endnote,
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
from briefwright.model.annex import TimelineEvent
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
from briefwright.render.word.fonts import JAPANESE, SANS, SERIF, Fonts, embedding_names
from briefwright.render.word.png import palette_png
from briefwright.render.word.revisions import Revisions
from briefwright.settings import PdfSettings

_SLOT = re.compile("\ue000(\\w+)\ue001")  # a run's place in a label (private-use marks)


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
