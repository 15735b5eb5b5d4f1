"""Turn a data figure (`model.figure.Figure`) into an accessible SVG chart with Vega-Lite.

The chart is drawn by vl-convert (Vega-Lite and Vega compiled into a Python extension: no
browser, no network, no file read but the fonts registered for measuring text). Its SVG
keeps text as `<text>` in the brand's font family, with presentation attributes only, so
WeasyPrint and browsers draw it with the bundled fonts; `make_accessible` adds the role, the
title (the figure's alt text) and the description (every value, in words).

Same figure, same bytes: the specification is built in a fixed order, the Vega-Lite version
is pinned, and text is measured with the registered fonts (vl-convert also reads the
system's fonts, so a figure's layout assumes no system font shares a name with a bundled one).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from briefwright.figures.markup import make_accessible
from briefwright.figures.style import FigureStyle
from briefwright.model.figure import ROW_LABEL, ChartKind, FieldKind, Figure, Row

VEGA_LITE = "6.4"
#: The family of the bundled sans ("BW Sans") as its font files name it, for measuring text.
MEASURED_FAMILY = "Noto Sans"
NOT_STATED = "not stated"
ROW_STEP = 22
_registered: set[str] = set()


def register_fonts(fonts_dir: Path) -> None:
    """Let vl-convert measure text with the fonts in this folder (once a folder a process)."""
    import vl_convert

    folder = str(fonts_dir.resolve())
    if folder not in _registered:
        vl_convert.register_font_directory(folder)
        _registered.add(folder)


def render_chart(
    figure: Figure, fonts_dir: Path, style: FigureStyle | None = None, figure_id: str = ""
) -> str:
    """Return the figure as SVG text: role="img", its alt text as title, its data as desc.

    `fonts_dir` holds the bundled fonts (templates/assets/fonts): text is measured with them,
    so the layout does not depend on which fonts this machine has.
    """
    import vl_convert

    register_fonts(fonts_dir)
    style = style or FigureStyle()
    spec = json.dumps(chart_spec(figure, style), ensure_ascii=False)
    svg = vl_convert.vegalite_to_svg(spec, vl_version=VEGA_LITE, allowed_base_urls=[])
    chart_id = figure_id or f"figure-{figure.id}"
    return make_accessible(svg, chart_id, figure.alt, describe_data(figure))


def chart_spec(figure: Figure, style: FigureStyle) -> dict[str, Any]:
    """Return the Vega-Lite specification of the figure's chart, sized to `style.width`."""
    layers = _grid(figure, style) if figure.chart.kind is ChartKind.GRID else _plot(figure, style)
    return {
        "$schema": f"https://vega.github.io/schema/vega-lite/v{VEGA_LITE.split('.')[0]}.json",
        "width": style.width,
        "height": {"step": ROW_STEP},
        "autosize": {"type": "fit-x", "contains": "padding"},
        "background": None,
        "padding": 4,
        **layers,
        "config": _config(style),
    }


def _config(style: FigureStyle) -> dict[str, Any]:
    axis = {
        "labelColor": style.ink,
        "labelFontSize": style.font_size,
        "titleColor": style.ink,
        "titleFontSize": style.small_size,
        "titleFontWeight": 600,
        "domainColor": style.muted,
        "tickColor": style.muted,
        "gridColor": style.grid,
        "labelLimit": style.width / 3,
    }
    return {
        "font": f"{style.sans}, {MEASURED_FAMILY}",
        "axis": axis,
        "view": {"stroke": None},
        "text": {"font": f"{style.sans}, {MEASURED_FAMILY}"},
    }


def _rows_axis(figure: Figure) -> dict[str, Any]:
    order = [row.text(figure.chart.y) for row in figure.ordered_rows()]
    return {"field": "row", "type": "nominal", "sort": order, "title": None}


def _plot(figure: Figure, style: FigureStyle) -> dict[str, Any]:
    """A bar or dot chart: a row per row, its `x` number along the axis, the number printed."""
    chart = figure.chart
    assert chart.x is not None, "the model requires x for bar and dot charts"
    field = figure.field(chart.x)
    assert field is not None
    shown_unit = field.unit and field.unit.lower() not in field.label.lower()
    title = f"{field.label} ({field.unit})" if shown_unit else field.label
    values = [
        {"row": row.text(chart.y), "x": figure.number(row, chart.x), "shown": _shown(row, chart.x)}
        for row in figure.ordered_rows()
    ]
    if chart.kind is ChartKind.BAR:
        mark: dict[str, Any] = {"type": "bar", "color": style.primary, "height": {"band": 0.7}}
    else:
        mark = {"type": "point", "filled": True, "size": 70, "color": style.primary}
    text = {
        "type": "text",
        "align": "left",
        "baseline": "middle",
        "dx": 6,
        "fontSize": style.small_size,
        "color": style.ink,
    }
    return {
        "data": {"values": values},
        "encoding": {
            "y": _rows_axis(figure),
            "x": {
                "field": "x",
                "type": "quantitative",
                "title": title,
                "scale": {"zero": chart.kind is ChartKind.BAR, "nice": True},
            },
        },
        "layer": [{"mark": mark}, {"mark": text, "encoding": {"text": {"field": "shown"}}}],
    }


def _shown(row: Row, field_id: str) -> str:
    value = row.value(field_id)
    return value.value if value is not None else ""


def _grid(figure: Figure, style: FigureStyle) -> dict[str, Any]:
    """A table-like grid: a row per row, a column per field, each cell its value."""
    columns = [f for f in figure.fields if f.id != figure.chart.y]
    return {
        "data": {"values": _grid_cells(figure, columns)},
        "encoding": {
            "y": {**_rows_axis(figure), "axis": {"ticks": False, "domain": False}},
            "x": {
                "field": "column",
                "type": "nominal",
                "sort": [f.label for f in columns],
                "title": None,
                "axis": {
                    "orient": "top",
                    "labelAngle": 0,
                    "ticks": False,
                    "domain": False,
                    "labelFontWeight": 600,
                },
            },
        },
        "resolve": {"scale": {"color": "independent"}},
        "layer": _grid_layers(style, len(columns)),
    }


def _grid_cells(figure: Figure, columns: list[Any]) -> list[dict[str, Any]]:
    """Return a cell for each row and column: its text, or "not stated"."""
    values = []
    for row in figure.ordered_rows():
        for field in columns:
            text = row.text(field.id)
            values.append(
                {
                    "row": row.text(figure.chart.y),
                    "column": field.label,
                    "text": text if text is not None else NOT_STATED,
                    "stated": text is not None,
                }
            )
    return values


def _grid_layers(style: FigureStyle, columns: int) -> list[dict[str, Any]]:
    """Return the grid's two layers: the cells, tinted where stated, and their text."""
    stated = {
        "field": "stated",
        "type": "nominal",
        "legend": None,
        "scale": {"domain": [True, False]},
    }
    cell = {"type": "rect", "stroke": style.paper, "strokeWidth": 2}
    cell_text = {
        "type": "text",
        "baseline": "middle",
        "fontSize": style.small_size,
        "limit": style.width / (columns + 1) - 8,
    }
    return [
        {
            "mark": cell,
            "encoding": {
                "color": {
                    **stated,
                    "scale": {"domain": [True, False], "range": [style.tint, style.paper]},
                }
            },
        },
        {
            "mark": cell_text,
            "encoding": {
                "text": {"field": "text"},
                "color": {
                    **stated,
                    "scale": {"domain": [True, False], "range": [style.ink, style.muted]},
                },
            },
        },
    ]


def describe_data(figure: Figure) -> str:
    """Return the figure's data in words, row by row in the chart's order, for `<desc>`."""
    chart = figure.chart
    lines = []
    for row in figure.ordered_rows():
        parts = []
        for field in figure.fields:
            if field.id == chart.y:
                continue
            text = row.text(field.id)
            unit = f" {field.unit}" if field.unit and field.kind is FieldKind.NUMBER else ""
            parts.append(
                f"{field.label}: {text}{unit}"
                if text is not None
                else f"{field.label}: {NOT_STATED}"
            )
        name = row.text(chart.y) if chart.y != ROW_LABEL else row.label
        lines.append(f"{name} – {'; '.join(parts)}.")
    return " ".join(lines)
