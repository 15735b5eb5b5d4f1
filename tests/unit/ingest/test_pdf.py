"""Tests for briefwright.ingest.pdf: a PDF's text with its pages, running heads and page
numbers dropped, hyphenation rejoined; a PDF without a text layer refused."""

from __future__ import annotations

import re

import pytest

from briefwright.errors import BriefError
from briefwright.evidence.quotes import normalise
from briefwright.ingest.pdf import extract_pdf
from tests.conftest import PAGE_THREE, PAGE_TWO


def _page_of(text: str, pages: list[tuple[str, int]], passage: str) -> str:
    line = text[: text.index(passage)].count("\n") + 1
    return [label for label, start in pages if start <= line][-1]


def test_pages_are_kept_and_furniture_dropped(three_page_pdf: bytes) -> None:
    """Three pages, each beginning on its own line; the running head and page numbers are
    gone from the text and listed once each."""
    extracted = extract_pdf(three_page_pdf, "report.pdf")
    pages = [(page.page, page.line) for page in extracted.pages]
    assert [label for label, _ in pages] == ["1", "2", "3"]
    flat = normalise(extracted.text)
    assert normalise(PAGE_TWO) in flat and PAGE_THREE in flat
    assert _page_of(extracted.text, pages, "On the second page") == "2"
    assert _page_of(extracted.text, pages, "The third page") == "3"
    assert "Defence Cooperation Review 2023" not in extracted.text
    assert "Page 2 of 3" not in extracted.text
    assert extracted.removed == (
        "Defence Cooperation Review 2023 (running head or page number, on 3 page(s))",
        "Page 1 of 3 (running head or page number, on 3 page(s))",
    )


def test_hyphenated_words_are_rejoined(three_page_pdf: bytes) -> None:
    """Words WeasyPrint hyphenated at a line's end are whole; a compound keeps its hyphen."""
    text = extract_pdf(three_page_pdf, "report.pdf").text
    assert not re.search("[-\u2010]\n[a-z]", text)
    flat = normalise(text)
    assert "interoperability and industrialisation" in flat
    assert "co-development" in flat and "co-ordination" in flat
    assert "codevelopment" not in flat and "coordination" not in flat


def test_document_information_is_recorded(three_page_pdf: bytes) -> None:
    """The PDF's Title is recorded with where it came from."""
    found = extract_pdf(three_page_pdf, "report.pdf").found("title")
    assert found is not None
    assert (found.value, found.found_in) == (
        "Defence Cooperation Review",
        "PDF document information Title",
    )


def test_a_scan_without_text_is_refused(scanned_pdf: bytes) -> None:
    """A PDF with no text layer is BW013: no OCR."""
    with pytest.raises(BriefError, match="BW013 the PDF has no text layer"):
        extract_pdf(scanned_pdf, "scan.pdf")


def test_a_broken_pdf_is_refused_in_one_line() -> None:
    """Bytes that start like a PDF but are none: BW013, naming the parser's complaint."""
    with pytest.raises(BriefError, match=r"BW013 the PDF is refused: it cannot be read"):
        extract_pdf(b"%PDF-1.7\n" + bytes(range(256)) * 40, "broken.pdf")
