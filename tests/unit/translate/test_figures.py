"""Tests for briefwright.translate.figures: the numbers and dates a translation and its
original disagree on."""

from __future__ import annotations

from briefwright.translate.figures import disagreements


def _words(original: str, translation: str, year: int | None = None) -> list[tuple[str, bool]]:
    found = disagreements(original, "en", translation, "ja", year)
    return [(d.words, d.in_translation) for d in found]


def test_the_same_figures_agree_and_a_changed_year_does_not() -> None:
    """8 September 2022 is 2022年9月8日; 2021年 is a year the original does not give, and
    its 2022 is left out."""
    original = "The talks were held on 8 September 2022 with 800 officials."
    assert _words(original, "会談は2022年9月8日に800人の当局者が参加して行われた。") == []
    assert ("2021年9月8日", True) in _words(original, "会談は2021年9月8日に800人で行われた。")


def test_a_number_in_words_may_be_rendered_freely_but_not_a_figure() -> None:
    """ "the first exercise" may become 初の訓練; leaving out "75 billion" is reported."""
    assert _words("It was the first exercise.", "初の訓練だった。") == []
    assert _words("India offered $75 billion.", "インドは巨額の投資を提示した。") == [
        ("$75 billion", False)
    ]


def test_an_inferred_year_may_be_given_in_both() -> None:
    """The year an `inferred:` note excuses may be added by the translation."""
    assert _words("The talks of 8 September.", "2022年9月8日の会談。", year=2022) == []


def test_an_iso_timestamp_is_read_as_its_date_in_both_languages() -> None:
    """A source's metadata quoted in a date note (2023-03-23T08:00:00+09:00) agrees with
    itself whichever language's reader splits it."""
    original = "From the page's metadata: datePublished (2023-03-23T08:00:00+09:00)."
    translation = "ページのメタデータ（datePublished：2023-03-23T08:00:00+09:00）による。"
    assert _words(original, translation) == []
