"""Turn the statement ids of a document's blocks and notes into review marks: a hidden
bookmark around each statement's runs and each note's quoted passage, and the custom XML
part that maps each bookmark's short key to what it marks.

Word drops a bookmark whose name is over 40 characters and a content id may be 80, so a
mark is named by a short key counted in reading order (`_bw_s12`; a note's `_bw_n3`), and
the key → id map travels inside the document as a custom XML part, where Office keeps an
add-in's data and LibreOffice keeps it through a round-trip. Bookmarks, not content
controls: LibreOffice 7.4 drops every content control's tag. The leading underscore hides
the bookmarks from Word's Bookmark dialog; they change nothing a reader sees.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from briefwright.docx.ooxml import el, part

#: The namespace of the map part; `docx/reader.py` finds the map by it.
MARKS_NAMESPACE = "urn:briefwright:marks:1"
MAP_PART = "customXml/item1.xml"
PROPS_PART = "customXml/itemProps1.xml"
MAP_RELS_PART = "customXml/_rels/item1.xml.rels"
STATEMENT_PREFIX = "_bw_s"
NOTE_PREFIX = "_bw_n"
#: Bookmark ids of the notes' marks: clear of the body's counter, one a note number.
NOTE_BOOKMARK_BASE = 1_000_000
_DATASTORE = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
_REL_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
_PROPS_TYPE = _DATASTORE.replace("customXml", "relationships/customXmlProps")


@dataclass(frozen=True)
class NoteMark:
    """A note's quoted passage as its mark names it: the source and the statements citing it."""

    number: int
    source: str
    cited_by: tuple[str, ...]


@dataclass
class StatementMarks:
    """The marks of one document, in the order the writer meets them."""

    statements: list[tuple[str, str]] = field(default_factory=list)
    """(key, statement id) pairs; a statement set in two places has two keys."""
    notes: list[tuple[str, NoteMark]] = field(default_factory=list)

    def statement_key(self, statement_id: str) -> str:
        """Return a new key for a statement's runs."""
        key = f"{STATEMENT_PREFIX}{len(self.statements) + 1}"
        self.statements.append((key, statement_id))
        return key

    def note_key(self, mark: NoteMark) -> str:
        """Return the key of a note's quoted passage."""
        key = note_key(mark.number)
        self.notes.append((key, mark))
        return key

    def map_xml(self) -> bytes:
        """Return the custom XML part mapping each key to the statement or note it marks."""
        marks = [el("bw:statement", {"key": key, "id": i}) for key, i in self.statements]
        marks += [
            el("bw:note", {"key": key, "number": n.number, "source": n.source,
                           "cited-by": " ".join(n.cited_by)})
            for key, n in self.notes
        ]  # fmt: skip
        return part("bw:marks", {"xmlns:bw": MARKS_NAMESPACE}, marks)


def note_key(number: int) -> str:
    """Return the key of note `number`'s quoted passage."""
    return f"{NOTE_PREFIX}{number}"


def around(bookmark_id: int, key: str, inner: list[str]) -> list[str]:
    """Return `inner` inside a bookmark named `key`."""
    start = el("w:bookmarkStart", {"w:id": bookmark_id, "w:name": key})
    return [start, *inner, el("w:bookmarkEnd", {"w:id": bookmark_id})]


def props_xml(title: str) -> bytes:
    """Return the map's item properties; its GUID comes from the title, so it never varies
    between builds of one brief."""
    guid = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"{MARKS_NAMESPACE}:{title}")).upper() + "}"
    refs = el("ds:schemaRefs", None, el("ds:schemaRef", {"ds:uri": MARKS_NAMESPACE}))
    return part("ds:datastoreItem", {"ds:itemID": guid, "xmlns:ds": _DATASTORE}, [refs])


def map_rels_xml() -> bytes:
    """Return the map part's relationships: its item properties."""
    rel = el("Relationship", {"Id": "rId1", "Type": _PROPS_TYPE, "Target": "itemProps1.xml"})
    return part("Relationships", {"xmlns": _REL_PACKAGE}, [rel])
