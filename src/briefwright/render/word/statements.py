"""Turn a brief's statements into the Word edition's runs and blocks: a cited fact, a
judgment labelled with its confidence or likelihood, a recommendation labelled with whom
it is for, each block marked with its statement's id (so tracked changes, and review marks,
find a statement's runs by id), and tracked against an older version when the context says.
"""

from __future__ import annotations

from collections.abc import Iterable

from briefwright.docx.model import (
    Judgment,
    JudgmentKind,
    Mark,
    NoteMention,
    Paragraph,
    ParagraphStyle,
    Run,
    Text,
)
from briefwright.model.brief import Cited, Fact, Recommendation
from briefwright.model.brief import Judgment as BriefJudgment
from briefwright.model.vocab import Confidence, Likelihood
from briefwright.render.typography import typographic
from briefwright.render.word.edition import (
    Context,
    compose,
    corroboration,
    inferred,
    note_runs,
    slot,
    source_label,
)
from briefwright.render.word.revisions import tracked_words


def said(ctx: Context, statement_id: str, text: str, suffix: str = "") -> tuple[Run, ...]:
    """Return a statement's words as runs (`text`, typographic, then a `suffix` such as its
    inferred year): as a tracked change from the older version's words when it was
    reworded, else as one run."""
    revisions = ctx.revisions
    if revisions is None or statement_id not in revisions.reworded:
        return (Text(text + suffix),)
    old = typographic(revisions.old[statement_id].text)
    return (*tracked_words(old, text), *((Text(suffix),) if suffix else ()))


def mark(ctx: Context, statement_id: str) -> Mark | None:
    """Return "inserted" for a statement the older version did not have, else None."""
    return ctx.revisions.mark(statement_id) if ctx.revisions else None


def cited(ctx: Context, text: str, item: Cited, suffix: str = "") -> tuple[Run, ...]:
    """Return a cited statement's runs: its text (and `suffix`), notes, corroboration mark."""
    return (*with_notes(ctx, text, item, suffix), *corroboration(ctx, item))


def with_notes(ctx: Context, text: str, item: Cited, suffix: str = "") -> tuple[Run, ...]:
    """Return a statement's words (`said`) and its note numbers: after the text, or before
    its closing full stop where the language sets them there (`note_refs_before`, "。")."""
    stop = ctx.t("note_refs_before")
    if stop and text.endswith(stop):
        words = said(ctx, item.id, text.removesuffix(stop), suffix)
        return (*words, *note_runs(ctx, item), Text(stop))
    return (*said(ctx, item.id, text, suffix), *note_runs(ctx, item))


def fact(ctx: Context, item: Fact, style: ParagraphStyle = "Normal") -> Paragraph:
    """Return a fact as a paragraph: text, inferred year, notes, corroboration."""
    runs = cited(ctx, typographic(item.text), item, inferred(ctx, item))
    return Paragraph(style, runs, statement=item.id, mark=mark(ctx, item.id))


def judgment(
    ctx: Context, item: BriefJudgment, kind: JudgmentKind = "judgment", title: str = ""
) -> Judgment:
    new = judgment_label(ctx, item.confidence, item.likelihood)
    label: str | tuple[Run, ...] = new
    revisions = ctx.revisions
    if revisions is not None and item.id in revisions.relabelled:
        was = revisions.old[item.id]
        old = judgment_label(ctx, confidence_of(was.confidence), likelihood_of(was.likelihood))
        label = tracked_words(old, new)
    text = said(ctx, item.id, typographic(item.text), inferred(ctx, item))
    return Judgment(kind, label, text, basis(ctx, item.basis), title, item.id, mark(ctx, item.id))


def judgment_label(
    ctx: Context, confidence: Confidence | None, likelihood: Likelihood | None
) -> str:
    """Return a judgment's label: "Assessment · moderate confidence"."""
    return ctx.t("judgment_label", qualifier=ctx.t.qualifier(confidence, likelihood))


def confidence_of(value: str | None) -> Confidence | None:
    return Confidence(value) if value else None


def likelihood_of(value: str | None) -> Likelihood | None:
    return Likelihood(value) if value else None


def recommendation(ctx: Context, item: Recommendation) -> Judgment:
    """Return a recommendation's box, labelled with whom it is for when it says."""
    text = said(ctx, item.id, typographic(item.text), inferred(ctx, item))
    new = recommendation_label(ctx, item.to)
    label: str | tuple[Run, ...] = new
    revisions = ctx.revisions
    if revisions is not None and item.id in revisions.relabelled:
        label = tracked_words(recommendation_label(ctx, revisions.old[item.id].to), new)
    return Judgment("recommendation", label, text, basis(ctx, item.basis), "", item.id,
                    mark(ctx, item.id))  # fmt: skip


def recommendation_label(ctx: Context, to: str | None) -> str:
    """Return a recommendation's label: "Recommendation · for …" when it names who acts."""
    if to:
        return ctx.t("recommendation_label_to", to=typographic(to))
    return ctx.t("recommendation_label")


def basis(ctx: Context, basis: Iterable[str]) -> tuple[Run, ...]:
    """Return "Rests on notes 3, 5" (the brief) or "Rests on Outlet, date; …" (a one-pager)."""
    t = ctx.t
    behind = ctx.notes.behind(basis)
    if not behind:
        return ()
    if not ctx.in_brief:
        sources = {note.source.id: note.source for note in behind}.values()
        named = t("source_separator").join(source_label(ctx, s) for s in sources)
        return (Text(t("basis_sources", sources=named)),)
    numbers = t("basis_notes", count=len(behind), numbers=slot("numbers"))
    mentions: list[Run] = []
    for index, note in enumerate(behind):
        mentions += [Text(t("list_separator"))] if index else []
        mentions.append(NoteMention(note.number))
    return (Text(t("basis_lead")), *compose(numbers, numbers=tuple(mentions)))
