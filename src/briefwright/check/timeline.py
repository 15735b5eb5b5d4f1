"""Turn a brief's timeline into diagnostics: events in date order, none after the brief's
as-of date unless scheduled.
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
