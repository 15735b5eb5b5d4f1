"""Decide whether a quote really is in a source's text, and say how close it came if not.

Only differences that never change meaning are forgiven: Unicode compatibility forms (NFKC),
the style of quote marks, apostrophes and dashes, whitespace and line breaks, and the U+FFFD
replacement characters left by broken encodings. An ellipsis in a quote marks an elision:
the parts around it must appear in the source in that order.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

_MARKS = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "`": "'", "\u00b4": "'",
        "\u2032": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
        "\u2033": '"', "\u00ab": '"', "\u00bb": '"', "\u2010": "-", "\u2011": "-",
        "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
        "\ufffd": None, "\u00ad": None, "\u200b": None,
    }
)  # fmt: skip
_SPACE = re.compile(r"\s+")
_ELLIPSIS = re.compile(r"\s*(?:\.\s*\.\s*\.|\u2026)\s*")


@functools.lru_cache(maxsize=1024)
def normalise(text: str) -> str:
    """Return text with meaning-preserving differences removed.

    Cached: checking normalises each source's whole text once per quote it holds.
    """
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).translate(_MARKS)).strip()


def quote_parts(quote: str) -> list[str]:
    """Split a quote at its ellipses into the normalised parts that must appear in order."""
    return [part for part in (normalise(p) for p in _ELLIPSIS.split(quote)) if part]


def is_quoted_in(quote: str, text: str) -> bool:
    """Return True when every part of the quote appears in the text, in order."""
    return quote_spans(quote, normalise(text)) is not None


def quote_spans(quote: str, normalised_text: str) -> list[tuple[int, int]] | None:
    """Return where each part of the quote lies in an already normalised text, or None."""
    spans, start = [], 0
    for part in quote_parts(quote):
        found = normalised_text.find(part, start)
        if found < 0:
            return None
        start = found + len(part)
        spans.append((found, start))
    return spans


def is_ambiguous_in(quote: str, normalised_text: str) -> bool:
    """Return True when a quote found in a normalised text also matches starting later:
    it could be more than one passage, and nothing says which one the statement means."""
    spans = quote_spans(quote, normalised_text)
    return spans is not None and quote_spans(quote, normalised_text[spans[0][0] + 1 :]) is not None


#: Windows of source words the near-miss search may examine (bound, then score): the work
#: it may do for one quote, whatever the sizes. A 1.5 MB source has ~1.3 million windows.
WINDOW_BUDGET = 200_000
#: Of those, how many it may score word by word (the costly part, growing with the quote's
#: length): at most SCORE_BUDGET windows, and at most SCORE_WORDS words compared in all.
SCORE_BUDGET = 500
SCORE_WORDS = 20_000
#: Longest quote, in characters, that `check` searches for; longer ones are refused (BW153).
MAX_QUOTE = 2_000


@dataclass(frozen=True)
class NearMiss:
    """The passage of a source closest to a quote that was not found, and the work it took
    (windows examined), so that tests can hold the search to its budget without timing it."""

    passage: str
    similarity: float
    diff: str
    windows: int = 0


def closest_passage(quote: str, text: str) -> NearMiss:
    """Find the run of source words most like the quote and show the word-level difference.

    Within WINDOW_BUDGET the search is exact (a property test compares it with trying every
    window). A longer source is searched only around the places where the quote's rarest
    words occur, as many as the budget allows; a quote none of whose words is in the
    source has no close passage.
    """
    wanted = " ".join(quote_parts(quote)).split(" ")
    words = normalise(text).split(" ")
    widths = range(max(1, len(wanted) - 2), len(wanted) + 3)
    regions = _regions(words, wanted, widths)
    if not regions:
        return NearMiss("", 0.0, "no close passage found", 0)
    # Windows a little shorter or longer than the quote catch dropped or added words; the
    # score is shared words over the longer of the two; ties go to windows that start or end
    # on the quote's own first or last word, then to the closest length. The words a window
    # shares with the quote in any order (difflib's quick_ratio, kept up to date as the
    # window slides) bound its score from above: trying windows from the highest bound
    # down, the search stops at the first bound below the best score found.
    bounds = sorted(
        (
            (common / max(width, len(wanted)), width, start)
            for width in widths
            for low, high in regions
            for start, common in _window_overlaps(words, wanted, width, low, high)
        ),
        key=lambda bound: bound[0],
        reverse=True,
    )
    score, start, width, scored = _best_window(words, wanted, bounds)
    passage = words[start : start + width]
    return NearMiss(
        " ".join(passage), max(score, 0.0), word_diff(passage, wanted), len(bounds) + scored
    )


def _best_window(
    words: list[str], wanted: list[str], bounds: list[tuple[float, int, int]]
) -> tuple[float, int, int, int]:
    """Score windows best bound first; return (score, start, width, windows scored)."""
    best: tuple[float, int, int, int, int] = (-1.0, 0, 0, 0, len(wanted))
    # difflib ignores words that make up over 1% of a quote of 200 words or more (autojunk):
    # without it, a long quote's many "the"s make each comparison quadratic (seconds per
    # window). Shorter quotes, nearly all of them, are compared exactly either way.
    matcher = difflib.SequenceMatcher(autojunk=True)
    matcher.set_seq2(wanted)
    scored = 0
    most = max(1, min(SCORE_BUDGET, SCORE_WORDS // len(wanted)))
    for bound, width, start in bounds:
        if bound < best[0] or scored == most:
            break
        scored += 1
        window = words[start : start + width]
        matcher.set_seq1(window)
        longer = max(width, len(wanted))
        shared = sum(block.size for block in matcher.get_matching_blocks())
        anchored = (window[0] == wanted[0]) + (window[-1] == wanted[-1])
        candidate = (shared / longer, anchored, -abs(width - len(wanted)), -start, width)
        best = max(best, candidate)
    return best[0], -best[3], best[4], scored


def _regions(words: list[str], wanted: list[str], widths: range) -> list[tuple[int, int]]:
    """Return the ranges of window starts to search: all of them when the budget allows,
    else those around the occurrences of the quote's rarest words, merged, within budget."""
    if len(words) * len(widths) <= WINDOW_BUDGET:
        return [(0, len(words))]
    wanted_words = set(wanted)
    where: dict[str, list[int]] = {}
    for position, word in enumerate(words):
        if word in wanted_words:
            where.setdefault(word, []).append(position)
    span = widths[-1]
    regions: list[tuple[int, int]] = []
    room = WINDOW_BUDGET // len(widths)
    for word in sorted(where, key=lambda w: (len(where[w]), w)):
        for position in where[word]:
            if room < span:
                return _merged(regions)
            regions.append((max(0, position - span + 1), position + 1))
            room -= span
    return _merged(regions)


def _merged(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for low, high in sorted(regions):
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def _window_overlaps(
    words: list[str], wanted: list[str], width: int, low: int = 0, high: int | None = None
) -> Iterator[tuple[int, int]]:
    """Yield (start, words shared with `wanted` as multisets) for each window of `width`
    starting in [low, high); a text shorter than width is one window."""
    last = max(0, len(words) - width)
    high = min(last + 1, len(words) if high is None else high)
    if low > last:
        return
    need = Counter(wanted)
    have: Counter[str] = Counter()
    common = 0

    def enter(word: str) -> int:
        have[word] += 1
        return 1 if have[word] <= need[word] else 0

    def leave(word: str) -> int:
        have[word] -= 1
        return 1 if have[word] < need[word] else 0

    for word in words[low : low + width]:
        common += enter(word)
    yield low, common
    for start in range(low + 1, high):
        common += enter(words[start + width - 1]) - leave(words[start - 1])
        yield start, common


def word_diff(source_words: list[str], quote_words: list[str]) -> str:
    """Show the quote against the source passage: [-source only-] and {+quote only+}."""
    pieces: list[str] = []
    matcher = difflib.SequenceMatcher(a=source_words, b=quote_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(" ".join(source_words[a1:a2]))
            continue
        if a2 > a1:
            pieces.append("[-" + " ".join(source_words[a1:a2]) + "-]")
        if b2 > b1:
            pieces.append("{+" + " ".join(quote_words[b1:b2]) + "+}")
    return " ".join(pieces)
