"""Tests for briefwright.pipeline.length: the main text's pages, read from the typeset PDF."""

from __future__ import annotations

from pypdf import PdfReader

from briefwright.model.brief import Length
from briefwright.pipeline.length import measure_main_text
from briefwright.pipeline.outcome import Built
from briefwright.render.html import document_labels
from tests.conftest import LAYERS


def _outline_pages(built: Built) -> dict[str, int]:
    """Return each section's first page (from 1), from the PDF's bookmarks."""
    reader = PdfReader(built.out_dir / "brief.pdf")
    found: dict[str, int] = {}

    def walk(items: list) -> None:  # type: ignore[type-arg]
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                page = reader.get_destination_page_number(item)
                assert page is not None
                found[str(item.title)] = page + 1

    walk(reader.outline)
    return found


def test_the_main_text_is_the_pages_before_the_notes(built: Built) -> None:
    """The pages are those before the notes' page; the recommendations' page is theirs."""
    brief = built.brief
    pdf = {"brief.pdf": (built.out_dir / "brief.pdf").read_bytes()}
    length = measure_main_text(brief, document_labels(brief, LAYERS), pdf)
    assert length is not None
    bookmarks = _outline_pages(built)
    assert length.pages == bookmarks["Source notes"] - 1
    assert length.recommendations_page == bookmarks["Recommendations"] <= 2
    assert length.diagnostics == ()  # within the budget brief.yaml sets for now
    assert length.remark == (
        f"brief.pdf: main text {length.pages} pages (budget {brief.metadata.length.pages}), "
        f"{length.words:,} words (budget {brief.metadata.length.words:,}); recommendations "
        f"begin on page {length.recommendations_page}"
    )


def test_pages_over_the_budget_name_the_longest_sections(built: Built) -> None:
    """Over its page budget, BW191 names the sections that take the most pages."""
    brief = built.brief
    meta = brief.metadata.model_copy(update={"length": Length(pages=2)})
    tight = brief.model_copy(update={"front": brief.front.model_copy(update={"metadata": meta})})
    pdf = {"brief.pdf": (built.out_dir / "brief.pdf").read_bytes()}
    length = measure_main_text(tight, document_labels(brief, LAYERS), pdf)
    assert length is not None
    (warning,) = length.diagnostics
    assert warning.code == "BW191"
    assert warning.message.startswith(
        f"the main text runs to {length.pages} pages of the PDF, over its budget of 2 "
        "(metadata.length.pages); longest: "
    )
    named = warning.message.split("longest: ")[1]
    assert named.count(" pages)") == 3 and "Source notes" not in named


def test_no_brief_pdf_no_measure(built: Built) -> None:
    """A build that typeset only one-pagers measures nothing."""
    brief = built.brief
    assert measure_main_text(brief, document_labels(brief, LAYERS), {}) is None
