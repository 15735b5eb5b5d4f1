"""Turn a quote into the passage of its source's stored text it was found at: the stored
characters it matched, the page it is on, and whether it could have matched elsewhere.

Quotes are found in the normalised text (`evidence.quotes`), whose offsets differ from the
stored text's (NFKC, quote marks, collapsed whitespace); `normalise_with_offsets` remembers
where each normalised character came from, so a passage covers exactly the stored
characters the quote matched.
"""

from __future__ import annotations

import bisect
import functools
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from briefwright.evidence.quotes import is_ambiguous_in, normalise, quote_spans
from briefwright.model.source import Source

Span = tuple[int, int]
#: How many characters of the stored text a passage's prefix and suffix hold, at most.
CONTEXT = 32


@dataclass(frozen=True)
class NormalisedText:
    """A text normalised as quotes are compared, and where each of its characters came from:
    normalised character i stands for stored characters starts[i] to ends[i]."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def stored(self, start: int, end: int) -> Span:
        """Return the stored text's span for the normalised span [start, end)."""
        return self.starts[start], self.ends[end - 1]


@functools.lru_cache(maxsize=64)
def normalise_with_offsets(text: str) -> NormalisedText:
    """Normalise text exactly as `quotes.normalise` does, remembering each character's origin.

    NFKC may merge neighbours (a letter and its accent), so the text is normalised in runs
    that normalise independently; whitespace runs collapse to one space, mapped to the run.
    """
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for start, end in _independent_runs(text):
        for char in unicodedata.normalize("NFKC", text[start:end]):
            if char.isspace():
                if chars and chars[-1] == " ":
                    ends[-1] = end
                    continue
                char = " "
            for kept in char if char == " " else normalise(char):
                chars.append(kept)
                starts.append(start)
                ends.append(end)
    while chars and chars[-1] == " ":
        del chars[-1], starts[-1], ends[-1]
    first = 1 if chars[:1] == [" "] else 0
    result = NormalisedText("".join(chars[first:]), tuple(starts[first:]), tuple(ends[first:]))
    assert result.text == normalise(text), "offsets follow quotes.normalise exactly"
    return result


def _independent_runs(text: str) -> Iterator[Span]:
    """Yield spans of text whose NFKC forms, joined, are the NFKC form of the whole.

    A run ends before a character that starts a new one: ASCII always does (it composes
    with nothing); anything else when it is a starter that does not merge with the run.
    """
    start = 0
    for index in range(1, len(text)):
        char = text[index]
        if char < "\x80" or (
            unicodedata.combining(char) == 0
            and unicodedata.normalize("NFKC", text[start : index + 1])
            == unicodedata.normalize("NFKC", text[start:index])
            + unicodedata.normalize("NFKC", char)
        ):
            yield start, index
            start = index
    if text:
        yield start, len(text)


def locate(quote: str, text: NormalisedText) -> list[Span] | None:
    """Return the stored spans of a quote's parts (one per `...` elision), or None."""
    spans = quote_spans(quote, text.text)
    return None if spans is None else [text.stored(start, end) for start, end in spans]


@dataclass(frozen=True)
class Passage:
    """Where a quote lies in its source's stored text: the span from its first part's start
    to its last part's end (an elided quote spans what it leaves out), its parts' spans,
    the context around it, and whether the quote also matches later in the text."""

    start: int
    end: int
    parts: tuple[Span, ...]
    exact: str
    prefix: str
    suffix: str
    ambiguous: bool


def find_passage(quote: str, text: str) -> Passage | None:
    """Return where a quote lies in a stored text, or None when it is not there."""
    normalised = normalise_with_offsets(text)
    found = quote_spans(quote, normalised.text)
    if found is None:
        return None
    parts = tuple(normalised.stored(start, end) for start, end in found)
    start, end = parts[0][0], parts[-1][1]
    return Passage(
        start,
        end,
        parts,
        text[start:end],
        text[max(0, start - CONTEXT) : start],
        text[end : end + CONTEXT],
        is_ambiguous_in(quote, normalised.text),
    )


def pages_of(source: Source, passage: Passage) -> tuple[str, ...]:
    """Return the pages a passage of a PDF source runs over (its first and its last), or
    () for a source without pages."""
    if not source.pages:
        return ()
    starts = [page.line for page in source.pages]
    first = _line_of(source.text, passage.start)
    last = _line_of(source.text, max(passage.start, passage.end - 1))
    low = bisect.bisect_right(starts, first) - 1
    high = bisect.bisect_right(starts, last) - 1
    labels = (source.pages[low].page, source.pages[high].page)
    return labels[:1] if low == high else labels


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1
