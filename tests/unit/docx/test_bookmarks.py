"""The review marks: a hidden bookmark around each statement's runs and each note's quoted
passage, and the custom XML part that maps each mark's short key to what it marks."""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from briefwright.docx.bookmarks import MAP_PART, MARKS_NAMESPACE, PROPS_PART
from briefwright.docx.model import (
    Cell,
    Document,
    Endnote,
    Judgment,
    NoteRef,
    Paragraph,
    Table,
    Text,
)
from briefwright.docx.writer import write_docx
from tests.unit.docx import samples
from tests.unit.docx.conftest import Package

LONG_ID = "a-statement-id-of-sixty-characters-is-allowed-in-content-xyz"
BW = "{" + MARKS_NAMESPACE + "}"


def marked_document(source_id: str | None = "wire-2022-09-08") -> Document:
    """Return a document with a fact, a judgment, a table cell and an unmarked paragraph."""
    label, basis = "Assessment · high confidence", (Text("Rests on notes 1"),)
    judgment = Judgment("judgment", label, (Text("A judgment."),), basis, statement="kj-one")
    row = (
        Cell((Text("2023"),), row_heading=True),
        Cell((Text("An event."),), statement="event-one"),
    )
    table = Table((Cell((Text("When"),)), Cell((Text("What"),))), (row,), (1, 3), "Timeline")
    blocks = (
        Paragraph("Normal", (Text("A fact."), NoteRef(1)), statement=LONG_ID),
        judgment,
        table,
        Paragraph("Normal", (Text("Not a statement."),)),
    )
    notes = {1: Endnote("Wire, a title, 2022.", "the passage", source_id, (LONG_ID,))}
    return Document(samples.meta(), samples.brand(logo=False), blocks, notes)


def bookmarked(xml: str) -> dict[str, str]:
    """Return the text inside each `_bw_` bookmark of a part, by name."""
    found = {}
    for match in re.finditer(r'<w:bookmarkStart w:id="(\d+)" w:name="(_bw_[sn]\d+)"/>', xml):
        end = xml.index(f'<w:bookmarkEnd w:id="{match.group(1)}"/>', match.end())
        found[match.group(2)] = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>",
                                                   xml[match.end() : end]))  # fmt: skip
    return found


def test_each_statement_is_marked_around_its_own_runs_only() -> None:
    """A paragraph's statement mark holds its runs; a judgment's, its text and not its label
    or basis; a cell's, the cell's runs; an unmarked paragraph has none."""
    package = Package(write_docx(marked_document()))
    marks = bookmarked(package.text("word/document.xml"))
    assert marks == {"_bw_s1": "A fact.", "_bw_s2": "A judgment.", "_bw_s3": "An event."}


def test_the_map_names_each_key_by_its_statement_id_and_each_note_by_its_source() -> None:
    """Keys stay short (Word drops names over 40 characters) while ids may be 80; the map
    part gives each key's id, and a note's number, source and citing statements."""
    package = Package(write_docx(marked_document()))
    root = ET.fromstring(package.zip.read(MAP_PART))
    statements = {e.get("key"): e.get("id") for e in root.iter(BW + "statement")}
    assert statements == {"_bw_s1": LONG_ID, "_bw_s2": "kj-one", "_bw_s3": "event-one"}
    (note,) = root.iter(BW + "note")
    assert note.attrib == {"key": "_bw_n1", "number": "1", "source": "wire-2022-09-08",
                           "cited-by": LONG_ID}  # fmt: skip
    assert bookmarked(package.text("word/endnotes.xml")) == {"_bw_n1": "\u201cthe passage\u201d"}


def test_the_map_is_a_related_custom_xml_part_with_its_properties() -> None:
    """The map is related from the document and its item properties are typed, as Office
    expects a custom XML part."""
    package = Package(write_docx(marked_document()))
    assert 'Target="../customXml/item1.xml"' in package.text("word/_rels/document.xml.rels")
    assert f'PartName="/{PROPS_PART}"' in package.text("[Content_Types].xml")
    assert "itemProps1.xml" in package.text("customXml/_rels/item1.xml.rels")
    datastore = "{http://schemas.openxmlformats.org/officeDocument/2006/customXml}"
    item_id = ET.fromstring(package.zip.read(PROPS_PART)).get(datastore + "itemID")
    assert item_id is not None and item_id.startswith("{")


def test_a_document_without_statements_has_no_map() -> None:
    """A document none of whose blocks or notes names a statement or source gets no marks."""
    document = marked_document(source_id=None)
    blocks = (Paragraph("Normal", (Text("x"), NoteRef(1))),)
    plain = Document(document.meta, document.brand, blocks, document.endnotes)
    package = Package(write_docx(plain))
    assert not any(name.startswith("customXml/") for name in package.names)
    assert "_bw_" not in package.text("word/document.xml") + package.text("word/endnotes.xml")


def test_marks_keep_the_document_reproducible() -> None:
    """The same document gives the same bytes, map and item GUID included."""
    assert write_docx(marked_document()) == write_docx(marked_document())


def test_the_bookmark_ids_are_unique_across_the_document() -> None:
    """No two bookmarks share an id: Word would drop one."""
    package = Package(write_docx(marked_document()))
    xml = package.text("word/document.xml") + package.text("word/endnotes.xml")
    ids = re.findall(r'<w:bookmarkStart w:id="(\d+)"', xml)
    assert len(ids) == len(set(ids))
