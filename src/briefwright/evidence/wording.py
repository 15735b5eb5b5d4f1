"""Turn English text into the numbers, dates and proper names it states, for grounding.

Each reader is a small documented rule (docs/checks.md, BW160–BW162), deterministic and
without a model: number words through text2num, month and weekday names through Babel's
CLDR data (so "Sept." is September, as en-GB abbreviates it), the rest plain patterns.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from babel import Locale
from text_to_num import alpha2digit

from briefwright.evidence.quotes import normalise

# --- numbers -------------------------------------------------------------------------------

_SCALES = {"thousand": 10**3, "lakh": 10**5, "million": 10**6, "mn": 10**6, "crore": 10**7,
           "billion": 10**9, "bn": 10**9, "trillion": 10**12}  # fmt: skip
_CURRENCIES = {"us$": "USD", "$": "USD", "dollar": "USD", "dollars": "USD", "¥": "JPY",
               "yen": "JPY", "₹": "INR", "rs": "INR", "rs.": "INR", "rupee": "INR",
               "rupees": "INR", "€": "EUR", "euro": "EUR", "euros": "EUR", "£": "GBP",
               "pound": "GBP", "pounds": "GBP"}  # fmt: skip
_SCALE_WORD = re.compile(rf"\b(?:{'|'.join(_SCALES)})\b", re.IGNORECASE)
_SCALED = re.compile(rf"(\d+(?:\.\d+)?)\s*({'|'.join(_SCALES)})\b", re.IGNORECASE)
_AMOUNT = re.compile(
    r"(?:(?P<pre>US\$|\$|¥|₹|€|£|\bRs\.?)\s?)?(?<![\w.+-])(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)"
    r"(?P<ord>st|nd|rd|th)?(?![\w+])(?:\s+(?P<post>dollars?|yen|rupees?|euros?|pounds?)\b)?"
)
#: Names with digits in them (C-2, G20, 2+2) are names, not numbers.
_CODE = re.compile(r"(?<![\w+-])(?:[A-Z][A-Za-z]*-?\d+[A-Za-z]*|\d+\+\d+)(?![\w+])")


@dataclass(frozen=True)
class Amount:
    """A number a text states: its value, its currency if any, and the words that say it."""

    value: Decimal
    currency: str | None
    words: str
    ordinal: bool = False
    """Written as an ordinal: "first", "2nd"."""
    scaled: bool = False
    """Written with a scale word: "2 billion", "75 crore"."""

    def is_given_by(self, other: Amount) -> bool:
        """Return True when `other` states this number (a bare number ignores currency)."""
        same_currency = self.currency is None or self.currency == other.currency
        return self.value == other.value and same_currency


def read_amounts(text: str) -> list[Amount]:
    """Return the numbers a text states, dates and names with digits left out.

    "US$2 billion", "$2 billion" and "2 billion dollars" are one amount; "two" is 2 and
    "second" is 2 (text2num); a figure followed by a scale word ("billion", "crore") is
    one number. Each amount keeps the words that state it, for the message.
    """
    plain = normalise(text)
    plain = _blank(_blank(plain, _date_spans(plain)), _code_spans(plain))
    amounts = []
    for words in _number_runs(plain):
        spaced = words.replace("-", " ")  # "seventy-five" and "two-day" read word by word
        digits = _scale(alpha2digit(_scale(spaced), "en", threshold=0))
        amounts += [_amount(match, words) for match in _AMOUNT.finditer(digits)]
    return amounts


_TOKEN = re.compile(r"US\$|[$¥₹€£]|\d+(?:[.,]\d+)*(?:st|nd|rd|th)?|[^\W\d_]+")


def _number_runs(text: str) -> Iterator[str]:
    """Yield each run of number tokens (figures, number words, scale and currency words)
    that only spaces or hyphens separate, as the text writes it."""
    run: list[re.Match[str]] = []
    for match in _TOKEN.finditer(text):
        joined = run and re.fullmatch(r"[\s-]*", text[run[-1].end() : match.start()])
        if _is_number_token(match.group(0)) and (joined or not run):
            run.append(match)
            continue
        if run:
            yield text[run[0].start() : run[-1].end()]
        run = [match] if _is_number_token(match.group(0)) else []
    if run:
        yield text[run[0].start() : run[-1].end()]


@functools.lru_cache(maxsize=4096)
def _is_number_token(token: str) -> bool:
    lower = token.lower()
    if token[0].isdigit() or lower in _SCALES or lower in _CURRENCIES:
        return True
    return bool(alpha2digit(token, "en", threshold=0) != token)


def _scale(text: str) -> str:
    return _SCALED.sub(lambda m: str(Decimal(m.group(1)) * _SCALES[m.group(2).lower()]), text)


def _amount(match: re.Match[str], words: str) -> Amount:
    sign = (match.group("pre") or match.group("post") or "").lower()
    value = Decimal(match.group("num").replace(",", "")).normalize()
    scaled = _SCALE_WORD.search(words) is not None
    return Amount(value, _CURRENCIES.get(sign), words, bool(match.group("ord")), scaled)


def _code_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _CODE.finditer(text)]


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace each span with spaces, so what it held is read by no other rule."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


# --- dates ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DateMention:
    """A date as precise as a text gives it: any of year, month and day may be unknown."""

    year: int | None
    month: int | None
    day: int | None
    words: str

    @classmethod
    def from_iso(cls, text: str) -> DateMention:
        """Read `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a timeline event's date)."""
        parts = [int(part) for part in text.split("-")] + [0, 0]
        return cls(parts[0], parts[1] or None, parts[2] or None, text)

    def fits(self, other: DateMention) -> bool:
        """Return True when `other` gives every part this mention gives, with the same value."""
        pairs = ((self.year, other.year), (self.month, other.month), (self.day, other.day))
        return all(mine is None or mine == theirs for mine, theirs in pairs)

    def without_year(self) -> DateMention:
        """Return the mention with its year left open."""
        return replace(self, year=None)

    def is_empty(self) -> bool:
        """Return True when the mention gives no part at all."""
        return self.year is None and self.month is None and self.day is None


@dataclass(frozen=True)
class _Calendar:
    """English month and weekday names from CLDR, with the patterns built on them."""

    months: dict[str, int]
    weekdays: dict[str, int]
    absolute: tuple[re.Pattern[str], ...]
    relative: tuple[tuple[re.Pattern[str], str], ...]


@functools.cache
def _calendar() -> _Calendar:
    """Build the date patterns once, from Babel's en and en-GB names ("Sep" and "Sept")."""
    wide: dict[str, int] = {}
    short: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for tag in ("en", "en_GB"):
        locale = Locale.parse(tag)
        for context in ("format", "stand-alone"):
            wide.update({str(n): k for k, n in locale.months[context]["wide"].items()})
            short.update({str(n): k for k, n in locale.months[context]["abbreviated"].items()})
            weekdays.update({str(n): k for k, n in locale.days[context]["wide"].items()})
    return _Calendar({**short, **wide}, weekdays, *_patterns(wide, short, weekdays))


def _alternatives(names: dict[str, int]) -> str:
    return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))


def _patterns(
    wide: dict[str, int], short: dict[str, int], weekdays: dict[str, int]
) -> tuple[tuple[re.Pattern[str], ...], tuple[tuple[re.Pattern[str], str], ...]]:
    # A month name is a whole word ("Mar" is not the start of "Marathon"); an abbreviation
    # may end with a full stop ("Sept.").
    month = (
        f"(?P<month>(?:{_alternatives(wide)})(?![a-z])|(?:{_alternatives(short)})(?![a-z])\\.?)"
    )
    full = f"(?P<month>(?:{_alternatives(wide)})(?![a-z]))"
    day = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    year = r"(?P<year>(?:19|20)\d{2})"
    absolute = (
        r"\b(?P<year>\d{4})-(?P<mm>\d{2})-(?P<day>\d{2})\b",
        rf"\b{day}\s+(?:of\s+)?{month}(?:,?\s+{year}\b)?",
        rf"\b{month}\s+{day}\b(?:,?\s+{year}\b)?",
        rf"\b{full},?\s+{year}\b",
        rf"\b{full}\b",
        rf"(?<![\d.,$+-])\b{year}\b(?![\d+])",
    )
    relative = (
        (rf"\b{full}\s+this\s+year\b", "month-this-year"),
        (rf"\b(?:[Ll]ast|[Pp]revious)\s+{full}\b", "last-month-name"),
        (r"\b(?:[Ll]ast|[Pp]revious) year\b", "last-year"),
        (r"\b[Tt]his year\b", "this-year"),
        (r"\b[Nn]ext year\b", "next-year"),
        (r"\b[Ll]ast month\b", "last-month"),
        (r"\b[Tt]oday\b", "today"),
        (r"\b[Yy]esterday\b", "yesterday"),
        (rf"\b(?P<weekday>{_alternatives(weekdays)})\b", "weekday"),
    )
    return (
        tuple(re.compile(p) for p in absolute),
        tuple((re.compile(p), kind) for p, kind in relative),
    )


def read_dates(text: str, anchor: date | None = None) -> Iterator[DateMention]:
    """Yield the dates a text prints: "8 September 2022", "September 8", "Sept. 8", "May
    2020", "2017"; with an anchor (a source's stated date), a date printed without a year
    takes the anchor's year. Relative phrases ("last year") are left to read_relative_dates.
    """
    text = normalise(text)
    taken = [m.span() for p, _ in _calendar().relative for m in p.finditer(text)] if anchor else []
    for pattern in _calendar().absolute:
        for match in pattern.finditer(text):
            if _overlaps(match.span(), taken) or _is_modal_may(match, text):
                continue
            taken.append(match.span())
            mention = _mention(match)
            if anchor is not None and mention.year is None:
                mention = replace(mention, year=anchor.year)
            yield mention


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in taken)


_MONTH_CUE = re.compile(r"\b(?:in|of|by|since|until|from|early|late|mid-)\s*$")


def _is_modal_may(match: re.Match[str], text: str) -> bool:
    """ "May" alone is a month only after "in", "of", "by", "since", "until" or "from"."""
    if match.group(0) != "May":
        return False
    return not re.search(
        r"\b(?:in|of|by|since|until|from|early|late|mid-)\s*$", text[: match.start()]
    )


def _mention(match: re.Match[str]) -> DateMention:
    found = match.groupdict()
    month = found.get("month")
    number = (
        int(found["mm"]) if found.get("mm") else _calendar().months.get((month or "").rstrip("."))
    )
    year, day = found.get("year"), found.get("day")
    return DateMention(int(year) if year else None, number, int(day) if day else None,
                       match.group(0))  # fmt: skip


def read_relative_dates(text: str, anchor: date) -> Iterator[DateMention]:
    """Yield the dates a text gives relative to the day it was published (`anchor`).

    "last year" is the anchor's year less one; "this year", "earlier this year" its year;
    "March this year" that month of its year; "last December" the latest December before
    the anchor's month; "on Monday" the latest Monday on or before the anchor.
    """
    text = normalise(text)
    for pattern, kind in _calendar().relative:
        for match in pattern.finditer(text):
            yield _resolve(kind, match, anchor)


def _resolve(kind: str, match: re.Match[str], anchor: date) -> DateMention:
    words, year = match.group(0), anchor.year
    month = _calendar().months.get(match.groupdict().get("month") or "", 0)
    if kind == "weekday":
        back = (anchor.weekday() - _calendar().weekdays[match.group("weekday")]) % 7
        return _day(anchor - timedelta(days=back), words)
    if kind in ("today", "yesterday"):
        return _day(anchor - timedelta(days=kind == "yesterday"), words)
    if kind == "last-month":
        previous = anchor.replace(day=1) - timedelta(days=1)
        return DateMention(previous.year, previous.month, None, words)
    if kind == "last-month-name":
        return DateMention(year if month < anchor.month else year - 1, month, None, words)
    shift = {"last-year": -1, "next-year": 1}.get(kind, 0)
    return DateMention(year + shift, month or None, None, words)


def _day(day: date, words: str) -> DateMention:
    return DateMention(day.year, day.month, day.day, words)


def _date_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for pattern in _calendar().absolute:
        spans += [m.span() for m in pattern.finditer(text) if not _overlaps(m.span(), spans)]
    return spans


# --- names ---------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+")


@dataclass(frozen=True)
class Name:
    """A proper token of a statement: a capitalised word, an acronym, or a code like C-2."""

    words: str
    key: str
    is_code: bool = False


def read_names(text: str) -> Iterator[Name]:
    """Yield the proper tokens of a text: capitalised words that do not open a sentence
    (a sentence's first word is read only when it is an acronym), acronyms, and names with
    digits (C-2, G20, 2+2). Month and weekday names are dates, not names; a single capital
    letter is an initial.
    """
    text = normalise(text)
    codes = _code_spans(text)
    yield from (Name(text[a:b], canonical(text[a:b]), is_code=True) for a, b in codes)
    opening = _sentence_openers(text)
    for match in _WORD.finditer(_blank(text, codes)):
        word, is_currency = match.group(0), text.startswith("$", match.end())  # "US$"
        if (
            _is_proper(word)
            and not is_currency
            and (match.start() not in opening or _is_acronym(word))
        ):
            yield Name(word, word_key(word))


def _is_proper(word: str) -> bool:
    calendar = _calendar()
    bare = word_key(word).capitalize()
    is_date_word = bare in calendar.months or bare in calendar.weekdays
    return len(word) > 1 and word[0].isupper() and not is_date_word


def _is_acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _sentence_openers(text: str) -> set[int]:
    """Return where each sentence's first word starts (after . ! or ? and a space)."""
    starts = [0, *(m.end() for m in _SENTENCE_END.finditer(text))]
    found = (_WORD.search(text, start) for start in starts)
    return {match.start() for match in found if match}


def word_key(word: str) -> str:
    """Return a word as names are compared: lower case, without a possessive "'s"."""
    word = word.lower()
    return word[:-2] if word.endswith("'s") else word.rstrip("'")


def words_of(text: str) -> Iterator[str]:
    """Yield the comparison keys of every word of a text (hyphenated parts separately)."""
    return (word_key(match.group(0)) for match in _WORD.finditer(normalise(text)))


def name_stem(word: str) -> str:
    """Return a name's stem: its comparison key without a final vowel (China: "chin")."""
    return re.sub(r"[aeiou]$", "", word_key(word))


def demonym_stems(word: str) -> set[str]:
    """Return the stems left when an adjective ending (-ese, -ian, -an, -n) is cut off a
    name, without a final vowel: Japanese gives "japan", Indian "indi", Chinese "chin".

    A name and its adjective match when one's cut stem is the other's stem; stems under
    four letters are dropped, so short words never match.
    """
    key = word_key(word)
    cut = (key[: -len(end)] for end in ("ese", "ian", "an", "n") if key.endswith(end))
    return {stem for stem in (re.sub(r"[aeiou]$", "", c) for c in cut) if len(stem) >= 4}


def proper_words(text: str) -> Iterator[str]:
    """Yield the words of a text that start with a capital letter."""
    return (m.group(0) for m in _WORD.finditer(normalise(text)) if m.group(0)[0].isupper())


def canonical(text: str) -> str:
    """Return text as phrases are compared: lower case, punctuation as spaces (not "+")."""
    spaced = re.sub(r"[^\w+]+", " ", normalise(text).lower().replace("'s ", " "))
    return " ".join(spaced.split())
