"""Number a brief's figures in reading order, and give each its caption and its anchor.

A brief reads: the background, then each topic, then the timeline. A data figure follows the
background, or the key points of the topic it names (`Figure.topic`); the timeline figure
opens the Timeline section. So "Figure 1" is always the first figure a reader meets.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from briefwright.model.figure import Figure

TIMELINE = "timeline"


@dataclass(frozen=True)
class Numbered:
    """A figure's place among the brief's figures: its number, caption and anchor."""

    id: str
    number: int
    caption: str

    @property
    def label(self) -> str:
        """Return how the text refers to the figure: `Figure 1`."""
        return f"Figure {self.number}"

    @property
    def anchor(self) -> str:
        """Return the HTML id of the `<figure>`: `figure-<id>`."""
        return f"figure-{self.id}"

    @property
    def caption_text(self) -> str:
        """Return the caption as the `<figcaption>` prints it: `Figure 1. Exercises …`."""
        return f"{self.label}. {self.caption}"


def number_figures(figures: Iterable[tuple[str, str]]) -> dict[str, Numbered]:
    """Number (id, caption) pairs given in reading order, from 1; refuse an id given twice."""
    numbered: dict[str, Numbered] = {}
    for figure_id, caption in figures:
        if figure_id in numbered:
            raise ValueError(f"figure '{figure_id}' is placed twice")
        numbered[figure_id] = Numbered(figure_id, len(numbered) + 1, caption)
    return numbered


def reading_order(
    figures: Sequence[Figure], topic_ids: Sequence[str], timeline_caption: str | None = None
) -> list[tuple[str, str]]:
    """Return (id, caption) of the figures in the order a reader meets them: those after
    the background, then each topic's (topics in their order), then the timeline's, if any;
    within one place, by id. A figure naming an unknown topic follows the last topic."""
    place = {topic: number for number, topic in enumerate(topic_ids, 1)}
    after_topics = len(topic_ids) + 1

    def where(figure: Figure) -> tuple[int, str]:
        if figure.topic is None:
            return 0, figure.id
        return place.get(figure.topic, after_topics), figure.id

    ordered = [(f.id, f.caption) for f in sorted(figures, key=where)]
    return ordered + ([(TIMELINE, timeline_caption)] if timeline_caption is not None else [])
