"""Tests for the Word writer's tracked changes (docx/body.py, tables.py, parts.py): runs
inserted and deleted by one author at one date, whole paragraphs, judgments and table rows
marked, deleted text as w:delText, and Track Changes on; python-docx opens the result."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, datetime

import docx
import pytest

from briefwright.docx.model import (
    Cell,
    Deleted,
    Document,
    Inserted,
    Judgment,
    NoteRef,
    Paragraph,
    Table,
    Text,
    Tracking,
)
from briefwright.docx.writer import write_docx
from tests.unit.docx import samples
from tests.unit.docx.conftest import Package, W

WHEN = datetime(2023, 4, 2, 9, 30, tzinfo=UTC)
BY = Tracking("briefwright", WHEN)


def _document(*blocks: object, tracking: Tracking | None = BY) -> Document:
    base = samples.sample_onepager()
    return replace(base, blocks=tuple(blocks), endnotes={}, tracking=tracking)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def tracked() -> Package:
    """A document with a reworded paragraph, an inserted and a deleted paragraph, a judgment
    re-rated and one deleted whole, and a table with an inserted and a deleted row."""
    reworded = Paragraph("Normal", (Text("The ministers "), Deleted((Text("met"),)),
                                    Inserted((Text("agreed"),)), Text(" on Monday.")),
                         statement="fact-one")  # fmt: skip
    added = Paragraph("KeyPoint", (Text("A new point."),), "fact-new", "inserted")
    removed = Paragraph("KeyPoint", (Text("An old point."),), "fact-old", "deleted")
    label = (Text("Assessment · "), Deleted((Text("high"),)), Inserted((Text("moderate"),)),
             Text(" confidence"))  # fmt: skip
    rerated = Judgment("judgment", label, (Text("It matters."),), statement="kj-1")
    dropped = Judgment("judgment", "Assessment · low confidence", (Text("Gone."),),
                       statement="kj-9", mark="deleted")  # fmt: skip
    table = Table(
        (Cell((Text("Date"),)), Cell((Text("Event"),))),
        ((Cell((Text("2022"),)), Cell((Text("Kept."),), statement="e1")),
         (Cell((Text("2023"),)), Cell((Text("Added."),), statement="e2")),
         (Cell((Text("2021"),)), Cell((Text("Removed."),), statement="e0"))),
        (1, 3), "Timeline", (None, "inserted", "deleted"),
    )  # fmt: skip
    return Package(write_docx(_document(reworded, added, removed, rerated, dropped, table)))


def _changes(package: Package, kind: str) -> list[str]:
    """Return the text each w:ins or w:del holds (w:t or w:delText), in document order."""
    body = package.xml("word/document.xml")
    found = []
    for node in body.iter(W + kind):
        texts = [t.text or "" for t in node.iter() if t.tag in (W + "t", W + "delText")]
        found.append("".join(texts))
    return found


def test_every_change_names_its_author_and_date_and_a_unique_id(tracked: Package) -> None:
    """Each w:ins and w:del is by "briefwright", dated in UTC, with an id of its own."""
    body = tracked.xml("word/document.xml")
    marks = [node for node in body.iter() if node.tag in (W + "ins", W + "del")]
    assert len(marks) > 8
    assert {node.get(W + "author") for node in marks} == {"briefwright"}
    assert {node.get(W + "date") for node in marks} == {"2023-04-02T09:30:00Z"}
    ids = [node.get(W + "id") for node in marks]
    assert len(ids) == len(set(ids))


def test_deleted_text_is_del_text_and_inserted_text_plain(tracked: Package) -> None:
    """Inside w:del the text is w:delText; inside w:ins, w:t; the rest of a paragraph is
    untouched."""
    assert "met" in _changes(tracked, "del") and "agreed" in _changes(tracked, "ins")
    body = tracked.xml("word/document.xml")
    for deletion in body.iter(W + "del"):
        assert not list(deletion.iter(W + "t"))
    paragraph = next(p for p in body.iter(W + "p") if "Monday" in "".join(
        t.text or "" for t in p.iter(W + "t")))  # fmt: skip
    kept = "".join(t.text or "" for t in paragraph.iter(W + "t"))
    assert kept == "The ministers agreed on Monday."


def test_whole_paragraphs_judgments_and_rows_carry_their_mark(tracked: Package) -> None:
    """An inserted or deleted paragraph, judgment or row is marked in its paragraph mark
    (w:pPr/w:rPr) or row (w:trPr) too, so accepting leaves no empty paragraph or row."""
    text = tracked.text("word/document.xml")
    assert text.count("<w:rPr><w:ins w:id=") == 1  # the inserted key point's mark
    assert text.count("<w:rPr><w:del w:id=") == 2  # the deleted key point's and judgment's
    rows = list(tracked.xml("word/document.xml").iter(W + "trPr"))
    assert [(r.find(W + "ins") is not None, r.find(W + "del") is not None) for r in rows] == [
        (False, False), (False, False), (True, False), (False, True),
    ]  # fmt: skip
    assert "An old point." in _changes(tracked, "del")
    assert any("Gone." in change for change in _changes(tracked, "del"))
    assert "Removed." in _changes(tracked, "del") and "Added." in _changes(tracked, "ins")


def test_track_changes_is_on_and_word_readers_open_it(tracked: Package) -> None:
    """settings.xml turns Track Changes on; python-docx opens the package and reads the
    paragraphs around the changes."""
    assert "<w:trackRevisions/>" in tracked.text("word/settings.xml")
    opened = docx.Document(io.BytesIO(tracked.data))
    assert any("The ministers" in p.text for p in opened.paragraphs)


def test_a_document_without_changes_has_no_tracking() -> None:
    """The plain edition has no w:ins, no w:del and Track Changes off."""
    plain = Package(write_docx(samples.sample_brief()))
    assert "<w:ins " not in plain.text("word/document.xml")
    assert "trackRevisions" not in plain.text("word/settings.xml")


def test_a_change_without_tracking_is_refused() -> None:
    """A tracked change in a document that names no author and date is a ValueError."""
    with pytest.raises(ValueError, match="tracking"):
        write_docx(_document(Paragraph("Normal", (Inserted((Text("x"),)),)), tracking=None))


def test_an_inserted_citation_still_numbers_its_endnote() -> None:
    """A note cited first inside an insertion is still Word's endnote 1."""
    base = samples.sample_onepager()
    paragraph = Paragraph("Normal", (Text("New."), Inserted((NoteRef(1),))), "fact-new")
    document = replace(base, blocks=(paragraph,), endnotes={1: samples.ENDNOTES[1]},
                       tracking=Tracking("briefwright", WHEN))  # fmt: skip
    package = Package(write_docx(document))
    (insertion,) = package.xml("word/document.xml").iter(W + "ins")
    assert insertion.find(f".//{W}endnoteReference") is not None
