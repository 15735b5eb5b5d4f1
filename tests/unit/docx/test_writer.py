"""Tests for briefwright.docx.writer: Word structure, styles, notes, fields, pages, tables."""

from __future__ import annotations

import io
from xml.etree import ElementTree as ET

import docx
import pytest
from docx.text.paragraph import Paragraph as DocxParagraph

from briefwright.docx.model import (
    Cell,
    Document,
    Endnote,
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


@pytest.mark.parametrize("part", ["document", "endnotes", "header1", "header2", "footer2"])
def test_every_run_carries_the_document_language(brief: Package, part: str) -> None:
    """Every run with text says its language, so Word checks spelling in English (UK)."""
    runs = list(brief.xml(f"word/{part}.xml").iter(W + "r"))
    assert runs
    for run in runs:
        if run.find(W + "separator") is None and run.find(W + "continuationSeparator") is None:
            languages = [e.get(W + "val") for e in run.iter(W + "lang")]
            assert languages == ["en-GB"], ET.tostring(run, encoding="unicode")


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
