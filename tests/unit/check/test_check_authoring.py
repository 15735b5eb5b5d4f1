"""Tests for the checks a new analyst meets first: placeholders, dates, the timeline's order,
the brand's colours and fonts, and a quote that sits in another source."""

from __future__ import annotations

from pathlib import Path

from briefwright.check import check_brief
from briefwright.errors import Severity
from briefwright.load.content import load_brief
from tests.conftest import MakeProject


def _found(content: Path, code: str) -> list[str]:
    return [str(d) for d in check_brief(load_brief(content)) if d.code == code]


def _severity(content: Path, code: str) -> set[Severity]:
    return {d.severity for d in check_brief(load_brief(content)) if d.code == code}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def test_placeholders_are_warnings_with_their_place(project: MakeProject) -> None:
    """REPLACE markers and the sentences older `sources add` wrote are BW152 warnings, each
    at its line and column (an error only under --strict and in a release)."""
    content = project("minimal")
    _edit(content / "brief.yaml", "subtitle: A fixture", "subtitle: REPLACE with a subtitle")
    _edit(content / "sources/one.txt", "reliability: Invented for tests.",
          'reliability: "Not yet assessed: say how far this source can be trusted."')  # fmt: skip
    assert _found(content, "BW152") == [
        f"{content}/brief.yaml:3:13: BW152 subtitle still holds the placeholder 'REPLACE'; "
        "fill it in",
        f"{content}/sources/one.txt:10:14: BW152 reliability still holds the placeholder "
        "'Not yet assessed'; fill it in",
    ]
    assert _severity(content, "BW152") == {Severity.WARNING}


def test_timeline_out_of_order_and_after_as_of_are_warnings(project: MakeProject) -> None:
    """An event dated before the one above it is BW155; one after as_of is BW156 unless it
    is `scheduled`; a partial date spanning the one above is in order."""
    content = project("minimal")
    timeline = content / "timeline.yaml"
    timeline.write_text(
        timeline.read_text()
        + "  - id: event-two\n    date: 2023-02-01\n    text: Something happened.\n"
        "    cites:\n      - {source: one, quote: Something happened in March 2023.}\n"
        "  - id: event-three\n    date: 2023-05\n    text: Something happened.\n"
        "    cites:\n      - {source: one, quote: Something happened in March 2023.}\n"
    )
    assert _found(content, "BW155") == [
        f"{content}/timeline.yaml:8:11: BW155 event 'event-two' (2023-02-01) is dated before "
        "'event-one' (2023-03) above it; list the events oldest first"
    ]
    assert _found(content, "BW156") == [
        f"{content}/timeline.yaml:13:11: BW156 event 'event-three' is dated 2023-05, after the "
        "brief's as_of (2023-03-20); check the date, move as_of forward, or add "
        "`scheduled: true` if the sources announce it"
    ]
    _edit(timeline, "    date: 2023-05\n", "    date: 2023-05\n    scheduled: true\n")
    assert _found(content, "BW156") == []
    assert _found(content, "BW158") == []


def test_a_scheduled_event_before_as_of_is_a_warning(project: MakeProject) -> None:
    """An event marked `scheduled` but dated wholly on or before as_of is BW158 at its
    `scheduled:` line: by then it had its day, and the figure would draw it as to come. A
    month that runs past as_of may still be scheduled."""
    content = project("minimal")
    timeline = content / "timeline.yaml"
    _edit(timeline, "    date: 2023-03\n", "    date: 2023-03-20\n    scheduled: true\n")
    assert _found(content, "BW158") == [
        f"{content}/timeline.yaml:4:16: BW158 event 'event-one' is marked scheduled but is "
        "dated 2023-03-20, on or before the brief's as_of (2023-03-20); say whether it took "
        "place and remove `scheduled: true`"
    ]
    assert _severity(content, "BW158") == {Severity.WARNING}
    _edit(timeline, "    date: 2023-03-20\n", "    date: 2023-03\n")
    assert _found(content, "BW158") == []


def test_brand_contrast_and_fonts_are_checked(project: MakeProject) -> None:
    """A text colour failing WCAG AA is BW170 naming the pair and the ratio; a family that
    is neither bundled nor supplied, and a logo that is not SVG or PNG, are BW171."""
    content = project("minimal")
    (content / "brand.yaml").write_text(
        "color:\n  primary: '#8899aa'\n"
        "logo: {path: logo.gif, alt: Fixture org}\n"
        "typography:\n  base: {family: Comic}\n"
    )
    assert _found(content, "BW170") == [
        f"{content}/brand.yaml:2:12: BW170 links, labels and headings (primary on background) "
        "have a contrast of 2.92:1; WCAG AA needs 4.5:1: darken the text colour or lighten "
        "its background",
        f"{content}/brand.yaml:2:12: BW170 recommendation labels (primary on primary_tint) "
        "have a contrast of 2.60:1; WCAG AA needs 4.5:1: darken the text colour or lighten "
        "its background",
    ]
    assert _found(content, "BW171") == [
        f"{content}/brand.yaml:5:18: BW171 font family `Comic` is neither bundled nor "
        "supplied; use one of `Source Serif 4`, `Noto Sans`, or add it under `typography: "
        "fonts:` with its files",
        f"{content}/brand.yaml:3:14: BW171 the logo must be an SVG or PNG file",
    ]


def test_brief_brand_wins_over_project_brand(project: MakeProject) -> None:
    """A brief's own `brand:` block replaces the project's brand.yaml."""
    content = project("minimal")
    (content / "brand.yaml").write_text("series: Project series\n")
    assert load_brief(content).brand.series == "Project series"
    with (content / "brief.yaml").open("a") as brief:
        brief.write("brand:\n  series: Brief series\n")
    assert load_brief(content).brand.series == "Brief series"


def test_a_quote_from_another_source_names_it(project: MakeProject) -> None:
    """A quote missing from the source cited but present in another names that source."""
    content = project("minimal")
    other = (content / "sources/one.txt").read_text().replace("id: one", "id: two")
    (content / "sources/two.txt").write_text(other + "\nA sentence only the second has.\n")
    _edit(content / "brief.yaml", "quote: The first sentence of the source.",
          "quote: A sentence only the second has.")  # fmt: skip
    assert _found(content, "BW101") == [
        f"{content}/brief.yaml:24:30: BW101 quote in 'fact-bg' is not in source 'one' but is "
        "in source 'two'; cite that source"
    ]
