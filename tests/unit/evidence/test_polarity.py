"""Tests for briefwright.evidence.polarity: a statement that reverses its quotes (BW167)."""

from __future__ import annotations

from datetime import date

import pytest

from briefwright.errors import Location
from briefwright.evidence.clauses import forward_spans, read_clauses
from briefwright.evidence.polarity import LONGEST_STEMMED, read_polarity, reversed_polarity, stem
from briefwright.evidence.statements import Evidence, Statement
from briefwright.model.brief import Citation
from tests.unit.evidence.test_grounding import _source

AS_OF = date(2023, 3, 20)


def _statement(text: str, *quotes: str, prescribes: bool | None = None) -> Statement:
    """A statement on quotes of one source; `prescribes` reads it as a recommendation
    (True) or a judgment (False) with forward clauses, None as a fact."""
    source = _source()
    evidence = Evidence(tuple(Citation(source=source.id, quote=q) for q in quotes), (source,))
    forward: tuple[tuple[int, int], ...] = ()
    if prescribes is not None:
        forward = forward_spans(read_clauses(text, AS_OF, prescribes=prescribes))
    where = Location("content/x.yaml", 3, 7)
    return Statement("item", text, where, evidence, as_of=AS_OF, forward=forward,
                     prescribes=bool(prescribes))  # fmt: skip


def _reversed(statement: Statement) -> list[str]:
    return [finding.word for finding in reversed_polarity(statement)]


@pytest.mark.parametrize(
    ("text", "quote", "word"),
    [
        ("India will not allow Japanese firms to invest.",
         "India will allow Japanese firms to invest", "not allow"),
        ("Modi never told Kishida the sectors are open.",
         "Modi told Kishida that those two sectors are open", "never told Kishida"),
        ("The corridors were built without Japanese investment.",
         "the corridors were built with Japanese investment", "without Japanese"),
        ("The two sectors aren't completely open in India.",
         "those two sectors are completely open in India", "aren't completely"),
    ],
)  # fmt: skip
def test_an_added_negation_is_reported(text: str, quote: str, word: str) -> None:
    """ "will not allow" over "will allow", and an added "never", "without" or "n't"."""
    assert _reversed(_statement(text, quote)) == [word]


def test_a_dropped_negation_is_reported() -> None:
    """A statement that asserts what its quotes negate: a dropped "no"."""
    statement = _statement(
        "Specific equipment and platforms were discussed on 20 March.",
        "No specific equipment or platforms were discussed",
    )
    (finding,) = reversed_polarity(statement)
    assert finding.word == "No specific"
    assert "where its quotes say 'No specific equipment or platforms were discussed'" in (
        finding.message
    )
    assert finding.where == Location("content/x.yaml", 3, 7)


def test_a_kept_negation_passes() -> None:
    """A statement that negates what its quotes negate is not reported."""
    statement = _statement(
        "No specific equipment or platform was discussed.",
        "No specific equipment or platforms were discussed",
    )
    assert _reversed(statement) == []


def test_a_quote_that_both_asserts_and_negates_is_not_the_statement_s_fault() -> None:
    """Where one quote asserts and another negates, the sources disagree: no finding."""
    statement = _statement(
        "India will not allow Japanese firms to invest.",
        "India will allow Japanese firms to invest",
        "India will not allow Japanese firms to invest",
    )
    assert _reversed(statement) == []


@pytest.mark.parametrize(
    "text",
    [
        "The Japanese companies are not only invited but also encouraged to invest.",
        "Japan invests no less than the quotes say it invests.",
        "The report, naming no company, says companies want to invest in India.",
        "The Foreign Secretary's denial that these were branding words weighs against it.",
        "The C-2 is a Japanese aircraft, not a co-development.",
    ],
)
def test_what_negates_nothing_the_quotes_say_passes(text: str) -> None:
    """ "not only … but also", "no less than", a negation of another thing ("naming no
    company"), a denial, and a negation the quotes do not speak of pass."""
    quotes = (
        "The Japanese companies are not only invited, but are also encouraged",
        "Defence companies are now looking to jointly work with the Indian defence companies "
        "to co-develop, co-create as well as innovate.",
        "India has invited defence companies of Japan to invest in the two defence corridors",
        "these words are not put across in terms of these discussions as branding words",
    )
    assert _reversed(_statement(text, *quotes)) == []


def test_a_recommendation_may_advise_against_what_the_quotes_say() -> None:
    """ "should not allow" prescribes: a forward clause is not read for polarity."""
    quote = "India will allow Japanese firms to invest"
    text = "India should not allow Japanese firms to invest."
    assert _reversed(_statement(text, quote, prescribes=True)) == []
    assert _reversed(_statement(text, quote)) == ["not allow"]


def test_stems_match_forms_of_a_word() -> None:
    """ "allowed" and "allows" are one word to the rule (Snowball's English stemmer)."""
    (clause,) = read_polarity("India has not allowed it")
    assert clause.core == ("allow",) and clause.negator == "not"
    statement = _statement("India has not allowed Japanese firms to invest.",
                           "India allows Japanese firms to invest")  # fmt: skip
    assert _reversed(statement) == ["not allowed"]


def test_a_word_longer_than_any_stem_is_not_stemmed() -> None:
    """Snowball's stemmer is quadratic in a word's length (a 1.9-million-character word held
    `check` for minutes): a word past LONGEST_STEMMED stays as it is, lower-cased, and BW151
    refuses it anyway."""
    assert stem("Allowing") == "allow"
    long_word = "A" * LONGEST_STEMMED + "LLOWING"
    assert stem(long_word) == long_word.lower()
