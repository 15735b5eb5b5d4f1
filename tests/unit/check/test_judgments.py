"""Tests for briefwright.check.judgments: a judgment about the future carries a likelihood
(BW109), read from its text, with no alarm on judgments about what happened."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefwright.check import check_brief
from briefwright.errors import Severity
from briefwright.load.content import load_brief
from tests.conftest import MakeProject


def _bw109(content: Path) -> list[str]:
    return [str(d) for d in check_brief(load_brief(content)) if d.code == "BW109"]


def _implication(content: Path, text: str, qualifier: str = "confidence: moderate") -> None:
    brief = content / "brief.yaml"
    old = "  - {id: imp-1, text: It follows., confidence: moderate, basis: [fact-one]}"
    assert old in brief.read_text()
    brief.write_text(brief.read_text().replace(
        old, f"  - {{id: imp-1, text: {text}, {qualifier}, basis: [fact-one]}}"))  # fmt: skip


def test_a_prediction_with_only_a_confidence_is_a_warning(project: MakeProject) -> None:
    """An implication saying what "will" happen, rated by confidence, is BW109 at its
    `confidence:`, naming the word that makes it a prediction."""
    content = project("minimal")
    _implication(content, "The source will say more")
    assert _bw109(content) == [
        f"{content}/brief.yaml:25:61: BW109 judgment 'imp-1' speaks of the future ('will') but "
        "carries only a confidence; give it a `likelihood:` (an ICD 203 term) instead"
    ]
    assert {d.severity for d in check_brief(load_brief(content)) if d.code == "BW109"} == {
        Severity.WARNING
    }


def test_a_prediction_with_a_likelihood_passes(project: MakeProject) -> None:
    """The same prediction with `likelihood: likely` is what ICD 203 asks for."""
    content = project("minimal")
    _implication(content, "The source will say more", "likelihood: likely")
    assert _bw109(content) == []


@pytest.mark.parametrize(
    "text",
    [
        "The source said more in March 2023",
        "The minister agreed that the talks would go on",
        "The source has said something quoted",
        "The source names no date in May",
    ],
)
def test_judgments_about_what_happened_are_not_predictions(
    project: MakeProject, text: str
) -> None:
    """Past-tense judgments (a past report's "would", the month May) raise no BW109."""
    content = project("minimal")
    _implication(content, text)
    assert _bw109(content) == []


def test_a_likelihood_word_under_a_confidence_is_bw108_only(project: MakeProject) -> None:
    """ "is likely to" under a confidence is BW108's (one scale per sentence), not BW109's."""
    content = project("minimal")
    _implication(content, "The source is likely to say more")
    codes = [d.code for d in check_brief(load_brief(content)) if d.code in {"BW108", "BW109"}]
    assert codes == ["BW108"]
