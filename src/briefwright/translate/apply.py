"""Turn a brief and its translation into the translated edition: the same brief, ids, notes
and quotes, its reader-facing texts in the translation's language.

A text the translation does not give yet stays in the original (check has said so, BW125);
a stale one is used as it is (BW126). Quotes stay verbatim; a `quote.N` entry becomes the
citation's `translation`, printed after the quote as the translator's. The edition keeps
its original (`translated_from`), which its corroboration is read from and its language
switch names.
"""

from __future__ import annotations

from typing import Any

from briefwright.model.base import Model
from briefwright.model.brand import Brand
from briefwright.model.brief import Brief, Front, Topic
from briefwright.model.cited import Citation
from briefwright.model.translation import BRAND, METADATA, Translation
from briefwright.translate.strings import (
    FIELDS,
    SHARED,
    Words,
    correction_id,
    originals,
    quote_field,
)

Table = dict[tuple[str, str], Words]


def translated(brief: Brief, language: str) -> Brief:
    """Return the brief's edition in `language` (which `metadata.translations` declares)."""
    translation = brief.translation(language)
    if translation is None:
        raise KeyError(f"the brief declares no translation into {language!r}")
    table = _table(brief, translation)
    front = _front(brief.front, table, language)
    return brief.model_copy(
        update={
            "front": front,
            "topics": tuple(_topic(topic, table) for topic in brief.topics),
            "timeline": tuple(_item(event, table) for event in brief.timeline),
            "actors": tuple(_item(actor, table) for actor in brief.actors),
            "glossary": tuple(_item(entry, table) for entry in brief.glossary),
            "figures": tuple(_item(figure, table) for figure in brief.figures),
            "sources": tuple(_item(source, table) for source in brief.sources),
            "brand": _brand(brief.brand, table),
            "translations": (),
            "translated_from": brief,
        }
    )


def _table(brief: Brief, translation: Translation) -> Table:
    """Return each translated text by (id, field); a shared text under every item that
    shares it, as the first one's."""
    table: Table = {}
    for entry in translation.entries:
        if entry.text is not None and _same_shape(entry.text, entry.original):
            table.setdefault((entry.id, entry.field), entry.text)
    first: dict[tuple[str, Words], Words] = {}
    for original in originals(brief):
        words = table.get((original.id, original.field))
        if original.field in SHARED and words is not None:
            first[(original.field, original.text)] = words
    for kind, fields in FIELDS.items():
        for field in SHARED.intersection(fields):
            for item in _items_of(brief, kind):
                words = first.get((field, getattr(item, field)))
                if words is not None:
                    table[(item.id, field)] = words
    return table


def _same_shape(text: Words, original: Words) -> bool:
    """Return True when a translation is a text for a text, a list for a list."""
    return isinstance(text, str) == isinstance(original, str)


def _items_of(brief: Brief, kind: type[Model]) -> list[Any]:
    every = [*brief.identified(), *brief.sources]
    return [item for item in every if type(item) is kind]


def _front(front: Front, table: Table, language: str) -> Front:
    metadata = _fields(front.metadata, METADATA, table)
    metadata = metadata.model_copy(update={"language": language, "translations": ()})
    updates: dict[str, Any] = {"metadata": metadata}
    if (words := table.get((METADATA, "rests_on"))) is not None:
        updates["rests_on"] = words
    updates["bottom_line"] = _item(front.bottom_line, table)
    for name in ("key_judgments", "background", "implications", "recommendations",
                 "information_gaps", "alternative_views", "wording_choices"):  # fmt: skip
        updates[name] = tuple(_item(item, table) for item in getattr(front, name))
    updates["corrections"] = tuple(
        _fields(correction, correction_id(number), table)
        for number, correction in enumerate(front.corrections, 1)
    )
    return front.model_copy(update=updates)


def _topic(topic: Topic, table: Table) -> Topic:
    translated_topic: Topic = _item(topic, table)
    return translated_topic.model_copy(
        update={
            "bottom_line": _item(topic.bottom_line, table),
            "key_points": tuple(_item(point, table) for point in topic.key_points),
            "analysis": tuple(_item(judgment, table) for judgment in topic.analysis),
        }
    )


def _item(item: Any, table: Table) -> Any:
    """Return an item with its fields (and its quotes' translations) from the table."""
    translated_item = _fields(item, item.id, table)
    cites: tuple[Citation, ...] | None = getattr(item, "cites", None)
    if not cites:
        return translated_item
    rendered = tuple(
        citation.model_copy(update={"translation": words})
        if isinstance(words := table.get((item.id, quote_field(number))), str)
        else citation
        for number, citation in enumerate(cites, 1)
    )
    return translated_item.model_copy(update={"cites": rendered})


def _fields(item: Any, key: str, table: Table) -> Any:
    updates: dict[str, Any] = {}
    for field in FIELDS[type(item)]:
        words = table.get((key, field))
        if words is None or getattr(item, field) is None:
            continue
        if field == "title" and not getattr(item, "title_supplied", True):
            continue
        if field == "inferred":
            updates[field] = item.inferred.model_copy(update={"how": words})
        else:
            updates[field] = words
    return item.model_copy(update=updates) if updates else item


def _brand(brand: Brand, table: Table) -> Brand:
    updates: dict[str, Any] = {}
    for field in ("series", "footer"):
        if getattr(brand, field) and (words := table.get((BRAND, field))) is not None:
            updates[field] = words
    if brand.logo is not None and (alt := table.get((BRAND, "logo_alt"))) is not None:
        updates["logo"] = brand.logo.model_copy(update={"alt": alt})
    return brand.model_copy(update=updates) if updates else brand
