"""Turn what a version says about versions into Word blocks: page 1's suggested citation, the
corrections box and the box of what changed since the previous version (after the bottom
line), the full list of changes (the annex), and, in the edition a reviewer clears, the
statements an older version had deleted where they stood."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from briefwright.compare.record import StatementRecord
from briefwright.docx.model import (
    Block,
    Cell,
    Heading,
    Judgment,
    JudgmentKind,
    Mark,
    Paragraph,
    ParagraphStyle,
    Run,
    Table,
    Text,
)
from briefwright.render.citation import identity, suggested_citation
from briefwright.render.html import Section
from briefwright.render.typography import typographic
from briefwright.render.word.edition import Context
from briefwright.render.word.revisions import SECTION_START
from briefwright.render.word.statements import (
    confidence_of,
    judgment_label,
    likelihood_of,
    recommendation_label,
)

_BULLET = "•\u00a0"
#: How a removed statement of each kind stands in its paragraph (judgments apart).
_STYLES: dict[str, ParagraphStyle] = {
    "key-point": "KeyPoint",
    "information-gap": "ListBullet",
    "watch": "Watch",
    "wording-choice": "Aside",
}
_JUDGMENTS: dict[str, JudgmentKind] = {
    "bottom-line": "bottom_line",
    "topic-bottom-line": "bottom_line",
    "key-judgment": "judgment",
    "analysis": "judgment",
    "implication": "judgment",
    "alternative-view": "judgment",
}


def version_boxes(ctx: Context) -> list[Block]:
    """Return what follows the bottom line on page 1: the corrections, and what changed
    since the previous version."""
    return [*_corrections_box(ctx), *_changes_box(ctx)]


def _changes_box(ctx: Context) -> list[Block]:
    history, t = ctx.history, ctx.t
    if history is None:
        return []
    runs: list[Run] = [Text(t("changes_heading", version=history.previous), style="Label")]
    runs += [Text(f"\n{_BULLET}{typographic(line.text)}") for line in history.box]
    if not history.full:
        tail = t("changes_none")
    else:
        more = t("changes_more", count=history.more) if history.more else ""
        full = t("changes_full_list") + t("changes_in_html_edition").rstrip()
        tail = t("sentence_separator").join(part for part in (more, full) if part)
    return [Paragraph("Aside", (*runs, Text("\n" + tail, style="Muted")))]


def _corrections_box(ctx: Context) -> list[Block]:
    t, corrections = ctx.t, ctx.brief.front.corrections
    if not corrections:
        return []
    runs: list[Run] = [Text(t("corrections_heading"), style="Label")]
    for fix in corrections:
        statements = t("list_separator").join(fix.statements)
        runs += [Text(f"\n{_BULLET}{t.date(fix.date)}{t('label_separator')}", bold=True),
                 Text(t("correction_was"), bold=True), Text(f" {typographic(fix.was)} "),
                 Text(t("correction_now"), bold=True),
                 Text(f" {typographic(fix.now)} ({statements})")]  # fmt: skip
    return [Paragraph("Aside", tuple(runs))]


def cite_as(ctx: Context, built: datetime) -> Paragraph:
    """Return page 1's colophon: how to cite this version (with its DOI's address)."""
    t = ctx.t
    who = identity(ctx.brief, built)
    cite = suggested_citation(who, t) + (f" {who.link}" if who.link else "")
    return Paragraph("Note", (Text(t("citation_label"), style="QuietLabel"), Text(f" {cite}")))


def changes_section(ctx: Context, section: Section) -> list[Block]:
    """Return the full list of changes since the previous version, section by section."""
    history, t = ctx.history, ctx.t
    assert history is not None, "the changes section is listed only with a history"
    intro = Text(t("changes_intro", version=history.previous))
    blocks: list[Block] = [Heading(1, section.heading, section.id), Paragraph("Normal", (intro,))]
    group = None
    for line in history.full:
        if line.section != group:
            blocks.append(Heading(2, line.section))
            group = line.section
        blocks.append(Paragraph("ListBullet", (Text(typographic(line.text)),)))
    return blocks


def with_removed(ctx: Context, blocks: list[Block]) -> list[Block]:
    """Return the blocks with each statement the older version had and this one removed,
    deleted (a tracked change) after the statement it followed, or at its section's start;
    a timeline event or an actor as a deleted row of its section's table."""
    revisions = ctx.revisions
    if revisions is None or not revisions.removed:
        return blocks
    out: list[Block] = []
    section = ""
    for block in blocks:
        if isinstance(block, Heading) and block.level == 1 and block.bookmark:
            section = block.bookmark
        if isinstance(block, Table):
            out.append(_table_with_removed(ctx, block, section))
            continue
        out.append(block)
        key = _key(block)
        out += [b for s in revisions.removed.get(key or "", ()) for b in _deleted(ctx, s)]
    return out


def _key(block: Block) -> str | None:
    """Return what a removed statement may follow: a statement's id, a section's start."""
    if isinstance(block, Paragraph | Judgment):
        return block.statement
    if isinstance(block, Heading) and block.bookmark:
        return SECTION_START + block.bookmark
    return None


def _deleted(ctx: Context, statement: StatementRecord) -> list[Block]:
    """Return a removed statement as it stood, deleted whole (a timeline event or an actor:
    nothing here, its table has it)."""
    if statement.kind in ("timeline-event", "actor"):
        return []
    text = (Text(typographic(statement.text)),)
    deleted: Mark = "deleted"
    if statement.kind in _JUDGMENTS:
        label = judgment_label(ctx, confidence_of(statement.confidence),
                               likelihood_of(statement.likelihood))  # fmt: skip
        kind = _JUDGMENTS[statement.kind]
        return [Judgment(kind, label, text, statement=statement.id, mark=deleted)]
    if statement.kind == "recommendation":
        label = recommendation_label(ctx, statement.to)
        return [Judgment("recommendation", label, text, statement=statement.id, mark=deleted)]
    if statement.kind == "glossary-entry":
        term = Paragraph("Term", (Text(statement.label or ""),), statement.id, deleted)
        return [term, Paragraph("Definition", text, statement.id, deleted)]
    style = _STYLES.get(statement.kind, "Normal")
    return [Paragraph(style, text, statement.id, deleted)]


def _table_with_removed(ctx: Context, table: Table, section: str) -> Table:
    """Return a table of statements with each removed one a deleted row after the row it
    followed (or first): its label in the first cell, its text in the last."""
    removed = ctx.revisions.removed if ctx.revisions else {}
    columns = len(table.header)
    marks = table.marks or (None,) * len(table.rows)
    first = removed.get(SECTION_START + section, ())
    rows = [_deleted_row(ctx, statement, columns) for statement in first]
    row_marks: list[Mark | None] = ["deleted"] * len(rows)
    for row, mark in zip(table.rows, marks, strict=True):
        rows.append(row)
        row_marks.append(mark)
        statement_id = next((cell.statement for cell in row if cell.statement), "")
        for statement in removed.get(statement_id, ()):
            rows.append(_deleted_row(ctx, statement, columns))
            row_marks.append("deleted")
    return replace(table, rows=tuple(rows), marks=tuple(row_marks))


def _deleted_row(ctx: Context, statement: StatementRecord, columns: int) -> tuple[Cell, ...]:
    label = statement.label or ""
    if statement.kind == "timeline-event":
        label = ctx.t.date(label)
    first = Cell((Text(label),), row_heading=True, statement=statement.id)
    middle = tuple(Cell(()) for _ in range(columns - 2))
    return (first, *middle, Cell((Text(typographic(statement.text)),), statement=statement.id))
