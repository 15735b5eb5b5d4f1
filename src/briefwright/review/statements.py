"""Turn a checked Brief into its statements as review finds them: by id, with the field
that holds each one's text, the text itself, what the Word edition prints of it, and where
the text is written in content/."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from briefwright.compare.record import statements_of
from briefwright.errors import Location
from briefwright.model.base import Model
from briefwright.model.brief import Brief
from briefwright.render.typography import typographic


@dataclass(frozen=True)
class Located:
    """A statement's text, its printed form, its kind, and where its text is written."""

    id: str
    kind: str
    field: str
    """The YAML field holding the text: `text`, `role`, `definition`, `watch`, `reason`."""
    text: str
    where: Location | None

    @property
    def printed(self) -> str:
        """Return the text as the Word edition prints it (curly quotes, dates kept whole)."""
        return typographic(self.text)


def located_statements(brief: Brief) -> dict[str, Located]:
    """Return every statement with text of the brief by id (figure values have none)."""
    kinds = {record.id: record.kind for record in statements_of(brief)}
    return {
        item.id: Located(
            item.id, kinds.get(item.id, ""), name, getattr(item, name), item.where(name)
        )
        for item, name in _texts(brief)
        if isinstance(item, Model) and hasattr(item, "id")
    }


def _texts(brief: Brief) -> Iterator[tuple[Model, str]]:
    """Yield each statement's model and the field holding its text."""
    front = brief.front
    yield front.bottom_line, "text"
    lists: tuple[tuple[Model, ...], ...] = (front.key_judgments, front.recommendations,
                                             front.background)  # fmt: skip
    for items in lists:
        yield from ((item, "text") for item in items)
    for topic in brief.topics:
        yield topic.bottom_line, "text"
        yield from ((item, "text") for item in (*topic.key_points, *topic.analysis))
        yield topic, "watch"
    lists = (front.implications, front.information_gaps, front.alternative_views)
    for items in lists:
        yield from ((item, "text") for item in items)
    yield from ((event, "text") for event in brief.timeline)
    yield from ((actor, "role") for actor in brief.actors)
    yield from ((entry, "definition") for entry in brief.glossary)
    yield from ((choice, "reason") for choice in front.wording_choices)


def quote_location(brief: Brief, source: str, quote: str) -> Location | None:
    """Return where a citation of `quote` from `source` is written, the first one met."""
    for _, citation in brief.citations():
        if citation.source == source and citation.quote == quote:
            return citation.where("quote")
    return None
