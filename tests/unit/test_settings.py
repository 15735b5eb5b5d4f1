"""Tests for briefwright.settings: one value for what changes the PDF bytes, with its key."""

from __future__ import annotations

import itertools

from briefwright.settings import Paper, PdfSettings, PdfVariant


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
