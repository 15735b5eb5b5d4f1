"""Tests for briefwright.docx.body: headings in their bookmarks, judgments as one paragraph,
citations as endnote references then NOTEREF fields, the contents field, text runs."""

from __future__ import annotations

import io
import re

import docx
import pytest

from briefwright.docx.body import BodyWriter, toc_entries
from briefwright.docx.model import Corroboration, Heading, PlainNoteNumber, Text
from briefwright.docx.package import Relationships
from tests.unit.docx.conftest import Package, W, fragment


def _writer() -> BodyWriter:
    return BodyWriter("en-GB", 9000, "123A63", Relationships(), [])


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


def test_text_turns_tabs_and_line_breaks_into_their_elements() -> None:
    """A tab is w:tab, each kind of line end a w:br; the rest is text, escaped."""
    run = fragment(_writer().text(Text("a\tb\r\nc<d>")))
    children = [child.tag.removeprefix(W) for child in run[0] if child.tag != W + "rPr"]
    assert children == ["t", "tab", "t", "br", "t"]
    assert [t.text for t in run.iter(W + "t")] == ["a", "b", "c<d>"]


def test_note_numbers_side_by_side_get_a_comma_and_the_mark_a_space() -> None:
    """Two adjacent note numbers get a raised comma between them; the corroboration mark is
    set apart from the text before it."""
    runs = _writer().runs((Text("fact"), PlainNoteNumber(1), PlainNoteNumber(2),
                           Corroboration("corroborated")))  # fmt: skip
    texts = [t.text for run in runs for t in fragment(run).iter(W + "t")]
    assert texts == ["fact", "1", ",", "2", " ", "corroborated"]


def test_headings_get_legal_bookmarks_and_a_duplicate_is_refused() -> None:
    """A content id becomes a legal Word bookmark (letters first, at most 40); a heading
    without one a hidden _Toc name; two headings on one bookmark are refused."""
    entries = toc_entries((Heading(1, "A", "1-topic"), Heading(2, "B"), Heading(1, "C", "x" * 50)))
    assert [e.anchor for e in entries] == ["h_1_topic", "_Toc00000002", "x" * 40]
    with pytest.raises(ValueError, match="two headings have the bookmark 'same'"):
        toc_entries((Heading(1, "A", "same"), Heading(1, "B", "same")))


def test_python_docx_reads_the_headings_in_their_styles(brief: Package) -> None:
    """Every heading is a paragraph of style Heading 1 or 2, its text as written."""
    document = docx.Document(io.BytesIO(brief.data))
    names = {p.style.name for p in document.paragraphs if p.style is not None}
    assert {"Heading 1", "Heading 2"} <= names
    body = brief.text("word/document.xml")
    assert re.search(r'w:name="background"/><w:r>.*?Background</w:t>', body)
