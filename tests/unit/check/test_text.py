"""Tests for briefwright.check.text: plain text only, no placeholder left, no word too long,
and no hidden characters in what an author wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefwright.check.text import (
    MAX_WORD,
    check_no_hidden_characters,
    check_text_is_plain,
    editable_texts,
)
from briefwright.load.content import load_series
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


def test_japanese_prose_is_no_overlong_word(minimal: Minimal) -> None:
    """A Japanese sentence of 100 characters without a space is not BW151 (it breaks between
    any two characters); 61 Latin letters inside it still are."""
    sentence = "日本とインドは物品役務相互提供協定に署名し、共同訓練を重ねている。" * 3
    minimal.edit("brief.yaml", "subtitle: A fixture", f"subtitle: {sentence}")
    assert found(check_text_is_plain, minimal.brief()) == []
    minimal.edit("brief.yaml", f"subtitle: {sentence}", f"subtitle: {sentence}{'x' * 61}です")
    (overlong,) = found(check_text_is_plain, minimal.brief())
    assert "BW151 subtitle has a word of 61 characters" in overlong


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


@pytest.mark.parametrize(
    ("relative", "old", "new", "field", "reaches"),
    [
        ("brief.yaml", "  series: Test series", '  series: Test series\n  keywords: ["a\\uFFFE"]',
         "keywords", "the PDF's XMP metadata"),
        ("topics/only.yaml", "title: The only topic", 'title: "The only\\x01 topic"', "title",
         "the .docx"),
        ("timeline.yaml", "text: Something happened.", 'text: "Something\\uFFFF happened."',
         "text", "the timeline's SVG"),
        ("brief.yaml", "  title: Minimal brief", '  title: "Minimal \\uFDD0brief"', "title",
         "the Atom feed and XMP"),
    ],
)  # fmt: skip
def test_characters_xml_forbids_are_refused_in_every_field_that_reaches_xml(
    minimal: Minimal, relative: str, old: str, new: str, field: str, reaches: str
) -> None:
    """A control character or a noncharacter (U+FFFE, U+FFFF, U+FDD0…) is BW154 at its
    field's line, in whatever file it is: the one rule every XML output relies on."""
    minimal.edit(relative, old, new)
    (problem,) = found(check_no_hidden_characters, minimal.brief())
    assert problem.startswith(f"{minimal.content / relative}:"), reaches
    assert f" BW154 {field} holds U+" in problem


def test_series_settings_and_brand_labels_are_checked_as_content(tmp_path: Path) -> None:
    """The series' title and description (the index, the feed) and a brand's label are
    author text too: each XML-forbidden character is BW154 at its line."""
    (tmp_path / "series.yaml").write_text('title: "A\\x01"\ndescription: "B\\uFFFE"\n')
    (tmp_path / "brand.yaml").write_text('labels:\n  bluf_heading: "Key\\x7F message"\n')
    series, brand = load_series(tmp_path)
    problems = [str(d) for d in (*check_no_hidden_characters(series),
                                 *check_no_hidden_characters(brand))]  # fmt: skip
    assert [p.split(" holds ")[0] for p in problems] == [
        f"{tmp_path}/series.yaml:1:8: BW154 title",
        f"{tmp_path}/series.yaml:2:14: BW154 description",
        f"{tmp_path}/brand.yaml:2:17: BW154 labels.bluf_heading",
    ]  # fmt: skip
