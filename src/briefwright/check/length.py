"""Turn a brief's main text into its length, part by part, and the length into diagnostics:
BW190 when its words exceed `metadata.length.words`, BW191 (from the page count a build
measures) when its pages exceed `metadata.length.pages`.

The main text is what a reader meets from the cover to the end of the discussion, before the
source notes: the title, the bottom line, the key judgments, the recommendations, the
background, the topics, the implications, the gaps and the alternative views. Labels, note
numbers, "Rests on" lines, the contents, the notes and the annex are not counted.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from briefwright.check.where import located
from briefwright.errors import Diagnostic, Location
from briefwright.model.brief import Brief, Fact, Judgment, Recommendation

#: Scripts written without spaces between words (Han, kana, Hangul): two characters count
#: as one word, about what an English translation of such a text runs to.
_UNSPACED = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
                       r"\uf900-\ufaff]")  # fmt: skip
#: How many parts a length warning names, longest first.
NAMED = 3


@dataclass(frozen=True)
class Part:
    """A part of the main text as a length warning names it, with its size (words or
    pages)."""

    name: str
    size: float


def count_words(text: str) -> float:
    """Return the words of a text as a word processor counts them: runs between spaces that
    hold a letter or a digit (a spaced dash is not a word; "India–Japan" is one); in an
    unspaced script, half a word a character."""
    unspaced = len(_UNSPACED.findall(text))
    rest = _UNSPACED.sub(" ", text).split()
    return sum(1 for token in rest if any(char.isalnum() for char in token)) + unspaced / 2


def main_text(brief: Brief) -> list[Part]:
    """Return the main text's parts in reading order, each with its words."""
    front, meta = brief.front, brief.metadata
    cover = [meta.title, meta.subtitle, meta.audience or "", front.rests_on or ""]
    parts = [
        ("cover and bottom line", [*cover, *_said([front.bottom_line])]),
        ("key judgments", _said(front.key_judgments)),
        ("recommendations", _said(front.recommendations)),
        ("background", _said(front.background)),
    ]
    for topic in brief.topics:
        said = _said([topic.bottom_line, *topic.key_points, *topic.analysis])
        parts.append((f"topic '{topic.id}'", [*said, topic.watch]))
    parts.append(("implications", _said(front.implications)))
    gaps = [gap.text for gap in front.information_gaps]
    parts.append(("gaps and alternative views", [*gaps, *_said(front.alternative_views)]))
    return [Part(name, sum(count_words(text) for text in texts)) for name, texts in parts]


def _said(items: Iterable[Judgment | Recommendation | Fact]) -> list[str]:
    """Return what the reader reads of each statement: its addressee, text and inferred
    year's note."""
    texts = []
    for item in items:
        if isinstance(item, Recommendation) and item.to:
            texts.append(item.to)
        texts.append(item.text)
        texts += [item.inferred.how] if item.inferred else []
    return texts


def main_text_words(brief: Brief) -> int:
    """Return the main text's words, rounded up."""
    return math.ceil(sum(part.size for part in main_text(brief)))


def check_word_budget(brief: Brief) -> Iterator[Diagnostic]:
    """BW190: the main text holds no more words than `metadata.length.words` allows."""
    budget = brief.metadata.length.words
    parts = main_text(brief)
    words = math.ceil(sum(part.size for part in parts))
    if words > budget:
        message = (
            f"the main text is {words:,} words, over its budget of {budget:,} "
            f"(metadata.length.words); longest: {_longest(parts, 'words')}"
        )
        yield Diagnostic("BW190", message, budget_location(brief))


def pages_over_budget(brief: Brief, pages: int, parts: list[Part]) -> Iterator[Diagnostic]:
    """BW191: the typeset main text (`pages`, its `parts` measured in pages) runs to no more
    pages than `metadata.length.pages` allows."""
    budget = brief.metadata.length.pages
    if pages > budget:
        message = (
            f"the main text runs to {pages} pages of the PDF, over its budget of {budget} "
            f"(metadata.length.pages); longest: {_longest(parts, 'pages')}"
        )
        yield Diagnostic("BW191", message, budget_location(brief))


def _longest(parts: list[Part], unit: str) -> str:
    """Return the NAMED longest parts, e.g. "topic 'x' (412 words), background (390 words)"."""
    ranked = sorted(parts, key=lambda part: -part.size)[:NAMED]
    size = "{:,.0f}" if unit == "words" else "{:.1f}"
    return ", ".join(f"{part.name} ({size.format(part.size)} {unit})" for part in ranked)


def budget_location(brief: Brief) -> Location:
    """Return where the budget is set: `metadata.length`, else the metadata."""
    return located(brief.metadata, "length")
