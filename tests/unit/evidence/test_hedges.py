"""Tests for briefwright.evidence.hedges: quotes that start right after a hedge (BW168)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefwright.errors import Location
from briefwright.evidence.hedges import cut_quotations, cut_quotes
from briefwright.evidence.statements import Evidence, Statement
from briefwright.load.content import load_brief
from briefwright.model.brief import Citation
from briefwright.model.source import Source
from tests.conftest import MakeProject
from tests.unit.evidence.test_grounding import _source

TRANSCRIPT = (
    "The two Prime Ministers did speak about the 2+2, I think it was sometime last year. "
    "Later the two sides met in Delhi."
)


def _source_of(text: str) -> Source:
    return _source().model_copy(update={"text": text})


def _quotation(text: str, *sources: Source) -> list[str]:
    """Return the hedges named for the quotations in a statement's text."""
    citations = tuple(Citation(source=s.id, quote="x") for s in sources)
    statement = Statement("item", text, Location("content/x.yaml", 3, 7),
                          Evidence(citations, sources))  # fmt: skip
    return [finding.word for finding in cut_quotations(statement)]


def test_a_quotation_cut_after_i_think_is_reported() -> None:
    """The flagship's case: "sometime last year" quoted from "I think it was sometime last
    year" is reported, naming the hedge."""
    source = _source_of(TRANSCRIPT)
    assert _quotation('The 2+2 was held "sometime last year".', source) == ["I think"]


@pytest.mark.parametrize(
    ("sentence", "hedge"),
    [
        ("Officials said that perhaps the ships left in March.", "perhaps"),
        ("The ships reportedly left in March.", "reportedly"),
        ("The ships are believed to have left in March.", "are believed to"),
        ("The ships may have left in March.", "may"),
        ("It seems the ships left in March.", "It seems"),
    ],
)
def test_each_hedge_is_named(sentence: str, hedge: str) -> None:
    """ "perhaps", "reportedly", "is believed to", "may", "it seems" before a quotation."""
    source = _source_of(sentence)
    assert _quotation('The ships "left in March".', source) == [hedge]


@pytest.mark.parametrize(
    ("statement", "source_text"),
    [
        ('The 2+2 was "I think it was sometime last year".', TRANSCRIPT),
        ('Kwatra thought it was held "sometime last year".', TRANSCRIPT),
        ('The two sides "met in Delhi".', TRANSCRIPT),
        ('They "left in March".', "Perhaps it rained. The ships left in March."),
        ('They "left in March".', "Perhaps ships of both navies and guards left in March."),
        ('They met "in May".', "Officials said they met in May."),
    ],
)  # fmt: skip
def test_what_keeps_or_has_no_hedge_passes(statement: str, source_text: str) -> None:
    """A quotation holding its hedge, a statement with a hedge of its own ("thought"), a
    hedge in another sentence or more than three words back, and the month May pass."""
    assert _quotation(statement, _source_of(source_text)) == []


def test_a_quotation_one_source_gives_plainly_passes() -> None:
    """Where another cited source says the quoted words without a hedge, they stand."""
    hedged = _source_of(TRANSCRIPT)
    plain = _source_of("It was sometime last year, the ministry said.").model_copy(
        update={"id": "plain"}
    )
    assert _quotation('The 2+2 was "sometime last year".', hedged, plain) == []


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def test_a_quote_cut_after_a_hedge_is_reported_at_the_quote(project: MakeProject) -> None:
    """A citation's quote that starts right after "reportedly" is reported at the quote's
    line, once, not again for every judgment resting on it."""
    content = project("minimal")
    _edit(content / "sources/one.txt", "Something happened in March 2023.",
          "Something reportedly happened in March 2023.")  # fmt: skip
    _edit(content / "topics/only.yaml", "{source: one, quote: Something happened in March 2023.}",
          "{source: one, quote: happened in March 2023}")  # fmt: skip
    _edit(content / "timeline.yaml", "{source: one, quote: Something happened in March 2023.}",
          "{source: one, quote: Something reportedly happened in March 2023.}")  # fmt: skip
    (finding,) = cut_quotes(load_brief(content))
    assert (finding.word, finding.item_id) == ("reportedly", "fact-three")
    assert str(finding.where) == f"{content}/topics/only.yaml:22:30"
    assert "starts right after 'reportedly' in source 'one'" in finding.message
