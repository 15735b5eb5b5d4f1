"""Tests for load/validation.py: pydantic's errors said at the file's positions, as fixes."""

from __future__ import annotations

import pytest

from briefwright.errors import BriefError
from briefwright.load.validation import fields_at, validate
from briefwright.load.yamlfile import parse_yaml
from briefwright.model.annex import ActorsFile, TimelineFile


def _problems(text: str, model: type[TimelineFile] | type[ActorsFile]) -> list[str]:
    with pytest.raises(BriefError) as caught:
        validate(parse_yaml(text, "timeline.yaml"), model, "timeline.yaml")
    return [str(d) for d in caught.value.diagnostics]


def test_an_unknown_field_is_named_at_its_line_with_the_nearest_known_one() -> None:
    """A misspelt field gets the model's nearest field name, at the line it is on."""
    text = "events:\n  - id: visit\n    date: 2023-03-20\n    txt: A visit.\n"
    [problem] = [p for p in _problems(text, TimelineFile) if "txt" in p]
    assert problem.startswith("timeline.yaml:4:")
    assert "did you mean `text`?" in problem


def test_a_pattern_mismatch_says_the_form_a_reader_would_write() -> None:
    """A date in the wrong form is answered with the form to use, not the regex."""
    text = "events:\n  - id: visit\n    date: 20 March 2023\n    text: A visit.\n"
    problems = _problems(text, TimelineFile)
    assert any("YYYY-MM-DD" in p and p.startswith("timeline.yaml:3:") for p in problems)


def test_an_empty_file_asks_for_its_fields() -> None:
    """A file with no data at all is one located problem, not a traceback."""
    with pytest.raises(BriefError, match="file is empty"):
        validate(None, ActorsFile, "actors.yaml")


def test_fields_at_follows_names_and_list_indices_down_the_models() -> None:
    """The fields of a list item are found through the list; a path off the models is empty."""
    assert "office" in fields_at(ActorsFile, ("actors", 0))
    assert fields_at(ActorsFile, ("actors", 0, "name", "deeper")) == []
