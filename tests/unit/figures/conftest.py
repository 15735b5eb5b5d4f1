"""Fixtures of the figure tests: the timeline fixture's events, lanes and labels, and the data
figures of tests/fixtures/figures/, loaded as the content loader loads them."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import pytest
import yaml

from briefwright.figures.dates import Period, Precision
from briefwright.figures.timeline import TimelineWords
from briefwright.load.validation import validate
from briefwright.load.yamlfile import parse_yaml
from briefwright.model.annex import TimelineEvent, TimelineFile
from briefwright.model.figure import Figure
from tests.conftest import FIXTURES

FIGURES = FIXTURES / "figures"
SVG = "{http://www.w3.org/2000/svg}"

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip


def spoken_date(period: Period) -> str:
    """Return a period as the English words of the tests say it: `8 September 2022`,
    `March 2022`, `2017` (a build's words come from Babel: render/figures.py)."""
    if period.precision is Precision.YEAR:
        return str(period.start.year)
    month_year = f"{MONTHS[period.start.month - 1]} {period.start.year}"
    return (
        month_year if period.precision is Precision.MONTH else f"{period.start.day} {month_year}"
    )


def short_date(period: Period) -> str:
    """Return a period with the month cut to three letters: `8 Sep 2022`, `Mar 2022`."""
    label = spoken_date(period)
    for month in MONTHS:
        label = label.replace(month, month[:3])
    return label


def _title(count: int, first: str, last: str) -> str:
    events = f"{count} event{'s' if count != 1 else ''}"
    return f"Timeline of {events}, {first} to {last}" if first != last else f"Timeline: {events}"


#: A timeline's words in plain English, without the label catalogues.
WORDS = TimelineWords(
    date=spoken_date,
    short_date=short_date,
    title=_title,
    precision={Precision.MONTH: "known to the month", Precision.YEAR: "known to the year"},
    year_inferred="year inferred",
    scheduled="scheduled",
    due="due {date}",
    before="before {date}",
    list_separator=", ",
    event="{when}: {what}",
    lane="{lane}: {events}.",
    separator="; ",
    tooltip="{when}: {what} (source note {number})",
    months=("Apr", "Jul", "Oct"),
    legend={
        "day": "date known to the day",
        "band": "known to the month or year only: the band spans it",
        "cut": "cut at the as-of date: the event came before it",
        "inferred": "year inferred: no source prints it",
        "scheduled": "scheduled: announced for after the as-of date",
    },
)


def load_figure(name: str) -> Figure:
    """Load tests/fixtures/figures/<name>.yaml as a Figure, as the loader would."""
    path = FIGURES / f"{name}.yaml"
    return validate(parse_yaml(path.read_text(encoding="utf-8"), str(path)), Figure, str(path))


@dataclass(frozen=True)
class TimelineFixture:
    """The fixture's events, with each event's lane and short label."""

    events: tuple[TimelineEvent, ...]
    tracks: dict[str, str]
    labels: dict[str, str]


@pytest.fixture(scope="session")
def timeline() -> TimelineFixture:
    """The 14 events of tests/fixtures/figures/timeline.yaml, lanes and labels."""
    return load_timeline()


def load_timeline() -> TimelineFixture:
    """Load the 14 events of tests/fixtures/figures/timeline.yaml, lanes and labels."""
    path = FIGURES / "timeline.yaml"
    loaded = validate(parse_yaml(path.read_text(encoding="utf-8"), str(path)), TimelineFile, "t")
    extra = yaml.safe_load((FIGURES / "tracks.yaml").read_text(encoding="utf-8"))
    return TimelineFixture(loaded.events, extra["tracks"], extra["labels"])


@dataclass(frozen=True)
class Box:
    """A label's or mark's rectangle in user units, and the event it belongs to."""

    x0: float
    y0: float
    x1: float
    y1: float
    owner: str

    def overlaps(self, other: Box) -> bool:
        """Return True when the two rectangles share any area."""
        return (
            self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1
        )


def approximate_width(text: str, size: float) -> float:
    """Estimate a text's width from its length: 0.55 em a character (Noto Sans averages ~0.5)."""
    return len(text) * size * 0.55


def events_drawn(root: ET.Element) -> list[ET.Element]:
    """Return the group (`g` or `a`) of each event drawn, in document order."""
    return [node for node in root.iter() if node.get("class") == "bw-event"]


def label_box(event: ET.Element) -> Box:
    """Return an event's label box (text and date), estimated from font size × characters."""
    text = next(node for node in event.iter(SVG + "text") if node.get("class") == "bw-label")
    size = float(text.get("font-size", "10"))
    width = approximate_width(text.text or "", size)
    for span in text.iter(SVG + "tspan"):
        width += approximate_width(span.text or "", float(span.get("font-size", size)))
    x, y = float(text.get("x", "0")), float(text.get("y", "0"))
    x0 = x - width if text.get("text-anchor") == "end" else x
    return Box(x0, y - 0.75 * size, x0 + width, y + 0.25 * size, event.get("data-event", ""))


def mark_box(event: ET.Element) -> Box:
    """Return an event's mark box: its dot or its band."""
    owner = event.get("data-event", "")
    for mark in event:
        tag = mark.tag.removeprefix(SVG)
        if tag == "circle":
            cx, cy, r = (float(mark.get(k, "0")) for k in ("cx", "cy", "r"))
            return Box(cx - r, cy - r, cx + r, cy + r, owner)
        if tag == "rect":
            x, y, w, h = (float(mark.get(k, "0")) for k in ("x", "y", "width", "height"))
            return Box(x, y, x + w, y + h, owner)
    raise AssertionError(f"event {owner} has no mark")


def view_box(root: ET.Element) -> tuple[float, float, float, float]:
    """Return the root's viewBox as four numbers."""
    x, y, w, h = (float(n) for n in re.split(r"[ ,]+", root.get("viewBox", "").strip()))
    return x, y, w, h
