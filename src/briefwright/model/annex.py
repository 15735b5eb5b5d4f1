"""Define the annex's validated values: dated events, the people named, and the glossary's
terms, each cited like a fact, and the files that hold them."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from briefwright.model.base import Id, Model, Text
from briefwright.model.cited import Citation, Inferred
from briefwright.model.dates import PartialDate


class TimelineEvent(Model):
    """A dated event, cited like any fact."""

    id: Id
    """Stable identifier, unique across the brief."""
    date: PartialDate
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD`: only as precise as the sources allow."""
    date_note: str | None = None
    """How the date was read from the sources, when they do not print it in full."""
    scheduled: bool = False
    """The sources announce the event for a date after `as_of` (check BW156 allows it)."""
    track: Text | None = None
    """The lane of the timeline figure the event is drawn in (e.g. one visit's events);
    events without one share a lane."""
    label: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                            max_length=44)] | None = None  # fmt: skip
    """A short label for the timeline figure (at most 44 characters; else one is cut from
    the text). It is a claim too: it is grounded against the event's quotes."""
    inferred: Inferred | None = None
    """The year of `date` (or of the text) when no quote or stated source date prints it."""
    text: Text
    """What happened."""
    cites: tuple[Citation, ...] = Field(min_length=1)
    """The sources and quotes it rests on."""


class Actor(Model):
    """A person named in the sources, with the office the sources give them."""

    id: Id
    """Stable identifier, unique across the brief."""
    name: Text
    """Name as the sources spell it."""
    office: Text
    """Office held at the time of the events."""
    country: Text
    """Country the actor represents."""
    role: Text
    """What the actor did in these events."""
    cites: tuple[Citation, ...] = Field(min_length=1)
    """The sources and quotes it rests on."""


class GlossaryEntry(Model):
    """A term, its spelling variants in the sources, and what it means."""

    id: Id
    """Stable identifier, unique across the brief."""
    term: Text
    """The preferred spelling."""
    variants: tuple[str, ...] = ()
    """Other spellings found in the sources."""
    definition: Text
    """What the term means in this brief."""
    cites: tuple[Citation, ...] = Field(min_length=1)
    """The sources and quotes it rests on."""


class TimelineFile(Model):
    """timeline.yaml: the dated events, oldest first."""

    events: tuple[TimelineEvent, ...]
    """Dated events, each cited like a fact."""


class ActorsFile(Model):
    """actors.yaml: the people named in the sources."""

    actors: tuple[Actor, ...]
    """People, with the offices the sources give them."""


class GlossaryFile(Model):
    """glossary.yaml: terms and their spellings in the sources."""

    terms: tuple[GlossaryEntry, ...]
    """Terms, each with a cited definition."""
