"""Tests for briefwright.render.figures: the timeline says its words in the brief's language."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from briefwright.figures.style import FigureStyle
from briefwright.figures.timeline import draw_timeline
from briefwright.render.figures import timeline_words
from briefwright.render.labels import load_labels
from tests.conftest import TEMPLATES
from tests.unit.figures.conftest import SVG, TimelineFixture
from tests.unit.figures.conftest import timeline as timeline  # the fixture, shared

#: Wide enough for the axis to name its months.
WIDE = FigureStyle(width=1400)


def _drawn(timeline: TimelineFixture, language: str, notes: bool = False) -> ET.Element:
    words = timeline_words(load_labels((TEMPLATES,), language))
    links = (
        {event.id: number for number, event in enumerate(timeline.events, 1)} if notes else None
    )
    svg = draw_timeline(
        timeline.events, timeline.tracks, labels=timeline.labels, notes=links, style=WIDE,
        words=words,
    )  # fmt: skip
    return ET.fromstring(svg)


def _texts(root: ET.Element, selector: str) -> list[str]:
    return ["".join(node.itertext()) for node in root.iterfind(selector)]


def test_a_japanese_timeline_draws_and_says_no_english(timeline: TimelineFixture) -> None:
    """Title, summary, dates beside the marks, month names, legend and link tooltips are all
    Japanese; only the content's own words (labels, lane names) are as written."""
    root = _drawn(timeline, "ja", notes=True)
    title, desc = root.findtext(SVG + "title"), root.findtext(SVG + "desc")
    assert title == "2017年から2023年5月までの14件の出来事の年表"
    assert desc is not None and "年のみ判明" in desc and "年は推定" in desc
    assert "known" not in desc and "inferred" not in desc
    dates = _texts(root, f".//{SVG}tspan")
    assert dates and all(re.search(r"\d{4}年", date) for date in dates)
    legend = _texts(root, f".//{SVG}g[@class='bw-legend']/{SVG}text")
    assert legend == [
        "日付まで判明",
        "月または年のみ判明（帯がその期間を示す）",
        "年は推定（出典に記載なし）",
    ]
    months = _texts(root, f".//{SVG}g[@class='bw-axis']/{SVG}text")
    assert {"4月", "7月", "10月"} <= set(months)
    tooltips = _texts(root, f".//{SVG}a/{SVG}title")
    assert tooltips and all(re.fullmatch(r"\d{4}年.*：.*（出典注\d+）", t, re.S) for t in tooltips)


def test_an_english_timeline_writes_dates_as_its_locale_does(timeline: TimelineFixture) -> None:
    """British English abbreviates September as CLDR does ("Sept"); American English puts
    the month first. The other words are the English catalogue's."""
    british, american = _drawn(timeline, "en-GB"), _drawn(timeline, "en-US")
    assert any("Sept 2022" in date for date in _texts(british, f".//{SVG}tspan"))
    assert any(re.fullmatch(r"\u2002[A-Z][a-z]{2} \d{1,2}, \d{4}", d) for d in
               _texts(american, f".//{SVG}tspan"))  # fmt: skip
    assert british.findtext(SVG + "title") == "Timeline of 14 events, 2017 to May 2023"
