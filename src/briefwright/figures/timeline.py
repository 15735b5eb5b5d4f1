"""Turn a brief's dated events into a timeline figure: an accessible, deterministic SVG.

Events sit on a horizontal time axis (years, months), one lane a track (e.g. the two summits
of a brief) and a lane for the rest. A date known to the day is a dot; a date known only to
the month or the year is a band across it, cut at the brief's `as_of` for an event already
past; a date whose year is inferred is drawn hollow and dashed in the accent colour; an event
scheduled for after the brief's `as_of` is drawn hollow, its date labelled "due". `lanes`
packs each lane's events into rows, in reading order, so that no label overlaps another
label or mark; this module draws them, the axis and the year lines (broken around every
label), `legend` the legend.

With note links the root has no `role` (an `<svg>`'s own role, graphics-document, keeps its
links): ARIA makes an image's children presentational, so links inside `role="img"` would
be focusable but never announced (axe: nested-interactive), and the Nu HTML Checker allows
no other role on `<svg>` but `img` and `application`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from briefwright.figures.dates import Period, Precision, TimeAxis, build_axis
from briefwright.figures.grid import Box, draw_grid
from briefwright.figures.lanes import (
    BAND,
    DOT,
    MARGIN,
    OTHER_TRACK,
    Entry,
    Lane,
    Placed,
    group_lanes,
    make_entries,
    pack,
)
from briefwright.figures.legend import draw_legend, draw_stop, legend_items, legend_lines
from briefwright.figures.markup import child, element, number, serialize
from briefwright.figures.style import FigureStyle, text_width
from briefwright.model.annex import TimelineEvent


@dataclass(frozen=True)
class TimelineWords:
    """Every word a timeline draws or says, in the brief's language: its dates (in full in
    the title and summary, short beside the marks), its title, the notes of a summary, the
    names of the ticked months, the legend and a link's tooltip (render/figures.py gives
    them from the brief's labels)."""

    date: Callable[[Period], str]
    short_date: Callable[[Period], str]
    title: Callable[[int, str, str], str]
    precision: Mapping[Precision, str]
    year_inferred: str
    scheduled: str
    """Said of a scheduled event in the summary, e.g. "scheduled"."""
    due: str
    """A scheduled event's date beside its mark, e.g. "due {date}"."""
    before: str
    """A past event's date beside its band cut at `as_of`, e.g. "before {date}"."""
    list_separator: str
    event: str
    """One event in a summary, e.g. "{when}: {what}"."""
    lane: str
    """A lane's summary, e.g. "{lane}: {events}."."""
    separator: str
    """Between two events of a lane's summary."""
    tooltip: str
    """A mark's tooltip, e.g. "{when}: {what} (source note {number})"."""
    months: tuple[str, str, str]
    """April, July and October, as the axis names them."""
    legend: Mapping[str, str]
    """The legend's entries by key: `day`, `band`, `cut`, `inferred`, `scheduled`."""


BREAK_GAP = 18.0  # between two runs of years
HEADING = 18.0  # height of a lane's heading
LANE_PAD = 7.0  # below a lane's last row


def draw_timeline(
    events: Sequence[TimelineEvent],
    tracks: Mapping[str, str] | None = None,
    *,
    labels: Mapping[str, str] | None = None,
    notes: Mapping[str, int] | None = None,
    style: FigureStyle | None = None,
    figure_id: str = "timeline",
    other_track: str = OTHER_TRACK,
    words: TimelineWords,
    as_of: date | None = None,
) -> str:
    """Return the timeline of `events` as SVG text.

    `tracks` maps an event id to its lane's name (others go to `other_track`), `labels` an
    event id to a short label (else one is cut from its text), `notes` an event id to the
    number of the source note its mark links to (`#note-N`); `words` are the drawing's
    words in the brief's language; `as_of`, the brief's date, ends the band of an event
    already past ("earlier this year" is no later than the brief).
    """
    style = style or FigureStyle()
    entries = make_entries(
        events, tracks or {}, labels or {}, other_track, words.short_date, words.due,
        before=words.before, as_of=as_of,
    )  # fmt: skip
    axis = build_axis([e.period for e in entries], MARGIN, style.width - MARGIN, BREAK_GAP)
    lanes = [Lane(n, pack(items, axis, style)) for n, items in group_lanes(entries, other_track)]
    return serialize(_svg(lanes, axis, entries, notes or {}, style, figure_id, words))


def _svg(
    lanes: list[Lane],
    axis: TimeAxis,
    entries: list[Entry],
    notes: Mapping[str, int],
    style: FigureStyle,
    figure_id: str,
    words: TimelineWords,
) -> ET.Element:
    lanes_height = sum(HEADING + lane.rows * style.row + LANE_PAD for lane in lanes)
    legend = [(key, words.legend[key]) for key in legend_items(entries)]
    axis_y = 4 + lanes_height
    height = axis_y + 34 + 16 * legend_lines(legend, style)
    role: dict[str, str] = {} if notes else {"role": "img"}
    root = element(
        "svg",
        {
            "viewBox": f"0 0 {number(style.width)} {number(height)}",
            **role,
            "aria-labelledby": f"{figure_id}-title {figure_id}-desc",
            "class": "bw-figure bw-timeline",
            "font-family": style.font_family,
        },
    )
    child(root, "title", {"id": f"{figure_id}-title"}, timeline_title(entries, words))
    child(root, "desc", {"id": f"{figure_id}-desc"}, describe_timeline(lanes, words))
    tops = _lane_tops(lanes, 4.0, style)
    draw_grid(root, axis, 4, axis_y, style, _obstacles(lanes, tops, style))
    for lane, top in zip(lanes, tops, strict=True):
        _draw_lane(root, lane, top, notes, style, words)
    _draw_axis(root, axis, axis_y, style, words.months)
    draw_legend(root, legend, axis_y + 40, style)
    return root


def timeline_title(entries: Sequence[Entry], words: TimelineWords) -> str:
    """Return the figure's title: how many events, from when to when."""
    first, last = words.date(entries[0].period), words.date(entries[-1].period)
    return words.title(len(entries), first, last)


def describe_timeline(lanes: Sequence[Lane], words: TimelineWords) -> str:
    """Return a text summary of the figure: each lane's events in date order, as a reader
    of the figure would say them."""
    parts = []
    for lane in lanes:
        events = [_spoken(p.entry, words) for p in sorted(lane.placed, key=_reading_order)]
        parts.append(words.lane.format(lane=lane.name, events=words.separator.join(events)))
    return " ".join(parts)


def _reading_order(placed: Placed) -> int:
    return placed.entry.order


def _spoken(entry: Entry, words: TimelineWords) -> str:
    known = words.precision.get(entry.period.precision)
    notes = [words.date(entry.period), *([known] if known else [])]
    if entry.cut_at:
        cut = Period.parse(entry.cut_at.isoformat())
        notes.append(words.before.format(date=words.date(cut)))
    notes += [words.year_inferred] if entry.inferred else []
    notes += [words.scheduled] if entry.scheduled else []
    return words.event.format(when=words.list_separator.join(notes), what=entry.label)


def _lane_tops(lanes: Sequence[Lane], top: float, s: FigureStyle) -> list[float]:
    """Return where each lane begins, one under the other from `top`."""
    tops = []
    for lane in lanes:
        tops.append(top)
        top += HEADING + lane.rows * s.row + LANE_PAD
    return tops


def _obstacles(lanes: Sequence[Lane], tops: Sequence[float], s: FigureStyle) -> list[Box]:
    """Return the rectangles the year lines stop short of: each lane's name, and each
    event's mark and label in its row."""
    boxes: list[Box] = []
    for lane, top in zip(lanes, tops, strict=True):
        name = text_width(lane.name, s.font_size)
        boxes.append((MARGIN, MARGIN + name, top + 2, top + HEADING - 2))
        for placed in lane.placed:
            middle = top + HEADING + placed.row * s.row + s.row / 2
            half = max(BAND, s.font_size) / 2
            boxes.append((*placed.box, middle - half, middle + half))
    return boxes


def _draw_lane(
    root: ET.Element,
    lane: Lane,
    top: float,
    notes: Mapping[str, int],
    s: FigureStyle,
    words: TimelineWords,
) -> None:
    group = child(root, "g", {"class": "bw-lane"})
    child(
        group,
        "text",
        {
            "class": "bw-lane-name",
            "x": MARGIN,
            "y": top + 12,
            "font-size": s.font_size,
            "font-weight": 600,
            "fill": s.primary,
        },
        lane.name,
    )
    bottom = top + HEADING + lane.rows * s.row + LANE_PAD
    child(
        group,
        "line",
        {
            "x1": MARGIN,
            "y1": bottom - 2,
            "x2": s.width - MARGIN,
            "y2": bottom - 2,
            "stroke": s.rule,
            "stroke-width": 0.6,
        },
    )
    for placed in sorted(lane.placed, key=_reading_order):
        middle = top + HEADING + placed.row * s.row + s.row / 2
        _draw_entry(group, placed, middle, notes.get(placed.entry.id), s, words)


def _draw_entry(
    parent: ET.Element,
    placed: Placed,
    middle: float,
    note: int | None,
    s: FigureStyle,
    words: TimelineWords,
) -> None:
    entry = placed.entry
    marks = {"class": "bw-event", "data-event": entry.id}
    if note is None:
        parent = child(parent, "g", marks)
    else:
        parent = child(parent, "a", {"href": f"#note-{note}", **marks})
        when = words.date(entry.period)
        tooltip = words.tooltip.format(when=when, what=entry.text, number=note)
        child(parent, "title", None, tooltip)
        # The whole row's height, under the mark and the label: a target for a finger.
        left, right = placed.box
        area: dict[str, str | float | int] = {
            "x": left, "y": middle - s.row / 2, "width": right - left, "height": s.row,
            "fill": s.paper, "fill-opacity": 0,
        }  # fmt: skip
        child(parent, "rect", {"class": "bw-target", **area})
    _draw_mark(parent, placed, middle, s)
    label = child(
        parent,
        "text",
        {
            "class": "bw-label",
            "x": placed.label_x,
            "y": middle + s.font_size * 0.36,
            "font-size": s.font_size,
            "fill": s.ink,
            "text-anchor": placed.anchor,
        },
        placed.label,
    )
    date: dict[str, str | float] = {"class": "bw-date", "font-size": s.small_size, "fill": s.muted}
    child(label, "tspan", date, "\u2002" + entry.date)


def _draw_mark(parent: ET.Element, placed: Placed, middle: float, s: FigureStyle) -> None:
    entry, (x0, x1) = placed.entry, placed.mark
    colour = s.accent if entry.inferred else s.primary
    look: dict[str, str | float] = {"stroke": colour, "stroke-width": 1.2}
    if entry.inferred:
        look |= {"fill": s.paper, "stroke-dasharray": "2.5 1.5"}
    elif entry.scheduled:
        look |= {"fill": s.paper}
    if entry.period.precision is Precision.DAY:
        look.setdefault("fill", colour)
        child(parent, "circle", {"cx": (x0 + x1) / 2, "cy": middle, "r": DOT, **look})
        return
    look.setdefault("fill", s.tint)
    child(
        parent,
        "rect",
        {"x": x0, "y": middle - BAND / 2, "width": x1 - x0, "height": BAND, "rx": 2, **look},
    )
    if entry.cut_at:
        draw_stop(parent, x1, middle, s)


def _draw_axis(
    root: ET.Element, axis: TimeAxis, y: float, s: FigureStyle, months: tuple[str, str, str]
) -> None:
    group = child(root, "g", {"aria-hidden": "true", "class": "bw-axis"})
    line: dict[str, str | float] = {"stroke": s.muted, "stroke-width": 0.8}
    for segment in axis.segments:
        child(group, "line", {"x1": segment.x0, "y1": y, "x2": segment.x1, "y2": y, **line})
        child(group, "line", {"x1": segment.x0, "y1": y, "x2": segment.x0, "y2": y + 6, **line})
        child(group, "line", {"x1": segment.x1, "y1": y, "x2": segment.x1, "y2": y + 6, **line})
        _draw_months(group, segment.x0, segment.x1, y, s, months)
        child(
            group,
            "text",
            {
                "x": (segment.x0 + segment.x1) / 2,
                "y": y + 27,
                "font-size": s.small_size,
                "font-weight": 600,
                "fill": s.ink,
                "text-anchor": "middle",
            },
            str(segment.first_year),
        )
    for x in axis.breaks():
        for offset in (-2.5, 2.5):
            child(
                group,
                "line",
                {"x1": x + offset - 2, "y1": y + 4, "x2": x + offset + 2, "y2": y - 4, **line},
            )


def _draw_months(
    group: ET.Element, x0: float, x1: float, y: float, s: FigureStyle, names: tuple[str, ...]
) -> None:
    """Tick every month where a month is at least 6 units wide; name April, July and
    October where a quarter has room for the name."""
    month = (x1 - x0) / 12
    if month < 6:
        return
    size = s.small_size
    named = 3 * month >= max(text_width(name, size) for name in names) + 6
    for index in range(1, 12):
        x = x0 + index * month
        child(
            group,
            "line",
            {"x1": x, "y1": y, "x2": x, "y2": y + 3, "stroke": s.muted, "stroke-width": 0.5},
        )
        if named and index % 3 == 0:
            child(
                group,
                "text",
                {"x": x, "y": y + 13, "font-size": size, "fill": s.muted, "text-anchor": "middle"},
                names[index // 3 - 1],
            )
