"""Find remarks that one source puts in quotation marks and another gives in other words.

A quoted sentence of one source is a *variant* of a passage of another when the two share
most of their words (similarity at least `THRESHOLD`) but differ by more than case and
punctuation: "The Japanese are not only invited" against "The Japanese companies are not
only invited". Such differences matter: the brief must say which wording it relies on.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from briefwright.evidence.quotes import closest_passage, is_quoted_in, normalise
from briefwright.model.source import Source

THRESHOLD = 0.75
MIN_WORDS = 8
_QUOTED = re.compile(r'"([^"]+)"')
_SENTENCE_END = re.compile(r"(?<=[.!?,;])\s+(?=[A-Z])")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Variant:
    """A sentence one source quotes, and the differently worded passage of another source."""

    quoting: Source
    sentence: str
    other: Source
    passage: str
    similarity: float
    diff: str


def quoted_sentences(text: str) -> Iterator[str]:
    """Yield the sentences (of MIN_WORDS words or more) a text puts in double quotes."""
    for segment in _QUOTED.findall(normalise(text)):
        for sentence in _SENTENCE_END.split(segment.replace("...", ". ")):
            sentence = sentence.strip(" ,;")
            if len(sentence.split()) >= MIN_WORDS:
                yield sentence


def find_variants(sources: tuple[Source, ...]) -> tuple[Variant, ...]:
    """Return every quoted sentence that another source words differently.

    Cached by the sources themselves (frozen, hashable): a live preview re-checks the brief
    on every edit, and the sources rarely change.
    """
    return _find_variants(sources)


@functools.lru_cache(maxsize=8)
def _find_variants(sources: tuple[Source, ...]) -> tuple[Variant, ...]:
    return tuple(_variants(sources))


def _variants(sources: tuple[Source, ...]) -> Iterator[Variant]:
    for quoting in sources:
        for sentence in quoted_sentences(quoting.text):
            for other in sources:
                if other.id != quoting.id:
                    variant = _compare(quoting, sentence, other)
                    if variant is not None:
                        yield variant


def _compare(quoting: Source, sentence: str, other: Source) -> Variant | None:
    words = set(_loose_words(sentence))
    if len(words & set(_loose_words(other.text))) < THRESHOLD * len(words):
        return None  # most words are missing altogether: not the same remark
    if is_quoted_in(sentence, other.text):
        return None
    # Compare wording only: case and punctuation are the outlet's house style.
    miss = closest_passage(" ".join(_loose_words(sentence)), " ".join(_loose_words(other.text)))
    if miss.similarity < THRESHOLD or not _words_differ(sentence, miss.passage):
        return None
    return Variant(quoting, sentence, other, miss.passage, miss.similarity, miss.diff)


def _words_differ(sentence: str, passage: str) -> bool:
    """Return True when the wording differs inside the remark, ignoring case and punctuation.

    The passage is a window of the other source, so words it has beyond either end of the
    quoted sentence are context, not a difference.
    """
    ops = difflib.SequenceMatcher(
        a=_loose_words(passage), b=_loose_words(sentence), autojunk=False
    ).get_opcodes()
    while ops and ops[0][0] == "delete":
        ops.pop(0)
    while ops and ops[-1][0] == "delete":
        ops.pop()
    return any(op != "equal" for op, *_ in ops)


def _loose_words(text: str) -> list[str]:
    """Return the words of a text without case or punctuation: what wording is made of."""
    return _WORD.findall(normalise(text).casefold())
