"""Tests for briefwright.check.judgments: ids given once, every basis there and given, facts
that do not hedge, judgments qualified once, and the paragraphs no citation touches."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefwright.check import check_brief
from briefwright.check.judgments import (
    check_basis_exists,
    check_basis_given,
    check_facts_are_not_judgments,
    check_judgment_qualified,
    check_paragraphs_cited,
    check_unique_ids,
)
from briefwright.errors import Severity
from briefwright.load.content import load_brief
from tests.conftest import MakeProject
from tests.unit.check.conftest import Minimal, found

CHECKS = (check_unique_ids, check_basis_exists, check_facts_are_not_judgments,
          check_basis_given, check_judgment_qualified, check_paragraphs_cited)  # fmt: skip


def test_the_minimal_brief_passes_every_rule(minimal: Minimal) -> None:
    """A well-formed brief raises nothing under any of these rules."""
    brief = minimal.brief()
    assert {check.__name__: found(check, brief) for check in CHECKS} == {
        check.__name__: [] for check in CHECKS
    }


def test_an_id_used_twice_is_bw103_at_the_second(minimal: Minimal) -> None:
    """The second item with an id is BW103, pointing back at the first."""
    minimal.edit("topics/only.yaml", "id: fact-two", "id: fact-one")
    assert found(check_unique_ids, minimal.brief()) == [
        f"{minimal.at('topics/only.yaml', 15, 9)}: BW103 id 'fact-one' is already used at "
        f"{minimal.at('topics/only.yaml', 10, 9)}; choose another id"
    ]


def test_an_unknown_basis_is_bw104_and_a_missing_one_bw107(minimal: Minimal) -> None:
    """A basis naming no item is BW104 at the basis; a judgment with no basis is BW107."""
    minimal.edit("brief.yaml", "basis: [kj-1]}\nbackground", "basis: [kj-9]}\nbackground")
    minimal.edit("brief.yaml", "confidence: moderate, basis: [fact-one]}\nrec", "confidence: "
                 "moderate, basis: []}\nrec")  # fmt: skip
    brief = minimal.brief()
    assert [p.split(": ", 1)[1] for p in found(check_basis_exists, brief)] == [
        "BW104 'kj-3' names unknown basis 'kj-9'; use the id of a fact"
    ]
    assert [p.split(": ", 1)[1] for p in found(check_basis_given, brief)] == [
        "BW107 'imp-1' has no basis; list the ids of the facts it rests on"
    ]


def test_a_fact_that_hedges_is_bw105_at_its_text(minimal: Minimal) -> None:
    """A likelihood word in a fact, an actor's role or a definition makes it a judgment."""
    minimal.edit("actors.yaml", "role: Spoke.", "role: Probably spoke.")
    assert found(check_facts_are_not_judgments, minimal.brief()) == [
        f"{minimal.at('actors.yaml', 6, 11)}: BW105 fact 'actor-one' says 'Probably', a "
        "likelihood word; state only what the source says, or move it to a judgment"
    ]


def test_a_judgment_needs_one_scale_exactly(minimal: Minimal) -> None:
    """Neither a confidence nor a likelihood is BW108, and so is a confidence judgment whose
    sentence says how likely it is."""
    minimal.edit("brief.yaml", "text: A judgment., confidence: high,", "text: A judgment.,")
    minimal.edit("brief.yaml", "text: Another judgment.", "text: Likely another.")
    assert [p.split(": ", 1)[1] for p in found(check_judgment_qualified, minimal.brief())] == [
        "BW108 judgment 'kj-1' has neither a confidence nor a likelihood; add one",
        "BW108 judgment 'kj-2' has a confidence level and also says 'Likely'; use "
        "`likelihood:` instead of `confidence:`, or reword",
    ]


def test_a_paragraph_no_quote_touches_is_bw120_information(minimal: Minimal) -> None:
    """Each uncited paragraph of a source (of eight words or more) is BW120 information at
    its line."""
    minimal.edit(
        "sources/one.txt",
        "Something happened in March 2023.",
        "Something happened in March 2023.\n\nNobody in this brief ever cites this paragraph.",
    )
    (info,) = check_paragraphs_cited(minimal.brief())
    assert info.severity is Severity.INFO
    assert str(info) == (
        f"{minimal.at('sources/one.txt', 16, 1)}: BW120 paragraph of 'one' is never cited: "
        "Nobody in this brief ever cites this paragraph.…"
    )


def _bw109(content: Path) -> list[str]:
    return [str(d) for d in check_brief(load_brief(content)) if d.code == "BW112"]


def _implication(content: Path, text: str, qualifier: str = "confidence: moderate") -> None:
    brief = content / "brief.yaml"
    old = "  - {id: imp-1, text: It follows., confidence: moderate, basis: [fact-one]}"
    assert old in brief.read_text()
    brief.write_text(brief.read_text().replace(
        old, f"  - {{id: imp-1, text: {text}, {qualifier}, basis: [fact-one]}}"))  # fmt: skip


def test_a_prediction_with_only_a_confidence_is_a_warning(project: MakeProject) -> None:
    """An implication saying what "will" happen, rated by confidence, is BW112 at its
    `confidence:`, naming the word that makes it a prediction."""
    content = project("minimal")
    _implication(content, "The source will say more")
    assert _bw109(content) == [
        f"{content}/brief.yaml:26:61: BW112 judgment 'imp-1' speaks of the future ('will') but "
        "carries only a confidence; give it a `likelihood:` (an ICD 203 term) instead"
    ]
    assert {d.severity for d in check_brief(load_brief(content)) if d.code == "BW112"} == {
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
    """Past-tense judgments (a past report's "would", the month May) raise no BW112."""
    content = project("minimal")
    _implication(content, text)
    assert _bw109(content) == []


def test_a_likelihood_word_under_a_confidence_is_bw108_only(project: MakeProject) -> None:
    """ "is likely to" under a confidence is BW108's (one scale per sentence), not BW112's."""
    content = project("minimal")
    _implication(content, "The source is likely to say more")
    codes = [d.code for d in check_brief(load_brief(content)) if d.code in {"BW108", "BW112"}]
    assert codes == ["BW108"]
