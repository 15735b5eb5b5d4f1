"""Tests for briefwright.evidence.coverage: paragraphs cited, facts corroborated."""

from __future__ import annotations

from briefwright.evidence.coverage import independent_origins, source_coverage
from briefwright.load.content import load_brief
from tests.conftest import CONTENT


def test_every_source_is_cited_and_mostly_covered() -> None:
    """Each real source is cited, and every paragraph of substance but two is used."""
    brief = load_brief(CONTENT)
    coverage = {s.id: source_coverage(brief, s) for s in brief.sources}
    assert all(c.statements > 0 for c in coverage.values())
    uncited = {(i, p.text.split()[0]) for i, c in coverage.items() for p in c.uncited}
    assert uncited == {
        ("mea-briefing-2023-03-20", "India"),
        ("mea-briefing-2023-03-20", "Separately"),
    }


def test_a_quote_spanning_two_paragraphs_covers_both() -> None:
    """A quote that runs over a paragraph break marks both paragraphs as cited."""
    brief = load_brief(CONTENT)
    sputnik = brief.source("sputnik-2023-03-20")
    assert sputnik is not None
    assert not source_coverage(brief, sputnik).uncited


def test_corroboration_needs_independent_origins_that_agree() -> None:
    """Sources reporting one briefing do not corroborate each other; two origins that each
    give only part of a statement do not either (the 2+2 sentence: "will participate" from
    the defence ministry's statement, "sometime last year" from the briefing)."""
    brief = load_brief(CONTENT)
    facts = {item.id: item for item in brief.cited()}
    assert independent_origins(brief, facts["co-creation-proposal"]) == 1
    assert independent_origins(brief, facts["two-plus-two"]) == 0
