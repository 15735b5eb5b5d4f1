"""Tests for briefwright.check.text: plain text only, no placeholder left, no word too long,
and no hidden characters in what an author wrote."""

from __future__ import annotations

from briefwright.check.text import (
    MAX_WORD,
    check_no_hidden_characters,
    check_text_is_plain,
    editable_texts,
)
from tests.unit.check.conftest import Minimal, found


def test_the_minimal_brief_is_plain_text(minimal: Minimal) -> None:
    """Neither check finds anything in a clean brief."""
    brief = minimal.brief()
    assert found(check_text_is_plain, brief) == found(check_no_hidden_characters, brief) == []


def test_markup_a_placeholder_and_an_overlong_word_are_each_reported(minimal: Minimal) -> None:
    """HTML is BW150, a placeholder BW152, a word over MAX_WORD characters BW151: each at
    the field that holds it."""
    minimal.edit("topics/only.yaml", "watch: What happens next.", "watch: What <b>happens</b>.")
    minimal.edit("topics/only.yaml", "title: The only topic", "title: REPLACE the title")
    minimal.edit("brief.yaml", "subtitle: A fixture", f"subtitle: {'x' * (MAX_WORD + 1)}")
    assert found(check_text_is_plain, minimal.brief()) == [
        f"{minimal.at('brief.yaml', 3, 13)}: BW151 subtitle has a word of 61 characters; the "
        "limit is 60: add spaces or shorten it",
        f"{minimal.at('topics/only.yaml', 3, 8)}: BW152 title still holds the placeholder "
        "'REPLACE'; fill it in",
        f"{minimal.at('topics/only.yaml', 25, 8)}: BW150 watch contains HTML markup "
        "('<b>happens</b>.'); write plain text",
    ]


def test_a_hidden_character_is_reported_once_a_field(minimal: Minimal) -> None:
    """A field holding two zero-width spaces is one BW154, naming the first and its place."""
    minimal.edit("topics/only.yaml", "It matters.", "It\u200b mat\u200bters.")
    (problem,) = found(check_no_hidden_characters, minimal.brief())
    assert " BW154 text holds U+200B (ZERO WIDTH SPACE) at character 3 (after 'It')" in problem


def test_editable_texts_skip_the_articles_own_text(minimal: Minimal) -> None:
    """Every string an editor wrote is listed with its field; a source's text and URL, kept
    verbatim, are not."""
    texts = {(type(model).__name__, field) for model, field, _ in editable_texts(minimal.brief())}
    assert {("Topic", "watch"), ("Source", "reliability"), ("Metadata", "title")} <= texts
    assert ("Source", "text") not in texts and ("Source", "url") not in texts
