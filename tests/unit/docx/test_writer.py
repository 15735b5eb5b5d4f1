"""Tests for briefwright.docx.writer: Word structure, styles, notes, fields, pages, tables."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

import docx
import pytest
from docx.text.paragraph import Paragraph as DocxParagraph

from briefwright.docx.model import (
    Cell,
    Document,
    Endnote,
    Logo,
    NoteMention,
    NoteRef,
    Paragraph,
    Table,
    Text,
)
from briefwright.docx.writer import write_docx
from tests.unit.docx import samples
from tests.unit.docx.conftest import Package, W


def _style(paragraph: DocxParagraph) -> str:
    style = paragraph.style
    assert style is not None
    return str(style.name)


def _citations(package: Package) -> list[tuple[str, str]]:
    """Return ("endnote", id) for each endnote reference and (instruction, cached number)
    for each NOTEREF field, in document order."""
    found: list[tuple[str, str]] = []
    instruction, in_result = "", False
    for node in package.xml("word/document.xml").iter():
        if node.tag == W + "endnoteReference":
            found.append(("endnote", node.get(W + "id", "")))
        elif node.tag == W + "instrText":
            instruction = (node.text or "").strip()
        elif node.tag == W + "fldChar":
            in_result = node.get(W + "fldCharType") == "separate"
        elif node.tag == W + "t" and in_result and instruction.startswith("NOTEREF"):
            found.append((instruction, node.text or ""))
    return found


def test_python_docx_reads_the_house_styles_and_headings(brief: Package) -> None:
    """Paragraphs carry named house styles, and the headings are Heading 1 and 2."""
    document = docx.Document(io.BytesIO(brief.data))
    used = {_style(p) for p in document.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "Bottom line", "Judgment", "Key point",
            "Recommendation", "Note", "Kicker", "Subtitle"} <= used  # fmt: skip
    headings = [(_style(p), p.text) for p in document.paragraphs if _style(p).startswith("Head")]
    assert headings == [
        ("Heading 1", "Background"),
        ("Heading 1", "1. Co-development and technology"),
        ("Heading 2", "Key points"),
        ("Heading 1", "Timeline"),
        ("Heading 1", "Recommendations"),
        ("Heading 1", "Source notes"),
    ]


def test_core_properties_come_from_meta_and_the_build_clock(brief: Package) -> None:
    """Title, subject, author, language, keywords and dates are the document's own."""
    properties = docx.Document(io.BytesIO(brief.data)).core_properties
    assert properties.title == "India–Japan Defence-Industrial Cooperation"
    assert properties.subject.startswith("From co-creation")
    assert properties.author == "briefwright editorial team"
    assert properties.language == "en-GB"
    assert properties.keywords == "India, Japan, defence industry"
    assert properties.created == samples.BUILT
    assert properties.modified == samples.BUILT


def test_a_build_clock_in_another_zone_is_stored_in_utc() -> None:
    """The core properties hold the build's moment in UTC, whatever zone it was given in."""
    base = samples.sample_onepager()
    moment = datetime.fromisoformat("2023-03-20T05:30:00+05:30")
    data = write_docx(replace(base, meta=replace(base.meta, built=moment)))
    created = docx.Document(io.BytesIO(data)).core_properties.created
    assert created == datetime(2023, 3, 20, tzinfo=UTC)


@pytest.mark.parametrize("part", ["document", "endnotes", "header1", "header2", "footer2"])
def test_every_run_carries_the_document_language(brief: Package, part: str) -> None:
    """Every run with text says its language, so Word checks spelling in English (UK)."""
    runs = list(brief.xml(f"word/{part}.xml").iter(W + "r"))
    assert runs
    for run in runs:
        if run.find(W + "separator") is None and run.find(W + "continuationSeparator") is None:
            languages = [e.get(W + "val") for e in run.iter(W + "lang")]
            assert languages == ["en-GB"], ET.tostring(run, encoding="unicode")


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


def test_first_citations_are_endnotes_in_order_and_later_ones_noterefs(brief: Package) -> None:
    """A note's first citation is its endnote reference; later ones are NOTEREF fields
    whose cached result is the note's number."""
    order = _citations(brief)
    assert [value for kind, value in order if kind == "endnote"] == ["1", "2", "3", "4", "5", "6"]
    fields = [(kind, value) for kind, value in order if kind != "endnote"]
    raised = [value for kind, value in fields if "\\f" in kind and "_RefNote1 " in kind]
    assert raised == ["1", "1", "1"]  # note 1 is cited four times
    for instruction, cached in fields:
        match = re.fullmatch(r"NOTEREF _RefNote(\d+)( \\f)? \\h", instruction)
        assert match is not None, instruction
        assert cached == match.group(1)


def test_each_note_bookmark_wraps_its_endnote_reference(brief: Package) -> None:
    """The bookmark a NOTEREF points at surrounds the note's one endnote reference."""
    body = brief.text("word/document.xml")
    for number in range(1, 7):
        pattern = (
            rf'<w:bookmarkStart w:id="(\d+)" w:name="_RefNote{number}"/>'
            rf'<w:r>.*?<w:endnoteReference w:id="{number}"/></w:r>'
            r'<w:bookmarkEnd w:id="\1"/>'
        )
        assert len(re.findall(pattern, body)) == 1


def test_judgments_keep_their_title_and_label_in_character_styles(brief: Package) -> None:
    """A judgment's title and label, and the corroboration mark, have styles of their own."""
    body = brief.text("word/document.xml")
    styled = dict(re.findall(r'<w:rStyle w:val="(\w+)"/>.*?<w:t[^>]*>([^<]*)</w:t>', body))
    assert styled["JudgmentTitle"] == "Bottom line up front"
    assert styled["RecommendationLabel"] == "Recommendation · assessment"
    assert styled["Corroborated"] == "corroborated"
    labels = re.findall(r'<w:rStyle w:val="JudgmentLabel"/>.*?<w:t[^>]*>([^<]*)</w:t>', body)
    assert "Assessment · high confidence" in labels


def test_contents_is_a_dirty_toc_field_linking_to_the_headings(brief: Package) -> None:
    """The contents is a TOC field Word rebuilds on opening, pre-filled with links."""
    body = brief.text("word/document.xml")
    assert '<w:fldChar w:fldCharType="begin" w:dirty="true"/>' in body
    assert "TOC \\o &quot;1-1&quot; \\h \\z \\u" in body
    anchors = re.findall(r'<w:hyperlink w:anchor="([^"]+)"', body)
    assert anchors == ["background", "topic_co_development", "timeline", "recommendations",
                       "notes"]  # fmt: skip
    assert set(anchors) <= set(re.findall(r'w:name="([^"]+)"', body))
    assert '<w:updateFields w:val="true"/>' in brief.text("word/settings.xml")


def test_headers_carry_the_marking_the_first_the_logo_the_others_the_section(
    brief: Package,
) -> None:
    """Every header has the marking; the first page's the logo, the others a running head."""
    first, other = brief.text("word/header1.xml"), brief.text("word/header2.xml")
    assert "TLP:CLEAR" in first
    assert "TLP:CLEAR" in other
    assert 'descr="briefwright"' in first
    assert "STYLEREF &quot;heading 1&quot;" in other
    assert "<w:titlePg/>" in brief.text("word/document.xml")


def test_footers_count_pages_and_carry_the_marking(brief: Package) -> None:
    """Every footer prints the marking and "Page X of Y" with PAGE and NUMPAGES fields."""
    for footer in ("word/footer1.xml", "word/footer2.xml"):
        text = brief.text(footer)
        assert "> PAGE <" in text
        assert "> NUMPAGES <" in text
        assert "TLP:CLEAR" in text
    assert "BW-2026-001" in brief.text("word/footer2.xml")


def test_tables_repeat_their_header_row(brief: Package) -> None:
    """A table's header row is marked to repeat; its row headings have their own style."""
    table = brief.xml("word/document.xml").find(f".//{W}tbl")
    assert table is not None
    rows = table.findall(W + "tr")
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    assert all(row.find(f"{W}trPr/{W}tblHeader") is None for row in rows[1:])
    caption = table.find(f"{W}tblPr/{W}tblCaption")
    assert caption is not None
    assert caption.get(W + "val") == "Timeline of events"
    first_cell = rows[1].find(f"{W}tc/{W}p/{W}pPr/{W}pStyle")
    assert first_cell is not None
    assert first_cell.get(W + "val") == "TableRowHeading"


def test_figures_are_svg_with_a_png_fallback_and_alt_text(brief: Package) -> None:
    """A figure names its SVG in Office's extension and its PNG in the blip, with alt text."""
    body = brief.text("word/document.xml")
    blip = re.search(
        r'<a:blip r:embed="(rId\d+)"><a:extLst><a:ext uri="\{96DAC541-7B7A-43D3-'
        r'8B79-37D633B846F1\}"><asvg:svgBlip [^>]*r:embed="(rId\d+)"/>',
        body,
    )
    assert blip is not None
    rels = brief.text("word/_rels/document.xml.rels")
    assert re.search(rf'Id="{blip.group(1)}"[^>]*Target="media/image1.png"', rels)
    assert re.search(rf'Id="{blip.group(2)}"[^>]*Target="media/image1.svg"', rels)
    assert 'descr="Bar chart: statements per section."' in body
    assert 'Extension="svg" ContentType="image/svg+xml"' in brief.text("[Content_Types].xml")
    assert brief.zip.read("word/media/image1.svg") == samples.SVG


def test_one_pager_prints_plain_raised_numbers_without_notes(onepager: Package) -> None:
    """A one-pager has no endnotes and no fields: its note numbers are styled text."""
    assert "word/endnotes.xml" not in onepager.names
    body = onepager.text("word/document.xml")
    assert "NOTEREF" not in body
    assert "endnoteReference" not in body
    numbers = re.findall(r'<w:rStyle w:val="NoteNumber"/>.*?<w:t[^>]*>([^<]*)</w:t>', body)
    assert numbers == ["11", ",", "12", "13"]
    assert "<w:updateFields" not in onepager.text("word/settings.xml")
    assert "NUMPAGES" not in onepager.text("word/footer1.xml")


def test_a_compact_layout_sets_its_own_margins_and_heading_look(onepager: Package) -> None:
    """A one-pager's layout gives its margins, and its headings are small capitals."""
    section = onepager.xml("word/document.xml").find(f".//{W}sectPr/{W}pgMar")
    assert section is not None
    assert section.get(W + "top") == "850"  # 15 mm
    styles = onepager.text("word/styles.xml")
    heading = re.search(r'w:styleId="Heading1">.*?</w:style>', styles)
    assert heading is not None
    assert "<w:caps/>" in heading.group(0)


NOTE = Endnote("Outlet, Title, kind, 1 January 2023.", "Quote")


def _document(*blocks: Paragraph | Table, notes: dict[int, Endnote] | None = None) -> Document:
    base = samples.sample_onepager()
    return Document(base.meta, base.brand, tuple(blocks), notes or {}, base.layout)


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (
            _document(Paragraph("Normal", (NoteRef(2), NoteRef(1))), notes={1: NOTE, 2: NOTE}),
            "note 2 is first cited where note 1 should be",
        ),
        (_document(Paragraph("Normal", (NoteRef(1),)), notes={1: NOTE, 2: NOTE}), "never cited"),
        (_document(Paragraph("Normal", (NoteRef(1),))), "cited but not given"),
        (
            _document(Paragraph("Normal", (NoteRef(1), NoteMention(3))), notes={1: NOTE}),
            "mentioned but never cited",
        ),
        (_document(Table((Cell(()), Cell(())), ((Cell(()),),), (1, 1), "t")), "a row has 1"),
    ],
)
def test_inconsistent_documents_are_refused(document: Document, message: str) -> None:
    """Notes Word would number differently, and ragged tables, are refused before writing."""
    with pytest.raises(ValueError, match=message):
        write_docx(document)


def test_a_document_without_text_still_writes() -> None:
    """An empty paragraph is a valid document."""
    data = write_docx(_document(Paragraph("Normal", (Text(""),))))
    assert docx.Document(io.BytesIO(data)).paragraphs[0].text == ""


def test_an_svg_logo_is_the_header_picture_with_its_png() -> None:
    """A logo with an SVG is embedded as both, the SVG in Office's extension."""
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 1"><rect width="4"/></svg>'
    mark = Logo(samples.png(8, 2), "image/png", "House", 48, 12, svg)
    document = replace(samples.sample_onepager(), brand=replace(samples.brand(), logo=mark))
    package = Package(write_docx(document))
    header = package.text("word/header1.xml")
    assert "asvg:svgBlip" in header and 'descr="House"' in header
    rels = package.text("word/_rels/header1.xml.rels")
    assert 'Target="media/logo.png"' in rels and 'Target="media/logo.svg"' in rels
    assert package.zip.read("word/media/logo.svg") == svg
