"""Reading a reviewed Word edition: comments with their words and marks, tracked changes
piece by piece, each located by its review mark, whatever LibreOffice did to the marks."""

from __future__ import annotations

import io
import zipfile

import pytest

from briefwright.docx.reader import UnreadableReview, read_reviewed
from briefwright.docx.writer import write_docx
from tests.reviewing import Reviewer
from tests.unit.docx.test_bookmarks import LONG_ID, marked_document


def reviewed() -> Reviewer:
    return Reviewer(write_docx(marked_document()))


def rewrite(data: bytes, name: str, edit: object) -> bytes:
    """Return the package with one part's text passed through `edit`."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == name:
                part = edit(part.decode()).encode()  # type: ignore[operator]
            target.writestr(info, part)
    return out.getvalue()


def test_the_map_and_every_marked_text_are_read() -> None:
    """The reader returns the map's statements and notes and each mark's text."""
    review = read_reviewed(reviewed().data)
    assert review.statements == {"_bw_s1": LONG_ID, "_bw_s2": "kj-one", "_bw_s3": "event-one"}
    assert review.notes["_bw_n1"].source == "wire-2022-09-08"
    texts = {s.key: s.before for s in review.segments if s.key}
    assert texts["_bw_s2"].startswith("A judgment.")
    assert texts["_bw_s3"] == "An event."
    assert texts["_bw_n1"] == "\u201cthe passage\u201d"


def test_a_comment_reports_its_words_author_and_the_mark_it_stands_in() -> None:
    """A comment on part of a statement's text names that statement's mark and the words."""
    reviewer = reviewed()
    reviewer.comment("kj-one", "Why high?", 2, 10)
    (comment,) = read_reviewed(reviewer.data).comments
    assert (comment.author, comment.text, comment.words) == ("Reviewer A", "Why high?", "judgment")
    assert comment.keys == ("_bw_s2",)


def test_tracked_changes_are_pieces_of_their_mark_with_author_and_date() -> None:
    """An insertion and a deletion are pieces of the mark they stand in; `before` restores
    the deletion and leaves out the insertion, `after` accepts both."""
    reviewer = reviewed()
    reviewer.insert("event-one", 2, " important")
    reviewer.delete("kj-one", 1, 10)
    segments = {s.key: s for s in read_reviewed(reviewer.data).segments if s.key}
    event, judgment = segments["_bw_s3"], segments["_bw_s2"]
    assert (event.before, event.after) == ("An event.", "An important event.")
    assert [p.change for p in event.pieces] == ["kept", "inserted", "kept"]
    assert event.pieces[1].author == "Reviewer B" and event.pieces[1].date
    assert judgment.before.startswith("A judgment.") and judgment.after.startswith("A.")


def test_a_mark_moved_inside_a_change_and_an_end_moved_left_still_hold_their_text() -> None:
    """LibreOffice moves bookmarks inside w:ins/w:del and a bookmarkEnd after a comment one
    character left: the reader walks the whole tree and ends a mark at the paragraph's end."""
    reviewer = reviewed()
    reviewer.delete("event-one", 0, 3)

    def as_libreoffice(xml: str) -> str:
        start = xml.index('w:name="_bw_s3"/>')
        start = xml.rindex("<w:bookmarkStart", 0, start)
        mark = xml[start : xml.index("/>", start) + 2]
        xml = xml[:start] + xml[start + len(mark) :]
        end = xml.index("<w:bookmarkEnd " + mark.split()[1] + "/>")
        ended = xml[end : xml.index("/>", end) + 2]
        xml = xml[:end] + xml[end + len(ended) :]
        last_run = xml.rindex("<w:r>", 0, end)
        xml = xml[:last_run] + ended + xml[last_run:]  # the end moved left, into the text
        deletion = xml.index("<w:del ", start)
        inside = xml.index(">", deletion) + 1
        return xml[:inside] + mark + xml[inside:]

    data = rewrite(reviewer.data, "word/document.xml", as_libreoffice)
    segments = {s.key: s for s in read_reviewed(data).segments if s.key}
    assert (segments["_bw_s3"].before, segments["_bw_s3"].after) == ("An event.", "event.")


def test_a_comment_across_two_marks_names_both() -> None:
    """A comment whose range runs from one statement into the next names both marks."""
    reviewer = reviewed()
    reviewer.comment("kj-one", "And this?", 2)

    def stretch(xml: str) -> str:
        end = xml.index("<w:commentRangeEnd")
        tag = xml[end : xml.index("/>", end) + 2]
        xml = xml[:end] + xml[end + len(tag) :]
        event = xml.index("An event.")
        close = xml.index("</w:r>", event) + len("</w:r>")
        return xml[:close] + tag + xml[close:]

    data = rewrite(reviewer.data, "word/document.xml", stretch)
    (comment,) = read_reviewed(data).comments
    assert comment.keys == ("_bw_s2", "_bw_s3")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"not a zip", "not a .docx"),
        (write_docx(marked_document(source_id=None).__class__(
            marked_document().meta, marked_document().brand, ())), "no briefwright review marks"),
    ],
)  # fmt: skip
def test_a_file_that_is_no_marked_word_edition_is_refused(data: bytes, reason: str) -> None:
    """A file that is not a zip, or a Word file without the map, is refused with why."""
    with pytest.raises(UnreadableReview, match=reason):
        read_reviewed(data)


def test_a_part_declaring_a_dtd_is_refused() -> None:
    """No Word part has a DTD; one that declares entities is refused before parsing."""
    dtd = '?><!DOCTYPE x [<!ENTITY a "b">]>'
    data = rewrite(reviewed().data, "word/document.xml", lambda xml: xml.replace("?>", dtd, 1))
    with pytest.raises(UnreadableReview, match="DTD"):
        read_reviewed(data)
