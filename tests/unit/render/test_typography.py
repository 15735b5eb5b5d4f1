"""Tests for briefwright.render.typography: curly quotes, and dates kept on one line."""

from __future__ import annotations

import pytest

from briefwright.render.typography import keep_dates_whole, typographic

NBSP = "\u00a0"


def test_typographic_quotes() -> None:
    """The brief's prose gets curly quotes and apostrophes; nothing else changes."""
    assert typographic("Modi's \"co-creation\" ('x')...") == (
        "Modi\u2019s \u201cco-creation\u201d (\u2018x\u2019)\u2026"
    )


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("an assessment as of 20 March 2023", f"an assessment as of 20{NBSP}March{NBSP}2023"),
        ("talks on 8 September in Tokyo", f"talks on 8{NBSP}September in Tokyo"),
        ("launched in May 2020.", f"launched in May{NBSP}2020."),
        ("on September 8, 2022, he", f"on September{NBSP}8,{NBSP}2022, he"),
        ("Sept. 8 and 20th", f"Sept.{NBSP}8 and 20th"),
        ("India may 2 or 3", "India may 2 or 3"),  # the verb, not the month
        ("March 20231 units", "March 20231 units"),  # not a year
    ],
)
def test_no_line_breaks_inside_a_date(text: str, kept: str) -> None:
    """The spaces inside a date written in words become no-break spaces, so a subtitle never
    ends a line on "20 March" and begins the next with "2023"."""
    assert keep_dates_whole(text) == kept
    assert typographic(text) == kept
