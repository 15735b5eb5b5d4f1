"""Tests for briefwright.docx.notes: Word numbers the endnotes as the brief does, or the
document is refused; endnotes.xml holds each note's source and quote."""

from __future__ import annotations

import pytest

from briefwright.docx.model import (
    Cell,
    Endnote,
    Judgment,
    NoteMention,
    NoteRef,
    Paragraph,
    Table,
    Text,
)
from briefwright.docx.notes import bookmark_name, endnotes_xml, plan_notes, runs_in_reading_order
from tests.unit.docx import samples
from tests.unit.docx.conftest import Package, W, fragment

NOTE = Endnote("Outlet, Title, kind, 1 January 2023.", "Quote")


def test_endnotes_hold_their_source_and_quote(brief: Package) -> None:
    """Each Word endnote is a source note: where the passage is from, then the quote."""
    notes = {
        int(note.get(W + "id", "")): "".join(t.text or "" for t in note.iter(W + "t"))
        for note in brief.xml("word/endnotes.xml").iter(W + "endnote")
        if note.get(W + "type") is None
    }
    assert sorted(notes) == list(range(1, 7))
    for number, note in samples.ENDNOTES.items():
        assert notes[number].strip() == f"{note.source} “{note.quote}”"


def test_runs_come_in_the_order_the_body_writes_them() -> None:
    """A paragraph's runs, then a judgment's text and basis, then each table cell by row."""
    blocks = (
        Paragraph("Normal", (Text("a"),)),
        Judgment("judgment", "label", (Text("b"),), (Text("c"),)),
        Table((Cell((Text("d"),)),), ((Cell((Text("e"),)),),), (1,), "t"),
    )
    texts = [run.text for run in runs_in_reading_order(blocks) if isinstance(run, Text)]
    assert texts == ["a", "b", "c", "d", "e"]


@pytest.mark.parametrize(
    ("runs", "notes", "message"),
    [
        ((NoteRef(2), NoteRef(1)), {1: NOTE, 2: NOTE}, "note 2 is first cited where note 1"),
        ((NoteRef(1),), {1: NOTE, 2: NOTE}, r"never cited \(Word cannot place them\): \[2\]"),
        ((NoteRef(1), NoteRef(2)), {1: NOTE}, r"cited but not given: \[2\]"),
        ((NoteRef(1), NoteMention(4)), {1: NOTE}, r"mentioned but never cited: \[4\]"),
    ],
)
def test_a_plan_word_would_number_otherwise_is_refused(
    runs: tuple[NoteRef | NoteMention, ...], notes: dict[int, Endnote], message: str
) -> None:
    """First citations out of order, an uncited or missing note, a mention of a note never
    cited: each a ValueError saying which."""
    with pytest.raises(ValueError, match=message):
        plan_notes((Paragraph("Normal", runs),), notes)


def test_later_citations_and_mentions_pass_the_plan() -> None:
    """A note cited again, or mentioned after its first citation, is fine."""
    runs = (NoteRef(1), NoteRef(2), NoteRef(1), NoteMention(2))
    plan_notes((Paragraph("Normal", runs),), {1: NOTE, 2: NOTE})


def test_endnotes_part_has_the_separators_then_each_note_by_number() -> None:
    """endnotes.xml opens with Word's two separators, then each note under its number,
    its quote in the document's quote marks and in italics."""
    meta = samples.meta()
    root = fragment(endnotes_xml({2: NOTE, 1: NOTE}, meta).decode().split("?>", 1)[1])
    notes = list(root.iter(W + "endnote"))
    assert [n.get(W + "type") for n in notes[:2]] == ["separator", "continuationSeparator"]
    assert [n.get(W + "id") for n in notes[2:]] == ["1", "2"]
    texts = [t.text for t in notes[2].iter(W + "t")]
    assert texts == [" ", "Outlet, Title, kind, 1 January 2023. ", "\u201cQuote\u201d"]
    assert notes[2].find(f".//{W}i") is not None


def test_a_notes_bookmark_is_hidden() -> None:
    """A note's bookmark name starts with an underscore, which Word hides."""
    assert bookmark_name(12) == "_RefNote12"


def test_the_brief_has_its_endnotes_and_the_one_pager_none(
    brief: Package, onepager: Package
) -> None:
    """Only a document with notes carries endnotes.xml."""
    assert "word/endnotes.xml" in brief.names and "word/endnotes.xml" not in onepager.names
