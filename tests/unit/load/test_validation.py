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


@pytest.mark.parametrize(
    ("field", "value", "advice"),
    [
        ("url", "briefs.example.org/bw/", "https://briefs.example.org/bw-2026-001/"),
        ("url", "https://briefs.example.org/bw", "ending with /"),
        ("language", "en_GB", "BCP 47 language tag"),
        ("product_id", "bw-1", "capital letters, digits and hyphens"),
        ("version", "v1", '"1.0" or "1.0.1"'),
    ],
)
def test_each_metadata_form_is_said_as_a_reader_would_write_it(
    field: str, value: str, advice: str
) -> None:
    """The metadata's patterned fields are answered with the form to use, at the value."""
    from briefwright.model.brief import Metadata

    fields = {"title": "T", "subtitle": "S", "product_id": "BW-1", "version": "1.0",
              "as_of": "2023-03-20", "authors": ["A"], "organisation": "O"}  # fmt: skip
    fields[field] = value
    text = "".join(f"{k}: {v!r}\n" if isinstance(v, str) else f"{k}: {v}\n"
                   for k, v in fields.items())  # fmt: skip
    with pytest.raises(BriefError) as caught:
        validate(parse_yaml(text, "brief.yaml"), Metadata, "brief.yaml")
    (problem,) = [str(d) for d in caught.value.diagnostics]
    line = list(fields).index(field) + 1
    assert problem.startswith(f"brief.yaml:{line}:") and advice in problem, problem
    assert "docs/content.md" not in problem
