"""Tests for briefwright.figures.timeline and .lanes: the timeline figure of a brief's events."""

from __future__ import annotations

import hashlib
import itertools
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from briefwright.figures.grid import grid_segments
from briefwright.figures.lanes import OTHER_TRACK, label_width, make_entries, short_label
from briefwright.figures.style import FigureStyle, text_width
from briefwright.figures.timeline import draw_timeline
from briefwright.model.annex import TimelineEvent
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
    year is inferred, in reading order: the wreath, known only to the month, after Singh's
    arrival on 7 September, as the timeline lists them."""
    desc = _draw(timeline)[1].text or ""
    assert desc.startswith(
        f"{TOKYO}: 7 September 2022, year inferred: Singh reaches Tokyo; September 2022, known "
        "to the month, year inferred: Wreath and guard of honour; 8 September 2022"
    )
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


def _entry_ids(events: list[tuple[str, str]]) -> list[str]:
    """Return the ids of (id, date) events in the order the figure reads them."""
    made = [
        TimelineEvent.model_validate({"id": i, "date": d, "text": i, "cites": [CITE]})
        for i, d in events
    ]
    return [
        entry.id for entry in make_entries(made, {}, {}, OTHER_TRACK, short_date, "due {date}")
    ]


CITE = {"source": "s", "quote": "q"}


def test_events_the_dates_cannot_order_keep_their_written_order() -> None:
    """An event known only to the month stays where the timeline lists it, after a day of that
    month listed above it (the wreath after Singh reaches Tokyo), not above it by its start;
    an event listed after one it lies wholly before still goes above it."""
    assert _entry_ids([("arrives", "2022-09-07"), ("wreath", "2022-09"),
                       ("talks", "2022-09-08")]) == ["arrives", "wreath", "talks"]  # fmt: skip
    assert _entry_ids([("g7", "2023-05"), ("budget", "2022-12"), ("c2", "2017")]) == [
        "c2", "budget", "g7"
    ]  # fmt: skip
    assert _entry_ids([("year", "2022"), ("later", "2023-01"), ("month", "2022-03")]) == [
        "year", "month", "later"
    ]  # fmt: skip


def test_a_past_events_band_ends_at_the_briefs_date(timeline: TimelineFixture) -> None:
    """With the brief's as-of date, an event of "2023" reported as past on 20 March 2023 is a
    band that ends on that date, with a stop, "before 20 Mar 2023" beside it, the cut in the
    desc and the legend; a scheduled event after it is not cut."""
    as_of = date(2023, 3, 20)
    events, tracks, labels = timeline.events, timeline.tracks, timeline.labels
    svg = draw_timeline(events, tracks, labels=labels, words=WORDS, as_of=as_of)
    root = ET.fromstring(svg)
    drawn = {event.get("data-event", ""): event for event in events_drawn(root)}
    veer, g7, talks = drawn["t-veer-guardian"], drawn["t-g7"], drawn["t-modi-kishida"]
    band, talks_dot = mark_box(veer), mark_box(talks)
    whole = mark_box({e.get("data-event", ""): e for e in events_drawn(_draw(timeline))}[
        "t-veer-guardian"])  # fmt: skip
    assert band.x1 < whole.x1 and band.x1 == pytest.approx(
        (talks_dot.x0 + talks_dot.x1) / 2, abs=1
    )
    assert [kid.tag.removeprefix(SVG) for kid in veer][:2] == ["rect", "line"]
    assert [t.text for t in veer.iter(SVG + "tspan")] == ["\u2002before 20 Mar 2023"]
    assert "2023, known to the year, before 20 March 2023: Veer Guardian" in (root[1].text or "")
    assert [kid.tag.removeprefix(SVG) for kid in g7] == ["rect", "text"]
    legend = next(g for g in root.iter(SVG + "g") if g.get("class") == "bw-legend")
    assert WORDS.legend["cut"] in [t.text for t in legend.iter(SVG + "text")]
    assert WORDS.legend["cut"] not in ET.tostring(_draw(timeline), encoding="unicode")


def _label_extent(event: ET.Element, style: FigureStyle) -> tuple[float, float, float, float]:
    """Return a label's box as drawn, measured as the layout measures it (`text_width`)."""
    label = next(node for node in event.iter(SVG + "text") if node.get("class") == "bw-label")
    date_text = next(label.iter(SVG + "tspan")).text or ""
    width = text_width(label.text or "", style.font_size) + text_width(date_text, style.small_size)
    x, y = float(label.get("x", "0")), float(label.get("y", "0"))
    x0 = x - width if label.get("text-anchor") == "end" else x
    return x0, x0 + width, y - 0.75 * style.font_size, y + 0.25 * style.font_size


@pytest.mark.parametrize("width", [560.0, 380.0])
def test_no_year_line_crosses_a_label(timeline: TimelineFixture, width: float) -> None:
    """The lines at the years' edges stop short of every label and lane name they would cross,
    and still run wherever nothing is written."""
    style = FigureStyle(width=width)
    root = _draw(timeline, style=style)
    grid = next(g for g in root.iter(SVG + "g") if g.get("stroke") == style.grid)
    lines = [tuple(float(line.get(k, "0")) for k in ("x1", "y1", "y2")) for line in grid]
    boxes = [_label_extent(event, style) for event in events_drawn(root)]
    for x, y1, y2 in lines:
        for x0, x1, top, bottom in boxes:
            assert not (x0 <= x <= x1 and y1 < bottom and top < y2), (x, y1, y2)
    assert len({x for x, _, _ in lines}) >= 5 and len(lines) > len({x for x, _, _ in lines})


def test_a_grid_line_is_cut_around_each_obstacle() -> None:
    """A year line from 0 to 100 crossing boxes at 10–20 and 50–60 (and missing one beside
    it) is drawn as three stretches, each 2 units clear of the boxes."""
    obstacles = [(0.0, 10.0, 10.0, 20.0), (5.0, 15.0, 50.0, 60.0), (20.0, 30.0, 0.0, 100.0)]
    assert grid_segments(8.0, 0.0, 100.0, obstacles) == [(0.0, 8.0), (22.0, 48.0), (62.0, 100.0)]


def test_only_a_period_that_runs_past_the_briefs_date_is_cut() -> None:
    """A day on the as-of date, a month before it and a month after it keep their dates; the
    month and the year that hold it are cut there."""
    made = [
        TimelineEvent.model_validate({"id": i, "date": d, "text": i, "cites": [CITE]})
        for i, d in (("day", "2023-03-20"), ("feb", "2023-02"), ("mar", "2023-03"),
                     ("year", "2023"), ("may", "2023-05"))
    ]  # fmt: skip
    entries = make_entries(
        made, {}, {}, OTHER_TRACK, short_date, "due {date}", as_of=date(2023, 3, 20)
    )
    cut = {entry.id: entry.cut_at for entry in entries}
    assert cut == {"day": None, "feb": None, "mar": date(2023, 3, 20),
                   "year": date(2023, 3, 20), "may": None}  # fmt: skip
    dates = {entry.id: entry.date for entry in entries}
    assert dates["mar"] == "before 20 Mar 2023" and dates["day"] == "20 Mar 2023"
