"""Decide which documents a build makes: the brief, and one one-pager per topic."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from briefwright.errors import BriefError, Diagnostic, Location

if TYPE_CHECKING:  # typesetting workers import this module, and need no content models
    from briefwright.models import Brief, Topic

ONEPAGERS = "onepagers"


@dataclass(frozen=True)
class Target:
    """One document to build: the brief, or one topic's one-pager."""

    topic: Topic | None

    @property
    def stem(self) -> str:
        """Return the artifact path without its extension, relative to the output folder."""
        return "brief" if self.topic is None else f"{ONEPAGERS}/{self.topic.id}"


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
        message = f"--only {only!r} names no document or topic; use one of: {valid}"
        raise BriefError([Diagnostic("BW005", message, Location(str(content_dir / "topics")))])
    return chosen
