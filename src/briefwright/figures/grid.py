"""Turn a time axis and the boxes of a drawing's labels into its year lines: a line at each
year's edge, broken wherever it would cross a label or a mark."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from briefwright.figures.dates import TimeAxis
from briefwright.figures.markup import child
from briefwright.figures.style import FigureStyle

GRID_GAP = 2.0  # between a year line and the label or mark it stops short of

Box = tuple[float, float, float, float]
"""A rectangle a year line must not cross: left, right, top, bottom."""


def draw_grid(
    root: ET.Element,
    axis: TimeAxis,
    top: float,
    bottom: float,
    s: FigureStyle,
    obstacles: Sequence[Box] = (),
) -> None:
    """Draw a line at each year's edge from `top` to `bottom`, broken around every
    obstacle it would cross: a line through a label strikes its words out."""
    grid = child(root, "g", {"aria-hidden": "true", "stroke": s.grid, "stroke-width": 0.6})
    edges = sorted({x for seg in axis.segments for x in (seg.x0, seg.x1)})
    for x in edges:
        for y1, y2 in grid_segments(x, top, bottom, obstacles):
            child(grid, "line", {"x1": x, "y1": y1, "x2": x, "y2": y2})


def grid_segments(
    x: float, top: float, bottom: float, obstacles: Sequence[Box]
) -> list[tuple[float, float]]:
    """Return the stretches of the vertical line at `x` from `top` to `bottom` that cross
    no obstacle (each kept GRID_GAP clear)."""
    blocked = sorted(
        (y0 - GRID_GAP, y1 + GRID_GAP)
        for x0, x1, y0, y1 in obstacles
        if x0 - GRID_GAP <= x <= x1 + GRID_GAP
    )
    segments, y = [], top
    for start, end in blocked:
        if start > y:
            segments.append((y, start))
        y = max(y, end)
    if y < bottom:
        segments.append((y, bottom))
    return [(y1, y2) for y1, y2 in segments if y2 - y1 > 0.5]
