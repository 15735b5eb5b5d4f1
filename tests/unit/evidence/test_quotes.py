"""Tests for briefwright.evidence.quotes: what counts as the same passage; how misses show."""

from __future__ import annotations

import difflib

from hypothesis import given, settings
from hypothesis import strategies as st

from briefwright.evidence.quotes import (
    SCORE_BUDGET,
    WINDOW_BUDGET,
    closest_passage,
    is_quoted_in,
    normalise,
    quote_parts,
)

SOURCE = (
    "The Japanese companies are not only invited, but are also encouraged to harness the\n"
    "opportunity. Kwatra said \u201cco-innovation\u201d \u2013 and "
    "`Atmanirbharta\u2019 \ufffdmatters."
)


def test_normalise_forgives_marks_spaces_and_noise() -> None:
    """Curly quotes, backticks, dashes, line breaks and U+FFFD do not change a passage."""
    assert normalise("\u201ca\u201d \u2013\n `b\u2019\ufffd") == "\"a\" - 'b'"


def test_exact_quote_is_found_across_line_breaks() -> None:
    """A quote that spans a line break in the source is found."""
    assert is_quoted_in("encouraged to harness the opportunity", SOURCE)


def test_quote_marks_may_differ() -> None:
    """Straight quotes in the quote match curly or backtick marks in the source."""
    assert is_quoted_in("Kwatra said \"co-innovation\" - and 'Atmanirbharta' matters", SOURCE)


def test_a_missing_word_is_not_forgiven() -> None:
    """'The Japanese are not only invited' is not the same as '...companies are...'."""
    assert not is_quoted_in("The Japanese are not only invited", SOURCE)


def test_ellipsis_parts_must_be_in_order() -> None:
    """An ellipsis elides text, but the parts around it must appear in source order."""
    assert is_quoted_in("The Japanese companies ... also encouraged", SOURCE)
    assert is_quoted_in("The Japanese companies \u2026 also encouraged", SOURCE)
    assert not is_quoted_in("also encouraged ... The Japanese companies", SOURCE)


def test_case_matters() -> None:
    """Capitalisation is part of a quote."""
    assert not is_quoted_in("the japanese companies", SOURCE)


def test_closest_passage_shows_a_word_diff() -> None:
    """A near miss shows the closest passage, its similarity and the words that differ."""
    miss = closest_passage("The Japanese are not only invited, but also encouraged", SOURCE)
    assert miss.passage.startswith("The Japanese companies are not only invited")
    assert 0.8 <= miss.similarity < 1
    assert miss.diff == (
        "The Japanese [-companies-] are not only invited, but [-are-] also encouraged"
    )


def _every_window_searched(quote: str, text: str) -> tuple[str, float]:
    """closest_passage without its pruning: score every window, keep the best."""
    wanted = " ".join(quote_parts(quote)).split(" ")
    words = normalise(text).split(" ")
    best: tuple[float, int, int, int, int] = (-1.0, 0, 0, 0, len(wanted))
    for width in range(max(1, len(wanted) - 2), len(wanted) + 3):
        for start in range(max(1, len(words) - width + 1)):
            window = words[start : start + width]
            matcher = difflib.SequenceMatcher(a=window, b=wanted, autojunk=False)
            shared = sum(block.size for block in matcher.get_matching_blocks())
            longer = max(width, len(wanted))
            anchored = (window[0] == wanted[0]) + (window[-1] == wanted[-1])
            best = max(best, (shared / longer, anchored, -abs(width - len(wanted)), -start, width))
    score, _, _, start, width = best
    return " ".join(words[-start : -start + width]), max(score, 0.0)


_WORDS = st.lists(
    st.sampled_from(
        ["the", "a", "of", "India", "Japan", "defence", "are", "not", "only", "invited"]
    )
)


@settings(max_examples=300, deadline=None)
@given(quote=_WORDS.filter(bool), text=_WORDS.filter(bool))
def test_closest_passage_prunes_nothing_that_could_win(quote: list[str], text: list[str]) -> None:
    """Skipping windows by their shared-word bound finds what searching every window finds."""
    miss = closest_passage(" ".join(quote), " ".join(text))
    assert (miss.passage, miss.similarity) == _every_window_searched(
        " ".join(quote), " ".join(text)
    )


def _big_source(words: int) -> str:
    """A long article of ordinary words, with one sentence worth finding near its end."""
    filler = [
        "the",
        "minister",
        "said",
        "that",
        "the",
        "talks",
        "covered",
        "trade",
        "and",
        "the",
        "region",
        "and",
        "more",
    ]
    body = " ".join(filler[n % len(filler)] for n in range(words))
    return body + " Japanese companies are not only invited but also encouraged to invest."


def test_a_huge_source_is_searched_within_the_work_budget() -> None:
    """On a ~1.5 MB source the near-miss search examines at most its budget of windows and
    still finds the passage around the quote's rare words."""
    text = _big_source(250_000)
    assert len(text) > 1_300_000
    miss = closest_passage("Japanese firms are not only invited but also encouraged", text)
    assert miss.windows <= WINDOW_BUDGET + SCORE_BUDGET
    assert miss.passage.startswith("Japanese companies are not only invited")


def test_a_quote_with_no_word_in_the_source_has_no_close_passage() -> None:
    """No shared word, no passage: said plainly, after no work."""
    miss = closest_passage("Zebras yodel quixotically", _big_source(250_000))
    assert (miss.passage, miss.diff, miss.windows) == ("", "no close passage found", 0)


def test_a_long_absent_quote_against_a_huge_source_stays_in_budget() -> None:
    """The worst case the old search took minutes over: bounded by counted work, not time."""
    quote = " ".join(f"unusual{n} the" for n in range(150))  # ~1,900 characters
    miss = closest_passage(quote, _big_source(250_000))
    assert miss.windows <= WINDOW_BUDGET + SCORE_BUDGET
