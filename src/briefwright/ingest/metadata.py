"""Turn an HTML page's metadata into the source's title, publisher, author and date, each
with where it was found: JSON-LD (a schema.org article), then Open Graph, then `<meta>`
names, then the `<title>` element; the first place that gives a field wins."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from briefwright.model.source import Found, MetadataField

#: schema.org types whose JSON-LD describes the article itself.
ARTICLE_TYPES = frozenset(
    {
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle",
        "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting",
        "Report", "ScholarlyArticle", "TechArticle", "LiveBlogPosting", "GovernmentPermit",
        "PressRelease", "WebPage",
    }
)  # fmt: skip
_JSON_LD_FIELDS: tuple[tuple[MetadataField, str], ...] = (
    ("title", "headline"),
    ("title", "name"),
    ("publisher", "publisher"),
    ("author", "author"),
    ("published", "datePublished"),
)
_META_FIELDS: tuple[tuple[MetadataField, str, str], ...] = (
    ("title", "property", "og:title"),
    ("publisher", "property", "og:site_name"),
    ("author", "property", "article:author"),
    ("published", "property", "article:published_time"),
    ("title", "name", "citation_title"),
    ("title", "name", "dc.title"),
    ("publisher", "name", "citation_publisher"),
    ("publisher", "name", "publisher"),
    ("author", "name", "author"),
    ("author", "name", "citation_author"),
    ("author", "name", "dc.creator"),
    ("published", "name", "citation_publication_date"),
    ("published", "name", "dc.date"),
    ("published", "name", "date"),
)
_URL = re.compile(r"^https?://", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def read_metadata(tree: Any) -> tuple[list[Found], list[str]]:
    """Return the metadata an lxml HTML tree declares (the first place for each field
    wins), and notes on what could not be read."""
    notes: list[str] = []
    found: dict[MetadataField, Found] = {}
    for item in (*_from_json_ld(tree, notes), *_from_meta(tree), *_from_title(tree)):
        found.setdefault(item.field, item)
    return list(found.values()), notes


def _from_json_ld(tree: Any, notes: list[str]) -> Iterator[Found]:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError as error:
            notes.append(f"a JSON-LD block could not be read ({error}); it was skipped")
            continue
        for thing in _things(data):
            kind = _kind(thing)
            if kind is None:
                continue
            for field, key in _JSON_LD_FIELDS:
                value = _name(thing.get(key))
                if value:
                    yield Found(field=field, value=value, found_in=f"JSON-LD {kind} {key}")


def _things(data: Any) -> Iterator[dict[str, Any]]:
    """Yield every JSON-LD object, top-level or in an @graph or a list, articles first."""
    items = data if isinstance(data, list) else [data]
    objects: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, dict):
            graph = item.get("@graph")
            objects += [g for g in graph if isinstance(g, dict)] if isinstance(graph, list) else []
            objects.append(item)
    # A page's WebPage object names the page; the article's own object says more.
    yield from sorted(objects, key=lambda thing: _kind(thing) == "WebPage")


def _kind(thing: dict[str, Any]) -> str | None:
    types = thing.get("@type")
    names = types if isinstance(types, list) else [types]
    return next((name for name in names if name in ARTICLE_TYPES), None)


def _name(value: Any) -> str | None:
    """Return a JSON-LD value as text: a string, an object's `name`, or names joined."""
    if isinstance(value, list):
        names = [name for name in (_name(item) for item in value) if name]
        return ", ".join(names) or None
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, str) and value.strip() and not _URL.match(value.strip()):
        return _SPACE.sub(" ", value).strip()
    return None


def _from_meta(tree: Any) -> Iterator[Found]:
    metas = tree.xpath("//meta[@content]")
    for field, attribute, name in _META_FIELDS:
        for meta in metas:
            if (meta.get(attribute) or "").strip().lower() == name:
                value = _name(meta.get("content"))
                if value:
                    yield Found(field=field, value=value, found_in=f'<meta {attribute}="{name}">')
                    break


def _from_title(tree: Any) -> Iterator[Found]:
    for title in tree.xpath("//head/title"):
        value = _name(title.text_content())
        if value:
            yield Found(field="title", value=value, found_in="<title>")
            return
