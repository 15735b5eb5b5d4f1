"""Turn a reviewed Word edition's bytes into what its reviewers did: every comment with the
words it covers, and the text of every review mark (docx/bookmarks.py) piece by piece,
kept, inserted or deleted, with who and when; each located by its mark's key and by the
place it stands (the heading above it, or its note).

The reader beside the writer, as model-free: plain values, the standard library's zip and
ElementTree. python-docx reads comments but not their ranges, and its paragraph text leaves
out both tracked insertions and deletions. The whole tree is walked in document order,
because LibreOffice moves bookmarks inside `w:ins`/`w:del`; a mark runs from its
`bookmarkStart` to the next mark's start or its paragraph's end, because LibreOffice moves
a `bookmarkEnd` that follows a comment one character left on every round-trip (starts
never move).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal
from xml.etree import ElementTree

from briefwright.docx.bookmarks import MARKS_NAMESPACE, NOTE_PREFIX, STATEMENT_PREFIX

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BW = "{" + MARKS_NAMESPACE + "}"
#: The most any one part may inflate to: a Word edition's document.xml is ~1 MB.
MAX_PART_BYTES = 64 * 1024 * 1024
_TEXT = {_W + "t": "kept", _W + "delText": "deleted"}
_CHANGES = {_W + "ins": "inserted", _W + "moveTo": "inserted",
            _W + "del": "deleted", _W + "moveFrom": "deleted"}  # fmt: skip

Change = Literal["kept", "inserted", "deleted"]


class UnreadableReview(ValueError):
    """The file is no Word document this reader can take: its message says why."""


@dataclass(frozen=True)
class Piece:
    """A stretch of a mark's text: kept, or a reviewer's tracked insertion or deletion."""

    text: str
    change: Change = "kept"
    author: str = ""
    date: str = ""


@dataclass(frozen=True)
class Segment:
    """The text of one review mark (or of a paragraph no mark holds), piece by piece."""

    key: str | None
    place: str
    """The heading above it ("" on the cover) or its note ("note 3")."""
    pieces: tuple[Piece, ...]

    @property
    def before(self) -> str:
        """Return the text as it was written: deletions restored, insertions left out."""
        return "".join(p.text for p in self.pieces if p.change != "inserted")

    @property
    def after(self) -> str:
        """Return the text with every tracked change accepted."""
        return "".join(p.text for p in self.pieces if p.change != "deleted")


@dataclass(frozen=True)
class Comment:
    """A reviewer's comment: who, when, what they wrote, on which words of which marks."""

    id: str
    author: str
    initials: str
    date: str
    text: str
    words: str
    keys: tuple[str, ...]
    """The marks the commented words touch (the one it stands in, for a point comment)."""
    place: str


@dataclass(frozen=True)
class NoteMarkEntry:
    """What a note's mark names: its number, its source and the statements citing it."""

    number: int
    source: str
    cited_by: tuple[str, ...]


@dataclass(frozen=True)
class Reviewed:
    """A reviewed Word edition: its marks' map, its marked text and its comments."""

    statements: dict[str, str]
    """Statement ids by mark key."""
    notes: dict[str, NoteMarkEntry]
    segments: tuple[Segment, ...]
    comments: tuple[Comment, ...]


def read_reviewed(data: bytes) -> Reviewed:
    """Return what a reviewed .docx holds; UnreadableReview when it is no Word edition with
    review marks."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise UnreadableReview("not a .docx (no zip archive)") from None
    with archive:
        statements, notes = _read_map(archive)
        bodies = _Walker(set(statements) | set(notes))
        bodies.walk_body(_part(archive, "word/document.xml"))
        if "word/endnotes.xml" in archive.namelist():
            bodies.walk_notes(_part(archive, "word/endnotes.xml"))
        texts = _comment_texts(archive)
    comments = tuple(
        bodies.comment(cid, *texts.get(cid, ("", "", "", ""))) for cid in bodies.ranges
    )
    return Reviewed(statements, notes, tuple(bodies.segments), comments)


def _part(archive: zipfile.ZipFile, name: str) -> ElementTree.Element:
    """Return a part's root element; refuse a part too big, malformed or with a DTD."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise UnreadableReview(f"no {name} in the package") from None
    if info.file_size > MAX_PART_BYTES:
        raise UnreadableReview(f"{name} inflates to {info.file_size:,} bytes, over the limit")
    with archive.open(info) as stream:
        data = stream.read(MAX_PART_BYTES + 1)
    if len(data) > MAX_PART_BYTES:
        raise UnreadableReview(f"{name} inflates past the limit of {MAX_PART_BYTES:,} bytes")
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise UnreadableReview(f"{name} declares a DTD, which no Word part has")
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise UnreadableReview(f"{name} is not well-formed XML ({error})") from None


def _read_map(archive: zipfile.ZipFile) -> tuple[dict[str, str], dict[str, NoteMarkEntry]]:
    """Return the marks' map from whichever custom XML part holds it."""
    for name in sorted(archive.namelist()):
        if not (name.startswith("customXml/") and name.count("/") == 1):
            continue
        root = _part(archive, name)
        if root.tag != _BW + "marks":
            continue
        statements = {e.get("key", ""): e.get("id", "") for e in root.iter(_BW + "statement")}
        notes = {
            e.get("key", ""): NoteMarkEntry(
                int(e.get("number", "0")), e.get("source", ""),
                tuple(e.get("cited-by", "").split()),
            )
            for e in root.iter(_BW + "note")
        }  # fmt: skip
        return statements, notes
    raise UnreadableReview(
        "it holds no briefwright review marks: it is not a Word edition briefwright made "
        "(or one made before review marks existed)"
    )


def _comment_texts(archive: zipfile.ZipFile) -> dict[str, tuple[str, str, str, str]]:
    """Return each comment's author, initials, date and text, by id."""
    if "word/comments.xml" not in archive.namelist():
        return {}
    out = {}
    for comment in _part(archive, "word/comments.xml").iter(_W + "comment"):
        paragraphs = ("".join(t.text or "" for t in p.iter(_W + "t"))
                      for p in comment.iter(_W + "p"))  # fmt: skip
        out[comment.get(_W + "id", "")] = (
            comment.get(_W + "author", ""), comment.get(_W + "initials", ""),
            comment.get(_W + "date", ""), "\n".join(paragraphs).strip(),
        )  # fmt: skip
    return out


@dataclass
class _Range:
    start: int
    keys: list[str]
    place: str
    end: int | None = None


@dataclass
class _Walker:
    """Walks the stories in document order, cutting their text into segments by mark."""

    known: set[str]
    segments: list[Segment] = field(default_factory=list)
    ranges: dict[str, _Range] = field(default_factory=dict)
    pieces: list[Piece] = field(default_factory=list)
    """Every piece met so far, in order; a comment's range is a slice of it."""
    place: str = ""
    key: str | None = None
    current: list[Piece] = field(default_factory=list)

    def walk_body(self, root: ElementTree.Element) -> None:
        body = root.find(_W + "body")
        for paragraph in _paragraphs(body if body is not None else root):
            if (heading := _heading(paragraph)) is not None:
                self.place = heading
            self.paragraph(paragraph)

    def walk_notes(self, root: ElementTree.Element) -> None:
        notes = [n for n in root.iter(_W + "endnote") if n.get(_W + "type") is None]
        for number, note in enumerate(notes, start=1):
            self.place = f"note {number}"  # Word numbers the notes in order
            for paragraph in _paragraphs(note):
                self.paragraph(paragraph)

    def paragraph(self, paragraph: ElementTree.Element) -> None:
        """Cut one paragraph's text into its marks' segments."""
        self.key = None
        self.visit(paragraph, "kept", "", "")
        self.close()

    def visit(self, element: ElementTree.Element, change: Change, author: str, date: str) -> None:
        for child in element:
            tag = child.tag
            if tag in _CHANGES:
                who, when = child.get(_W + "author", ""), child.get(_W + "date", "")
                self.visit(child, _CHANGES[tag], who, when)  # type: ignore[arg-type]
            elif tag == _W + "bookmarkStart":
                self.start_mark(child.get(_W + "name", ""))
            elif tag == _W + "commentRangeStart":
                here = [self.key] if self.key else []
                self.ranges[child.get(_W + "id", "")] = _Range(len(self.pieces), here, self.place)
            elif tag == _W + "commentRangeEnd" and (
                found := self.ranges.get(child.get(_W + "id", ""))
            ):
                found.end = len(self.pieces)
            elif tag in _TEXT or tag in (_W + "tab", _W + "br"):
                text = child.text or "" if tag in _TEXT else "\t" if tag == _W + "tab" else "\n"
                self.add(Piece(text, "deleted" if tag == _W + "delText" else change, author, date))
            elif tag not in (_W + "instrText", _W + "delInstrText", _W + "pPr", _W + "rPr"):
                self.visit(child, change, author, date)

    def start_mark(self, name: str) -> None:
        if name in self.known and (name.startswith(STATEMENT_PREFIX)
                                   or name.startswith(NOTE_PREFIX)):  # fmt: skip
            self.close()
            self.key = name

    def add(self, piece: Piece) -> None:
        if not piece.text:
            return
        self.pieces.append(piece)
        self.current.append(piece)
        if self.key:
            for found in self.ranges.values():
                if found.end is None and self.key not in found.keys:
                    found.keys.append(self.key)

    def close(self) -> None:
        if self.current or self.key:
            self.segments.append(Segment(self.key, self.place, tuple(self.current)))
        self.current = []

    def comment(self, cid: str, author: str, initials: str, date: str, text: str) -> Comment:
        found = self.ranges[cid]
        end = found.end if found.end is not None else found.start
        words = "".join(p.text for p in self.pieces[found.start : end] if p.change != "deleted")
        return Comment(cid, author, initials, date, text, words.strip(), tuple(found.keys),
                       found.place)  # fmt: skip


def _paragraphs(root: ElementTree.Element) -> Iterator[ElementTree.Element]:
    """Yield every paragraph, in order (table cells' and content controls' included)."""
    yield from root.iter(_W + "p")


def _heading(paragraph: ElementTree.Element) -> str | None:
    """Return a Heading 1 paragraph's text (its place name), else None."""
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    if style is None or style.get(_W + "val") != "Heading1":
        return None
    return "".join(t.text or "" for t in paragraph.iter(_W + "t"))
