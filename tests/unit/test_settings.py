"""Tests for briefwright.settings: one value for what changes the PDF bytes, with its key."""

from __future__ import annotations

import itertools

import pytest

from briefwright import settings
from briefwright.settings import (
    DEFAULT_PAPER,
    DEFAULT_VARIANT,
    Margins,
    Paper,
    PdfSettings,
    PdfVariant,
    pdf_settings,
)


def test_every_combination_has_its_own_key() -> None:
    """Two settings that would make different PDFs never share a typesetting key."""
    combinations = [PdfSettings(p, v) for p, v in itertools.product(Paper, PdfVariant)]
    assert len({settings.key() for settings in combinations}) == len(combinations)


def test_recorded_settings_are_the_manifest_options() -> None:
    """The manifest records the settings under the option names the CLI uses."""
    recorded = PdfSettings(Paper.LETTER, PdfVariant.A3B).recorded()
    assert recorded == {"paper": "letter", "pdf_variant": "pdf/a-3b"}


def test_paper_names_its_css_size() -> None:
    """Each paper size is named as CSS `@page { size }` knows it."""
    assert [paper.css for paper in Paper] == ["A4", "letter"]


def test_the_paper_owns_the_pages_of_the_brief_and_the_one_pager() -> None:
    """Each paper gives its size in millimetres and the two pages set on it: the brief's
    margins, a one-pager's tighter ones; as CSS, an @page rule of size and margins."""
    assert Paper.A4.size_mm == (210.0, 297.0) and Paper.LETTER.size_mm == (215.9, 279.4)
    brief, onepager = Paper.A4.page(), Paper.A4.page(onepager=True)
    assert brief.margins == Margins(22, 19, 22, 19) and onepager.margins == Margins(15, 17, 16, 17)
    assert brief.css == "@page { size: A4; margin: 22mm 19mm 22mm 19mm }"
    assert Paper.LETTER.page(onepager=True).css == (
        "@page { size: letter; margin: 15mm 17mm 16mm 17mm }"
    )
    assert brief.text_width_mm == 172 and Paper.LETTER.page().text_width_mm == pytest.approx(177.9)


def test_the_key_covers_the_page_geometry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Margins live in the code, not in a stylesheet the key digests: moving them changes
    the typesetting key, so no PDF set on the old page is reused."""
    before = PdfSettings().key()
    monkeypatch.setattr(settings, "BRIEF_MARGINS", Margins(20, 19, 22, 19))
    assert PdfSettings().key() != before


def test_pdf_settings_come_from_options_by_parameter_name() -> None:
    """One function makes PdfSettings from a command's options, as Typer names them (and
    the console entry point's fast path), the defaults for those missing or None."""
    assert pdf_settings({}) == PdfSettings(DEFAULT_PAPER, DEFAULT_VARIANT) == PdfSettings()
    given = {"paper": Paper.LETTER, "pdf_variant": PdfVariant.A2U, "jobs": 2}
    assert pdf_settings(given) == PdfSettings(Paper.LETTER, PdfVariant.A2U)
    assert pdf_settings({"paper": "letter", "pdf_variant": None}).paper is Paper.LETTER
