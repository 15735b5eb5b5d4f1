"""Turn each statement of a brief written in Japanese into the numbers and dates it gives
that the quotes it rests on do not (BW160, BW161), and the `inferred:` notes that excuse
nothing (BW166).

The statements and their evidence are the English rules' (evidence/statements.py): a fact
rests on its quotes, a judgment or recommendation on those of the facts under its basis.
The statement is read in Japanese (evidence/japanese.py); a quote in both languages, since
a Japanese brief may quote English sources. A quote's translation (`訳`) is the
translator's words and is never read. In a judgment or recommendation a date after `as_of`
is a target ("2024年までに"), and in a recommendation a plain count is one ("2件を提示"):
neither is a claim. Names, modality, verbs and polarity are read in English only (BW165).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from briefwright.evidence import japanese
from briefwright.evidence.clauses import is_after
from briefwright.evidence.grounding import date_finding, number_finding
from briefwright.evidence.statements import Finding, Kind, Statement, statements
from briefwright.evidence.wording import Amount, DateMention
from briefwright.model.brief import Brief


def is_japanese(brief: Brief) -> bool:
    """Return True when the brief is written in Japanese."""
    return brief.metadata.language.split("-")[0].lower() == "ja"


def ground_japanese(brief: Brief) -> Iterator[Finding]:
    """Yield every number, date and idle inference finding of a brief in Japanese."""
    for statement in statements(brief):
        yield from _numbers(statement)
        yield from _dates(statement)
        yield from _idle_inference(statement)


def _numbers(statement: Statement) -> Iterator[Finding]:
    given = _quoted_amounts(statement)
    for amount in japanese.read_amounts(statement.text):
        is_count = amount.currency is None and not amount.scaled
        if statement.prescribes and is_count:
            continue
        if not any(amount.value == other.value for other in given):
            yield number_finding(statement, amount)


def _dates(statement: Statement) -> Iterator[Finding]:
    given = _quoted_dates(statement)
    for claim in _claimed_dates(statement):
        if any(claim.fits(other) for other in given) or _is_excused(claim, statement, given):
            continue
        yield date_finding(statement, claim)


def _idle_inference(statement: Statement) -> Iterator[Finding]:
    if statement.inferred is None:
        return
    year = statement.inferred.year
    given = _quoted_dates(statement)
    needed = [claim for claim in _claimed_dates(statement) if claim.year == year]
    if not any(not any(claim.fits(other) for other in given) for claim in needed):
        message = (
            f"'{statement.item_id}' notes that the year {year} is inferred, but "
            f"{'its quotes print it' if needed else 'it gives no such year'}; remove the "
            "`inferred:` note"
        )
        yield statement.finding(Kind.IDLE_INFERENCE, str(year), message)


def _claimed_dates(statement: Statement) -> list[DateMention]:
    """Return the dates a statement claims: not a target after `as_of` in a judgment or a
    recommendation; a timeline event's own date."""
    claims = list(japanese.read_dates(statement.text))
    if statement.as_of is not None:
        claims = [claim for claim in claims if not is_after(claim, statement.as_of)]
    if statement.dated:
        claims.append(DateMention.from_iso(statement.dated))
    return claims


def _is_excused(claim: DateMention, statement: Statement, given: list[DateMention]) -> bool:
    inferred = statement.inferred
    if inferred is None or claim.year != inferred.year:
        return False
    rest = claim.without_year()
    return rest.is_empty() or any(rest.fits(other) for other in given)


def _quoted_amounts(statement: Statement) -> list[Amount]:
    found = list(statement.evidence.amounts)
    for quote in statement.evidence.quotes:
        found += _japanese_amounts(quote)
    return found


def _quoted_dates(statement: Statement) -> list[DateMention]:
    found = list(statement.evidence.dates)
    for quote in statement.evidence.quotes:
        found += _japanese_dates(quote)
    return found


@functools.lru_cache(maxsize=2048)
def _japanese_amounts(quote: str) -> tuple[Amount, ...]:
    """Cached: a judgment reads again every quote of the facts under it."""
    return tuple(japanese.read_amounts(quote))


@functools.lru_cache(maxsize=2048)
def _japanese_dates(quote: str) -> tuple[DateMention, ...]:
    return tuple(japanese.read_dates(quote))
