"""Turn a cited statement and its sources into the origins that corroborate it: a source's
origin (the briefing or statement it reports) counts only when its quotes alone give the
statement's numbers, dates and names, keep its modality and do not reverse it.

Two sources of one origin count once; two origins that each give part of a statement
corroborate none of it (the flagship's 2+2 sentence rested on "will participate" from one
ministry's statement and "sometime last year" from the other's briefing). A brief not in
English is not read (BW165): its origins are counted as cited.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from briefwright.errors import Location
from briefwright.evidence.grounding import (
    Entities,
    firmer_than_quotes,
    is_english,
    known_entities,
    unsupported_dates,
    unsupported_names,
    unsupported_numbers,
)
from briefwright.evidence.polarity import reversed_polarity
from briefwright.evidence.statements import Evidence, Statement, cited_statement
from briefwright.model.brief import Brief, Citation, Cited, Inferred
from briefwright.model.source import Source

#: What each origin's quotes must give on their own (BW160–BW163, BW167).
AGREEMENT = (
    unsupported_numbers,
    unsupported_dates,
    unsupported_names,
    firmer_than_quotes,
    reversed_polarity,
)


@dataclass(frozen=True)
class Origin:
    """One independent origin a statement cites: its sources, and the words of the
    statement that its quotes alone do not give (none: it agrees)."""

    name: str
    sources: tuple[str, ...]
    missing: tuple[str, ...] = ()

    @property
    def agrees(self) -> bool:
        """Return True when this origin's quotes alone ground the whole statement."""
        return not self.missing


def independent_origins(brief: Brief, item: Cited) -> int:
    """Return how many independent origins agree on a statement: two or more mark it
    corroborated. A translated edition's are its original's: agreement is read in the
    original's language."""
    if brief.translated_from is not None:
        original = next((i for i in brief.translated_from.cited() if i.id == item.id), item)
        return independent_origins(brief.translated_from, original)
    return sum(origin.agrees for origin in origins(brief, item))


def origins(brief: Brief, item: Cited) -> tuple[Origin, ...]:
    """Return the independent origins a statement cites, each read on its own."""
    grouped: dict[str, list[Citation]] = {}
    for citation in item.cites:
        source = brief.source(citation.source)
        if source is not None:
            grouped.setdefault(source.origin or source.id, []).append(citation)
    if len(grouped) < 2 or not is_english(brief):
        return tuple(Origin(name, _ids(cites)) for name, cites in grouped.items())
    statement = cited_statement(brief, item)
    entities = known_entities(brief)
    return tuple(
        Origin(name, _ids(cites), _missing(statement, tuple(cites), brief, entities))
        for name, cites in grouped.items()
    )


def _ids(citations: list[Citation]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(citation.source for citation in citations))


def _missing(
    statement: Statement, citations: tuple[Citation, ...], brief: Brief, entities: Entities
) -> tuple[str, ...]:
    ids = _ids(list(citations))
    sources = tuple(s for i in ids if (s := brief.source(i)) is not None)
    return _missing_words(statement.text, statement.inferred, statement.dated, citations,
                          sources, entities)  # fmt: skip


@functools.lru_cache(maxsize=1024)
def _missing_words(
    text: str,
    inferred: Inferred | None,
    dated: str | None,
    citations: tuple[Citation, ...],
    sources: tuple[Source, ...],
    entities: Entities,
) -> tuple[str, ...]:
    """Cached: the templates ask for each statement's origins more than once."""
    alone = Statement("", text, Location("content"), Evidence(citations, sources), inferred,
                      dated)  # fmt: skip
    found = (finding.word for rule in AGREEMENT for finding in rule(alone, entities))
    return tuple(dict.fromkeys(found))
