"""Turn a sentence of the brief into clauses, each read as stated (what is or was so) or as
forward (what is prescribed or predicted), for grounding and the likelihood check.

A recommendation prescribes, and an analyst's forecast looks ahead: their addressees, the
people who are to act or judge, a target date ("by March 2024") and an ordinal ("the first
exercise under the agreement") are not claims a quote must give. What a clause states as
having happened still is. The reading is a plain, documented one (docs/checks.md,
"Forward clauses"): markers in the clause's own words, quotations left out.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from briefwright.evidence.wording import DateMention, read_dates

#: Where a clause ends: a sentence's end, a semicolon, colon, bracket or dash, a comma, and
#: before a word that opens another clause ("but", "because", "whether", "how"…).
_BOUNDARY = re.compile(
    r"[.!?](?=[\"')\]]*(?:\s|$))|[;:()\[\]]|\s[-\u2013\u2014]\s|,(?=\s)|"
    r"(?<=\s)(?=(?:but|while|whereas|although|though|because|unless|until|whether|what|how|"
    r"which|who|whom|whose|where|when|why|if|so that|in order to|so as to)\b)|"
    r"(?<=\s)(?<!\bso )(?=that\b)",
    re.IGNORECASE,
)
#: Where a sentence, or an independent clause after a semicolon, ends: the clause after it
#: reads nothing from the one before.
_SENTENCE_END = re.compile(r"[.!?](?=[\"')\]]*(?:\s|$))|;")
_QUOTATION = re.compile(r"[\"\u201c\u201d][^\"\u201c\u201d]*[\"\u201c\u201d]")

#: What makes a clause a prescription: an obligation, or the purpose it serves.
PRESCRIBING = re.compile(
    r"\b(?:should|must|ought to|needs? to|so that|in order to|so as to)\b", re.IGNORECASE
)
#: What makes a clause a prediction or a condition (a date after `as_of` does too).
PREDICTING = re.compile(
    r"\b(?:will|won't|shall|would|could|may|might|going to|"
    r"(?:is|are|be) (?:un)?likely to|(?:is|are) (?:expected|due|set|poised|about|scheduled|"
    r"planned) to|yet to|next(?! to)|upcoming|in (?:the )?future|in the coming|"
    r"coming (?:days|weeks|months|years)|if|unless)\b",
    re.IGNORECASE,
)
#: "would" and "could" after a stated clause are the future of a past report ("agreed that
#: the exercise would pave the way"), not the brief's own forecast.
_REPORTED_FUTURE = re.compile(r"\b(?:would|could)\b", re.IGNORECASE)
#: What makes a clause state something as having happened.
_PAST = re.compile(
    r"\b(?:was|were|had|did|been|ago|already|previously|earlier|so far|to date|"
    r"last (?:year|month|week|time)|(?:has|have)(?: not| never| just| also| recently)? "
    r"(?:[a-z]+ed|[a-z]+en|met|held|said|told|made|built|led|sent|won|paid|sold|kept|found|"
    r"brought|bought|begun|gone|known|seen|shown|drawn|grown|thought|set|put|cut))\b",
    re.IGNORECASE,
)
_IRREGULAR_PAST = frozenset({
    "met", "held", "said", "told", "spoke", "took", "gave", "made", "began", "came",
    "went", "saw", "led", "left", "sent", "won", "wrote", "brought", "bought", "built",
    "found", "kept", "paid", "sold", "stood", "thought", "chose", "drew", "grew", "knew",
    "rose", "fell", "flew", "became",
})  # fmt: skip
#: Words ending in -ed that are not a verb's past.
_NOT_PAST = frozenset({
    "hundred", "indeed", "sacred", "naked", "wicked", "kindred", "rugged", "ragged",
    "speed", "proceed", "exceed", "succeed", "embed", "breed", "creed", "greed", "bleed",
})  # fmt: skip
#: After these, an -ed word is an adjective or a passive ("a named project", "can be judged").
_BEFORE_PARTICIPLE = frozenset({
    "a", "an", "the", "be", "been", "being", "is", "are", "am", "get", "gets", "its",
    "their", "his", "her", "our", "your", "my", "this", "these", "those", "any", "no",
    "some", "each", "every", "well", "not",
})  # fmt: skip
_WORD = re.compile(r"[A-Za-z]+(?:[-'][A-Za-z]+)*")


@dataclass(frozen=True)
class Clause:
    """A clause of a text: where it lies, and whether it looks forward (and why)."""

    start: int
    end: int
    forward: bool
    marker: str | None = None
    """The word that made it forward; None when it is stated, or forward by default."""
    past: bool = False
    """It states something as having happened (a past marker, not only a default)."""
    predicts: str | None = None
    """The word by which it speaks of what will happen: a prediction, a condition or a date
    after `as_of` (an obligation, "should", prescribes and predicts nothing)."""


def read_clauses(text: str, as_of: date, *, prescribes: bool = False) -> tuple[Clause, ...]:
    """Return the clauses of a text in order, each stated or forward.

    A clause with a past marker is stated; else one with a marker of prescription or
    prediction (or a date after `as_of`) is forward; else it reads as the clause before it
    in its sentence. A sentence's first clause without a marker is forward in a
    recommendation (its addressee, or an imperative) and stated elsewhere.
    """
    return _read_clauses(text, as_of, prescribes)


@functools.lru_cache(maxsize=1024)
def _read_clauses(text: str, as_of: date, prescribes: bool) -> tuple[Clause, ...]:
    plain = blank_quotations(text)
    found: list[Clause] = []
    previous: Clause | None = None
    for start, end, opens_sentence in _spans(plain):
        words = plain[start:end]
        if not words.strip():
            continue
        if opens_sentence:
            previous = None
        clause = _classify(words, start, end, as_of, previous, prescribes)
        found.append(clause)
        previous = clause
    return tuple(found)


def _classify(
    words: str, start: int, end: int, as_of: date, previous: Clause | None, prescribes: bool
) -> Clause:
    if is_stated(words):
        return Clause(start, end, False, past=True)
    reported = previous is not None and previous.past
    predicts = _first(PREDICTING, words, reported) or _later_date(words, as_of)
    marker = _first(PRESCRIBING, words, reported) or predicts
    if marker is not None:
        return Clause(start, end, True, marker, predicts=predicts)
    if previous is not None:
        return Clause(start, end, previous.forward)
    return Clause(start, end, prescribes)


def _spans(text: str) -> Iterator[tuple[int, int, bool]]:
    """Yield (start, end, opens a sentence) for each stretch between boundaries."""
    start, opens = 0, True
    for match in _BOUNDARY.finditer(text):
        yield start, match.start(), opens
        opens = _SENTENCE_END.fullmatch(match.group(0)) is not None
        start = match.end()
    yield start, len(text), opens


def is_stated(words: str) -> bool:
    """Return True when a clause states something as having happened (was, had, has
    been, an irregular past like "met", or a verb's -ed past)."""
    if _PAST.search(words):
        return True
    tokens = [m.group(0) for m in _WORD.finditer(words)]
    for before, word in zip(["", *tokens], tokens, strict=False):
        lower = word.lower()
        if lower in _IRREGULAR_PAST:
            return True
        if _is_regular_past(lower) and before.lower() not in _BEFORE_PARTICIPLE:
            return True
    return False


def _is_regular_past(word: str) -> bool:
    return len(word) >= 5 and word.endswith("ed") and "-" not in word and word not in _NOT_PAST


def _first(pattern: re.Pattern[str], words: str, reported: bool) -> str | None:
    """Return the first marker of `pattern` in a clause; after a stated clause ("agreed
    that"), "would" and "could" are a past report's future, not a forecast."""
    for match in pattern.finditer(_without_month_may(words)):
        if not (reported and _REPORTED_FUTURE.fullmatch(match.group(0))):
            return match.group(0)
    return None


def _later_date(words: str, as_of: date) -> str | None:
    later = next((d for d in read_dates(words) if is_after(d, as_of)), None)
    return later.words if later else None


def is_after(mention: DateMention, as_of: date) -> bool:
    """Return True when all of a date mention lies after `as_of` (a year needs no month)."""
    if mention.year is None:
        return False
    first = date(mention.year, mention.month or 1, mention.day or 1)
    return first > as_of


def blank_quotations(text: str) -> str:
    """Return text with what lies inside quotation marks blanked (same length): a quotation
    is the source's words, so its "will" or "was" says nothing of the brief's own clause."""
    return _QUOTATION.sub(lambda m: m.group(0)[0] + " " * (len(m.group(0)) - 2) + m.group(0)[-1],
                          text)  # fmt: skip


def _without_month_may(text: str) -> str:
    """Drop the month May ("by May 2024"), which is not the modal verb."""
    return re.sub(r"\bMay\b(?=\s+\d)|(?<=\b(?:in|by) )May\b", "   ", text)


def forward_spans(clauses: tuple[Clause, ...]) -> tuple[tuple[int, int], ...]:
    """Return where the forward clauses lie."""
    return tuple((c.start, c.end) for c in clauses if c.forward)


def prediction(text: str, as_of: date) -> str | None:
    """Return the first word by which a text speaks of the future (a prediction or a
    condition in a forward clause, or a date after `as_of`), or None when it does not."""
    return next((c.predicts for c in read_clauses(text, as_of) if c.predicts), None)
