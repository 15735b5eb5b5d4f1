"""Measure how a brief uses its sources: which paragraphs are cited, which facts corroborated.

A source's paragraphs are its blocks of text between blank lines. A fact is corroborated when
two or more independent origins agree on it (evidence/corroboration.py): sources that report
one briefing or one ministry statement (the same `origin`) count once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefwright.errors import Location

# Re-exported: the templates and the Word edition ask it here.
from briefwright.evidence.corroboration import independent_origins as independent_origins
from briefwright.evidence.quotes import normalise, quote_spans
from briefwright.model.brief import Brief
from briefwright.model.source import Source

_BLANK_LINES = re.compile(r"\n[ \t]*\n")
#: Shorter blocks are headings or datelines, not paragraphs a brief could cite.
MIN_PARAGRAPH_WORDS = 8


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a source: where it starts and what it says."""

    location: Location
    text: str
    cited: bool


@dataclass(frozen=True)
class SourceCoverage:
    """How much of one source the brief uses."""

    source: Source
    statements: int
    paragraphs: tuple[Paragraph, ...]

    @property
    def uncited(self) -> tuple[Paragraph, ...]:
        """Return the paragraphs no citation touches."""
        return tuple(p for p in self.paragraphs if not p.cited)


def source_coverage(brief: Brief, source: Source) -> SourceCoverage:
    """Return how many statements cite a source and which of its paragraphs they touch."""
    blocks = _paragraphs(source)
    starts, joined = [], ""
    for _, text in blocks:
        joined += " " if joined else ""
        starts.append(len(joined))
        joined += normalise(text)
    touched: set[int] = set()
    citing: set[str] = set()
    for item_id, citation in brief.citations():
        if citation.source != source.id:
            continue
        citing.add(item_id)
        for start, end in quote_spans(citation.quote, joined) or []:
            touched.update(_overlapping(starts, len(joined), start, end))
    paragraphs = tuple(
        Paragraph(where, text, index in touched) for index, (where, text) in enumerate(blocks)
    )
    return SourceCoverage(source, len(citing), paragraphs)


def _paragraphs(source: Source) -> list[tuple[Location, str]]:
    origin = source.where("text") or Location("sources")
    found, offset = [], 0
    for block in _BLANK_LINES.split(source.text):
        line = origin.line + source.text.count("\n", 0, source.text.find(block, offset))
        offset = source.text.find(block, offset) + len(block)
        if len(block.split()) >= MIN_PARAGRAPH_WORDS:
            found.append((Location(origin.path, line, 1), block.strip()))
    return found


def _overlapping(starts: list[int], total: int, start: int, end: int) -> set[int]:
    ends = [*starts[1:], total]
    return {i for i, (a, b) in enumerate(zip(starts, ends, strict=True)) if a < end and start < b}
