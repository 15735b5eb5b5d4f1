"""Tests for briefwright.compare.summary: the readable summary `diff` prints."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from briefwright.compare.changes import compare
from briefwright.compare.record import ContentRecord
from briefwright.compare.summary import diff_text, summarise_changes
from briefwright.compare.words import word_diff
from tests.unit.compare.conftest import Edit


def test_word_diff_reads_as_git_writes_it() -> None:
    """Removed words are [-…-], added ones {+…+}, the space before each outside."""
    assert diff_text(word_diff("should name pilot projects", "should agree pilot projects")) == (
        "should [-name-] {+agree+} pilot projects"
    )


def test_summary_groups_changes_by_section(
    minimal: ContentRecord, edited: Callable[[Edit], ContentRecord]
) -> None:
    """A line names both versions and the count; each change sits under its section."""

    def edit(brief: dict[str, Any], topic: dict[str, Any]) -> None:
        brief["metadata"]["version"] = "0.2"
        brief["key_judgments"][0]["confidence"] = "moderate"
        topic["key_points"].pop(2)

    text = summarise_changes(compare(minimal, edited(edit)))
    assert (
        text.splitlines()[0]
        == "T-001 0.1 (as of 2023-03-20) → T-001 0.2 (as of 2023-03-20): 3 changes"
    )
    assert "Metadata\n  ~ version: 0.1 → 0.2\n" in text
    assert "Key judgments\n  ~ kj-1 (key judgment): high → moderate\n" in text
    assert "1. The only topic\n  - fact-three (key point) removed: Something happened" in text


def test_no_changes_says_so(minimal: ContentRecord) -> None:
    """Two equal versions give one line."""
    assert summarise_changes(compare(minimal, minimal)).endswith(": no changes\n")


def test_a_changed_source_is_one_line_naming_its_statements(minimal: ContentRecord) -> None:
    """A source's new SHA-256 is one line with both fingerprints' starts and its citers."""
    (source,) = minimal.sources
    changed = minimal.model_copy(
        update={"sources": (source.model_copy(update={"sha256": "f" * 64}),)}
    )
    line = summarise_changes(compare(minimal, changed)).splitlines()[-1]
    assert line.startswith(f"  ~ one: stored text changed (SHA-256 {source.sha256[:12]}… → ffff")
    assert line.endswith("cited by fact-bg, fact-one, fact-two, fact-three, event-one, actor-one")
