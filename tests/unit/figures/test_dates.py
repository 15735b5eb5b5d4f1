"""Tests for briefwright.figures.dates: partial dates as periods, and the broken time axis."""

from __future__ import annotations

from datetime import date

import pytest

from briefwright.figures.dates import Period, Precision, build_axis, year_runs


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("2017", date(2017, 1, 1), date(2018, 1, 1), Precision.YEAR),
        ("2022-12", date(2022, 12, 1), date(2023, 1, 1), Precision.MONTH),
        ("2022-09-08", date(2022, 9, 8), date(2022, 9, 9), Precision.DAY),
    ],
)
def test_a_partial_date_is_the_period_it_may_mean(
    text: str, start: date, end: date, precision: Precision
) -> None:
    """`YYYY`, `YYYY-MM` and `YYYY-MM-DD` are a year, a month and a day."""
    period = Period.parse(text)
    assert (period.start, period.end, period.precision) == (start, end, precision)


def test_a_period_that_is_not_a_partial_date_is_refused() -> None:
    """Anything but `YYYY`, `YYYY-MM` or `YYYY-MM-DD` is a ValueError naming it."""
    with pytest.raises(ValueError, match="'20 March 2023'"):
        Period.parse("20 March 2023")


def test_years_without_events_are_cut_out_of_the_axis() -> None:
    """Runs of years that hold events are joined; a break marks the years cut out between."""
    periods = [Period.parse(d) for d in ("2017", "2020-05", "2022", "2023-03-20")]
    assert year_runs(periods) == [(2017, 2017), (2020, 2020), (2022, 2023)]
    axis = build_axis(periods, 0, 500, 20)
    assert len(axis.breaks()) == 2
    xs = [
        axis.x(date(y, m, 1)) for y, m in ((2017, 1), (2017, 6), (2020, 1), (2022, 1), (2023, 7))
    ]
    assert xs == sorted(xs) and xs[0] == 0 and axis.x(date(2024, 1, 1)) == pytest.approx(500)


def test_a_busy_year_is_wider_than_a_quiet_one() -> None:
    """A year with one event gets 60 % of the width of a year with several."""
    periods = [Period.parse(d) for d in ("2017", "2022-03", "2022-09-08")]
    axis = build_axis(periods, 0, 300, 20)
    quiet, busy = axis.segments
    assert (quiet.x1 - quiet.x0) / (busy.x1 - busy.x0) == pytest.approx(0.6)


def test_a_date_outside_the_axis_is_refused() -> None:
    """Asking where a day of a cut-out year falls is an error, not a guess."""
    axis = build_axis([Period.parse("2017"), Period.parse("2020")], 0, 100, 10)
    with pytest.raises(ValueError, match="outside the axis"):
        axis.x(date(2019, 1, 1))
