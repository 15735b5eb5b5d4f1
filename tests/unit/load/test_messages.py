"""Tests for the loader's messages: dates in words, suggestions for misspelt fields, and
the YAML error an unquoted ': ' causes."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefwright.errors import BriefError
from briefwright.load.content import load_brief
from tests.conftest import MakeProject


def _problems(content: Path) -> list[str]:
    with pytest.raises(BriefError) as caught:
        load_brief(content)
    return [str(d) for d in caught.value.diagnostics]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2023-02-30", "30 February 2023 does not exist; write it as YYYY-MM-DD, e.g. 2023-03-20"),
        ("2023-13-01", "there is no month 13; write it as YYYY-MM-DD, e.g. 2023-03-20"),
        ("20 March 2023", "write it as YYYY-MM-DD, e.g. 2023-03-20"),
    ],
)
def test_impossible_or_malformed_as_of(project: MakeProject, value: str, message: str) -> None:
    """A date the calendar lacks is named in words; a date in another form gets the form."""
    content = project("minimal")
    _edit(content / "brief.yaml", "as_of: 2023-03-20", f"as_of: {value}")
    assert _problems(content) == [f"{content}/brief.yaml:7:10: BW003 metadata.as_of: {message}"]


def test_impossible_timeline_date(project: MakeProject) -> None:
    """A partial date is checked too: 29 February exists only in leap years."""
    content = project("minimal")
    _edit(content / "timeline.yaml", "date: 2023-03", "date: 2023-02-29")
    assert _problems(content) == [
        f"{content}/timeline.yaml:3:11: BW003 events.0.date: 29 February 2023 does not exist; "
        "write it as YYYY-MM-DD, e.g. 2023-03-20"
    ]


def test_malformed_timeline_date_says_the_forms(project: MakeProject) -> None:
    """A pattern error names the forms a date may take, never the regular expression."""
    content = project("minimal")
    _edit(content / "timeline.yaml", "date: 2023-03", "date: March 2023")
    (problem,) = _problems(content)
    assert problem.endswith(
        "BW003 events.0.date: write a date as YYYY-MM-DD (or YYYY-MM, or YYYY), e.g. 2023-03-20"
    )
    assert "^" not in problem


def test_unknown_field_suggests_the_nearest(project: MakeProject) -> None:
    """A misspelt field is named with the field it most likely means."""
    content = project("minimal")
    _edit(content / "brief.yaml", "  confidence: high\n  basis: [fact-one]",
          "  confidance: high\n  basis: [fact-one]")  # fmt: skip
    expected = (
        f"{content}/brief.yaml:14:15: BW003 unknown field 'bottom_line.confidance'; "
        "did you mean `confidence`?"
    )
    assert expected in _problems(content)


def test_unquoted_colon_says_to_quote(project: MakeProject) -> None:
    """Text with ': ' left unquoted is a YAML error that says to quote the text."""
    content = project("minimal")
    _edit(content / "brief.yaml", "text: The fixture holds together.",
          "text: The fixture: it holds together.")  # fmt: skip
    (problem,) = _problems(content)
    assert problem == (
        f"{content}/brief.yaml:13:20: BW002 YAML syntax: mapping values are not allowed in this "
        "context; "
        "text that contains ': ' must be quoted: put the whole value in double quotes (\"…\")"
    )
