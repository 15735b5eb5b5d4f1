"""Decide which documents a build makes (the brief, and one one-pager per topic), render
their HTML, and describe each as a typesetting job."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from briefwright.errors import BriefError, Location
from briefwright.model.brief import Brief, Topic
from briefwright.render.changes import History
from briefwright.render.html import render_brief, render_onepager
from briefwright.render.labels import Labels
from briefwright.typeset.worker import Job

ONEPAGERS = "onepagers"


@dataclass(frozen=True)
class Target:
    """One document to build: the brief, or one topic's one-pager."""

    topic: Topic | None

    @property
    def stem(self) -> str:
        """Return the artifact path without its extension, relative to the output folder."""
        return "brief" if self.topic is None else f"{ONEPAGERS}/{self.topic.id}"

    @property
    def base(self) -> str:
        """Return the folder, relative to the output folder, the HTML's links resolve from."""
        return "" if self.topic is None else ONEPAGERS

    def render(
        self,
        brief: Brief,
        layers: tuple[Path, ...],
        built: datetime,
        t: Labels,
        history: History | None = None,
        preload: Sequence[str] = (),
    ) -> str:
        """Render this document's HTML from the template layers, in the labels' language
        (the brief with what changed since its previous version, when `history` says),
        preloading the fonts `preload` names (from its assets folder)."""
        if self.topic is None:
            return render_brief(brief, layers, built, t, history, preload)
        return render_onepager(brief, self.topic, layers, built, t, preload)

    def job(self, html: str) -> Job:
        """Describe this document's typesetting for a worker process."""
        if self.topic is None:
            return Job(self.stem, html, self.base)
        where = self.topic.onepager.where("key_points") or self.topic.where()
        return Job(self.stem, html, self.base, self.topic.id, where)


def select_targets(brief: Brief, only: str | None, content_dir: Path) -> list[Target]:
    """Return the documents to build: all, `brief`, `onepagers`, or one topic by id."""
    onepagers = [Target(topic) for topic in brief.topics]
    if only is None:
        return [Target(None), *onepagers]
    if only == "brief":
        return [Target(None)]
    if only == ONEPAGERS:
        return onepagers
    chosen = [target for target in onepagers if target.topic and target.topic.id == only]
    if not chosen:
        valid = ", ".join(["brief", ONEPAGERS, *(t.id for t in brief.topics)])
        message = f"{only!r} names no document or topic; use one of: {valid}"
        raise BriefError.of("BW005", message, Location(str(content_dir / "topics")))
    return chosen


def render_pages(
    brief: Brief,
    targets: list[Target],
    layers: tuple[Path, ...],
    built: datetime,
    t: Labels,
    history: History | None = None,
    preload: Sequence[str] = (),
) -> dict[str, str]:
    """Return each target's HTML by its stem, in target order."""
    return {
        target.stem: target.render(brief, layers, built, t, history, preload) for target in targets
    }
