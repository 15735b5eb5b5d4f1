"""Tests for briefwright.figures.timeline and .lanes: the timeline figure of a brief's events."""

from __future__ import annotations

import hashlib
import itertools
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from briefwright.figures.lanes import OTHER_TRACK, label_width, make_entries, short_label
from briefwright.figures.style import FigureStyle
from briefwright.figures.timeline import draw_timeline
from tests.conftest import ROOT, TEMPLATES
from tests.unit.figures.conftest import (
    SVG,
    WORDS,
    TimelineFixture,
    events_drawn,
    label_box,
    mark_box,
    short_date,
    view_box,
)

TOKYO = "Tokyo talks, September 2022"
DELHI = "New Delhi summit, March 2023"


def _draw(
    timeline: TimelineFixture,
    *,
    style: FigureStyle | None = None,
    notes: dict[str, int] | None = None,
) -> ET.Element:
    events, tracks, labels = timeline.events, timeline.tracks, timeline.labels
    return ET.fromstring(
        draw_timeline(events, tracks, labels=labels, notes=notes, style=style, words=WORDS)
    )


def _notes(timeline: TimelineFixture) -> dict[str, int]:
    return {event.id: number for number, event in enumerate(timeline.events, 40)}


def test_the_svg_is_an_accessible_image(timeline: TimelineFixture) -> None:
    """The SVG is valid XML with role="img", a title and a desc named by aria-labelledby,
    a viewBox and no fixed size, so it scales to the width of its column."""
    root = _draw(timeline)
    assert root.tag == SVG + "svg"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "timeline-title timeline-desc"
    assert [kid.tag for kid in root[:2]] == [SVG + "title", SVG + "desc"]
    assert root[0].get("id") == "timeline-title" and root[1].get("id") == "timeline-desc"
    assert root[0].text == "Timeline of 14 events, 2017 to May 2023"
    assert view_box(root)[:3] == (0, 0, 560)
    assert "width" not in root.attrib and "height" not in root.attrib


def test_every_event_is_drawn_once_with_its_label(timeline: TimelineFixture) -> None:
    """Each of the 14 events is drawn once, labelled with its short label and its date."""
    drawn = {event.get("data-event", ""): event for event in events_drawn(_draw(timeline))}
    assert sorted(drawn) == sorted(event.id for event in timeline.events)
    hamada = next(drawn["t-singh-hamada"].iter(SVG + "text"))
    assert hamada.text == "Singh–Hamada talks"
    assert next(hamada.iter(SVG + "tspan")).text == "\u20028 Sep 2022"


def test_tracks_are_lanes_named_tracks_first(timeline: TimelineFixture) -> None:
    """Events are grouped by track: the named tracks in the order of their first event, then
    the other events; each lane holds exactly its events."""
    root = _draw(timeline)
    lanes = [g for g in root.iter(SVG + "g") if g.get("class") == "bw-lane"]
    names = [next(g.iter(SVG + "text")).text for g in lanes]
    assert names == [TOKYO, DELHI, OTHER_TRACK]
    delhi = {e.get("data-event") for e in lanes[1].iter() if e.get("class") == "bw-event"}
    assert delhi == {"t-modi-kishida", "t-75bn"}


def test_partial_dates_are_bands_and_days_are_dots(timeline: TimelineFixture) -> None:
    """A date known to the day is a dot; a month or a year is a band as wide as its period
    (a year twelve times a month of the same axis)."""
    drawn = {event.get("data-event", ""): event for event in events_drawn(_draw(timeline))}
    dates = {event.id: event.date for event in timeline.events}
    for event_id, group in drawn.items():
        kinds = [kid.tag.removeprefix(SVG) for kid in group if kid.tag != SVG + "text"]
        assert kinds == (["circle"] if len(dates[event_id]) == 10 else ["rect"]), event_id
    year = mark_box(drawn["t-quad-tokyo"])  # 2022
    month = mark_box(drawn["t-japan-budget"])  # 2022-12
    assert year.x1 - year.x0 == pytest.approx(12 * (month.x1 - month.x0), rel=0.02)


def test_inferred_dates_are_hollow_dashed_and_in_the_legend(timeline: TimelineFixture) -> None:
    """An event whose year is inferred is drawn hollow and dashed in the accent colour; the
    others are filled in the primary colour; the legend explains both."""
    style = FigureStyle()
    root = _draw(timeline)
    inferred = {event.id for event in timeline.events if event.inferred is not None}
    assert len(inferred) == 6
    for group in events_drawn(root):
        mark = group[0]
        if group.get("data-event") in inferred:
            assert mark.get("stroke-dasharray") and mark.get("stroke") == style.accent
            assert mark.get("fill") == style.paper
        else:
            assert mark.get("stroke-dasharray") is None and mark.get("stroke") == style.primary
    legend = next(g for g in root.iter(SVG + "g") if g.get("class") == "bw-legend")
    texts = [t.text for t in legend.iter(SVG + "text")]
    assert texts == [
        "date known to the day",
        "known to the month or year only: the band spans it",
        "year inferred: no source prints it",
    ]


def test_scheduled_events_are_hollow_due_and_in_the_legend(timeline: TimelineFixture) -> None:
    """An event marked `scheduled` is drawn hollow in the primary colour (not dashed), its
    date beside the mark reads "due May 2023", the desc says "scheduled" and the legend
    explains the hollow mark."""
    style = FigureStyle()
    events = tuple(
        event.model_copy(update={"scheduled": True}) if event.id == "t-g7" else event
        for event in timeline.events
    )
    svg = draw_timeline(events, timeline.tracks, labels=timeline.labels, words=WORDS)
    root = ET.fromstring(svg)
    (group,) = [g for g in events_drawn(root) if g.get("data-event") == "t-g7"]
    mark = group[0]
    assert mark.get("fill") == style.paper and mark.get("stroke") == style.primary
    assert mark.get("stroke-dasharray") is None
    assert [t.text for t in group.iter(SVG + "tspan")] == ["\u2002due May 2023"]
    assert "May 2023, known to the month, scheduled: Japan due to host the G7" in (
        root[1].text or ""
    )
    legend = next(g for g in root.iter(SVG + "g") if g.get("class") == "bw-legend")
    assert [t.text for t in legend.iter(SVG + "text")][-1] == (
        "scheduled: announced for after the as-of date"
    )
    plain = _draw(timeline)
    (unscheduled,) = [g for g in events_drawn(plain) if g.get("data-event") == "t-g7"]
    assert unscheduled[0].get("fill") == style.tint
    assert "due" not in "".join(t.text or "" for t in unscheduled.iter(SVG + "tspan"))


def test_desc_summarises_every_event(timeline: TimelineFixture) -> None:
    """The desc names each lane and each event with its date, its precision and whether its
    year is inferred, in date order."""
    desc = _draw(timeline)[1].text or ""
    assert desc.startswith(f"{TOKYO}: September 2022, known to the month, year inferred: Wreath")
    assert "8 September 2022, year inferred: Singh–Hamada talks" in desc
    assert f"{OTHER_TRACK}: 2017, known to the year: C-2 transport aircraft" in desc
    assert all(label in desc for label in timeline.labels.values())


def test_note_numbers_link_each_event(timeline: TimelineFixture) -> None:
    """With note numbers each event's mark and label are one link to its note, titled with
    the event's full text; the root then has no role of its own, since an image hides its
    links from screen readers."""
    notes = _notes(timeline)
    root = _draw(timeline, notes=notes)
    assert root.get("role") is None and root.get("aria-labelledby")
    links = [node for node in root.iter(SVG + "a")]
    assert len(links) == 14
    for link in links:
        assert link.get("href") == f"#note-{notes[link.get('data-event', '')]}"
        assert "(source note" in (link.findtext(SVG + "title") or "")
    assert not list(_draw(timeline).iter(SVG + "a"))


@pytest.mark.parametrize("width", [560.0, 380.0])
def test_no_label_overlaps_a_label_or_a_mark(timeline: TimelineFixture, width: float) -> None:
    """No label's box (font size × characters) overlaps another event's label or mark, at
    the A4 width and at a phone's, with four events on 8 September 2022 and two on
    20 March 2023; every mark lies inside the viewBox."""
    root = _draw(timeline, style=FigureStyle(width=width), notes=_notes(timeline))
    events = events_drawn(root)
    labels, marks = [label_box(e) for e in events], [mark_box(e) for e in events]
    for one, other in itertools.combinations(labels, 2):
        assert not one.overlaps(other), (one, other)
    for label, mark in itertools.product(labels, marks):
        assert label.owner == mark.owner or not label.overlaps(mark), (label, mark)
    _, _, view_width, view_height = view_box(root)
    for box in marks:
        assert box.x0 >= 0 and box.x1 <= view_width and box.y0 >= 0 and box.y1 <= view_height


@pytest.mark.parametrize("width", [560.0, 380.0])
def test_labels_fit_in_the_bundled_font(timeline: TimelineFixture, width: float) -> None:
    """Set in the bundled sans (Noto Sans, measured with fontTools), every label is no wider
    than the layout reserved for it and lies inside the viewBox."""
    font = TTFont(TEMPLATES / "assets" / "fonts" / "NotoSans-Regular.ttf")
    cmap, advances, em = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
    style = FigureStyle(width=width)

    def real(text: str, size: float) -> float:
        return float(sum(advances[cmap[ord(c)]][0] for c in text) * size / em)

    for entry in make_entries(
        timeline.events, timeline.tracks, timeline.labels, OTHER_TRACK, short_date, WORDS.due
    ):
        text = real(entry.label, style.font_size) + real("\u2002" + entry.date, style.small_size)
        assert label_width(entry.label, entry.date, style) >= text - 0.01, entry.label
    root = _draw(timeline, style=style)
    for event in events_drawn(root):
        label = next(event.iter(SVG + "text"))
        date = next(label.iter(SVG + "tspan")).text or ""
        size = float(label.get("font-size", "0"))
        width = real(label.text or "", size) + real(date, style.small_size)
        x = float(label.get("x", "0"))
        x0 = x - width if label.get("text-anchor") == "end" else x
        assert x0 >= 0 and x0 + width <= view_box(root)[2], event.get("data-event")


def test_labels_are_cut_from_the_text_without_a_label() -> None:
    """Without a label, an event is labelled by its text's first clause, or its first words
    with an ellipsis."""
    assert short_label("Singh reaches Tokyo at night.") == "Singh reaches Tokyo at night"
    assert short_label("Japan announces, as Financial Express reports it, more.") == (
        "Japan announces"
    )
    long = "The first ever air exercise of the two Quad members Veer Guardian is conducted."
    assert short_label(long) == "The first ever air exercise of the two Quad…"


def test_two_runs_give_the_same_bytes(timeline: TimelineFixture) -> None:
    """Drawing the same events twice gives byte-identical SVG."""
    first = draw_timeline(timeline.events, timeline.tracks, notes=_notes(timeline), words=WORDS)
    assert (
        draw_timeline(timeline.events, timeline.tracks, notes=_notes(timeline), words=WORDS)
        == first
    )


_DRAW_IN_CHILD = """
import hashlib, sys
sys.path.insert(0, {root!r})
from tests.unit.figures.conftest import WORDS, load_timeline
from briefwright.figures.timeline import draw_timeline
fixture = load_timeline()
svg = draw_timeline(fixture.events, fixture.tracks, labels=fixture.labels, words=WORDS)
print(hashlib.sha256(svg.encode()).hexdigest())
"""


def test_the_bytes_do_not_depend_on_the_hash_seed(timeline: TimelineFixture) -> None:
    """Processes with different PYTHONHASHSEED draw the same bytes as this one."""
    svg = draw_timeline(timeline.events, timeline.tracks, labels=timeline.labels, words=WORDS)
    expected = hashlib.sha256(svg.encode()).hexdigest()
    for seed in ("0", "1", "4242"):
        code = _DRAW_IN_CHILD.format(root=str(ROOT))
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", code],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(ROOT),
        )
        assert done.stdout.strip() == expected, seed


def test_a_label_cut_to_fit_stays_whole_in_the_desc(timeline: TimelineFixture) -> None:
    """On a phone-wide figure a label with no room on either side is cut at a word with an
    ellipsis; the desc still says it whole."""
    root = _draw(timeline, style=FigureStyle(width=380))
    drawn = {event.get("data-event", ""): event for event in events_drawn(root)}
    shown = next(drawn["t-rpss-milan"].iter(SVG + "text")).text or ""
    assert shown.endswith("…") and "Supply and services agreement used at MILAN".startswith(
        shown[:-1]
    )
    assert "year inferred: Supply and services agreement used at MILAN" in (root[1].text or "")
