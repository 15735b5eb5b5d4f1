"""Tests for briefwright.evidence.japanese: the numbers and dates Japanese text states."""

from __future__ import annotations

from decimal import Decimal

import pytest

from briefwright.evidence.japanese import read_amounts, read_dates


def _values(text: str) -> list[Decimal]:
    return [amount.value for amount in read_amounts(text)]


def _dates(text: str) -> list[tuple[int | None, int | None, int | None]]:
    return [(d.year, d.month, d.day) for d in read_dates(text)]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("約750億ドルの投資", [Decimal(75_000_000_000)]),
        ("3万5千人が参加した", [Decimal(35_000)]),
        ("１．５兆円", [Decimal("1.5E12")]),
        ("七十周年を迎えた", [Decimal(70)]),
        ("7,500人", [Decimal(7500)]),
        ("第2回の会合", [Decimal(2)]),
        ("一方で、二国間の協力は十分とは言えず、三原則の統一的な運用", []),
        ("C-2輸送機と2+2会合", []),
    ],
)
def test_numbers_in_running_text(text: str, values: list[Decimal]) -> None:
    """Digits, full-width digits and kanji numerals are read where they count something; a
    numeral inside a word (一方, 二国間, 十分, 三原則) and a name with digits are not."""
    assert _values(text) == values


def test_an_ordinal_and_a_currency_are_kept() -> None:
    """第2回 is an ordinal; 750億ドル is in dollars and scaled."""
    (second,) = read_amounts("第2回")
    assert second.ordinal
    (dollars,) = read_amounts("750億ドル")
    assert dollars.currency == "USD" and dollars.scaled


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("2023年3月20日に会談した", [(2023, 3, 20)]),
        ("二〇二三年三月に", [(2023, 3, None)]),
        ("9月8日の会談", [(None, 9, 8)]),
        ("令和5年と平成元年", [(2023, None, None), (1989, None, None)]),
        ("2022-09-08付", [(2022, 9, 8)]),
        ("3日間の訓練と2年間の計画", []),
    ],
)
def test_dates_in_the_japanese_order(
    text: str, dates: list[tuple[int | None, int | None, int | None]]
) -> None:
    """Full and partial dates, kanji years, era years and ISO dates are dates; a duration is
    not."""
    assert _dates(text) == dates


def test_a_date_is_not_read_again_as_a_number() -> None:
    """The digits of 2023年3月20日 are a date, not three numbers; 2日間 is a number."""
    assert _values("2023年3月20日から2日間") == [Decimal(2)]
