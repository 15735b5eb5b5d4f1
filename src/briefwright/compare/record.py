"""Turn a checked Brief into its record, the brief as data that `content.json` holds: every
statement with its id, kind, section, text, rating, basis and cites; every source with its
metadata and SHA-256; the corrections; and read a record back from its JSON.

A release carries its record, so two releases can be compared without git or the content
they were built from. Statements are keyed by their content ids; the record keeps nothing
that depends on layout (note numbers, line numbers, file order within a section).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from briefwright.errors import BriefError, Location
from briefwright.model.annex import Actor, GlossaryEntry, TimelineEvent
from briefwright.model.brief import Brief, Fact, Judgment, Recommendation, Topic, WordingChoice
from briefwright.model.cited import Citation
from briefwright.model.source import Source

CONTENT_JSON = "content.json"
FORMAT: Literal["briefwright-content/1"] = "briefwright-content/1"
#: The section of the brief's bottom line: the cover, where the PDF and HTML print it.
COVER = "cover"

StatementKind = Literal[
    "bottom-line",
    "key-judgment",
    "recommendation",
    "background-fact",
    "topic-bottom-line",
    "key-point",
    "analysis",
    "watch",
    "implication",
    "information-gap",
    "alternative-view",
    "timeline-event",
    "actor",
    "glossary-entry",
    "figure-value",
    "wording-choice",
]


class Record(BaseModel):
    """A frozen value of the record, strict about its fields."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)


class CiteRecord(Record):
    """A citation: a source's id and the passage quoted from it."""

    source: str
    """The cited source's id."""
    quote: str
    """The passage, as the content quotes it."""


class StatementRecord(Record):
    """One statement of the brief, by its content id."""

    id: str
    """The statement's id in the content (a figure's value: `<figure>[<row>].<field>`)."""
    kind: StatementKind
    """What the statement is: a key judgment, a key point, a recommendation…"""
    section: str
    """The id of the section that prints it (as the HTML edition's anchors): `cover`,
    `key-judgments`, `recommendations`, `background`, `topic-<topic id>`, `implications`,
    `gaps`, `timeline`, `actors`, `glossary`, `methods`."""
    label: str | None = None
    """What the statement is about, where it has such a head: an actor's name and office, a
    glossary term, an event's date."""
    text: str
    """The statement's text, as the content gives it."""
    confidence: Literal["low", "moderate", "high"] | None = None
    """A judgment's confidence level (ICD 203)."""
    likelihood: str | None = None
    """A judgment's likelihood term (ICD 203, e.g. `likely`); its values never overlap the
    confidence levels'."""
    basis: tuple[str, ...] = ()
    """Ids of the statements a judgment or recommendation rests on."""
    cites: tuple[CiteRecord, ...] = ()
    """The citations a fact rests on."""
    to: str | None = None
    """Who a recommendation is for."""


class SourceRecord(Record):
    """One source the brief cites, and the fingerprint of its stored text."""

    id: str
    """The source's id."""
    title: str
    """Its headline."""
    short_name: str
    """How the notes name it."""
    publisher: str
    """Its outlet or publisher."""
    published: date
    """Its publication date."""
    kind: str
    """What kind of document it is (`news-report`, `official-statement`…)."""
    url: str | None = None
    """Where it was published, when known."""
    sha256: str
    """The SHA-256 of its stored text: a changed text has another."""


class CorrectionRecord(Record):
    """A correction the version issued."""

    date: date
    """When it was issued."""
    was: str
    """What an earlier version said that was wrong."""
    now: str
    """What the brief says now."""
    statements: tuple[str, ...]
    """Ids of the statements it changed."""


class SectionRecord(Record):
    """A section of the brief, in reading order, with its heading in the brief's language."""

    id: str
    """The section's id (the HTML edition's anchor)."""
    title: str
    """Its heading."""


class MetadataRecord(Record):
    """What the version is."""

    title: str
    """The brief's title."""
    subtitle: str
    """Its subtitle."""
    product_id: str
    """The product identifier, e.g. `BW-2026-001`."""
    version: str
    """The version, e.g. `1.1`."""
    as_of: date
    """The date up to which the sources were read."""
    marking: str
    """The distribution marking."""
    language: str
    """The BCP 47 language tag of the text."""
    organisation: str
    """The issuing organisation."""
    authors: tuple[str, ...]
    """The authors, as credited."""
    series: str | None = None
    """The publication series, if any."""
    doi: str | None = None
    """The version's DOI, if it has one."""
    previous: str | None = None
    """The release this version follows, as `metadata.previous` names it."""


class ContentRecord(Record):
    """A version of a brief as data: `content.json` in every build and release."""

    format: Literal["briefwright-content/1"] = FORMAT
    """The record's format and its version."""
    metadata: MetadataRecord
    """The version's title, product, version number, dates, marking and authors."""
    sections: tuple[SectionRecord, ...]
    """The brief's sections, in reading order."""
    statements: tuple[StatementRecord, ...]
    """Every statement, in reading order."""
    sources: tuple[SourceRecord, ...]
    """Every source the brief cites."""
    corrections: tuple[CorrectionRecord, ...] = ()
    """The corrections this version issues."""

    def to_json(self) -> bytes:
        """Return content.json's bytes: indented UTF-8 JSON, fields in a fixed order."""
        return (self.model_dump_json(indent=2) + "\n").encode("utf-8")

    def section_title(self, section_id: str) -> str:
        """Return a section's heading, or its id when the record lists no such section."""
        return next((s.title for s in self.sections if s.id == section_id), section_id)


def read_record(data: bytes, where: Location) -> ContentRecord:
    """Return the record content.json's bytes hold; BW403 when they hold none."""
    try:
        return ContentRecord.model_validate_json(data)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        place = ".".join(str(part) for part in first["loc"]) or "the file"
        message = (
            f"{CONTENT_JSON} is not a briefwright content record ({place}: {first['msg']}); "
            "use a release made by `briefwright release`"
        )
        raise BriefError.of("BW403", message, where) from None


def record_brief(brief: Brief, headings: Mapping[str, str]) -> ContentRecord:
    """Return a checked brief's record; `headings` are its sections' headings by id, in
    reading order (the cover's first), as the brief prints them."""
    meta = brief.metadata
    metadata = MetadataRecord(
        title=meta.title, subtitle=meta.subtitle, product_id=meta.product_id,
        version=meta.version, as_of=meta.as_of, marking=meta.marking, language=meta.language,
        organisation=meta.organisation, authors=meta.authors,
        series=brief.brand.series or meta.series, doi=meta.doi, previous=meta.previous,
    )  # fmt: skip
    statements = tuple(statements_of(brief))
    used = {statement.section for statement in statements}
    return ContentRecord(
        metadata=metadata,
        sections=tuple(SectionRecord(id=i, title=t) for i, t in headings.items() if i in used),
        statements=statements,
        sources=tuple(_source(source) for source in brief.sources),
        corrections=tuple(
            CorrectionRecord(date=c.date, was=c.was, now=c.now, statements=c.statements)
            for c in brief.front.corrections
        ),
    )


def statements_of(brief: Brief) -> Iterator[StatementRecord]:
    """Yield every statement of the brief in reading order, each with its section."""
    front = brief.front
    yield _judgment(front.bottom_line, "bottom-line", COVER)
    yield from (_judgment(item, "key-judgment", "key-judgments") for item in front.key_judgments)
    yield from (_recommendation(item) for item in front.recommendations)
    yield from (_fact(item, "background-fact", "background") for item in front.background)
    yield from _figure_values(brief, None)
    for topic in brief.topics:
        yield from _topic(brief, topic)
    yield from (_judgment(item, "implication", "implications") for item in front.implications)
    for gap in front.information_gaps:
        yield StatementRecord(id=gap.id, kind="information-gap", section="gaps", text=gap.text)
    yield from (_judgment(item, "alternative-view", "gaps") for item in front.alternative_views)
    yield from (_event(event) for event in brief.timeline)
    yield from (_actor(actor) for actor in brief.actors)
    yield from (_term(entry) for entry in brief.glossary)
    yield from (_wording(choice) for choice in front.wording_choices)


def _topic(brief: Brief, topic: Topic) -> Iterator[StatementRecord]:
    section = f"topic-{topic.id}"
    yield _judgment(topic.bottom_line, "topic-bottom-line", section)
    yield from (_fact(item, "key-point", section) for item in topic.key_points)
    yield from (_judgment(item, "analysis", section) for item in topic.analysis)
    yield from _figure_values(brief, topic.id)
    # What to watch has no id of its own: it is the topic's, one per topic.
    yield StatementRecord(id=topic.id, kind="watch", section=section, text=topic.watch)


def _judgment(item: Judgment, kind: StatementKind, section: str) -> StatementRecord:
    return StatementRecord(
        id=item.id, kind=kind, section=section, text=item.text,
        confidence=item.confidence.value if item.confidence else None,
        likelihood=item.likelihood.value if item.likelihood else None, basis=item.basis,
    )  # fmt: skip


def _recommendation(item: Recommendation) -> StatementRecord:
    return StatementRecord(id=item.id, kind="recommendation", section="recommendations",
                           text=item.text, basis=item.basis, to=item.to)  # fmt: skip


def _fact(item: Fact, kind: StatementKind, section: str) -> StatementRecord:
    return StatementRecord(id=item.id, kind=kind, section=section, text=item.text,
                           cites=_cites(item.cites))  # fmt: skip


def _event(event: TimelineEvent) -> StatementRecord:
    return StatementRecord(
        id=event.id, kind="timeline-event", section="timeline", label=event.date,
        text=event.text, cites=_cites(event.cites),
    )  # fmt: skip


def _actor(actor: Actor) -> StatementRecord:
    label = f"{actor.name}, {actor.office} ({actor.country})"
    return StatementRecord(id=actor.id, kind="actor", section="actors", label=label,
                           text=actor.role, cites=_cites(actor.cites))  # fmt: skip


def _term(entry: GlossaryEntry) -> StatementRecord:
    return StatementRecord(
        id=entry.id, kind="glossary-entry", section="glossary", label=entry.term,
        text=entry.definition, cites=_cites(entry.cites),
    )  # fmt: skip


def _wording(choice: WordingChoice) -> StatementRecord:
    cites = _cites((choice.preferred, choice.variant))
    return StatementRecord(id=choice.id, kind="wording-choice", section="methods",
                           text=choice.reason, cites=cites)  # fmt: skip


def _figure_values(brief: Brief, topic_id: str | None) -> Iterator[StatementRecord]:
    """Yield the values of the figures placed at a topic (or, None, after the background),
    each keyed by its figure, row label and field: a row moved is not a value changed."""
    section = f"topic-{topic_id}" if topic_id else "background"
    for figure in brief.figures:
        if figure.topic != topic_id:
            continue
        for row in figure.rows:
            for value in row.values:
                yield StatementRecord(
                    id=f"{figure.id}[{row.label}].{value.field}", kind="figure-value",
                    section=section, label=row.label, text=f"{value.field}: {value.value}",
                    cites=_cites(value.cites),
                )  # fmt: skip


def _cites(citations: tuple[Citation, ...]) -> tuple[CiteRecord, ...]:
    return tuple(CiteRecord(source=c.source, quote=c.quote) for c in citations)


def _source(source: Source) -> SourceRecord:
    return SourceRecord(
        id=source.id, title=source.title, short_name=source.short_name,
        publisher=source.publisher, published=source.published, kind=source.kind.value,
        url=source.url, sha256=source.fingerprint,
    )  # fmt: skip
