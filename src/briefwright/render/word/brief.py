"""Turn a checked Brief into the Word edition of the brief, in the PDF's order: the cover and
bottom line, the key judgments and recommendations, the contents, the discussion; then,
because Word sets endnotes after the last paragraph, the annex (always: the Word edition is
the review copy, and a note its annex alone cites needs a place to stand) and "Source notes"
last."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from briefwright.docx.model import (
    Block,
    Cell,
    Corroboration,
    CurrentSection,
    Document,
    Furniture,
    Heading,
    Paragraph,
    ParagraphStyle,
    Run,
    Table,
    TableOfContents,
    Text,
)
from briefwright.evidence.coverage import independent_origins
from briefwright.model.brief import Brief, Gap, Topic, WordingChoice
from briefwright.model.source import Source
from briefwright.render.changes import History
from briefwright.render.html import (
    ANNEX,
    DECISION,
    DISCUSSION,
    Section,
    brief_sections,
)
from briefwright.render.labels import Labels
from briefwright.render.typography import typographic
from briefwright.render.word.edition import (
    Context,
    Edition,
    compose,
    context,
    document_meta,
    docx_brand,
    endnote,
    figure_image,
    inferred,
    page_layout,
    published,
    slot,
    source_label,
    with_original,
    without_empty_series,
)
from briefwright.render.word.fonts import Fonts
from briefwright.render.word.revisions import Revisions
from briefwright.render.word.statements import (
    cited,
    fact,
    judgment,
    mark,
    recommendation,
    said,
    with_notes,
)
from briefwright.render.word.versions import (
    changes_section,
    cite_as,
    version_boxes,
    with_removed,
)


def brief_document(
    brief: Brief,
    built: datetime,
    fonts: Fonts | Edition,
    labels: Labels | None = None,
    history: History | None = None,
    revisions: Revisions | None = None,
) -> Document:
    """Return the brief as a Word document, its notes numbered as the PDF numbers them;
    with what changed since the previous version (`history`), and, for a reviewer, the
    changes from an older version as tracked changes (`revisions`)."""
    ctx = context(brief, fonts, labels, True, revisions, history)
    t, meta = ctx.t, brief.metadata
    pages = (Furniture(), Furniture(CurrentSection(), ctx.product_line))
    blocks = [*_cover(ctx, built), *version_boxes(ctx), *_sections(ctx, DECISION)]
    blocks += [*_guide(ctx), *_sections(ctx, DISCUSSION), *_sections(ctx, ANNEX)]
    blocks += [_colophon(ctx), Heading(1, t("source_notes_heading"), "notes")]
    return Document(
        document_meta(ctx, meta.title, meta.subtitle, built, pages, t("page_number_of_total")),
        docx_brand(ctx),
        tuple(with_removed(ctx, blocks)),
        {note.number: endnote(ctx, note) for note in ctx.notes.notes},
        page_layout(ctx),
        revisions.tracking if revisions else None,
    )


def _cover(ctx: Context, built: datetime) -> list[Block]:
    t, meta, front = ctx.t, ctx.brief.metadata, ctx.brief.front
    kicker = t("series_line", series=ctx.series, product_id=meta.product_id)
    organisation = ctx.organisation
    authors = t("list_separator").join(meta.authors)
    pairs = [
        ("cover_information_as_of", t.date(meta.as_of)),
        ("cover_version", meta.version),
        ("cover_product", meta.product_id),
        ("cover_prepared_by", t("cover_prepared_by_value", authors=authors,
                                organisation=organisation)),
    ]  # fmt: skip
    cover_meta: list[Run] = []
    if meta.audience:  # whom the brief is for: a line of its own, above the pairs
        audience = "\u00a0" + typographic(meta.audience)
        cover_meta += [Text(t("cover_prepared_for"), style="QuietLabel"),
                       Text(audience, bold=True), Text("\n")]  # fmt: skip
    for separator, (label, value) in zip(("", "\t", "\n", "\t"), pairs, strict=True):
        cover_meta += [Text(separator)] if separator else []  # two pairs a line, tab-aligned
        cover_meta += [Text(t(label), style="QuietLabel"), Text("\u00a0" + value, bold=True)]
    blocks: list[Block] = [
        Paragraph("Kicker", (Text(without_empty_series(ctx, kicker)),)),
        Paragraph("Title", (Text(meta.title),)),
        Paragraph("Subtitle", (Text(meta.subtitle),)),
        Paragraph("CoverMeta", tuple(cover_meta)),
        cite_as(ctx, built),
        judgment(ctx, front.bottom_line, "bottom_line", t("bluf_heading")),
    ]
    if front.rests_on:
        lead = Text(t("rests_on_label"), style="Label")
        blocks.append(Paragraph("RestsOn", (lead, Text(" " + typographic(front.rests_on)))))
    return blocks


def _guide(ctx: Context) -> list[Block]:
    """Return the contents and the legend, between the decision material and the discussion."""
    return [TableOfContents(ctx.t("contents_heading"), levels=1), _legend(ctx)]


def _legend(ctx: Context) -> Paragraph:
    """Return the cover's legend: notes, the corroboration mark (when a statement carries
    it), how judgments are labelled."""
    t = ctx.t
    sentences = [t("cover_legend_notes")]
    if any(independent_origins(ctx.brief, item) > 1 for item in ctx.brief.cited()):
        sentences.append(t("cover_legend_corroborated", corroborated=slot("corroborated")))
    sentences.append(t("cover_legend_judgments", assessment=slot("assessment")))
    mark = Corroboration(t("corroborated_tag"))
    assessment = Text(t("assessment_word"), italic=True)
    text = t("sentence_separator").join(sentences)
    return Paragraph("Note", compose(text, corroborated=mark, assessment=assessment))


def _sections(ctx: Context, part: str) -> list[Block]:
    """Return the brief's sections of one part (render.html.brief_sections: those with
    nothing in them are left out), as the HTML draws them."""
    blocks: list[Block] = []
    for section in brief_sections(ctx.brief, ctx.t, ctx.history):
        if section.part == part:
            blocks += _SECTIONS[section.partial](ctx, section)
    return blocks


def _key_judgments(ctx: Context, section: Section) -> list[Block]:
    items = ctx.brief.front.key_judgments
    return [Heading(1, section.heading, section.id), *(judgment(ctx, i) for i in items)]


def _background(ctx: Context, section: Section) -> list[Block]:
    items = ctx.brief.front.background
    blocks: list[Block] = [Heading(1, section.heading, section.id)]
    return [*blocks, *(fact(ctx, i) for i in items), *_figures_at(ctx, "background")]


def _figures_at(ctx: Context, place: str) -> list[Block]:
    """Return the pictures of the figures placed at `place` (a section or a topic)."""
    return [figure_image(ctx, f) for f in ctx.edition.figures.values() if f.place == place]


def _implications(ctx: Context, section: Section) -> list[Block]:
    items = ctx.brief.front.implications
    return [Heading(1, section.heading, section.id), *(judgment(ctx, i) for i in items)]


def _recommendations(ctx: Context, section: Section) -> list[Block]:
    items = ctx.brief.front.recommendations
    return [Heading(1, section.heading, section.id), *(recommendation(ctx, i) for i in items)]


def _gaps(ctx: Context, section: Section) -> list[Block]:
    t, front = ctx.t, ctx.brief.front
    blocks: list[Block] = [Heading(1, section.heading, section.id)]
    if front.information_gaps:
        blocks.append(Heading(2, t("gaps_subheading")))
        blocks += [gap_bullet(ctx, gap) for gap in front.information_gaps]
    if front.alternative_views:
        blocks.append(Heading(2, t("alternative_views_subheading")))
        blocks += [judgment(ctx, item) for item in front.alternative_views]
    return blocks


def bullet(text: str) -> Paragraph:
    return Paragraph("ListBullet", (Text(typographic(text)),))


def gap_bullet(ctx: Context, gap: Gap) -> Paragraph:
    """Return an information gap as a bullet, its statement's runs marked with its id."""
    return Paragraph("ListBullet", said(ctx, gap.id, typographic(gap.text)), gap.id,
                     mark(ctx, gap.id))  # fmt: skip


def _topic(ctx: Context, section: Section) -> list[Block]:
    t, topic = ctx.t, section.topic
    assert topic is not None, "a topic section carries its topic"
    return [
        Heading(1, section.heading, section.id),
        judgment(ctx, topic.bottom_line, "bottom_line"),
        Heading(2, t("key_points_heading")),
        *(fact(ctx, item, "KeyPoint") for item in topic.key_points),
        Heading(2, t("analysis_heading")),
        *(judgment(ctx, item) for item in topic.analysis),
        *_figures_at(ctx, topic.id),
        watch(ctx, topic),
    ]


def watch(ctx: Context, topic: Topic) -> Paragraph:
    """Return what to watch: its label, then the topic's words (its statement id is the
    topic's, as in the record)."""
    label = Text(ctx.t("what_to_watch_label"), style="Label")
    words = said(ctx, topic.id, typographic(topic.watch))
    first = words[0]
    lead = (Text(" " + first.text),) if isinstance(first, Text) else (Text(" "), first)
    return Paragraph("Watch", (label, *lead, *words[1:]), topic.id, mark(ctx, topic.id))


def _timeline(ctx: Context, section: Section) -> list[Block]:
    t = ctx.t
    rows = []
    for event in ctx.brief.timeline:
        when: list[Run] = [Text(t.date(event.date))]
        if event.scheduled:
            when.append(Text("\n" + t("timeline_scheduled"), style="Muted"))
        if event.date_note:
            when.append(Text("\n" + typographic(event.date_note), style="Muted"))
        text = cited(ctx, typographic(event.text), event, inferred(ctx, event))
        rows.append((Cell(tuple(when), row_heading=True), Cell(text, statement=event.id)))
    header = (Cell((Text(t("timeline_column_date")),)), Cell((Text(t("timeline_column_event")),)))
    marks = tuple(mark(ctx, event.id) for event in ctx.brief.timeline)
    table = Table(header, tuple(rows), (24, 76), t("timeline_heading"), marks)
    intro: list[Block] = []
    if "timeline" in ctx.edition.figures:
        drawn = ctx.edition.figures["timeline"]
        intro = [Paragraph("Normal", (Text(t("timeline_figure_intro", figure=drawn.label)),))]
        intro.append(figure_image(ctx, drawn))
    return [Heading(1, section.heading, section.id), *intro, table]


def _actors(ctx: Context, section: Section) -> list[Block]:
    """The actors as the PDF sets them: the name with the office under it, then the role,
    which gets most of the width (it is the longest cell)."""
    t = ctx.t
    rows = []
    for actor in ctx.brief.actors:
        office = t("actor_office_value", office=actor.office, country=actor.country)
        name = with_original(ctx, actor.id, actor.name)
        person = (Text(name), Text("\n" + office, style="Muted"))
        role = Cell(cited(ctx, typographic(actor.role), actor), statement=actor.id)
        rows.append((Cell(person, row_heading=True), role))
    header = tuple(Cell((Text(t(key)),)) for key in ("actors_column_person", "actors_column_role"))
    marks = tuple(mark(ctx, actor.id) for actor in ctx.brief.actors)
    table = Table(header, tuple(rows), (30, 70), t("key_actors_heading"), marks)
    return [Heading(1, section.heading, section.id), table]


def _glossary(ctx: Context, section: Section) -> list[Block]:
    t = ctx.t
    blocks: list[Block] = [Heading(1, section.heading, section.id)]
    for entry in ctx.brief.glossary:
        runs: list[Run] = []
        if entry.variants:
            variants = t(
                "glossary_also_written", variants=t("list_separator").join(entry.variants)
            )
            runs += [Text(variants, italic=True, style="Muted"), Text(t("word_space"))]
        runs += with_notes(ctx, typographic(entry.definition), entry)
        term = with_original(ctx, entry.id, entry.term)
        added = mark(ctx, entry.id)
        blocks += [Paragraph("Term", (Text(term),), entry.id, added),
                   Paragraph("Definition", tuple(runs), entry.id, added)]  # fmt: skip
    return blocks


def _detail(ctx: Context, label: str, value: str, first: bool = False) -> Paragraph:
    """Return one line of a source's details: its label, a tab, its value."""
    style: ParagraphStyle = "SourceMetaStart" if first else "SourceMeta"
    return Paragraph(style, (Text(ctx.t(label), style="Muted"), Text("\t" + value)))


def _sources(ctx: Context, section: Section) -> list[Block]:
    t = ctx.t
    blocks: list[Block] = [Heading(1, section.heading, section.id)]
    for source in ctx.brief.sources:
        heading = t("source_heading", publisher=source.publisher, title=source.display_title)
        blocks += [
            Heading(2, heading, f"source-{source.id}"),
            _detail(ctx, "source_meta_id", source.id),
            _detail(ctx, "source_meta_kind", ctx.t.kind(source.kind)),
            _detail(ctx, "source_meta_published",
                    f"{published(ctx, source, 'published_inferred')}. {source.date_note}"),
        ]  # fmt: skip
        if source.url:  # printed as text: a hyperlink is never made from content
            blocks.append(_detail(ctx, "source_meta_url", source.url))
        blocks.append(_detail(ctx, "source_meta_reliability", source.reliability))
        if source.origin:
            blocks.append(_detail(ctx, "source_meta_origin", typographic(source.origin)))
        blocks.append(_detail(ctx, "source_meta_cited_by", _cited_by(ctx, source)))
    return blocks


def _cited_by(ctx: Context, source: Source) -> str:
    """Return "3 statements: Background (1); Glossary (2)"."""
    t = ctx.t
    count = t("cited_by_count", count=len(ctx.notes.citing(source)))
    sections = ctx.notes.citing_by_section(source)
    entries = (t("cited_by_entry", section=section, count=len(ids)) for section, ids in sections)
    return f"{count} {t('cited_by_separator').join(entries)}"


def _methods(ctx: Context, section: Section) -> list[Block]:
    t = ctx.t
    opening, closing = t("quote_open"), t("quote_close")
    blocks: list[Block] = [
        Heading(1, section.heading, section.id),
        Heading(2, t("source_texts_subheading")),
        Paragraph("Normal", (Text(t("source_texts_intro")),)),
    ]
    for source in ctx.brief.sources:
        blocks += [
            _detail(ctx, "source_meta_source", source_label(ctx, source), first=True),
            _detail(ctx, "source_meta_sha256", source.fingerprint),
        ]
        if source.text_note:
            blocks.append(_detail(ctx, "source_meta_text", typographic(source.text_note)))
        if source.chrome_removed:
            removed = "; ".join(f"{opening}{line}{closing}" for line in source.chrome_removed)
            blocks.append(_detail(ctx, "source_meta_removed", removed))
    if ctx.brief.front.wording_choices:
        blocks += [Heading(2, t("variant_quotations_heading")),
                   Paragraph("Normal", (Text(t("wording_intro")),))]  # fmt: skip
        blocks += [_wording_choice(ctx, choice) for choice in ctx.brief.front.wording_choices]
    return blocks


def _wording_choice(ctx: Context, choice: WordingChoice) -> Paragraph:
    """Return a wording choice as one paragraph: the wording relied on, the other, why."""
    t = ctx.t
    opening, closing = t("quote_open"), t("quote_close")
    runs: list[Run] = []
    for label, citation in (("wording_relied_on", choice.preferred),
                            ("wording_not_relied_on", choice.variant)):  # fmt: skip
        source = ctx.brief.source(citation.source)
        name = source.short_name if source else citation.source
        runs += [Text(t(label), style="QuietLabel"),
                 Text(f" {opening}{citation.quote}{closing} ({name})\n")]  # fmt: skip
    reason = said(ctx, choice.id, typographic(choice.reason))
    runs += [Text(run.text, style="Muted") if isinstance(run, Text) else run for run in reason]
    return Paragraph("Aside", tuple(runs), choice.id, mark(ctx, choice.id))


def _colophon(ctx: Context) -> Paragraph:
    t, meta = ctx.t, ctx.brief.metadata
    line = t("colophon_line", organisation=ctx.organisation, product_id=meta.product_id,
             version=meta.version, marking=meta.marking)  # fmt: skip
    footer = ctx.brief.brand.footer or t("colophon_footer")  # the brand's replaces ours
    return Paragraph("Note", (Text(line + t("sentence_separator") + footer),))


#: How each section of the brief is drawn, by the partial that draws it in the HTML.
_SECTIONS: dict[str, Callable[[Context, Section], list[Block]]] = {
    "key_judgments": _key_judgments,
    "background": _background,
    "topic": _topic,
    "implications": _implications,
    "recommendations": _recommendations,
    "gaps": _gaps,
    "timeline": _timeline,
    "actors": _actors,
    "glossary": _glossary,
    "sources": _sources,
    "methods": _methods,
    "changes": changes_section,
}
