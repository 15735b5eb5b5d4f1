"""Tests for briefwright.check.audience: a brief names its audience, and each recommendation
is addressed to it or a part of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefwright.check import check_brief
from briefwright.check.audience import is_part_of_audience
from briefwright.errors import Severity
from briefwright.load.content import load_brief
from briefwright.model.brief import Metadata
from tests.conftest import CONTENT, MakeProject

AUDIENCE = "India’s Ministry of Defence and the planners advising it"


def _meta(parts: tuple[str, ...] = ()) -> Metadata:
    brief = load_brief(CONTENT)
    return brief.metadata.model_copy(update={"audience": AUDIENCE, "audience_parts": parts})


@pytest.mark.parametrize(
    ("addressee", "parts", "expected"),
    [
        (AUDIENCE, (), True),  # the audience itself
        ("India's Ministry of Defence", (), True),  # named by it, apostrophes aside
        ("the Ministry of Defence", (), True),  # a leading "the" aside
        ("ministry of defence.", (), True),  # case and a final stop aside
        ("the planners advising it", (), True),
        ("India", (), False),  # only the ministry's owner, as a possessive
        ("the two air forces", (), False),
        ("Indian Air Force", ("the Indian Air Force",), True),  # a declared part
        ("Air Force", ("the Indian Air Force and Navy",), True),  # named by a declared part
        ("Defence", (), True),  # a whole word of the sentence: the rule is about words
        ("Def", (), False),  # never a piece of a word
    ],
)
def test_part_of_the_audience(addressee: str, parts: tuple[str, ...], expected: bool) -> None:
    """An addressee is the audience, a declared part, or a name either holds as whole words."""
    assert is_part_of_audience(addressee, _meta(parts)) is expected


def _edit(content: Path, old: str, new: str) -> Path:
    brief = content / "brief.yaml"
    text = brief.read_text()
    assert old in text
    brief.write_text(text.replace(old, new))
    return content


def _notices(content: Path) -> list[str]:
    found = check_brief(load_brief(content))
    return [str(d) for d in found if d.code in {"BW192", "BW193", "BW194"}]


def test_an_addressee_outside_the_audience_is_a_warning_at_its_line(project: MakeProject) -> None:
    """BW192 names the recommendation, its addressee and the audience, at the `to:` value."""
    content = _edit(project("minimal"), "to: Fixture readers", "to: the other side")
    assert _notices(content) == [
        f"{content}/brief.yaml:28:21: BW192 recommendation 'rec-1' is for 'the other side', who "
        "is not the brief's audience ('Fixture readers') or a part of it; recommend what the "
        "audience can decide, or list the addressee under `metadata.audience_parts` if it is "
        "one of them"
    ]
    assert check_brief(load_brief(content))[-1].severity is Severity.WARNING


def test_a_declared_part_may_be_addressed(project: MakeProject) -> None:
    """Listing the addressee under `audience_parts` makes it part of the audience."""
    content = _edit(project("minimal"), "to: Fixture readers", "to: the fixture's editors")
    _edit(content, "  audience: Fixture readers\n",
          "  audience: Fixture readers\n  audience_parts: [The fixture’s editors]\n")  # fmt: skip
    assert _notices(content) == []


def test_a_recommendation_without_addressee_is_a_warning(project: MakeProject) -> None:
    """BW193: a recommendation says who acts on it."""
    content = _edit(project("minimal"), "to: Fixture readers, ", "")
    assert _notices(content) == [
        f"{content}/brief.yaml:28:5: BW193 recommendation 'rec-1' names no addressee; add `to:` "
        "with who acts on it (the audience, or a part of it)"
    ]


def test_a_brief_without_audience_is_told_once(project: MakeProject) -> None:
    """BW194 at the metadata, and no BW192 for addressees it cannot judge."""
    content = _edit(project("minimal"), "  audience: Fixture readers\n", "")
    content = _edit(content, "to: Fixture readers", "to: someone else")
    (notice,) = _notices(content)
    assert notice.startswith(f"{content}/brief.yaml:2:3: BW194 the brief names no audience;")
