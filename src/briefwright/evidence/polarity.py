"""Turn a statement and its quotes into polarity findings: a claim the statement negates
where every quote that speaks of it asserts it, or asserts where every such quote negates it
(BW167): "will not allow" against "will allow", an added or dropped "no", "never",
"without".

A clause speaks of what another does when they share its negation's next content words
(stemmed by Snowball's English stemmer, so "allowed" is "allow") and at least half the
content words of the shorter of the two, and never fewer than two. The rule reads English
only, plainly and without a model (docs/checks.md, BW167).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

import snowballstemmer

from briefwright.evidence.quotes import normalise
from briefwright.evidence.statements import Finding, Kind, Statement

#: Words that negate what follows them in their clause.
NEGATORS = re.compile(
    r"\b(?:not|no|never|without|neither|nor|none|nothing|nobody|nowhere|cannot)\b|n't\b",
    re.IGNORECASE,
)
#: Phrases with a negator that negate nothing ("not only … but also", "no less than").
_NOT_NEGATING = re.compile(
    r"\b(?:not (?:only|just|merely|simply|least)|no (?:doubt|less|more) than|no doubt|"
    r"(?:whether )?or not|nothing but)\b|\bno\.(?=\s*\d)",
    re.IGNORECASE,
)
#: Words that deny or mark an absence: a clause with one does not assert what it names.
_DENYING = re.compile(
    r"\b(?:den(?:y|ies|ied|ial)|absen(?:ce|t)|lack(?:s|ed|ing)?|fail(?:s|ed|ure)?|"
    r"refus(?:e|es|ed|al)|reject(?:s|ed|ion)?|unable|missing|hardly|barely|scarcely)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(
    r"[.!?;:()\[\]]|\s[-\u2013\u2014]\s|\b(?:but|while|whereas|although|though|yet)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
#: Words that carry no claim of their own: articles, pronouns, auxiliaries, prepositions,
#: and the reporting verbs a statement adds ("the ministry said").
_STOPWORDS = frozenset({
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "by", "for", "from",
    "with", "as", "into", "onto", "over", "under", "about", "this", "that", "these",
    "those", "it", "its", "they", "them", "their", "there", "here", "he", "she", "his",
    "her", "him", "we", "our", "us", "you", "your", "i", "me", "my", "be", "is", "are",
    "was", "were", "been", "being", "am", "do", "does", "did", "done", "have", "has",
    "had", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
    "ought", "also", "only", "even", "just", "very", "so", "such", "any", "some", "each",
    "every", "both", "either", "more", "most", "much", "many", "other", "than", "then",
    "too", "said", "says", "say", "told", "tells", "according", "added", "stated", "noted",
    "which", "who", "whom", "whose", "what", "when", "where", "why", "how", "if",
    "whether", "one's",
})  # fmt: skip
_DETERMINERS = frozenset({"no", "none", "nothing", "nobody"})
_STEMMER = snowballstemmer.stemmer("english")


@dataclass(frozen=True)
class Reading:
    """A clause as polarity reads it: its words, its content stems, and its negation."""

    words: str
    stems: frozenset[str]
    negator: str | None
    core: tuple[str, ...]
    """The first content stem after the negator (and the verb before a "no"): what the
    negation is about."""
    denies: bool = False
    negated: str = ""
    """The negation as written, from the negator to its core: `not "completely`."""


def reversed_polarity(statement: Statement, entities: object = ()) -> Iterator[Finding]:
    """Yield each clause the statement negates where the quotes that speak of it assert
    it, or asserts where they negate it."""
    quoted = tuple(c for quote in statement.evidence.quotes for c in read_polarity(quote))
    reported: set[str] = set()
    for clause in read_polarity(statement.claimed):
        found = _contradiction(clause, quoted)
        if found is not None and found[0] not in reported:
            reported.add(found[0])
            message = (
                f"'{statement.item_id}' {found[1]}; keep the quotes' polarity, or quote a "
                "passage that says it"
            )
            yield statement.finding(Kind.POLARITY, found[0], message)


def _contradiction(clause: Reading, quoted: tuple[Reading, ...]) -> tuple[str, str] | None:
    """Return (word, what is reversed) when the statement's clause reverses the quotes."""
    if clause.negator is not None:
        speaking = [q for q in quoted if _speaks_of(clause, q, clause.core)]
        if speaking and all(q.negator is None and not q.denies for q in speaking):
            asserted = _excerpt(speaking[0].words, clause.core)
            return clause.negated, f"says '{clause.negated}' where its quotes assert '{asserted}'"
        return None
    if clause.denies:
        return None
    for quote in quoted:
        if quote.negator is None or not _speaks_of(quote, clause, quote.core):
            continue
        speaking = [q for q in quoted if _speaks_of(clause, q, quote.core)]
        if all(q.negator is not None or q.denies for q in speaking):
            asserted = _excerpt(clause.words, quote.core)
            negated = _excerpt(quote.words, quote.core)
            return quote.negated, f"asserts '{asserted}' where its quotes say '{negated}'"
    return None


def _excerpt(words: str, core: tuple[str, ...]) -> str:
    """Return the few words of a clause around the negation's core, so a message stays
    one line and shows the words that differ."""
    cut = words.split()
    keys = [stem(w.strip("\"'.,;:!?()").lower()) for w in cut]
    at = next((i for i, key in enumerate(keys) if key in core), 0)
    first, last = max(0, at - 4), min(len(cut), at + 6)
    return " ".join(["…"] * (first > 0) + cut[first:last] + ["…"] * (last < len(cut)))


def _speaks_of(one: Reading, other: Reading, core: tuple[str, ...]) -> bool:
    """Return True when `other` holds the negation's core and enough of `one`'s words."""
    if not core or not set(core) <= other.stems:
        return False
    shared = len(one.stems & other.stems)
    return shared >= max(2, math.ceil(0.5 * min(len(one.stems), len(other.stems))))


def read_polarity(text: str) -> tuple[Reading, ...]:
    """Return the clauses of a text as polarity reads them."""
    return _read_polarity(normalise(text))


@functools.lru_cache(maxsize=4096)
def _read_polarity(text: str) -> tuple[Reading, ...]:
    """Cached: a judgment reads again every quote of the facts under it."""
    readings = []
    for part in _CLAUSE_END.split(text):
        if part.strip():
            readings.append(_read_clause(part.strip()))
    return tuple(readings)


def _read_clause(words: str) -> Reading:
    lower = words.lower()
    cleared = _NOT_NEGATING.sub(lambda m: " " * len(m.group(0)), lower)
    tokens = list(_WORD.finditer(cleared))
    content = [m for m in tokens if _is_content(m.group(0))]
    stems = frozenset(stem(m.group(0)) for m in content)
    denies = _DENYING.search(lower) is not None
    negation = NEGATORS.search(cleared)
    if negation is None:
        return Reading(words, stems, None, (), denies)
    after = [m for m in content if m.start() >= negation.end()][:1]
    negator = words[negation.start() : negation.end()]
    core = (*_governing(tokens, negation), *(stem(m.group(0)) for m in after))
    # "aren't completely", not "n't completely": the negation from the start of its word.
    opens = next((m.start() for m in tokens if m.start() <= negation.start() < m.end()), 0)
    negated = words[opens : after[0].end() if after else negation.end()]
    return Reading(words, stems, negator, core, denies, negated)


def _is_content(word: str) -> bool:
    return word not in _STOPWORDS and not NEGATORS.search(word)


def _governing(tokens: list[re.Match[str]], negation: re.Match[str]) -> tuple[str, ...]:
    """Return the verb a determiner negation ("naming no company") belongs to: the word
    right before "no", "none" or "nothing", when it is a content word."""
    if negation.group(0) not in _DETERMINERS:
        return ()
    before = [m.group(0) for m in tokens if m.end() <= negation.start()]
    if before and _is_content(before[-1]):
        return (stem(before[-1]),)
    return ()


# Longer than any word a stem could match; and Snowball's stemmer takes time quadratic in a
# word's length (a 1.9-million-character word held `check` for minutes, where BW151 refuses
# anything over 60 characters at once).
LONGEST_STEMMED = 60


@functools.lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """Return a word's Snowball stem: "allowed", "allows" and "allowing" are "allow". A
    word longer than LONGEST_STEMMED characters is its own stem, lower-cased."""
    if len(word) > LONGEST_STEMMED:
        return word.lower()
    return str(_STEMMER.stemWord(word.lower()))
