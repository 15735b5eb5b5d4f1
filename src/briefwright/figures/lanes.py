"""Turn dated events into the lanes of a timeline: an entry per event, its mark and label
placed in rows, first fit in reading order, so no label overlaps another label or mark.

An entry's box is its mark (a dot for a day, a band for a month or a year) and its label
(after the mark, before it near the right edge, or inside a band that holds it), measured
with `text_width`; two boxes in one row keep CLEARANCE apart.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta

from briefwright.figures.dates import Period, Precision, TimeAxis
from briefwright.figures.style import FigureStyle, text_width
from briefwright.model.annex import TimelineEvent

OTHER_TRACK = "Other events"
MARGIN = 6.0  # left and right of the plot
DOT = 4.5  # radius of a dot
BAND = 12.0  # height of a band
LABEL_GAP = 4.0  # between a mark and its label
CLEARANCE = 8.0  # between two boxes in one row
LABEL_LIMIT = 44  # characters of a label made from an event's text


@dataclass(frozen=True)
class Entry:
    """An event as the figure shows it."""

    id: str
    period: Period
    inferred: bool
    label: str
    text: str
    track: str
    order: int
    """Its place in reading order (`in_reading_order`)."""
    date: str
    """The date as the label prints it: `8 Sep 2022`, `due May 2023` when scheduled, `before
    20 Mar 2023` when its band was cut at the brief's as-of date."""
    scheduled: bool = False
    """Announced for after the brief's `as_of`: drawn hollow, its date "due"."""
    cut_at: datetime.date | None = None
    """The brief's `as_of`, where the band of a past event whose month or year runs past it
    ends; None for any other event."""


@dataclass(frozen=True)
class Placed:
    """An entry placed in a row of its lane: its mark and its label, in user units."""

    entry: Entry
    row: int
    mark: tuple[float, float]
    label: str  # the entry's label, cut with an ellipsis where it fits nowhere whole
    label_x: float
    anchor: str  # "start" or "end"
    box: tuple[float, float]


@dataclass(frozen=True)
class Lane:
    """A track and its placed entries."""

    name: str
    placed: tuple[Placed, ...]

    @property
    def rows(self) -> int:
        """Return how many rows the lane needs."""
        return 1 + max(p.row for p in self.placed)


def make_entries(
    events: Sequence[TimelineEvent],
    tracks: Mapping[str, str],
    labels: Mapping[str, str],
    other_track: str,
    short_date: Callable[[Period], str],
    due: str,
    *,
    before: str = "before {date}",
    as_of: datetime.date | None = None,
) -> list[Entry]:
    """Return the entries of the events in reading order (`in_reading_order`), each date
    written by `short_date`, a scheduled event's as `due` says ("due May 2023"); with
    `as_of`, a past event's month or year ends there, its date as `before` says ("before
    20 Mar 2023"): the sources report it as past, so it lies before the brief's date."""
    entries = []
    for order, event in enumerate(events):
        period = Period.parse(event.date)
        written = short_date(period)
        cut_at = None if event.scheduled else _cut_at(period, as_of)
        if cut_at is not None:
            period = replace(period, end=cut_at + timedelta(days=1))
            written = before.format(date=short_date(Period.parse(cut_at.isoformat())))
        if event.scheduled:
            written = due.format(date=written)
        entries.append(Entry(
            id=event.id, period=period, inferred=event.inferred is not None,
            label=labels.get(event.id) or short_label(event.text),
            text=" ".join(event.text.split()), track=tracks.get(event.id) or other_track,
            order=order, date=written, scheduled=event.scheduled, cut_at=cut_at,
        ))  # fmt: skip
    return [replace(entry, order=n) for n, entry in enumerate(in_reading_order(entries))]


def _cut_at(period: Period, as_of: datetime.date | None) -> datetime.date | None:
    """Return `as_of` when the period runs on past that day (a month or a year that holds
    it), else None: a day, or a period wholly before or after it, is not cut."""
    if as_of is None or not period.start <= as_of < period.end - timedelta(days=1):
        return None
    return as_of


def in_reading_order(entries: Sequence[Entry]) -> list[Entry]:
    """Return entries oldest first, keeping their written order wherever their dates cannot
    tell them apart: an entry goes above the first one written before it that it lies wholly
    before. Sorting by start date would put "September 2022" above "7 September 2022" though
    the author wrote it after (the wreath Singh laid after reaching Tokyo)."""
    ordered: list[Entry] = []
    for entry in entries:
        above = (i for i, other in enumerate(ordered) if entry.period.end <= other.period.start)
        ordered.insert(next(above, len(ordered)), entry)
    return ordered


def short_label(text: str) -> str:
    """Return a label cut from an event's text: its first clause, at most LABEL_LIMIT
    characters, cut at a word with an ellipsis when longer."""
    text = " ".join(text.split()).rstrip(".")
    for mark in (";", ":", ","):
        head = text.split(mark, 1)[0]
        if 12 <= len(head) <= LABEL_LIMIT:
            return head
    if len(text) <= LABEL_LIMIT:
        return text
    words = text.split(" ")
    kept = [words[0]]
    for word in words[1:]:
        if len(" ".join([*kept, word])) > LABEL_LIMIT - 1:
            break
        kept.append(word)
    return " ".join(kept).rstrip(",;:") + "…"


def group_lanes(
    entries: Sequence[Entry], other_track: str = OTHER_TRACK
) -> list[tuple[str, list[Entry]]]:
    """Return the named tracks in the order of their first entry, then the other events."""
    lanes: dict[str, list[Entry]] = {}
    for entry in entries:
        lanes.setdefault(entry.track, []).append(entry)
    others = lanes.pop(other_track, [])
    return [*lanes.items(), *([(other_track, others)] if others else [])]


def pack(entries: Sequence[Entry], axis: TimeAxis, style: FigureStyle) -> tuple[Placed, ...]:
    """Place each entry in the first row where its mark and label clear every box there."""
    rows: list[list[tuple[float, float]]] = []
    placed = []
    for entry in entries:
        candidate = _place(entry, axis, style)
        row = next((i for i, boxes in enumerate(rows) if _fits(candidate.box, boxes)), len(rows))
        if row == len(rows):
            rows.append([])
        rows[row].append(candidate.box)
        placed.append(replace(candidate, row=row))
    return tuple(placed)


def _fits(box: tuple[float, float], boxes: list[tuple[float, float]]) -> bool:
    return all(box[0] >= b[1] + CLEARANCE or box[1] + CLEARANCE <= b[0] for b in boxes)


def label_width(label: str, date: str, style: FigureStyle) -> float:
    """Return the width of a label as drawn: its text, then its date in the small size."""
    return text_width(label, style.font_size) + text_width("\u2002" + date, style.small_size)


def _mark(entry: Entry, axis: TimeAxis) -> tuple[float, float]:
    start, end = axis.span(entry.period)
    if entry.period.precision is Precision.DAY:
        middle = (start + end) / 2
        return middle - DOT, middle + DOT
    if end - start < 2 * DOT:  # a month on a compressed axis: still visible
        middle = (start + end) / 2
        return middle - DOT, middle + DOT
    return start, end


def _place(entry: Entry, axis: TimeAxis, style: FigureStyle) -> Placed:
    """Put the label inside a band wide enough to hold it, else beside the mark: after it
    where it fits, before it where that fits, else cut to the roomier side."""
    mark = _mark(entry, axis)
    label = entry.label
    width = label_width(label, entry.date, style)
    left, right = MARGIN, style.width - MARGIN
    if mark[1] - mark[0] >= width + 2 * LABEL_GAP:
        return Placed(entry, 0, mark, label, mark[0] + LABEL_GAP, "start", mark)
    after, before = mark[1] + LABEL_GAP, mark[0] - LABEL_GAP
    if after + width > right and before - width < left:
        label = _cut(entry, max(right - after, before - left), style)
        width = label_width(label, entry.date, style)
    if after + width <= right:
        return Placed(entry, 0, mark, label, after, "start", (mark[0], after + width))
    return Placed(entry, 0, mark, label, before, "end", (before - width, mark[1]))


def _cut(entry: Entry, room: float, style: FigureStyle) -> str:
    """Return the entry's label cut at a word, with an ellipsis, to fit `room`."""
    words = entry.label.split(" ")
    while len(words) > 1:
        words.pop()
        cut = " ".join(words).rstrip(",;:") + "…"
        if label_width(cut, entry.date, style) <= room:
            return cut
    return words[0][:8] + "…"
