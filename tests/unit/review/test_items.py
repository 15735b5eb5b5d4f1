"""Review items say where they stand: a statement by id and line, or the cover, a heading
of the annex, a note; a change outside a statement's own text is never applicable."""

from __future__ import annotations

import io

from docx import Document

from briefwright.docx.reader import read_reviewed
from briefwright.load.content import load_brief
from briefwright.review.items import COVER, review_items
from tests.conftest import CONTENT
from tests.reviewing import Reviewer, W


def _comment_paragraph(data: bytes, style: str, text: str) -> bytes:
    """Return the file with a comment on the first paragraph of a style (python-docx)."""
    document = Document(io.BytesIO(data))
    paragraph = next(p for p in document.paragraphs if p.style and p.style.style_id == style)
    document.add_comment(paragraph.runs, text=text, author="Reviewer D", initials="RD")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_comments_outside_any_statement_are_reported_against_their_place(
    edition: bytes,
) -> None:
    """A comment on the title stands on the cover; one on a source's details in the annex
    stands under that section's heading; neither names a statement."""
    data = _comment_paragraph(edition, "Title", "A shorter title?")
    data = _comment_paragraph(data, "SourceMeta", "Is this reliable?")
    brief = load_brief(CONTENT)
    items = review_items(read_reviewed(data), brief, "x.docx").items
    assert [(i.kind, i.statement, i.place) for i in items] == [
        ("comment", None, COVER),
        ("comment", None, "Sources"),
    ]


def test_a_change_to_a_note_outside_its_quote_is_reported_against_the_note(
    edition: bytes,
) -> None:
    """A tracked deletion of a note's source line stands in `note 2`, is no quote change and
    cannot be applied."""

    def delete_source_line(root: object) -> None:
        notes = [n for n in root.iter(W + "endnote") if n.get(W + "type") is None]  # type: ignore[attr-defined]
        run = next(r for r in notes[1].iter(W + "r") if r.find(W + "t") is not None and
                   r.find(W + "t").text.strip())  # fmt: skip
        run.find(W + "t").tag = W + "delText"
        deletion = reviewer.revision("del", "Reviewer E")
        run.addprevious(deletion)
        deletion.append(run)

    reviewer = Reviewer(edition)
    reviewer.edit_part("word/endnotes.xml", delete_source_line)
    (item,) = review_items(read_reviewed(reviewer.data), load_brief(CONTENT), "x.docx").items
    assert (item.kind, item.place, item.quote, item.applicable) == ("deletion", "note 2",
                                                                     False, False)  # fmt: skip
