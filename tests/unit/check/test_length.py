"""Tests for briefwright.check.length: the main text counted part by part, and its budget."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefwright.check.length import (
    Part,
    check_word_budget,
    count_words,
    main_text,
    main_text_words,
    pages_over_budget,
)
from briefwright.load.content import load_brief
from tests.conftest import CONTENT, MakeProject


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("India–Japan defence talks", 3),  # joined by a dash: one word
        ("co-creation – not procurement", 3),  # a spaced dash is no word
        ("On 20 March 2023, the 2+2 met.", 7),
        ("“Completely open”, he said.", 4),
        ("防衛協力", 2),  # two characters a word where words are not spaced
        ("", 0),
    ],
)
def test_words_are_counted_as_a_word_processor_counts_them(text: str, words: float) -> None:
    """Runs between spaces holding a letter or digit are words; unspaced script, two a word."""
    assert count_words(text) == words


def test_the_main_text_is_every_part_before_the_notes() -> None:
    """The parts run from the cover to the alternative views; notes and annex do not count."""
    brief = load_brief(CONTENT)
    parts = [part.name for part in main_text(brief)]
    topics = [f"topic '{topic.id}'" for topic in brief.topics]
    assert parts == [
        "cover and bottom line", "key judgments", "recommendations", "background", *topics,
        "implications", "gaps and alternative views",
    ]  # fmt: skip
    words = main_text_words(brief)
    assert 1000 < words <= brief.metadata.length.words == 1600  # the default budget holds
    longer = tuple(event.model_copy(update={"text": event.text * 3}) for event in brief.timeline)
    assert main_text_words(brief.model_copy(update={"timeline": longer})) == words


def test_a_recommendations_addressee_is_read_with_it(project: MakeProject) -> None:
    """The addressee is printed with the recommendation, so its words count."""
    brief = load_brief(project("minimal"))
    (recommendations,) = [part for part in main_text(brief) if part.name == "recommendations"]
    assert recommendations.size == count_words("Fixture readers Do the thing.")


def _with_length(content: Path, length: str) -> Path:
    brief = content / "brief.yaml"
    text = brief.read_text().replace("  audience:", f"  length: {length}\n  audience:")
    brief.write_text(text)
    return content


def test_words_over_budget_warn_at_the_budget_naming_the_longest(project: MakeProject) -> None:
    """BW190 points at `metadata.length` and names the three longest parts with their words."""
    content = _with_length(project("minimal"), "{words: 12}")
    (warning,) = check_word_budget(load_brief(content))
    assert str(warning) == (
        f"{content}/brief.yaml:10:11: BW190 the main text is 51 words, over its budget of 12 "
        "(metadata.length.words); longest: topic 'only' (24 words), cover and bottom line "
        "(10 words), key judgments (7 words)"
    )
    assert warning.severity == "warning"


def test_words_within_budget_pass(project: MakeProject) -> None:
    """The default budget (1,600 words) holds a short brief."""
    assert list(check_word_budget(load_brief(project("minimal")))) == []


def test_pages_over_budget_name_the_longest_sections(project: MakeProject) -> None:
    """BW191 gives the pages, the budget and the longest sections in pages."""
    brief = load_brief(_with_length(project("minimal"), "{pages: 2}"))
    parts = [Part("Background", 0.4), Part("1. The only topic", 1.25), Part("Key judgments", 1.0)]
    (warning,) = pages_over_budget(brief, 3, parts)
    assert warning.message == (
        "the main text runs to 3 pages of the PDF, over its budget of 2 "
        "(metadata.length.pages); longest: 1. The only topic (1.2 pages), Key judgments "
        "(1.0 pages), Background (0.4 pages)"
    )
    assert list(pages_over_budget(brief, 2, parts)) == []
