"""Turn source notes into Word endnotes: the citation plan and the endnotes.xml part.

A Word note has exactly one reference mark, a briefwright note any number of citations. The
first citation of a note holds Word's endnote reference, inside a bookmark; later citations
are NOTEREF fields to that bookmark. Word numbers endnotes in the order of their references,
so its numbers equal the brief's only if first citations come in number order: `plan_notes`
checks that before anything is written.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from briefwright.docx.bookmarks import NOTE_BOOKMARK_BASE, NoteMark, StatementMarks, around
from briefwright.docx.formatting import ppr, rpr, slants
from briefwright.docx.model import (
    Block,
    Deleted,
    Endnote,
    Inserted,
    Judgment,
    Meta,
    NoteMention,
    NoteRef,
    Paragraph,
    Run,
    Table,
)
from briefwright.docx.ooxml import WORD_NAMESPACES, el, escape, part
from briefwright.docx.parts import SEPARATOR_IDS


def bookmark_name(number: int) -> str:
    """Return the hidden bookmark (a leading _ hides it) around a note's endnote reference."""
    return f"_RefNote{number}"


def runs_in_reading_order(blocks: tuple[Block, ...]) -> Iterator[Run]:
    """Yield every run of the blocks, in the order the body writer writes them (the runs of
    a tracked insertion or deletion, not the change itself)."""
    for block in blocks:
        if isinstance(block, Paragraph):
            yield from _flat(block.runs)
        elif isinstance(block, Judgment):
            yield from _flat(block.runs)
            yield from _flat(block.basis)
        elif isinstance(block, Table):
            for row in (block.header, *block.rows):
                for cell in row:
                    yield from _flat(cell.runs)


def _flat(runs: tuple[Run, ...]) -> Iterator[Run]:
    for run in runs:
        if isinstance(run, Inserted | Deleted):
            yield from _flat(run.runs)
        else:
            yield run


def plan_notes(blocks: tuple[Block, ...], endnotes: Mapping[int, Endnote]) -> None:
    """Raise ValueError unless Word will number the notes as the brief does.

    First citations must run 1, 2, 3, … in reading order; every endnote must be cited, and
    every cited or mentioned note must exist.
    """
    order: list[int] = []
    mentioned: set[int] = set()
    for run in runs_in_reading_order(blocks):
        if isinstance(run, NoteRef) and run.number not in order:
            order.append(run.number)
        elif isinstance(run, NoteMention):
            mentioned.add(run.number)
    for position, number in enumerate(order, start=1):
        if number != position:
            raise ValueError(
                f"note {number} is first cited where note {position} should be: Word numbers "
                "endnotes by first citation, so its numbers would not match the brief's"
            )
    _check_coverage(set(order), mentioned, endnotes)


def _check_coverage(cited: set[int], mentioned: set[int], endnotes: Mapping[int, Endnote]) -> None:
    """Raise ValueError unless cited notes and endnotes are one set and mentions exist."""
    if missing := sorted(cited - endnotes.keys()):
        raise ValueError(f"notes cited but not given: {missing}")
    if uncited := sorted(endnotes.keys() - cited):
        raise ValueError(f"notes given but never cited (Word cannot place them): {uncited}")
    if dangling := sorted(mentioned - cited):
        raise ValueError(f"notes mentioned but never cited: {dangling}")


def endnotes_xml(
    endnotes: Mapping[int, Endnote], meta: Meta, marks: StatementMarks | None = None
) -> bytes:
    """Return the endnotes.xml part, each note's id its number, each quoted passage from a
    named source inside its review mark (added to `marks`)."""
    separators = [
        _separator("separator", SEPARATOR_IDS[0], "<w:separator/>"),
        _separator("continuationSeparator", SEPARATOR_IDS[1], "<w:continuationSeparator/>"),
    ]
    marks = marks if marks is not None else StatementMarks()
    notes = [_endnote(number, endnotes[number], meta, marks) for number in sorted(endnotes)]
    return part("w:endnotes", WORD_NAMESPACES, separators + notes)


def _separator(kind: str, note_id: int, mark: str) -> str:
    paragraph = el("w:p", None, ppr(after=0, line=1.0), f"<w:r>{mark}</w:r>")
    return el("w:endnote", {"w:type": kind, "w:id": note_id}, paragraph)


def _endnote(number: int, note: Endnote, meta: Meta, marks: StatementMarks) -> str:
    """Return one w:endnote: its number mark, where the passage is from, and the passage
    (inside its review mark when the note names its source)."""
    plain = rpr(lang=meta.language)
    quoted = rpr(italic=slants(meta.language), lang=note.quote_language or meta.language)
    opening, closing = meta.quote_marks
    mark = f"<w:r>{rpr(style='EndnoteReference', lang=meta.language)}<w:endnoteRef/></w:r>"
    space = f'<w:r>{plain}<w:t xml:space="preserve"> </w:t></w:r>'
    source = f'<w:r>{plain}<w:t xml:space="preserve">{escape(note.source + " ")}</w:t></w:r>'
    quote = [_plain_run(f"{opening}{note.quote}{closing}", quoted)]
    if note.source_id is not None:
        # One run, quote marks and all, as without the mark: a run split at the marks would
        # lose their kerning. The reader finds the passage inside it.
        key = marks.note_key(NoteMark(number, note.source_id, note.cited_by))
        quote = around(NOTE_BOOKMARK_BASE + number, key, quote)
    if note.translation:
        quote.append(_plain_run(f" {note.translation}", plain))
    paragraph = el("w:p", None, ppr(style="EndnoteText"), mark, space, source, *quote)
    return el("w:endnote", {"w:id": number}, paragraph)


def _plain_run(text: str, props: str) -> str:
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
