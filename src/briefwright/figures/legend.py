"""Turn the marks a timeline uses into its legend: a swatch and the words for a date known
to the day (a dot), to the month or year only (a band), a band cut at the brief's date (a
band with a stop), a year inferred (a hollow, dashed dot) and an event scheduled (a hollow
dot), wrapped to the figure's width.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from briefwright.figures.dates import Precision
from briefwright.figures.lanes import BAND, DOT, MARGIN, Entry
from briefwright.figures.markup import child
from briefwright.figures.style import FigureStyle, text_width


def legend_items(entries: Sequence[Entry]) -> list[str]:
    """Return the keys of the marks the entries use: day, band, cut, inferred, scheduled,
    in that order."""
    used = {
        "day": any(e.period.precision is Precision.DAY for e in entries),
        "band": any(e.period.precision is not Precision.DAY for e in entries),
        "cut": any(e.cut_at for e in entries),
        "inferred": any(e.inferred for e in entries),
        "scheduled": any(e.scheduled and not e.inferred for e in entries),
    }
    return [key for key in KEYS if used[key]]


KEYS = ("day", "band", "cut", "inferred", "scheduled")
"""The legend's entries, in the order it lists them."""


Legend = Sequence[tuple[str, str]]
"""The legend's items: (key, words)."""


def _legend_widths(items: Legend, s: FigureStyle) -> list[float]:
    return [22 + text_width(text, s.small_size) + 14 for _, text in items]


def legend_lines(items: Legend, s: FigureStyle) -> int:
    """Return how many lines the legend takes at the figure's width."""
    return len(_legend_rows(items, s)) if items else 0


def _legend_rows(items: Legend, s: FigureStyle) -> list[list[tuple[str, str, float]]]:
    rows: list[list[tuple[str, str, float]]] = [[]]
    used = 0.0
    for (key, text), width in zip(items, _legend_widths(items, s), strict=True):
        if rows[-1] and used + width > s.width - 2 * MARGIN:
            rows.append([])
            used = 0.0
        rows[-1].append((key, text, MARGIN + used))
        used += width
    return rows


def draw_legend(root: ET.Element, items: Legend, top: float, s: FigureStyle) -> None:
    """Draw each item's mark and words, wrapped to the figure's width, hidden from
    assistive technology (the figure's desc says what the marks mean)."""
    group = child(root, "g", {"aria-hidden": "true", "class": "bw-legend"})
    for line, row in enumerate(_legend_rows(items, s)):
        middle = top + line * 16
        for key, text, x in row:
            _draw_swatch(group, key, x, middle, s)
            child(
                group,
                "text",
                {
                    "x": x + 22,
                    "y": middle + s.small_size * 0.36,
                    "font-size": s.small_size,
                    "fill": s.ink,
                },
                text,
            )


def _draw_swatch(group: ET.Element, key: str, x: float, middle: float, s: FigureStyle) -> None:
    if key == "day":
        child(
            group,
            "circle",
            {
                "cx": x + 9,
                "cy": middle,
                "r": DOT,
                "fill": s.primary,
                "stroke": s.primary,
                "stroke-width": 1.2,
            },
        )
    elif key in ("band", "cut"):
        child(
            group,
            "rect",
            {
                "x": x,
                "y": middle - BAND / 2 + 2,
                "width": 18,
                "height": BAND - 4,
                "rx": 2,
                "fill": s.tint,
                "stroke": s.primary,
                "stroke-width": 1.2,
            },
        )
        if key == "cut":
            draw_stop(group, x + 18, middle, s)
    else:
        hollow: dict[str, str | float] = {
            "cx": x + 9, "cy": middle, "r": DOT, "fill": s.paper, "stroke-width": 1.2,
        }  # fmt: skip
        if key == "inferred":
            hollow |= {"stroke": s.accent, "stroke-dasharray": "2.5 1.5"}
        else:
            hollow |= {"stroke": s.primary}
        child(group, "circle", hollow)


def draw_stop(parent: ET.Element, x: float, middle: float, s: FigureStyle) -> None:
    """Draw the stop at the end of a band cut at the brief's date: a bar taller than it."""
    line: dict[str, str | float] = {"stroke": s.ink, "stroke-width": 1.6}
    child(parent, "line", {"x1": x, "y1": middle - BAND / 2 - 2, "x2": x,
                           "y2": middle + BAND / 2 + 2, **line})  # fmt: skip
