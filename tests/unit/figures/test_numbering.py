"""Tests for briefwright.figures.numbering: figure numbers in reading order, captions."""

from __future__ import annotations

import pytest

from briefwright.figures.numbering import TIMELINE, number_figures, reading_order
from briefwright.model.figure import Figure
from tests.unit.figures.conftest import load_figure


def test_figures_are_numbered_in_reading_order() -> None:
    """Figures are numbered from 1 in the order given, with caption and anchor."""
    numbered = number_figures([("ships", "Ships by navy"), (TIMELINE, "Timeline")])
    assert numbered[TIMELINE].label == "Figure 2"
    assert numbered["ships"].caption_text == "Figure 1. Ships by navy"
    assert numbered["ships"].anchor == "figure-ships"
    assert [n.id for n in sorted(numbered.values(), key=lambda n: n.number)] == [
        "ships",
        TIMELINE,
    ]


def test_a_figure_placed_twice_is_refused() -> None:
    """One figure cannot have two numbers."""
    with pytest.raises(ValueError, match="placed twice"):
        number_figures([("ships", "a"), ("ships", "b")])


def test_reading_order_follows_background_topics_then_timeline() -> None:
    """Figures after the background come first, then each topic's in topic order, then the
    timeline's."""
    ships = load_figure("ships")
    grid = load_figure("exercises")
    in_topic = Figure.model_validate({**grid.model_dump(exclude_none=True), "topic": "b"})
    late = Figure.model_validate(
        {**ships.model_dump(exclude_none=True), "id": "late", "topic": "a"}
    )
    order = reading_order([in_topic, late, ships], ["a", "b"], "Timeline of events")
    assert [figure_id for figure_id, _ in order] == ["ships", "late", "exercises", TIMELINE]
