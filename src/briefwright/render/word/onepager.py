"""Turn a topic into the Word edition of its one-pager: the brief's note numbers as plain
raised numbers, the sources they come from listed at the foot, and a body size chosen by
the amount of text (Word cannot be asked whether a page fits)."""

from __future__ import annotations

import unicodedata
from datetime import datetime

from briefwright.docx.model import Block, Document, Furniture, Heading, Judgment, Paragraph, Text
from briefwright.model.brief import Brief, Recommendation, Topic
from briefwright.model.source import Source
from briefwright.render.html import lower_first
from briefwright.render.labels import Labels
from briefwright.render.word.brief import bullet, watch
from briefwright.render.word.edition import (
    Context,
    Edition,
    compose,
    context,
    document_meta,
    docx_brand,
    page_layout,
    slot,
    source_label,
    without_empty_series,
)
from briefwright.render.word.fonts import Fonts
from briefwright.render.word.statements import fact, judgment, recommendation

#: A one-pager's body size by the amount of body-size text it holds (characters, at most):
#: the size steps down as the PDF's does, by a table calibrated on LibreOffice's layout of
#: the real one-pagers with two lines to spare.
ONEPAGER_SIZES = ((1600, 10.5), (1800, 10.0), (2020, 9.5), (2100, 9.0))
ONEPAGER_FLOOR = 8.5


def onepager_document(
    brief: Brief,
    topic: Topic,
    built: datetime,
    fonts: Fonts | Edition,
    labels: Labels | None = None,
) -> Document:
    """Return a topic's one-pager as a Word document: the brief's note numbers as plain
    raised numbers, and the sources they come from listed at the foot."""
    ctx = context(brief, fonts, labels, in_brief=False)
    t, meta = ctx.t, brief.metadata
    series = without_empty_series(ctx, t("onepager_series_line", series=ctx.series,
        product_id=meta.product_id, date=t.date(meta.as_of), version=meta.version))  # fmt: skip
    page = Furniture(series, ctx.product_line)
    title = t("onepager_page_title", topic=topic.title, title=meta.title)
    blocks = _onepager_blocks(ctx, topic)
    # No page counter: the one-pager's PDF has none, and it is one page.
    return Document(
        document_meta(ctx, title, topic.bottom_line.text, built, (page, page), page_label=""),
        docx_brand(ctx),
        tuple(blocks),
        layout=page_layout(ctx, onepager=True, body_size=_onepager_size(blocks)),
    )


def _onepager_blocks(ctx: Context, topic: Topic) -> list[Block]:
    """Return a one-pager's blocks, as onepager.html.j2 orders them."""
    t, brief = ctx.t, ctx.brief
    by_id = {item.id: item for item in brief.front.recommendations}
    recommendations = [by_id[i] for i in topic.onepager.recommendations if i in by_id]
    kicker = t("onepager_kicker", number=brief.topics.index(topic) + 1,
               total=len(brief.topics), title=brief.metadata.title)  # fmt: skip
    blocks: list[Block] = [
        Paragraph("Kicker", (Text(kicker),)),
        Paragraph("Title", (Text(topic.title),)),
        Heading(1, t("onepager_bottom_line_heading")),
        judgment(ctx, topic.bottom_line, "bottom_line"),
        Heading(1, t("onepager_key_points_heading")),
        *(fact(ctx, item, "KeyPoint") for item in topic.onepager_points()),
    ]
    caveats = [g for g in brief.front.information_gaps if g.id in topic.onepager.caveats]
    if caveats:
        blocks.append(Heading(1, t("onepager_caveats_heading")))
        blocks += [bullet(gap.text) for gap in caveats]
    blocks.append(Heading(1, t("onepager_recommendations_heading", count=len(recommendations))))
    blocks += [recommendation(ctx, item) for item in recommendations]
    blocks += [watch(ctx, topic), Heading(1, t("onepager_sources_heading"))]
    blocks += _sources_cited(ctx, topic, recommendations)
    return [*blocks, _onepager_footer(ctx)]


def _onepager_size(blocks: list[Block]) -> float:
    """Return the body size for a one-pager's blocks, from ONEPAGER_SIZES."""
    body = 0
    for block in blocks:
        if isinstance(block, Judgment) or (
            isinstance(block, Paragraph) and block.style in ("KeyPoint", "ListBullet", "Watch")
        ):
            body += sum(_width(run.text) for run in block.runs if isinstance(run, Text))
    return next((size for most, size in ONEPAGER_SIZES if body <= most), ONEPAGER_FLOOR)


def _width(text: str) -> int:
    """Return the room a text takes, in Latin characters: a kana or kanji (East Asian wide
    or full-width) counts three, being a full em wide (two Latin letters) on a line about
    1.5 times as tall (Noto Sans CJK's ascent and descent); three, measured on the flagship's
    Japanese one-pagers in LibreOffice, sets the longest a step smaller and the others not."""
    return sum(3 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _sources_cited(
    ctx: Context, topic: Topic, recommendations: list[Recommendation]
) -> list[Block]:
    """Return one line per source of the notes the one-pager prints, in note order."""
    t = ctx.t
    shown = [note for point in topic.onepager_points() for note in ctx.notes.of(point)]
    shown += ctx.notes.behind(topic.bottom_line.basis)
    shown += [note for item in recommendations for note in ctx.notes.behind(item.basis)]
    groups: dict[str, tuple[Source, set[int]]] = {}
    for note in sorted(shown, key=lambda note: note.number):
        groups.setdefault(note.source.id, (note.source, set()))[1].add(note.number)
    lines: list[Block] = []
    for source, numbers in groups.values():
        listed = t.numbers(sorted(numbers))
        line = t("onepager_source_line", count=len(numbers), source=source_label(ctx, source),
                 kind=lower_first(ctx.t.kind(source.kind)), numbers=listed)  # fmt: skip
        lines.append(Paragraph("SourceEntry", (Text(line),)))
    return lines


def _onepager_footer(ctx: Context) -> Paragraph:
    t, meta = ctx.t, ctx.brief.metadata
    text = t("onepager_footer", title=slot("title"), product_id=meta.product_id,
             version=meta.version, assessment=slot("assessment"),
             recommendation=slot("recommendation"))  # fmt: skip
    runs = compose(
        text,
        title=Text(meta.title, italic=True),
        assessment=Text(t("assessment_word"), italic=True),
        recommendation=Text(t("recommendation_word"), italic=True),
    )
    return Paragraph("Note", runs)
