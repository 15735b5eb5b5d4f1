"""Turn a series' briefs into its pages: the index (every brief's title, date, version,
marking and bottom line, with links to its editions and one-pagers) and an Atom feed.

The feed is written with feedgen (a maintained Atom/RSS writer), its dates from the build's
clock and its entries in a fixed order, so the same series gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any
from urllib.parse import quote

from briefwright.model.brand import Brand
from briefwright.model.brief import Brief
from briefwright.model.series import Series
from briefwright.render.brand import ASSETS, favicon_uri
from briefwright.render.editions import language_name
from briefwright.render.html import make_environment, render_errors
from briefwright.render.labels import Labels
from briefwright.translate.apply import translated

SERIES_TEMPLATE = "series.html.j2"
INDEX, FEED = "index.html", "feed.xml"


@dataclass(frozen=True)
class SeriesEntry:
    """One brief as the index and the feed list it (its manifest's summary)."""

    brief_id: str
    summary: dict[str, Any]

    @property
    def as_of(self) -> date:
        """Return the date up to which the brief's sources were read."""
        return date.fromisoformat(str(self.summary["as_of"]))


@dataclass(frozen=True)
class Released:
    """A released version of a brief, and its release folder's address from the index."""

    version: str
    folder: str


def render_index(
    series: Series,
    brand: Brand,
    entries: list[SeriesEntry],
    layers: tuple[Path, ...],
    t: Labels,
    built: datetime,
    editions: tuple[str, ...],
    folders: dict[str, str] | None = None,
    releases: dict[str, list[Released]] | None = None,
) -> str:
    """Render index.html: the briefs, latest first, each with links to its editions in its
    folder (`folders`, by brief id; by default the brief's id, as a build lays them out)
    and to each of its released versions (`releases`, by brief id)."""
    env = make_environment(layers)
    latest = sorted(entries, key=lambda e: (e.as_of, e.brief_id), reverse=True)
    with render_errors(layers, SERIES_TEMPLATE):
        return env.get_template(SERIES_TEMPLATE).render(
            series=series,
            entries=latest,
            editions=editions,
            t=t,
            built=built,
            assets=ASSETS,
            favicon=favicon_uri(brand.color),
            feed=FEED if series.base_url else None,
            folder={e.brief_id: (folders or {}).get(e.brief_id, e.brief_id) for e in entries},
            releases={e.brief_id: (releases or {}).get(e.brief_id, []) for e in entries},
        )


def atom_feed(
    series: Series,
    entries: list[SeriesEntry],
    t: Labels,
    built: datetime,
    folders: dict[str, str] | None = None,
) -> bytes:
    """Return the series' Atom feed: one entry a brief, latest first, links absolute (each
    folder's name percent-encoded, as the index's links are)."""
    from feedgen.feed import FeedGenerator  # only a project with a base_url has a feed

    assert series.base_url is not None, "a feed needs the series' base_url"
    feed = FeedGenerator()
    feed.id(series.base_url)
    feed.title(series.title)
    feed.link(href=series.base_url, rel="alternate")
    feed.link(href=f"{series.base_url}{FEED}", rel="self")
    feed.language(series.language)
    latest = max((_midnight(e.as_of) for e in entries), default=built)
    feed.updated(max(built, latest))
    if series.description:
        feed.subtitle(series.description)
    for entry in sorted(entries, key=lambda e: (e.as_of, e.brief_id)):
        summary = entry.summary
        item = feed.add_entry()
        folder = quote((folders or {}).get(entry.brief_id, entry.brief_id), safe="")
        item.id(f"{series.base_url}{quote(entry.brief_id, safe='')}/")
        item.title(str(summary["title"]))
        item.link(href=f"{series.base_url}{folder}/brief.html", rel="alternate")
        item.summary(str(summary["bottom_line"]))
        moment = _midnight(entry.as_of)
        item.updated(moment)
        item.published(moment)
    return bytes(feed.atom_str(pretty=True))


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


def brief_summary(brief: Brief) -> dict[str, Any]:
    """Return what the index and the feed say of a brief, and of each translated edition
    (its language, title and one-pagers, in its folder `<language>/`)."""
    summary = _summary(brief)
    editions = [translated(brief, language) for language in brief.metadata.translations]
    if editions:
        summary["translations"] = [_translation_summary(edition) for edition in editions]
    return summary


def _translation_summary(edition: Brief) -> dict[str, Any]:
    meta = edition.metadata
    onepagers = [[topic.id, topic.title] for topic in edition.topics]
    return {"language": meta.language, "name": language_name(meta.language),
            "title": meta.title, "onepagers": onepagers}  # fmt: skip


def _summary(brief: Brief) -> dict[str, Any]:
    meta = brief.metadata
    return {
        "title": meta.title,
        "subtitle": meta.subtitle,
        "as_of": meta.as_of.isoformat(),
        "version": meta.version,
        "marking": meta.marking,
        "language": meta.language,
        "product_id": meta.product_id,
        "bottom_line": brief.front.bottom_line.text,
        "onepagers": [[topic.id, topic.title] for topic in brief.topics],
    }
