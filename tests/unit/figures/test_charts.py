"""Tests for briefwright.figures.charts: data figures drawn by Vega-Lite as accessible SVG."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

from briefwright.figures.charts import (
    NOT_STATED,
    chart_spec,
    describe_data,
    render_chart,
)
from briefwright.figures.style import FigureStyle
from tests.conftest import ROOT, TEMPLATES
from tests.unit.figures.conftest import SVG, load_figure, view_box

FONTS = TEMPLATES / "assets" / "fonts"


def test_a_bar_chart_is_an_accessible_image() -> None:
    """The bar chart is valid XML with role="img", the alt text as title, the data in words
    as desc, a viewBox 560 wide and no fixed size; no mark keeps a role of its own."""
    figure = load_figure("ships")
    root = ET.fromstring(render_chart(figure, FONTS))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "figure-ships-title figure-ships-desc"
    assert root[0].tag == SVG + "title" and root[0].text == figure.alt
    assert root[1].tag == SVG + "desc" and root[1].text == describe_data(figure)
    assert view_box(root)[2] == 560 and "width" not in root.attrib
    assert not [node for node in root.iter() if node is not root and node.get("role")]


def test_text_stays_text_in_the_brand_font() -> None:
    """Every label and value is a <text> in "BW Sans" (not glyph outlines): WeasyPrint sets
    it with the bundled font and a reader can select it."""
    root = ET.fromstring(render_chart(load_figure("ships"), FONTS))
    texts = {node.text: node.get("font-family", "") for node in root.iter(SVG + "text")}
    for expected in ("Northern Fleet", "Coastal Squadron", "Island Flotilla", "12", "Ships sent"):
        assert texts[expected].startswith("BW Sans"), expected


def test_rendering_twice_gives_the_same_bytes() -> None:
    """Drawing a chart twice gives byte-identical SVG."""
    figure = load_figure("ships")
    assert render_chart(figure, FONTS) == render_chart(figure, FONTS)


def test_bars_follow_the_sort_and_print_their_values() -> None:
    """The rows are in the figure's order, and each bar's number is printed beside it."""
    spec = chart_spec(load_figure("ships"), FigureStyle())
    assert spec["encoding"]["y"]["sort"] == [
        "Northern Fleet",
        "Coastal Squadron",
        "Island Flotilla",
    ]
    assert [v["shown"] for v in spec["data"]["values"]] == ["12", "7", "3"]
    assert spec["background"] is None and spec["width"] == 560


def test_a_grid_shows_what_is_not_stated() -> None:
    """A grid has a cell for every row and field; a value the sources do not give is shown
    as "not stated", in the muted colour, and said so in the description."""
    figure = load_figure("exercises")
    cells = chart_spec(figure, FigureStyle())["data"]["values"]
    assert len(cells) == 18
    assert sum(not cell["stated"] for cell in cells) == 6
    assert describe_data(figure).startswith(
        f"Dharma Guardian – Service: {NOT_STATED}; Taking part: {NOT_STATED}; "
        "What the sources report: commitment to continue."
    )
    root = ET.fromstring(render_chart(figure, FONTS))
    shown = [node.text for node in root.iter(SVG + "text")]
    assert shown.count(NOT_STATED) == 6 and "early conduct agreed" in shown


_RENDER_IN_CHILD = """
import hashlib, sys
sys.path.insert(0, {root!r})
from pathlib import Path
from tests.unit.figures.conftest import load_figure
from briefwright.figures.charts import render_chart
svg = render_chart(load_figure("ships"), Path({fonts!r}))
print(hashlib.sha256(svg.encode()).hexdigest())
"""


def test_the_bytes_do_not_depend_on_the_process() -> None:
    """A process with another PYTHONHASHSEED draws the same bytes as this one."""
    expected = hashlib.sha256(render_chart(load_figure("ships"), FONTS).encode()).hexdigest()
    code = _RENDER_IN_CHILD.format(root=str(ROOT), fonts=str(FONTS))
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == expected
