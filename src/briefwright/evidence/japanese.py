"""Turn Japanese text into the numbers and dates it states, for grounding a translation or a
brief written in Japanese.

Numbers are Arabic digits (full-width ones too) and kanji numerals, which kanjize reads
(二〇二三, 七十, 三万五千, 750億); finding them in running text is this module's own rule,
since no library tells a numeral from a word that holds one (一方 "on the other hand", 二国間
"bilateral", 十分 "enough", 三原則): a numeral of kanji alone counts only before a counter
(年, 人, ドル, 回…) or when it has 万, 億 or 兆. Dates are read in the Japanese order
(2023年3月20日, 2022年9月, 9月8日, 令和5年, and ISO dates); a year is four digits or an
era's year; a bare day (20日) is a date, a duration (2日間, 3か月) a number. Spans read as
dates or as names with digits (C-2, G20, 2+2) are not read again as numbers, as the English
reader does.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from kanjize import kanji2number

from briefwright.evidence.wording import Amount, DateMention

_KANJI_DIGITS = "〇一二三四五六七八九"
_KANJI_UNITS = "十百千"
_BIG = {"万": 10**4, "億": 10**8, "兆": 10**12}
#: Words a numeral counts things with; 分 is left out (十分, "enough").
COUNTERS = (
    "周年|年間|年度|年|か月|カ月|ヶ月|ヵ月|月|日間|日|人|名|円|ドル|ルピー|ユーロ|ポンド|"
    "回目|回|件|機|隻|両|基|発|カ国|か国|ヶ国|つ|番目|倍|割|歳|時間|キロ|km|トン|%|パーセント"
)
_CURRENCIES = {"ドル": "USD", "円": "JPY", "ルピー": "INR", "ユーロ": "EUR",
               "ポンド": "GBP", "us$": "USD", "$": "USD", "¥": "JPY", "₹": "INR", "€": "EUR",
               "£": "GBP"}  # fmt: skip
_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_PART = rf"(?:{_ARABIC}|[{_KANJI_DIGITS}{_KANJI_UNITS}])+"
_NUMBER = re.compile(
    r"(?P<first>第)?(?P<pre>US\$|\$|¥|₹|€|£)?"
    rf"(?P<n>{_PART}(?:[万億兆](?:{_PART})?)*)(?P<counter>{COUNTERS})?"
)
#: Names with digits in them: C-2, G7, F-35, 2+2 (the English reader's rule, with ASCII
#: edges, since a kanji after "C-2" is a word character too).
_CODE = re.compile(r"(?<![A-Za-z0-9+.-])(?:[A-Za-z]+-?\d+[A-Za-z]*|\d+\+\d+)(?![A-Za-z0-9+])")
_ERAS = {"明治": 1868, "大正": 1912, "昭和": 1926, "平成": 1989, "令和": 2019}
_KANJI_BEFORE_DATE_WORD = re.compile(rf"[{_KANJI_DIGITS}{_KANJI_UNITS}]+(?=[年月日])")
_DATES = (
    re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)"),
    re.compile(
        rf"(?P<era>{'|'.join(_ERAS)})(?P<eyear>元|\d{{1,2}})年"
        r"(?:(?P<month>1[0-2]|0?[1-9])月(?:(?P<day>3[01]|[12]\d|0?[1-9])日)?)?"
    ),
    re.compile(
        r"(?<!\d)(?P<year>\d{4})年(?!間|代)"
        r"(?:(?P<month>1[0-2]|0?[1-9])月(?:(?P<day>3[01]|[12]\d|0?[1-9])日(?!間))?)?"
    ),
    re.compile(r"(?<![\d.])(?P<month>1[0-2]|0?[1-9])月(?:(?P<day>3[01]|[12]\d|0?[1-9])日(?!間))?"),
    re.compile(r"(?<![\d.])(?P<day>3[01]|[12]\d|0?[1-9])日(?!間)"),
)


def plain(text: str) -> str:
    """Return text in the form the readers read: NFKC (full-width digits, ％ and ，become
    ASCII) with kanji numerals before 年, 月 or 日 written in digits (二〇二三年 → 2023年)."""
    text = unicodedata.normalize("NFKC", text)
    return _KANJI_BEFORE_DATE_WORD.sub(_digits_of, text)


def _digits_of(match: re.Match[str]) -> str:
    try:
        return str(kanji2number(match.group(0)))
    except ValueError:
        return match.group(0)


def read_dates(text: str) -> Iterator[DateMention]:
    """Yield the dates a Japanese text prints: 2023年3月20日, 2022年9月, 9月8日, 3月, 20日,
    2017年, 令和5年 (era years as Gregorian ones)."""
    for _, mention in _date_spans(plain(text)):
        yield mention


def _date_spans(text: str) -> list[tuple[tuple[int, int], DateMention]]:
    """Return each date's span and mention, the longest reading first wins its span."""
    found: list[tuple[tuple[int, int], DateMention]] = []
    for pattern in _DATES:
        for match in pattern.finditer(text):
            if not any(_overlaps(match.span(), span) for span, _ in found):
                found.append((match.span(), _mention(match)))
    return sorted(found, key=lambda item: item[0])


def _overlaps(one: tuple[int, int], other: tuple[int, int]) -> bool:
    return one[0] < other[1] and other[0] < one[1]


def _mention(match: re.Match[str]) -> DateMention:
    found = match.groupdict()
    year: int | None = int(found["year"]) if found.get("year") else None
    if found.get("era"):
        number = 1 if found["eyear"] == "元" else int(found["eyear"])
        year = _ERAS[found["era"]] + number - 1
    month = int(found["month"]) if found.get("month") else None
    day = int(found["day"]) if found.get("day") else None
    return DateMention(year, month, day, match.group(0))


def read_amounts(text: str) -> list[Amount]:
    """Return the numbers a Japanese text states, dates and names with digits left out:
    750億ドル is 75,000,000,000 dollars, 第2回 an ordinal 2, 二つ 2; 一方 and 二国間 none."""
    return list(_amounts(plain(text)))


@functools.lru_cache(maxsize=2048)
def _amounts(text: str) -> tuple[Amount, ...]:
    blanked = _blank(text, [span for span, _ in _date_spans(text)])
    blanked = _blank(blanked, [m.span() for m in _CODE.finditer(blanked)])
    found = []
    for match in _NUMBER.finditer(blanked):
        amount = _amount(match)
        if amount is not None:
            found.append(amount)
    return tuple(found)


def _amount(match: re.Match[str]) -> Amount | None:
    """Return the amount a match states, or None for a numeral inside a word."""
    raw, counter = match.group("n"), match.group("counter")
    has_digit = re.search(r"\d", raw) is not None
    if not (has_digit or counter or match.group("first") or re.search("[万億兆]", raw)):
        return None  # 一方, 統一, 三原則: kanji that are not a count
    value = _value(raw.replace(",", ""))
    if value is None:
        return None
    sign = (match.group("pre") or counter or "").lower()
    ordinal = bool(match.group("first")) or counter in ("回目", "番目")
    scaled = re.search("[万億兆]", raw) is not None
    return Amount(value, _CURRENCIES.get(sign), match.group(0), ordinal, scaled)


def _value(raw: str) -> Decimal | None:
    """Return a numeral's value: digits, kanji, or digits with 万, 億 and 兆 (1.5兆)."""
    try:
        if re.fullmatch(r"\d+(?:\.\d+)?", raw):
            return Decimal(raw).normalize()
        if re.fullmatch(r"\d+(?:\.\d+)?[万億兆]", raw):
            return (Decimal(raw[:-1]) * _BIG[raw[-1]]).normalize()
        return Decimal(kanji2number(raw)).normalize()
    except (ValueError, InvalidOperation):
        return None


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace each span with spaces, so what it held is read by no other rule."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
