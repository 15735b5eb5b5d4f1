"""Turn a Document into the bytes of a .docx package (write_docx).

The package is written directly as OOXML parts: the body, styles, numbering, settings, font
table, endnotes, headers and footers, properties, media and embedded fonts, zipped in a
fixed order with the build clock's timestamp, so the same Document always gives the same
bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefwright.docx.body import BodyWriter, toc_entries
from briefwright.docx.bookmarks import (
    MAP_PART,
    MAP_RELS_PART,
    PROPS_PART,
    map_rels_xml,
    props_xml,
)
from briefwright.docx.drawing import Picture, inline_picture
from briefwright.docx.fonts import embed_fonts, font_table_xml
from briefwright.docx.formatting import rpr
from briefwright.docx.model import Brand, Document
from briefwright.docx.notes import endnotes_xml, plan_notes
from briefwright.docx.numbering import numbering_xml
from briefwright.docx.ooxml import DRAWING_NAMESPACES, WORD_NAMESPACES, el, part
from briefwright.docx.package import (
    EXTENSION_TYPES,
    Entry,
    Relationships,
    content_types_xml,
    write_zip,
)
from briefwright.docx.page import footer_xml, header_xml, section_properties, text_width
from briefwright.docx.parts import app_xml, core_xml, settings_xml, utc
from briefwright.docx.styles import styles_xml

# The parts whose characters the embedded faces are cut to: the text and the figures' SVG
# (Word draws an SVG's text with the embedded faces).
_TEXT_PARTS = (".xml", ".svg")
_LOGO_DRAWING_ID = 1000  # drawing ids are per document: keep the header's clear of the body's


@dataclass
class _Package:
    """Parts collected while writing, in package order, with their content types."""

    entries: list[Entry] = field(default_factory=list)
    overrides: list[tuple[str, str]] = field(default_factory=list)
    extensions: set[str] = field(default_factory=set)

    def add(self, name: str, data: bytes, kind: str | None = None, level: int = 6) -> None:
        """Add a part; `kind` names its content type, else its extension does."""
        self.entries.append(Entry(name, data, level))
        extension = name.rsplit(".", 1)[1]
        if kind:
            self.overrides.append((name, kind))
        elif extension in EXTENSION_TYPES:
            self.extensions.add(extension)


def write_docx(document: Document) -> bytes:
    """Return the .docx file's bytes; ValueError when the notes or a table do not add up."""
    meta = document.meta
    plan_notes(document.blocks, document.endnotes)
    rels = Relationships()
    body, document_xml = _document_xml(document, rels)
    package = _Package()
    package.add("docProps/core.xml", core_xml(meta), "core")
    package.add("docProps/app.xml", app_xml(), "app")
    package.add("word/document.xml", document_xml, "document")
    styles = styles_xml(document.brand, document.layout, meta.language)
    package.add("word/styles.xml", styles, "styles")
    package.add("word/numbering.xml", numbering_xml(document.brand), "numbering")
    has_notes = bool(document.endnotes)
    settings = settings_xml(meta.language, endnotes=has_notes, update_fields=body.uses_toc,
                            track_revisions=document.tracking is not None)  # fmt: skip
    package.add("word/settings.xml", settings, "settings")
    if has_notes:
        notes = endnotes_xml(document.endnotes, meta, body.marks)
        package.add("word/endnotes.xml", notes, "endnotes")
    _add_headers_and_footers(document, package)
    for media in body.media.files:
        package.add(media.part_name, media.data)
    _add_fonts(document.brand, package)
    _add_marks(body, meta.title, package, rels)
    package.add("word/_rels/document.xml.rels", rels.xml())
    return write_zip(_head(package) + package.entries, utc(meta.built))


def _document_xml(document: Document, rels: Relationships) -> tuple[BodyWriter, bytes]:
    """Return document.xml (and its body writer, which knows what the body used), relating
    the parts it refers to in `rels`, the fixed ones first so their ids never move."""
    for kind, target in _FIXED_RELATIONSHIPS:
        rels.add(kind, target)
    has_notes = bool(document.endnotes)
    if has_notes:
        rels.add("endnotes", "endnotes.xml")
    header_ids = (rels.add("header", "header1.xml"), rels.add("header", "header2.xml"))
    footer_ids = (rels.add("footer", "footer1.xml"), rels.add("footer", "footer2.xml"))
    width = text_width(document.layout)
    toc = toc_entries(document.blocks)
    body = BodyWriter(document.meta.language, width, document.brand.colours.accent, rels, toc,
                      tracking=document.tracking)  # fmt: skip
    content = body.blocks(document.blocks)
    sect = section_properties(document.layout, header_ids, footer_ids, has_notes)
    namespaces = WORD_NAMESPACES | DRAWING_NAMESPACES
    return body, part("w:document", namespaces, [el("w:body", None, content, sect)])


_FIXED_RELATIONSHIPS = (
    ("styles", "styles.xml"),
    ("settings", "settings.xml"),
    ("fontTable", "fontTable.xml"),
    ("numbering", "numbering.xml"),
)


def _head(package: _Package) -> list[Entry]:
    """Return the entries that open the zip: content types and the package relationships."""
    root = Relationships()
    root.add("officeDocument", "word/document.xml")
    root.add("core", "docProps/core.xml")
    root.add("extended", "docProps/app.xml")
    types = content_types_xml(package.overrides, package.extensions)
    return [Entry("[Content_Types].xml", types), Entry("_rels/.rels", root.xml())]


def _add_headers_and_footers(document: Document, package: _Package) -> None:
    """Add header1 (first page, with the logo), header2, footer1 (first page), footer2."""
    meta = document.meta
    logo = document.brand.logo
    logo_run = ""
    if logo is not None:
        extension = "png" if logo.content_type == "image/png" else "jpeg"
        header_rels = Relationships()
        picture = Picture(
            png_id=header_rels.add("image", f"media/logo.{extension}"),
            svg_id=header_rels.add("image", "media/logo.svg") if logo.svg else None,
            drawing_id=_LOGO_DRAWING_ID,
            name="Logo",
            alt=logo.alt,
            width_mm=logo.width_mm,
            height_mm=logo.height_mm,
        )
        logo_run = f"<w:r>{rpr(lang=meta.language)}{inline_picture(picture)}</w:r>"
        package.add("word/_rels/header1.xml.rels", header_rels.xml())
        package.add(f"word/media/logo.{extension}", logo.data)
        if logo.svg:
            package.add("word/media/logo.svg", logo.svg)
    package.add("word/header1.xml", header_xml(meta, meta.first_page, logo_run), "header")
    package.add("word/header2.xml", header_xml(meta, meta.other_pages), "header")
    package.add("word/footer1.xml", footer_xml(meta, meta.first_page), "footer")
    package.add("word/footer2.xml", footer_xml(meta, meta.other_pages), "footer")


def _add_marks(body: BodyWriter, title: str, package: _Package, rels: Relationships) -> None:
    """Add the map of the review marks (docx/bookmarks.py) when the document has any."""
    marks = body.marks
    if not marks.statements and not marks.notes:
        return
    package.add(MAP_PART, marks.map_xml())
    package.add(MAP_RELS_PART, map_rels_xml())
    package.add(PROPS_PART, props_xml(title), "customXmlProps")
    rels.add("customXml", "../" + MAP_PART)


def _add_fonts(brand: Brand, package: _Package) -> None:
    """Add the embedded faces as word/fonts/fontN.odttf, cut to the characters of the parts
    added so far (every part that holds text), and the font table naming them."""
    text = "".join(entry.data.decode("utf-8") for entry in package.entries
                   if entry.name.endswith(_TEXT_PARTS))  # fmt: skip
    embedded = embed_fonts(brand, text)
    font_rels = Relationships()
    rel_ids = [font_rels.add("font", f.part_name.removeprefix("word/")) for f in embedded]
    package.add("word/fontTable.xml", font_table_xml(brand, embedded, rel_ids), "fontTable")
    package.add("word/_rels/fontTable.xml.rels", font_rels.xml())
    for font in embedded:
        package.add(font.part_name, font.data)
