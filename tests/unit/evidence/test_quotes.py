"""Tests for briefwright.evidence.quotes: what counts as the same passage; how misses show."""

from __future__ import annotations

import difflib

from hypothesis import given, settings
from hypothesis import strategies as st

from briefwright.evidence.quotes import closest_passage, is_quoted_in, normalise, quote_parts

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
