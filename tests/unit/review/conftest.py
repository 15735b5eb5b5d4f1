"""Fixtures for the review tests: the example's Word edition, written once."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from briefwright.docx.writer import write_docx
from briefwright.load.content import load_brief
from briefwright.render.word.brief import brief_document
from briefwright.render.word.fonts import read_fonts
from tests.conftest import CONTENT, LAYERS


@pytest.fixture(scope="module")
def edition() -> bytes:
    """Return the example's Word edition."""
    built = datetime(2023, 3, 20, tzinfo=UTC)
    return write_docx(brief_document(load_brief(CONTENT), built, read_fonts(LAYERS)))
