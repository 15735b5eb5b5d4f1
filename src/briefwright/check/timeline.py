"""Turn a brief's timeline into diagnostics: events in date order, none after the brief's
as-of date unless scheduled, and none scheduled that lies wholly before it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from briefwright.check.where import located
from briefwright.errors import Diagnostic
from briefwright.model.brief import Brief
from briefwright.model.dates import as_date, last_day


def check_timeline_order(brief: Brief) -> Iterator[Diagnostic]:
    """BW155: the timeline runs oldest first; BW156: no event is dated after `as_of` unless
    it is `scheduled`. A partial date (2022) spans its year or month: it is out of order only
    when all of it lies before all of the event above it."""
    as_of = brief.metadata.as_of
    for earlier, event in itertools.pairwise(brief.timeline):
        if last_day(event.date) < as_date(earlier.date):
            message = (
                f"event '{event.id}' ({event.date}) is dated before '{earlier.id}' "
                f"({earlier.date}) above it; list the events oldest first"
            )
            yield Diagnostic("BW155", message, located(event, "date"))
    for event in brief.timeline:
        if as_date(event.date) > as_of and not event.scheduled:
            message = (
                f"event '{event.id}' is dated {event.date}, after the brief's as_of "
                f"({as_of.isoformat()}); check the date, move as_of forward, or add "
                "`scheduled: true` if the sources announce it"
            )
            yield Diagnostic("BW156", message, located(event, "date"))


def check_scheduled_ahead(brief: Brief) -> Iterator[Diagnostic]:
    """BW158: an event marked `scheduled` lies after `as_of`, at least in part; one wholly
    before it had its day by then, and the figure would draw it as still to come."""
    as_of = brief.metadata.as_of
    for event in brief.timeline:
        if event.scheduled and last_day(event.date) <= as_of:
            message = (
                f"event '{event.id}' is marked scheduled but is dated {event.date}, on or "
                f"before the brief's as_of ({as_of.isoformat()}); say whether it took place "
                "and remove `scheduled: true`"
            )
            yield Diagnostic("BW158", message, located(event, "scheduled"))
