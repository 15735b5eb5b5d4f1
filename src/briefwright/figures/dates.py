"""Turn partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) into periods, and periods into an
axis: the years that hold events, runs of years joined, the empty years between cut out.

A timeline whose events cluster in two years but reach back five would spend most of its
width on years where nothing happens; a broken axis (drawn with a break mark) keeps the
cluster readable and shows every year that holds an event.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class Precision(StrEnum):
    """How much of a date the sources give."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@dataclass(frozen=True, order=True)
class Period:
    """The days a partial date may mean: from `start` up to (not including) `end`."""

    start: date
    end: date
    precision: Precision

    @classmethod
    def parse(cls, text: str) -> Period:
        """Return the period of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; ValueError otherwise."""
        match = _PARTIAL.match(text)
        if match is None:
            raise ValueError(f"not a YYYY, YYYY-MM or YYYY-MM-DD date: {text!r}")
        year, month, day = (int(part) if part else None for part in match.groups())
        assert year is not None
        if month is None:
            return cls(date(year, 1, 1), date(year + 1, 1, 1), Precision.YEAR)
        start = date(year, month, day or 1)
        if day is not None:
            return cls(start, start + timedelta(days=1), Precision.DAY)
        following = date(year + month // 12, month % 12 + 1, 1)
        return cls(start, following, Precision.MONTH)


@dataclass(frozen=True)
class Segment:
    """A run of consecutive years drawn without a break, from x0 to x1."""

    first_year: int
    last_year: int
    x0: float
    x1: float

    @property
    def start(self) -> date:
        """Return the first day of the run."""
        return date(self.first_year, 1, 1)

    @property
    def end(self) -> date:
        """Return the day after the run."""
        return date(self.last_year + 1, 1, 1)

    def x(self, day: date) -> float:
        """Return where a day (or the day after the run) falls on this segment."""
        fraction = (day - self.start).days / (self.end - self.start).days
        return self.x0 + fraction * (self.x1 - self.x0)

    def holds(self, day: date) -> bool:
        """Return True when the day falls in the run (its last boundary included)."""
        return self.start <= day <= self.end


@dataclass(frozen=True)
class TimeAxis:
    """Years laid out from left to right, with breaks where years hold no event."""

    segments: tuple[Segment, ...]

    def x(self, day: date) -> float:
        """Return where a day falls; a day outside every segment is refused."""
        for segment in self.segments:
            if segment.holds(day):
                return segment.x(day)
        raise ValueError(f"{day.isoformat()} is outside the axis")

    def span(self, period: Period) -> tuple[float, float]:
        """Return where a period begins and ends."""
        return self.x(period.start), self.x(period.end)

    def breaks(self) -> tuple[float, ...]:
        """Return the middle of each break: where years without events were cut out."""
        pairs = zip(self.segments, self.segments[1:], strict=False)
        return tuple(
            (left.x1 + right.x0) / 2
            for left, right in pairs
            if right.first_year > left.last_year + 1
        )


def year_runs(periods: Iterable[Period]) -> list[tuple[int, int]]:
    """Return the runs of consecutive years the periods touch, in order."""
    years = sorted({y for p in periods for y in range(p.start.year, _last_year(p) + 1)})
    runs: list[tuple[int, int]] = []
    for year in years:
        if runs and runs[-1][1] == year - 1:
            runs[-1] = (runs[-1][0], year)
        else:
            runs.append((year, year))
    return runs


def _last_year(period: Period) -> int:
    return (period.end - timedelta(days=1)).year


def build_axis(periods: Iterable[Period], x0: float, x1: float, gap: float) -> TimeAxis:
    """Lay the years the periods touch between x0 and x1, `gap` between runs.

    A year holding one event gets 60 % of the width of a busier one: enough for its tick
    and its label, while the busy years keep the room their events need.
    """
    periods = list(periods)
    runs = year_runs(periods)
    if not runs:
        raise ValueError("a time axis needs at least one date")
    starts = [p.start.year for p in periods]
    weight = {
        year: (1.0 if starts.count(year) > 1 else 0.6) for a, b in runs for year in range(a, b + 1)
    }
    unit = (x1 - x0 - gap * (len(runs) - 1)) / sum(weight.values())
    segments, left = [], x0
    for first, last in runs:
        width = unit * sum(weight[year] for year in range(first, last + 1))
        segments.append(_segment(first, last, left, width, weight, unit))
        left += width + gap
    return TimeAxis(tuple(s for run in segments for s in run))


def _segment(
    first: int, last: int, left: float, width: float, weight: dict[int, float], unit: float
) -> list[Segment]:
    """Split a run into one segment a year, so a light year keeps its own, narrower width."""
    segments, x = [], left
    for year in range(first, last + 1):
        segments.append(Segment(year, year, x, x + unit * weight[year]))
        x += unit * weight[year]
    return segments
