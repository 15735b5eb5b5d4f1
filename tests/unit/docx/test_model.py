"""Tests for briefwright.docx.model: plain values the writer reads, refusing what Word would
not, the page taken from the settings."""

from __future__ import annotations

import pytest

from briefwright.docx.model import Colours, Document, Layout
from briefwright.settings import DEFAULT_PAPER, Paper
from tests.unit.docx import samples


@pytest.mark.parametrize("value", ["#123456", "12345", "12345G", "1234567"])
def test_a_colour_word_cannot_read_is_refused(value: str) -> None:
    """A colour is six hex digits, no '#': anything else is a ValueError naming it."""
    with pytest.raises(ValueError, match=f"colour accent={value!r}"):
        Colours(accent=value)


def test_house_colours_take_either_case() -> None:
    """Hex digits in either case are a colour."""
    assert Colours(accent="abcDEF").accent == "abcDEF"


def test_the_default_layout_is_the_default_papers_brief_page() -> None:
    """Without a layout a document is set on the default paper's brief page (the one place
    that default is written: settings), at 10.5 pt, not compact."""
    document = Document(samples.meta(), samples.brand(), ())
    assert document.layout == Layout(DEFAULT_PAPER.page(), 10.5, compact=False)
    assert Layout(Paper.LETTER.page(onepager=True), 9.5, True).page.width_mm == 215.9


def test_values_are_frozen() -> None:
    """A document's values cannot change once made."""
    layout = Layout()
    with pytest.raises(AttributeError):
        layout.body_size = 12  # type: ignore[misc]
