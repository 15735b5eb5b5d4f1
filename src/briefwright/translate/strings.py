"""Turn a brief into the texts a translation of it must give: every reader-facing string,
keyed by the id of what holds it and the field, in the order a reader meets them.

Ids are the spine: a statement's texts are found by its id, the metadata's by `metadata`, the
brand's by `brand`, a source's descriptions by the source's id. A text several items share
word for word (an event's `track`, an actor's `country` or `office`, a recommendation's `to`,
a source's `origin`) is translated once, at the first item that has it, and the others
follow: the timeline's lanes, the addressees and the origins stay one each in every edition.
Quotes are never among them: a quote stays verbatim, and a translation may add a
translator's rendering of it (`quote.N`), which nothing requires; nor is a source's text or
its own headline (a title the editor supplied is the editor's words, and is translated).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from briefwright.errors import Location
from briefwright.model.base import Model
from briefwright.model.brand import Brand
from briefwright.model.brief import (
    Actor,
    Brief,
    Correction,
    Fact,
    Gap,
    GlossaryEntry,
    Judgment,
    Metadata,
    Recommendation,
    TimelineEvent,
    Topic,
    WordingChoice,
)
from briefwright.model.figure import Figure
from briefwright.model.source import Source
from briefwright.model.translation import BRAND, CORRECTION, METADATA, QUOTE_FIELD

Words = str | tuple[str, ...]

#: Each kind of item's translated fields, in reading order; `inferred` is its note's `how`.
FIELDS: dict[type[Model], tuple[str, ...]] = {
    Metadata: ("title", "subtitle", "audience", "authors", "keywords"),
    Judgment: ("text", "inferred"),
    Fact: ("text", "inferred"),
    Recommendation: ("to", "text", "inferred"),
    Gap: ("text",),
    WordingChoice: ("reason",),
    Topic: ("title", "watch"),
    TimelineEvent: ("track", "label", "text", "date_note", "inferred"),
    Actor: ("name", "office", "country", "role"),
    GlossaryEntry: ("term", "definition"),
    Figure: ("caption", "alt"),
    Correction: ("was", "now"),
    Source: ("short_name", "publisher", "title", "date_note", "reliability", "origin",
             "text_note"),
}  # fmt: skip
#: Fields whose text items share word for word, translated once at the first that has it.
SHARED = frozenset({"track", "to", "office", "country", "origin", "short_name", "publisher"})
#: The brand's translated words: its series, its footer line and its logo's alt text.
BRAND_FIELDS = ("series", "footer", "logo_alt")


@dataclass(frozen=True)
class Original:
    """One text a translation must give: what holds it (id and field), the text, and where
    it was written."""

    id: str
    field: str
    text: Words
    where: Location
    inferred_year: int | None = None
    """The year the item's `inferred:` note excuses: a translation may give it too."""


def originals(brief: Brief) -> list[Original]:
    """Return every text of the brief a translation gives, in reading order, each shared
    text once."""
    found: list[Original] = []
    seen: set[tuple[str, Words]] = set()
    for original in _all_texts(brief):
        if original.field in SHARED:
            if (original.field, original.text) in seen:
                continue
            seen.add((original.field, original.text))
        found.append(original)
    return found


def quotes_of(brief: Brief) -> dict[str, tuple[str, ...]]:
    """Return each cited item's quotes by its id: what `quote.N` entries may translate."""
    return {item.id: tuple(c.quote for c in item.cites) for item in brief.cited()}


def correction_id(number: int) -> str:
    """Return the id a translation names the brief's `number`-th correction by (from 1):
    a correction has no id of its own."""
    return f"{CORRECTION}{number}"


def quote_field(number: int) -> str:
    """Return the field that translates a statement's `number`-th quote (from 1)."""
    return f"{QUOTE_FIELD}{number}"


def _all_texts(brief: Brief) -> Iterator[Original]:
    """Yield every translated text, in reading order, shared ones each time."""
    front = brief.front
    yield from texts_of(front.metadata, METADATA)
    if front.rests_on:
        yield Original(METADATA, "rests_on", front.rests_on, _where(front, "rests_on"))
    items: list[Model] = [front.bottom_line, *front.key_judgments, *front.recommendations]
    items += front.background
    for item in items:
        yield from texts_of(item)
    for topic in brief.topics:
        yield from _topic_texts(topic)
    for number, correction in enumerate(front.corrections, 1):
        yield from texts_of(correction, correction_id(number))
    items = [*front.implications, *front.information_gaps, *front.alternative_views]
    items += [*front.wording_choices, *brief.timeline, *brief.actors, *brief.glossary]
    items += [*brief.figures, *brief.sources]
    for item in items:
        yield from texts_of(item)
    yield from _brand_texts(brief.brand)


def _topic_texts(topic: Topic) -> Iterator[Original]:
    """Yield a topic's texts as its section reads: title, bottom line, points, analysis,
    what to watch."""
    title, watch = texts_of(topic)
    yield title
    for item in (topic.bottom_line, *topic.key_points, *topic.analysis):
        yield from texts_of(item)
    yield watch


def texts_of(item: Model, key: str | None = None) -> Iterator[Original]:
    """Yield the translated fields an item has, in FIELDS' order (empty ones left out),
    under its id (or `key`)."""
    item_id = key or _id_of(item)
    inferred = getattr(item, "inferred", None)
    year = inferred.year if inferred is not None else None
    for field in FIELDS[type(item)]:
        value = getattr(item, field)
        if field == "inferred" and value is not None:
            value = value.how
        if field == "title" and isinstance(item, Source) and not item.title_supplied:
            continue  # the source's own headline stays as published; one the editor wrote
        if value:
            yield Original(item_id, field, value, _where(item, field), year)


def _id_of(item: Any) -> str:
    return str(item.id)


def _brand_texts(brand: Brand) -> Iterator[Original]:
    for field, value in zip(BRAND_FIELDS, brand_words(brand), strict=True):
        if value:
            where = _where(brand.logo, "alt") if field == "logo_alt" else _where(brand, field)
            yield Original(BRAND, field, value, where)


def brand_words(brand: Brand) -> tuple[str | None, ...]:
    """Return the brand's translated words: series, footer, logo's alt text."""
    return brand.series, brand.footer, brand.logo.alt if brand.logo else None


def _where(item: Model | None, field: str) -> Location:
    place = item.where(field) if item is not None else None
    return place or Location("content")
