"""Turn each statement of a Brief, and the quotes it rests on, into grounding findings.

A finding is a number, date or name a statement gives that its quotes do not, a claim it
makes firmly where every quote hedges, a verb stronger than the quotes' own, a negation its
quotes do not make (`polarity.py`), or a quote cut off right after a hedge (`hedges.py`).
Facts are read against their own quotes; judgments and recommendations against the quotes of
the facts under their basis, their forward clauses read as prescriptions or forecasts, not
claims (`clauses.py`). Every rule is a plain, documented reading of English (docs/checks.md,
BW160–BW169): no statistical model, nothing fetched. The readers of numbers, dates and names
live in `wording.py`; what a statement may rest on, in `statements.py`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from briefwright.evidence.clauses import is_after
from briefwright.evidence.hedges import cut_quotations, cut_quotes
from briefwright.evidence.polarity import reversed_polarity
from briefwright.evidence.statements import (
    Entity,
    Evidence,
    Finding,
    Kind,
    Statement,
    statements,
)
from briefwright.evidence.wording import (
    Amount,
    DateMention,
    Name,
    canonical,
    demonym_stems,
    name_stem,
    read_amounts,
    read_dates,
    read_names,
    words_of,
)
from briefwright.model.annex import Actor, GlossaryEntry
from briefwright.model.brief import Brief

Entities = tuple[Entity, ...]
#: A grounding rule: the findings of one kind about one statement.
Rule = Callable[[Statement, Entities], Iterator[Finding]]


def is_english(brief: Brief) -> bool:
    """Return True when the brief is written in English, the only language the rules read."""
    return brief.metadata.language.split("-")[0].lower() == "en"


def ground(brief: Brief) -> Iterator[Finding]:
    """Yield every grounding finding of an English brief, rule by rule, in reading order."""
    entities = known_entities(brief)
    found = statements(brief)
    for rule in RULES:
        for statement in found:
            yield from rule(statement, entities)
    yield from cut_quotes(brief)


# --- numbers (BW160) -------------------------------------------------------------------


def unsupported_numbers(statement: Statement, entities: Entities = ()) -> Iterator[Finding]:
    """Yield each number the statement gives (with its currency) that none of its quotes gives."""
    for amount in claimed_amounts(statement):
        if not any(amount.is_given_by(other) for other in statement.evidence.amounts):
            yield number_finding(statement, amount)


def number_finding(statement: Statement, amount: Amount) -> Finding:
    """Return the finding for a number that none of the statement's quotes gives."""
    message = (
        f"number '{amount.words}' in '{statement.item_id}' is in none of "
        f"{statement.evidence.describe()}; quote the passage that gives it, or leave it out"
    )
    return statement.finding(Kind.NUMBER, amount.words, message)


def claimed_amounts(statement: Statement) -> Iterator[Amount]:
    """Yield the numbers a statement claims: all of a fact's; in a judgment's or
    recommendation's forward clauses, not an ordinal ("the first exercise to come"), and in
    a recommendation's not a plain count either ("name two projects")."""
    yield from read_amounts(statement.claimed)
    for amount in read_amounts(statement.foreseen):
        is_count = amount.currency is None and not amount.scaled  # "name two projects"
        if not (amount.ordinal or (statement.prescribes and is_count)):
            yield amount


# --- dates (BW161, BW166) ----------------------------------------------------------------


def unsupported_dates(statement: Statement, entities: Entities = ()) -> Iterator[Finding]:
    """Yield each day, month or year the statement gives that no quote or stated date gives."""
    for claim in _date_claims(statement):
        if not _is_dated_by(claim, statement) and not _is_excused(claim, statement):
            yield date_finding(statement, claim)


def idle_inferences(statement: Statement, entities: Entities = ()) -> Iterator[Finding]:
    """Yield the statement's `inferred:` note if it excuses no year the statement gives."""
    if statement.inferred is None:
        return
    year = statement.inferred.year
    needed = [claim for claim in _date_claims(statement) if claim.year == year]
    if not any(not _is_dated_by(claim, statement) for claim in needed):
        message = (
            f"'{statement.item_id}' notes that the year {year} is inferred, but "
            f"{'its quotes print it' if needed else 'it gives no such year'}; remove the "
            "`inferred:` note"
        )
        yield statement.finding(Kind.IDLE_INFERENCE, str(year), message)


def _date_claims(statement: Statement) -> list[DateMention]:
    """Return the dates a statement claims: in a forward clause, a date after `as_of` is a
    target ("by March 2024"), not a claim."""
    claims = list(read_dates(statement.claimed))
    as_of = statement.as_of
    claims += [d for d in read_dates(statement.foreseen) if not (as_of and is_after(d, as_of))]
    if statement.dated:
        claims.append(DateMention.from_iso(statement.dated))
    return claims


def _is_dated_by(claim: DateMention, statement: Statement) -> bool:
    return any(claim.fits(mention) for mention in statement.evidence.dates)


def _is_excused(claim: DateMention, statement: Statement) -> bool:
    """An `inferred:` year excuses that year only: the rest of the date must still be quoted."""
    inferred = statement.inferred
    if inferred is None or claim.year != inferred.year:
        return False
    rest = claim.without_year()
    return rest.is_empty() or any(rest.fits(m) for m in statement.evidence.dates)


def date_finding(statement: Statement, claim: DateMention) -> Finding:
    """Return the finding for a date that no quote and no stated source date gives."""
    message = (
        f"date '{claim.words}' in '{statement.item_id}' is in none of "
        f"{statement.evidence.describe()}, nor is it a stated source date; quote the passage "
        "that gives it, or add an `inferred:` note saying how the year was worked out"
    )
    return statement.finding(Kind.DATE, claim.words, message)


# --- names (BW162) -----------------------------------------------------------------------


def unsupported_names(statement: Statement, entities: Entities = ()) -> Iterator[Finding]:
    """Yield each proper name the statement gives that its quotes, sources and entities do not."""
    for name in read_names(statement.claimed):
        if not _is_named_by(name, statement.evidence, entities):
            yield _name_finding(statement, name)


def known_entities(brief: Brief) -> Entities:
    """Return the actors and glossary terms, the names the brief declares as one entity each."""
    return known_entities_of(brief.actors, brief.glossary)


def known_entities_of(actors: Iterable[Actor], glossary: Iterable[GlossaryEntry]) -> Entities:
    """Return an entity per actor (found by full name or surname; lends its name and office)
    and per glossary entry (found by term or any variant; lends all of their words)."""
    people = (
        Entity((a.name, a.name.split()[-1]), frozenset(words_of(f"{a.name} {a.office}")))
        for a in actors
    )
    terms = ((entry.term, *entry.variants) for entry in glossary)
    return (*people, *(Entity(forms, frozenset(words_of(" ".join(forms)))) for forms in terms))


def _is_named_by(name: Name, evidence: Evidence, entities: Entities) -> bool:
    """A name is grounded by the evidence's words, or by an entity the evidence names."""
    if name.is_code:
        return _has_phrase(evidence.names_text, name.key)
    if name.key in evidence.words or _is_demonym_in(name.words, evidence):
        return True
    return any(name.key in e.words and _is_present(e, evidence) for e in entities)


def _is_demonym_in(word: str, evidence: Evidence) -> bool:
    """Return True when the evidence names the country of an adjective, or the reverse."""
    plain, cut = evidence.stems
    return name_stem(word) in cut or bool(demonym_stems(word) & plain)


def _is_present(entity: Entity, evidence: Evidence) -> bool:
    return any(_has_phrase(evidence.names_text, canonical(form)) for form in entity.forms)


def _has_phrase(text: str, phrase: str) -> bool:
    return bool(phrase) and re.search(rf"(?<!\S){re.escape(phrase)}(?!\S)", text) is not None


def _name_finding(statement: Statement, name: Name) -> Finding:
    message = (
        f"name '{name.words}' in '{statement.item_id}' is in none of "
        f"{statement.evidence.describe()}, their sources' names, or an actor or glossary "
        "entry those quotes name; quote a passage that names it, or write it as they do"
    )
    return statement.finding(Kind.NAME, name.words, message)


# --- modality (BW163) and verb strength (BW164) ------------------------------------------

#: Words that put a claim in the future, make it conditional, or hedge it.
HEDGES = re.compile(
    r"\b(?:will|would|could|can|might|shall|should|may|if|"
    r"(?:is|are|was|were|be) (?:expected|due|set|likely|scheduled|ready|about) to|"
    r"plans? to|planned to|aims? to|intends? to|hopes? to|"
    r"wants? to|keen to|looking to|pledged?|pledges|promised?|scheduled|potential(?:ly)?|"
    r"possibl[ey])\b",
    re.IGNORECASE,
)


#: A statement may also keep a quote's future with "is to" or "are to"; in a quote these are
#: too often something else ("the purpose of this was to") to count as a hedge.
STATEMENT_HEDGES = re.compile(rf"{HEDGES.pattern}|\b(?:is|are|was|were) to\b", re.IGNORECASE)


def firmer_than_quotes(statement: Statement, entities: Entities = ()) -> Iterator[Finding]:
    """Yield the statement if it is plain while its every quote is future, conditional or
    hedged."""
    hedges = [HEDGES.search(_without_month_may(q)) for q in statement.evidence.quotes]
    if (
        not hedges
        or not all(hedges)
        or STATEMENT_HEDGES.search(_without_month_may(statement.text))
    ):
        return
    said = "', '".join(dict.fromkeys(m.group(0) for m in hedges if m))
    message = (
        f"'{statement.item_id}' states as plain fact what every one of "
        f"{statement.evidence.describe()} hedges or puts in the future ('{said}'); keep the "
        "quotes' hedge"
    )
    yield statement.finding(Kind.MODALITY, said, message)


def _without_month_may(text: str) -> str:
    """Drop the month May ("in May 2020"), which is not the modal verb."""
    return re.sub(r"\bMay\b(?=\s+\d)|(?<=\bin )May\b", "", text)


@dataclass(frozen=True)
class VerbPair:
    """A verb the sources use and a stronger one a statement may not put in its place."""

    weak: tuple[str, ...]
    strong: tuple[str, ...]


#: The documented pairs (docs/checks.md, BW164); each is tested in tests/test_grounding.py.
VERB_PAIRS: tuple[VerbPair, ...] = (
    VerbPair(("discuss", "discussed", "discusses", "discussing", "talked about",
              "spoke about"), ("agree", "agreed", "agrees", "decide", "decided", "decides")),
    VerbPair(("propose", "proposed", "proposes", "on the table", "suggest", "suggested"),
             ("agree", "agreed", "agrees", "adopt", "adopted", "adopts")),
    VerbPair(("invite", "invited", "invites", "encourage", "encouraged", "encourages"),
             ("accept", "accepted", "accepts", "commit", "committed", "commits")),
    VerbPair(("consider", "considered", "considers", "review", "reviewed", "reviews"),
             ("approve", "approved", "approves", "decide", "decided", "decides")),
    VerbPair(("plan", "planned", "plans", "expect", "expected", "expects"),
             ("launch", "launched", "launches", "confirm", "confirmed", "confirms")),
    VerbPair(("stress", "stressed", "stresses", "emphasise", "emphasised", "emphasize",
              "emphasized", "highlight", "highlighted"), ("agree", "agreed", "agrees")),
)  # fmt: skip


def stronger_verbs(statement: Statement, entities: Entities = ()) -> Iterator[Finding]:
    """Yield each verb the statement firms up: "agreed" where its quotes only "discussed"."""
    quotes = " | ".join(statement.evidence.quotes)
    firmed: dict[str, str] = {}
    for pair in VERB_PAIRS:
        strong = _first_form(pair.strong, statement.claimed)
        if strong is None:  # most statements: then the quotes need no search
            continue
        weak = _first_form(pair.weak, quotes)
        if weak and not _first_form(pair.strong, quotes):
            firmed.setdefault(strong, weak)
    for strong, weak in firmed.items():
        message = (
            f"'{statement.item_id}' says '{strong}' where {statement.evidence.describe()} say "
            f"only '{weak}'; use their verb"
        )
        yield statement.finding(Kind.VERB, strong, message)


def _first_form(forms: tuple[str, ...], text: str) -> str | None:
    found = _forms_pattern(forms).search(text)
    return found.group(0) if found else None


@functools.cache
def _forms_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, forms))})\b", re.IGNORECASE)


#: The rules, in the order their findings are reported.
RULES: tuple[Rule, ...] = (
    unsupported_numbers,
    unsupported_dates,
    idle_inferences,
    unsupported_names,
    firmer_than_quotes,
    stronger_verbs,
    reversed_polarity,
    cut_quotations,
)
