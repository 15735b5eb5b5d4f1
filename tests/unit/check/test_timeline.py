"""Tests for briefwright.check.timeline: events oldest first, none after as_of unscheduled."""

from __future__ import annotations

from briefwright.check.timeline import check_timeline_order
from tests.unit.check.conftest import Minimal, found

EVENT = (
    "  - id: {id}\n    date: {date}\n{extra}    text: Something happened.\n"
    "    cites:\n      - {{source: one, quote: Something happened in March 2023.}}\n"
)


def _events(minimal: Minimal, *events: tuple[str, str, str]) -> Minimal:
    """Write a timeline of these (id, date, extra lines) events."""
    body = "".join(EVENT.format(id=i, date=d, extra=extra) for i, d, extra in events)
    return minimal.write("timeline.yaml", "events:\n" + body)


def test_events_oldest_first_pass(minimal: Minimal) -> None:
    """Dates in order, and a partial date spanning the one above, are in order."""
    _events(minimal, ("a", "2022", ""), ("b", "2022-06-01", ""), ("c", "2022-06", ""))
    assert found(check_timeline_order, minimal.brief()) == []


def test_an_event_dated_before_the_one_above_is_bw155(minimal: Minimal) -> None:
    """An event that lies wholly before the one above it is BW155 at its date."""
    _events(minimal, ("a", "2023-03", ""), ("b", "2022-12-31", ""))
    assert found(check_timeline_order, minimal.brief()) == [
        f"{minimal.at('timeline.yaml', 8, 11)}: BW155 event 'b' (2022-12-31) is dated before "
        "'a' (2023-03) above it; list the events oldest first"
    ]


def test_an_event_after_as_of_is_bw156_unless_scheduled(minimal: Minimal) -> None:
    """An event after the brief's as_of is BW156; `scheduled: true` says the sources
    announce it."""
    _events(minimal, ("a", "2023-03-21", ""))
    (problem,) = found(check_timeline_order, minimal.brief())
    assert problem.startswith(f"{minimal.at('timeline.yaml', 3, 11)}: BW156 event 'a' is dated")
    _events(minimal, ("a", "2023-03-21", "    scheduled: true\n"))
    assert found(check_timeline_order, minimal.brief()) == []
