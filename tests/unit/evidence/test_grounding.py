"""Tests for briefwright.evidence.grounding, statements and wording: each rule catches."""

from __future__ import annotations

import string
from datetime import date
from decimal import Decimal

import pytest
from babel import Locale
from hypothesis import given, settings
from hypothesis import strategies as st

from briefwright.check import check_brief
from briefwright.errors import Location, Severity
from briefwright.evidence import grounding
from briefwright.evidence.clauses import forward_spans, read_clauses
from briefwright.evidence.grounding import Entities
from briefwright.evidence.statements import Evidence, Finding, Kind, Statement, statements
from briefwright.evidence.wording import DateMention, read_amounts, read_dates, read_relative_dates
from briefwright.load.content import load_brief
from briefwright.model.annex import Actor, GlossaryEntry
from briefwright.model.brief import Citation, Inferred
from briefwright.model.source import Source
from briefwright.model.vocab import DateBasis, SourceKind
from tests.conftest import FIXTURES

MONDAY = date(2023, 3, 20)


def _source(
    stated: bool = True, publisher: str = "Daily Press", title: str = "A headline"
) -> Source:
    return Source(
        id="s",
        title=title,
        short_name="The Daily",
        publisher=publisher,
        published=MONDAY,
        date_basis=DateBasis.STATED if stated else DateBasis.INFERRED,
        date_note="Printed.",
        kind=SourceKind.NEWS_REPORT,
        reliability="Invented.",
        text="x",
    )


def _statement(
    text: str,
    *quotes: str,
    source: Source | None = None,
    inferred: Inferred | None = None,
    dated: str | None = None,
) -> Statement:
    source = source or _source()
    citations = tuple(Citation(source=source.id, quote=quote) for quote in quotes)
    evidence = Evidence(citations, (source,))
    return Statement("item", text, Location("content/x.yaml", 3, 7), evidence, inferred, dated)


def _findings(statement: Statement, entities: Entities = ()) -> list[Finding]:
    return [found for rule in grounding.RULES for found in rule(statement, entities)]


def _words(statement: Statement, kind: Kind, entities: Entities = ()) -> list[str]:
    return [found.word for found in _findings(statement, entities) if found.kind is kind]


# --- numbers ---------------------------------------------------------------------------


_TWO_BILLION = [
    "US$2 billion",
    "$2 billion",
    "2 billion dollars",
    "US$ 2 billion",
    "$2,000,000,000",
]


@pytest.mark.parametrize("text", [*_TWO_BILLION, "two billion dollars"])
def test_one_amount_in_many_forms(text: str) -> None:
    """ "US$2 billion", "$2 billion" and "2 billion dollars" are read as one amount."""
    ((amount),) = read_amounts(text)
    assert (amount.value, amount.currency) == (Decimal(2_000_000_000), "USD")


@pytest.mark.parametrize(
    ("words", "figure"),
    [("two", "2"), ("second", "2nd"), ("seventy", "70"), ("eight hundred", "800")],
)
def test_number_words_equal_figures(words: str, figure: str) -> None:
    """ "two" is 2 and "second" is "2nd": a statement may write either form of its quote's."""
    assert [a.value for a in read_amounts(words)] == [a.value for a in read_amounts(figure)]
    assert _words(_statement(f"The {words} corridors.", f"the {figure} corridors"),
                  Kind.NUMBER) == []  # fmt: skip


def test_a_number_no_quote_gives_is_named() -> None:
    """A number missing from the quotes is reported with the statement's own words."""
    statement = _statement("Japan will give at least US$2 billion.", "Japan will help to train")
    (found,) = [f for f in _findings(statement) if f.kind is Kind.NUMBER]
    assert found.word == "US$2 billion"
    assert "its 1 quote (s)" in found.message
    assert found.where == Location("content/x.yaml", 3, 7)


def test_currency_must_match_but_a_bare_number_need_not() -> None:
    """ "$800" is not grounded by "800 personnel"; "800" is grounded by "$800"."""
    assert _words(_statement("They pay $800.", "train 800 personnel"), Kind.NUMBER) == ["$800"]
    assert _words(_statement("They train 800.", "it costs $800"), Kind.NUMBER) == []


def test_dates_and_names_with_digits_are_not_numbers() -> None:
    """Years, days, C-2, G20 and 2+2 are read by the date and name rules, not as numbers."""
    assert read_amounts("On 8 September 2022 the C-2, the G20 and the 2+2 met.") == []


# --- dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("8 September 2022", (2022, 9, 8)), ("September 8", (None, 9, 8)),
    ("Sept. 8", (None, 9, 8)), ("Sep 8, 2022", (2022, 9, 8)), ("20th March, 2023", (2023, 3, 20)),
    ("May 2020", (2020, 5, None)), ("in May", (None, 5, None)), ("since 2017", (2017, None, None)),
    ("2022-09-08", (2022, 9, 8)),
])  # fmt: skip
def test_date_forms(text: str, expected: tuple[int | None, ...]) -> None:
    """Common date forms are read as the year, month and day they give, and no more."""
    ((mention),) = read_dates(text)
    assert (mention.year, mention.month, mention.day) == expected


def test_may_the_verb_is_not_a_month() -> None:
    """ "may" and "May" without a date cue are not the month."""
    assert list(read_dates("Japan may invest. May it do so.")) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("last year", (2022, None, None)), ("March this year", (2023, 3, None)),
    ("On Monday", (2023, 3, 20)), ("on Thursday", (2023, 3, 16)),
    ("Last December", (2022, 12, None)), ("earlier this year", (2023, None, None)),
    ("yesterday", (2023, 3, 19)),
])  # fmt: skip
def test_relative_dates_resolve_against_the_stated_date(
    text: str, expected: tuple[int | None, ...]
) -> None:
    """Relative dates in a quote resolve against its source's stated date, 20 March 2023."""
    found = [(m.year, m.month, m.day) for m in read_relative_dates(text, MONDAY)]
    assert expected in found


def test_a_yearless_date_takes_the_stated_year() -> None:
    """ "later in May" in a source dated 20 March 2023 is May 2023."""
    ((mention),) = read_dates("later in May", MONDAY)
    assert (mention.year, mention.month) == (2023, 5)


def test_a_date_no_quote_gives_is_reported() -> None:
    """A statement's "8 September 2022" needs a quote or a stated date that gives all of it."""
    inferred_source = _source(stated=False)
    statement = _statement(
        "They met on 8 September 2022.", "on September 8", source=inferred_source
    )
    assert _words(statement, Kind.DATE) == ["8 September 2022"]
    assert _words(_statement("They met on 20 March 2023.", "they met"), Kind.DATE) == []


def test_an_inferred_source_resolves_no_relative_date() -> None:
    """ "March this year" in a source whose date was inferred does not give the year."""
    statement = _statement(
        "It began in March 2022.", "in March this year", source=_source(stated=False)
    )
    assert _words(statement, Kind.DATE) == ["March 2022"]


def test_the_inferred_note_excuses_its_year_only() -> None:
    """An `inferred:` year excuses that year; the day and month must still be quoted."""
    note = Inferred(year=2022, how="The talks were on a Thursday.")
    source = _source(stated=False)
    excused = _statement("They met on 8 September 2022.", "on September 8", source=source,
                         inferred=note)  # fmt: skip
    assert _findings(excused) == []
    wrong_day = _statement("They met on 9 September 2022.", "on September 8", source=source,
                           inferred=note)  # fmt: skip
    assert _words(wrong_day, Kind.DATE) == ["9 September 2022"]


def test_a_timeline_date_is_a_claim() -> None:
    """A timeline event's `date` must be grounded like a date in its text."""
    statement = _statement("They met.", "They met on September 8", dated="2022-09-08",
                           source=_source(stated=False))  # fmt: skip
    assert _words(statement, Kind.DATE) == ["2022-09-08"]


def test_an_inferred_note_that_excuses_nothing_is_reported() -> None:
    """An `inferred:` note on a statement whose years are all quoted is BW166's finding."""
    note = Inferred(year=2023, how="Guessed.")
    statement = _statement("They met in March 2023.", "they met in March 2023", inferred=note)
    assert _words(statement, Kind.IDLE_INFERENCE) == ["2023"]


# --- names -----------------------------------------------------------------------------


def test_a_name_no_quote_gives_is_reported() -> None:
    """A capitalised word inside a sentence that no quote gives is reported by itself."""
    statement = _statement("The aircraft of Kawasaki Heavy Industries flew.", "Kawasaki flew")
    assert _words(statement, Kind.NAME) == ["Heavy", "Industries"]


def test_a_sentence_opener_is_not_a_name_but_an_acronym_is() -> None:
    """A sentence's first word is not read as a name, unless it is an acronym."""
    assert _words(_statement("Tokyo hosted it.", "it was hosted"), Kind.NAME) == []
    assert _words(_statement("JIMEX went on.", "it went on"), Kind.NAME) == ["JIMEX"]


def test_codes_and_possessives() -> None:
    """C-2 and 2+2 are names; "Japan's" is the name "Japan"."""
    statement = _statement("The C-2 of Japan's air force met at the 2+2.", "Japan flies the C 2")
    assert _words(statement, Kind.NAME) == ["2+2"]


def test_the_glossary_grounds_a_variant_only_through_its_entry() -> None:
    """ "Atmanirbhar Bharat" is grounded by "Atmanirbharatha" only through a glossary entry."""
    cites = (Citation(source="s", quote="x"),)
    entry = GlossaryEntry(
        id="ab",
        term="Atmanirbhar Bharat",
        variants=("Atmanirbharatha",),
        definition="Self-reliance.",
        cites=cites,
    )
    statement = _statement(
        "It rests on Atmanirbhar Bharat.", "policy underpinning of Atmanirbharatha"
    )
    assert _words(statement, Kind.NAME) == ["Atmanirbhar", "Bharat"]
    entities = grounding.known_entities_of((), (entry,))
    assert _words(statement, Kind.NAME, entities) == []


def test_an_actor_lends_the_office_once_the_quotes_name_them() -> None:
    """ "Defence Minister" is grounded by an actor whose name the quotes give."""
    actor = Actor(id="rs", name="Rajnath Singh", office="Defence Minister", country="India",
                  role="Spoke.", cites=(Citation(source="s", quote="x"),))  # fmt: skip
    entities = grounding.known_entities_of((actor,), ())
    named = _statement("Then Defence Minister Singh spoke.", "Rajnath Singh spoke")
    assert _words(named, Kind.NAME, entities) == []
    unnamed = _statement("Then Defence Minister Singh spoke.", "the minister spoke")
    assert _words(unnamed, Kind.NAME, entities) == ["Defence", "Singh"]


def test_the_cited_source_names_itself() -> None:
    """A statement may name its source's publisher; an editor-supplied title names nothing."""
    source = _source(publisher="Financial Express Online", title="Tokyo talks")
    source = source.model_copy(update={"title_supplied": True})
    statement = _statement("So says Financial Express of Tokyo.", "so it is", source=source)
    assert _words(statement, Kind.NAME) == ["Tokyo"]


def test_an_adjective_of_nationality_matches_its_country() -> None:
    """ "Japanese" is grounded by "Japan", "China" by "Chinese"; nothing else is."""
    statement = _statement("The Japanese side and China met.", "Japan and Chinese envoys met")
    assert _words(statement, Kind.NAME) == []
    assert _words(_statement("The Japs met.", "Japan met"), Kind.NAME) == ["Japs"]


# --- modality and verbs ------------------------------------------------------------------


_HEDGED = [
    "Singh will participate in the dialogue",
    "the corridor could be open",
    "India is expected to invite them",
    "Japan plans to invest",
    "the summit is due to open",
]


@pytest.mark.parametrize("quote", _HEDGED)
def test_a_plain_statement_over_hedged_quotes_is_reported(quote: str) -> None:
    """A statement that drops the future, condition or hedge of every quote is BW163's."""
    assert _words(_statement("It happened.", quote), Kind.MODALITY) != []


def test_a_statement_that_keeps_the_hedge_passes() -> None:
    """ "will", "is to" or "was scheduled" in the statement keeps the quotes' modality."""
    assert (
        _words(_statement("Singh will take part.", "Singh will participate"), Kind.MODALITY) == []
    )
    mixed = _statement("Singh took part.", "Singh will participate", "Singh took part")
    assert _words(mixed, Kind.MODALITY) == []


@pytest.mark.parametrize(
    ("pair", "weak", "strong"),
    [(i, weak, strong) for i, pair in enumerate(grounding.VERB_PAIRS)
     for weak in pair.weak[:2] for strong in pair.strong[:2]],
)  # fmt: skip
def test_each_verb_pair(pair: int, weak: str, strong: str) -> None:
    """Each documented pair: a statement's strong verb over quotes with only the weak one."""
    statement = _statement(f"The two sides {strong} it.", f"the two sides {weak} it")
    assert strong in _words(statement, Kind.VERB)
    kept = _statement(f"The two sides {weak} it.", f"the two sides {weak} it")
    assert _words(kept, Kind.VERB) == []


def test_no_specific_platform_was_agreed() -> None:
    """The issue's case: "no platform was agreed" over "no platforms were discussed"."""
    statement = _statement("No platform was agreed.", "No specific platforms were discussed")
    assert _words(statement, Kind.VERB) == ["agreed"]


# --- the brief as a whole ----------------------------------------------------------------


def test_a_brief_in_another_language_gets_one_notice() -> None:
    """Grounding reads English only; a French brief gets one BW165 notice and nothing else."""
    brief = load_brief(FIXTURES / "minimal")
    metadata = brief.front.metadata.model_copy(update={"language": "fr"})
    french = brief.model_copy(
        update={"front": brief.front.model_copy(update={"metadata": metadata})}
    )
    found = [d for d in check_brief(french) if d.code.startswith("BW16")]
    assert [(d.code, d.severity) for d in found] == [("BW165", Severity.INFO)]


def test_a_judgment_is_read_against_the_quotes_of_its_basis() -> None:
    """A judgment's evidence is the quotes of the facts under it, judgments followed down."""
    brief = load_brief(FIXTURES / "minimal")
    by_id = {s.item_id: s for s in statements(brief)}
    assert by_id["kj-3"].evidence.through == ("fact-one",)
    assert by_id["rec-1"].evidence.quotes == ("said “something quoted” … in the end",)


# --- the property: anything new is caught ------------------------------------------------

_BASE = "The ministers met in the capital and reviewed the work of both sides together."
_QUOTE = _BASE
_MONTHS = ["January", "February", "April", "June", "July", "August", "October", "November"]

_numbers = st.integers(3, 10**6).flatmap(
    lambda n: st.sampled_from([f"{n}", f"{n:,}", f"US${n} billion", f"{n} million dollars"])
)
_dates = st.builds(
    lambda year, month, day, form: form.format(d=day, m=month, y=year, a=month[:3]),
    st.integers(1900, 2019),
    st.sampled_from(_MONTHS),
    st.integers(1, 28),
    st.sampled_from(["{d} {m} {y}", "{m} {d}", "{a}. {d}", "{m} {y}", "{m} {d}, {y}"]),
)
_QUOTE_WORDS = set(_QUOTE.lower().rstrip(".").split())
#: Month and weekday names (and their abbreviations) are read as dates, never as names.
_CALENDAR_WORDS = {
    str(name)
    for tag in ("en", "en_GB")
    for names in (Locale.parse(tag).months, Locale.parse(tag).days)
    for context in ("format", "stand-alone")
    for width in ("wide", "abbreviated")
    for name in names[context][width].values()
}


def _is_new_name(name: str) -> bool:
    """A capitalised word the base quote does not give, and no month's or weekday's name."""
    return name.lower() not in _QUOTE_WORDS and name not in _CALENDAR_WORDS


_names = (
    st.text(string.ascii_lowercase, min_size=3, max_size=10)
    .map(str.capitalize)
    .filter(_is_new_name)
)


@settings(max_examples=150, deadline=None)
@given(
    addition=st.one_of(_numbers, _dates, _names),
    position=st.integers(1, len(_BASE.split()) - 1),
)
def test_anything_new_is_always_caught(addition: str, position: int) -> None:
    """Adding a number, date or capitalised name (not opening the sentence) that the quotes
    lack to a grounded statement always gives a grounding finding."""
    assert _findings(_statement(_BASE, _QUOTE)) == []
    words = _BASE.split()
    changed = " ".join([*words[:position], addition, *words[position:]])
    assert _findings(_statement(changed, _QUOTE)) != [], changed


def test_date_mentions_fit_only_what_they_give() -> None:
    """A mention fits another when every part it gives matches; open parts match anything."""
    assert DateMention(2022, 9, None, "").fits(DateMention(2022, 9, 8, ""))
    assert not DateMention(2022, 9, 8, "").fits(DateMention(None, 9, 8, ""))


# --- forward clauses: what a recommendation or a forecast does not claim ----------------

_AS_OF = date(2023, 3, 20)


def _reasoned(text: str, *quotes: str, prescribes: bool) -> Statement:
    """A judgment (or, with `prescribes`, a recommendation) on quotes of one source."""
    base = _statement(text, *quotes)
    forward = forward_spans(read_clauses(text, _AS_OF, prescribes=prescribes))
    return Statement(base.item_id, text, base.where, base.evidence, as_of=_AS_OF,
                     forward=forward, prescribes=prescribes)  # fmt: skip


_SHIPS = "Finland and Estonia signed an agreement on Monday to share two cable repair ships"


def test_a_recommendation_s_addressee_target_and_ordinal_are_not_claims() -> None:
    """Who acts (Traficom), who judges (the Riigikogu), a target date after as_of and "the
    first exercise" to come need no quote in a recommendation."""
    text = (
        "Finland's Traficom should name the home ports by March 2024, so that the Riigikogu "
        "can judge progress at the first exercise under the agreement."
    )
    assert _findings(_reasoned(text, _SHIPS, prescribes=True)) == []
    assert set(_words(_statement(text, _SHIPS), Kind.NAME)) == {"Traficom", "Riigikogu"}


def test_a_recommendation_s_target_count_is_not_a_claim_but_its_money_is() -> None:
    """ "name three ports" prescribes a count; "spend €40 million" still needs a quote."""
    counted = _reasoned("Traficom should name three home ports.", _SHIPS, prescribes=True)
    assert _words(counted, Kind.NUMBER) == []
    spent = _reasoned("Traficom should spend €40 million on ports.", _SHIPS, prescribes=True)
    assert _words(spent, Kind.NUMBER) == ["€40 million"]


def test_what_a_recommendation_says_happened_still_needs_its_basis() -> None:
    """A number, date or name stated as having happened is a claim, even in a
    recommendation."""
    text = "Because Sweden paid €40 million in 2021, Traficom should name the ports."
    statement = _reasoned(text, _SHIPS, prescribes=True)
    assert _words(statement, Kind.NUMBER) == ["€40 million"]
    assert _words(statement, Kind.DATE) == ["2021"]
    assert _words(statement, Kind.NAME) == ["Sweden"]


def test_a_target_date_before_as_of_is_still_a_claim() -> None:
    """A date on or before as_of cannot be a target: it needs its quote."""
    statement = _reasoned("Traficom should name the ports by March 2022.", _SHIPS,
                          prescribes=True)  # fmt: skip
    assert _words(statement, Kind.DATE) == ["March 2022"]


def test_a_forecast_s_ordinal_and_date_are_not_claims_but_its_count_is() -> None:
    """In a judgment's forward clause "the first exercise" and "by June 2024" are not
    claims; a forecast's count ("four exercises") still rests on the quotes."""
    first = "The two countries will likely hold the first exercise by June 2024."
    assert _findings(_reasoned(first, _SHIPS, prescribes=False)) == []
    four = "The two countries will likely hold four exercises by June 2024."
    assert _words(_reasoned(four, _SHIPS, prescribes=False), Kind.NUMBER) == ["four"]


def test_a_prescribed_agreement_is_not_a_firmer_verb() -> None:
    """ "should agree" prescribes: BW164 reads only what a statement states as done."""
    quote = "the two sides discussed a repair plan"
    assert _words(_reasoned("The two sides should agree a repair plan.", quote,
                            prescribes=True), Kind.VERB) == []  # fmt: skip
    assert _words(_statement("The two sides agreed a repair plan.", quote), Kind.VERB) == [
        "agreed"
    ]
