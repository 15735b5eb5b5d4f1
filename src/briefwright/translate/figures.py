"""Turn a translated text and its original into what they disagree on: the numbers, years
and dates each gives, read in each one's language.

The original is grounded in its quotes (or is a quote); a translation is grounded in its
original. So a translation may give no number and no date its original does not give, and
it must give every date its original gives and every number the original writes in figures
(a number the original writes in words, "the first exercise", "two-day", a translator may
render as the language has it). A year the item's `inferred:` note excuses may be given
in both. Languages read: English (evidence/wording.py) and Japanese (evidence/japanese.py);
any other is read for figures only, and for dates written as ISO dates.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from briefwright.evidence import japanese, wording
from briefwright.evidence.wording import Amount, DateMention

Words = str | tuple[str, ...]


@dataclass(frozen=True)
class Readers:
    """How a language's numbers and dates are read."""

    amounts: Callable[[str], list[Amount]]
    dates: Callable[[str], list[DateMention]]


def readers(language: str) -> Readers:
    """Return the readers of a language (BCP 47 tag): English, Japanese, or figures only."""
    base = language.split("-")[0].lower()
    if base == "en":
        return Readers(wording.read_amounts, lambda text: list(wording.read_dates(text)))
    if base == "ja":
        return Readers(japanese.read_amounts, lambda text: list(japanese.read_dates(text)))
    return Readers(_figures, _iso_dates)


_FIGURE = re.compile(r"(?<![\w.,-])\d+(?:[.,]\d+)*")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def _figures(text: str) -> list[Amount]:
    plain = _ISO_DATE.sub(" ", text)
    return [
        Amount(Decimal(m.group(0).replace(",", "")).normalize(), None, m.group(0))
        for m in _FIGURE.finditer(plain)
    ]


def _iso_dates(text: str) -> list[DateMention]:
    return [DateMention.from_iso(m.group(0)) for m in _ISO_DATE.finditer(text)]


@dataclass(frozen=True)
class Disagreement:
    """A number or date one of the two texts gives and the other does not."""

    words: str
    in_translation: bool
    """True: the translation gives it, the original does not; False: the reverse."""
    is_date: bool


def disagreements(
    original: Words,
    original_language: str,
    translation: Words,
    language: str,
    inferred_year: int | None = None,
) -> Iterator[Disagreement]:
    """Yield each number and date the translation adds to its original, or leaves out."""
    source, target = readers(original_language), readers(language)
    before, after = _dated(_joined(original)), _dated(_joined(translation))
    given, stated = source.amounts(before), target.amounts(after)
    dates_given, dates_stated = source.dates(before), target.dates(after)
    for amount in stated:
        if not any(amount.value == other.value for other in given):
            yield Disagreement(amount.words, True, False)
    for amount in given:
        if _in_figures(amount) and not any(amount.value == o.value for o in stated):
            yield Disagreement(amount.words, False, False)
    for date in dates_stated:
        given_by = any(date.fits(other) for other in dates_given)
        if not given_by and not _excused(date, dates_given, inferred_year):
            yield Disagreement(date.words, True, True)
    for date in dates_given:
        if not any(date.fits(other) for other in dates_stated):
            yield Disagreement(date.words, False, True)


def _excused(date: DateMention, given: list[DateMention], inferred_year: int | None) -> bool:
    """An inferred year excuses that year only: the rest of the date must still be given."""
    if inferred_year is None or date.year != inferred_year:
        return False
    rest = date.without_year()
    return rest.is_empty() or any(rest.fits(other) for other in given)


def _in_figures(amount: Amount) -> bool:
    """Return True for a number written with digits ("800", "$75 billion", "2nd")."""
    return any(character.isdigit() for character in amount.words)


#: An ISO 8601 timestamp (a source's metadata quoted in a date note): its time of day is the
#: same figures in every language, and the readers of each would split it differently.
_TIMESTAMP = re.compile(
    r"(?<!\d)(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?"
)


def _dated(text: str) -> str:
    """Return text with each ISO timestamp cut to its date."""
    return _TIMESTAMP.sub(r"\1", text)


def _joined(words: Words) -> str:
    return words if isinstance(words, str) else "\n".join(words)
