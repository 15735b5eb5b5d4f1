"""Tests for briefwright.check: each rule reports its code at the right place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from briefwright.check import check_brief
from briefwright.errors import Severity
from briefwright.load import load_brief
from tests.conftest import CONTENT

Project = Callable[[str], Path]


def _found(content: Path) -> list[str]:
    return [str(d) for d in check_brief(load_brief(content))]


def test_real_content_passes_every_check() -> None:
    """The India–Japan brief has no errors and no warnings: every quote is in its source."""
    assert _found(CONTENT) == []


def test_minimal_fixture_passes(project: Project) -> None:
    """The minimal fixture is valid, including a quote with curly marks and an ellipsis."""
    assert _found(project("minimal")) == []


def test_unknown_source(project: Project) -> None:
    """A citation of a source id that does not exist is BW102 at the citation's source."""
    content = project("unknown-source")
    assert _found(content) == [
        f"{content}/topics/only.yaml:13:17: BW102 'fact-one' cites unknown source 'two'; "
        "use one of: one"
    ]


def test_quote_not_in_source(project: Project) -> None:
    """A quote with a changed word is BW101 at the quote, with the closest passage and diff."""
    content = project("bad-quote")
    assert _found(content) == [
        f"{content}/topics/only.yaml:14:16: BW101 quote in 'fact-one' is not in source 'one'; "
        'closest passage (67% similar): said "something [-quoted"-] {+unquoted"+}'
    ]


def test_likelihood_word_in_a_fact(project: Project) -> None:
    """A fact that says 'probably' is BW105: it belongs among the judgments."""
    content = project("likelihood-word")
    (problem,) = _found(content)
    assert problem.startswith(f"{content}/topics/only.yaml:11:11: BW105 fact 'fact-one' says")


def test_duplicate_id(project: Project) -> None:
    """Two items with one id are BW103 at the second, naming the first."""
    content = project("duplicate-id")
    assert _found(content) == [
        f"{content}/timeline.yaml:2:9: BW103 id 'fact-one' is already used at "
        f"{content}/topics/only.yaml:10:9; choose another id"
    ]


def test_unknown_basis(project: Project) -> None:
    """A judgment or recommendation resting on an unknown id is BW104."""
    content = project("unknown-basis")
    found = _found(content)
    assert [p.split(": ", 1)[1] for p in found] == [
        "BW104 'kj-3' names unknown basis 'kj-9'; use the id of a fact",
        "BW104 'rec-1' names unknown basis 'kj-9'; use the id of a fact",
    ]
    assert found[0].startswith(f"{content}/brief.yaml:18:")


def test_uncited_source_is_a_warning(project: Project) -> None:
    """A source nothing cites is a BW106 warning, not an error."""
    content = project("uncited-source")
    (diagnostic,) = check_brief(load_brief(content))
    assert diagnostic.code == "BW106"
    assert diagnostic.severity is Severity.WARNING
    assert str(diagnostic.location) == f"{content}/sources/spare.txt:2:5"
