"""Turn a reviewed Word edition (read by docx/reader.py) and the checked Brief it was made
from into review items: each comment and each tracked change with the statement it touches
(by id, and `file:line` of its text in content/), who and when, the words and the comment,
or the text before and after the change; a change inside a source note's quote flagged."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from briefwright.docx.reader import Comment, NoteMarkEntry, Piece, Reviewed, Segment
from briefwright.errors import Location
from briefwright.model.brief import Brief
from briefwright.model.review import ItemKind, ReviewFile, ReviewItem
from briefwright.render.word.revisions import AUTHOR
from briefwright.review.retext import Edit, written_edit
from briefwright.review.statements import Located, located_statements, quote_location

#: The place of what stands before the first heading.
COVER = "cover"


@dataclass(frozen=True)
class _Change:
    """One tracked change of a segment: where it starts in the segment's text as written
    (deletions restored), what it deletes and what it inserts."""

    start: int
    deleted: str
    inserted: str
    author: str
    date: str

    @property
    def kind(self) -> ItemKind:
        if self.deleted and self.inserted:
            return "replacement"
        return "deletion" if self.deleted else "insertion"


def review_items(reviewed: Reviewed, brief: Brief, name: str) -> ReviewFile:
    """Return the review file of a reviewed Word edition of `brief`: comments first met
    first, then tracked changes, each in document order (leaving out those briefwright's
    own `diff --docx` tracked)."""
    statements = located_statements(brief)
    reader = _Items(reviewed, brief, statements)
    comments = [reader.comment(comment, n) for n, comment in enumerate(reviewed.comments, 1)]
    # The tracked changes `diff --docx` wrote are briefwright's own, not a reviewer's.
    theirs = [(s, c) for s, c in _changes(reviewed.segments) if c.author != AUTHOR]
    changes = [reader.change(segment, change, n) for n, (segment, change) in enumerate(theirs, 1)]
    return ReviewFile(reviewed=name, brief=brief.metadata.product_id, items=(*comments, *changes))


def _changes(segments: tuple[Segment, ...]) -> Iterator[tuple[Segment, _Change]]:
    """Yield each segment's tracked changes: runs of inserted and deleted pieces side by side."""
    for segment in segments:
        offset, run = 0, []
        for piece in (*segment.pieces, Piece("", "kept")):
            if piece.change != "kept":
                run.append(piece)
                continue
            if run:
                yield segment, _change(offset, run)
                offset += sum(len(p.text) for p in run if p.change == "deleted")
                run = []
            offset += len(piece.text)


def _change(offset: int, pieces: list[Piece]) -> _Change:
    deleted = "".join(p.text for p in pieces if p.change == "deleted")
    inserted = "".join(p.text for p in pieces if p.change == "inserted")
    return _Change(offset, deleted, inserted, pieces[0].author, pieces[0].date)


@dataclass(frozen=True)
class _Items:
    reviewed: Reviewed
    brief: Brief
    statements: dict[str, Located]

    def comment(self, comment: Comment, number: int) -> ReviewItem:
        """Return a comment's item, against its first mark's statement (or note, or place)."""
        about = self.about(comment.keys[0] if comment.keys else None, comment.place)
        named = (self.reviewed.statements.get(key) for key in comment.keys[1:])
        also = [i for i in named if i and i != about.get("statement")]
        return ReviewItem.model_validate({
            "id": f"c{number}", "kind": "comment", **about, "reviewer": comment.author,
            "date": comment.date, "words": comment.words, "comment": comment.text,
            "also": tuple(dict.fromkeys(also)),
        })  # fmt: skip

    def change(self, segment: Segment, change: _Change, number: int) -> ReviewItem:
        """Return a tracked change's item: the text before and after it, applicable when it
        lies inside the statement's own text."""
        about = self.about(segment.key, segment.place)
        edit = Edit(change.start, change.start + len(change.deleted), change.inserted)
        texts = self.texts(segment, edit)
        return ReviewItem.model_validate({
            "id": f"t{number}", "kind": change.kind, **about, "reviewer": change.author,
            "date": change.date, **texts,
        })  # fmt: skip

    def about(self, key: str | None, place: str) -> dict[str, object]:
        """Return what an item names of the mark it stands in: the statement, or the note."""
        fields: dict[str, object] = {"place": place or COVER}
        if key in self.reviewed.notes:
            note = self.reviewed.notes[key]
            where = self.quote_where(note)
            return fields | {"quote": True, "note": note.number, "source": note.source,
                             "cited_by": note.cited_by, "location": where}  # fmt: skip
        statement_id = self.reviewed.statements.get(key or "")
        if statement_id is None:
            return fields
        located = self.statements.get(statement_id)
        fields |= {"statement": statement_id}
        if located is not None:
            fields |= {"statement_kind": located.kind, "location": _line(located.where)}
        return fields

    def quote_where(self, note: NoteMarkEntry) -> str | None:
        printed = next((s.before for s in self.reviewed.segments if s.key and
                        self.reviewed.notes.get(s.key) == note), "")  # fmt: skip
        quote = self.quote_in(note, printed)
        return _line(quote_location(self.brief, note.source, quote)) if quote else None

    def quote_in(self, note: NoteMarkEntry, printed: str) -> str | None:
        """Return the quote of the note's source that the printed passage holds (the longest,
        when one quote holds another)."""
        quotes = [c.quote for _, c in self.brief.citations()
                  if c.source == note.source and c.quote in printed]  # fmt: skip
        return max(quotes, key=len) if quotes else None

    def texts(self, segment: Segment, edit: Edit) -> dict[str, object]:
        """Return the text before and after the change, as content/ writes it when the
        change lies inside the statement's own text (then applicable); else as printed."""
        printed_before = segment.before
        after = edit.applied(printed_before)
        if segment.key in self.reviewed.notes:
            quote = self.quote_in(self.reviewed.notes[segment.key], printed_before)
            start = printed_before.find(quote) if quote else -1
            if quote is None or not (start <= edit.start and edit.end <= start + len(quote)):
                return {"before": printed_before, "after": after}
            inner = Edit(edit.start - start, edit.end - start, edit.new)
            return {"before": quote, "after": inner.applied(quote)}
        statement = self.statements.get(self.reviewed.statements.get(segment.key or "", ""))
        if statement is None:
            return {"before": printed_before, "after": after}
        start = printed_before.find(statement.printed)
        end = start + len(statement.printed)
        if start < 0 or not (start <= edit.start and edit.end <= end):
            return {"before": printed_before, "after": after}
        inner = Edit(edit.start - start, edit.end - start, edit.new)
        written = written_edit(statement.text, statement.printed, inner)
        return {"before": statement.text, "after": written.applied(statement.text),
                "applicable": True}  # fmt: skip


def _line(where: Location | None) -> str | None:
    """Return `file:line`, or None when unknown."""
    return f"{where.path}:{where.line}" if where else None
