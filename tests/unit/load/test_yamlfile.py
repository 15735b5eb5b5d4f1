"""Tests for briefwright.load.yamlfile: strict YAML in, plain strings out, every error placed."""

from __future__ import annotations

import pytest

from briefwright.errors import BriefError
from briefwright.load.yamlfile import parse_yaml
from briefwright.model.base import POSITION_KEY


def _error(text: str) -> str:
    with pytest.raises(BriefError) as caught:
        parse_yaml(text, "f.yaml")
    assert len(caught.value.diagnostics) == 1
    return str(caught.value.diagnostics[0])


def test_scalars_stay_strings() -> None:
    """Values that look like booleans, numbers, dates or times keep their exact text."""
    data = parse_yaml("a: NO\nb: 012345\nc: 1.10\nd: 12:30:00\ne: 2023-03-20\nf: yes\n", "f.yaml")
    assert [data[k] for k in "abcdef"] == ["NO", "012345", "1.10", "12:30:00", "2023-03-20", "yes"]


def test_empty_value_is_none() -> None:
    """An empty plain value is None, but an empty quoted string stays a string."""
    data = parse_yaml("a:\nb: ''\n", "f.yaml")
    assert data["a"] is None
    assert data["b"] == ""


def test_positions_are_recorded() -> None:
    """Each mapping records where it and each of its values start (1-based)."""
    data = parse_yaml("top:\n  - id: x\n    text: hello\n", "f.yaml")
    item = data["top"][0]
    assert str(item[POSITION_KEY].start) == "f.yaml:2:5"
    assert str(item[POSITION_KEY].values["text"]) == "f.yaml:3:11"


def test_duplicate_key_is_an_error() -> None:
    """A key given twice in one mapping is reported at its second occurrence."""
    assert _error("a: 1\nb: 2\na: 3\n") == "f.yaml:3:1: BW002 duplicate key 'a'"


def test_anchors_and_aliases_are_refused() -> None:
    """Anchors are refused, which also rules out alias bombs."""
    assert "anchors and aliases are not allowed" in _error("a: &x [1]\nb: *x\n")


def test_tags_are_refused() -> None:
    """A non-standard tag such as !!python/object never reaches a constructor."""
    assert "tag:yaml.org,2002:python/object" in _error("a: !!python/object:os.system x\n")


def test_syntax_error_names_line_and_column() -> None:
    """A syntax error is one line naming the file, line and column."""
    message = _error("a: [1, 2\nb: 3\n")
    assert message.startswith("f.yaml:2:")
    assert "BW002 YAML syntax" in message


def test_first_line_offsets_positions() -> None:
    """Front matter parsed from inside a file reports lines of the whole file."""
    with pytest.raises(BriefError) as caught:
        parse_yaml("a: 1\na: 2\n", "s.txt", first_line=2)
    assert str(caught.value.diagnostics[0].location) == "s.txt:3:1"


def test_deep_nesting_is_refused() -> None:
    """Nesting past the depth limit is an error, not a recursion crash."""
    assert "nesting deeper than" in _error("a: " + "[" * 40 + "]" * 40 + "\n")
