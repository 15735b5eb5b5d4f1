"""Tests for model/annex.py: the timeline's, actors' and glossary's values."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from briefwright.model.annex import GlossaryEntry, TimelineEvent

_CITE = {"source": "mea-briefing", "quote": "the two sides"}


def test_a_timeline_label_is_at_most_44_characters() -> None:
    """The figure's short label is bounded, so it fits its lane."""
    event = {"id": "visit", "date": "2023-03", "text": "A visit.", "cites": [_CITE]}
    assert TimelineEvent.model_validate(event | {"label": "x" * 44}).label == "x" * 44
    with pytest.raises(ValidationError):
        TimelineEvent.model_validate(event | {"label": "x" * 45})


def test_every_annex_entry_rests_on_at_least_one_citation() -> None:
    """An uncited glossary definition is refused like an uncited fact."""
    entry = {"id": "acsa", "term": "ACSA", "definition": "An agreement."}
    with pytest.raises(ValidationError):
        GlossaryEntry.model_validate(entry | {"cites": []})
    assert GlossaryEntry.model_validate(entry | {"cites": [_CITE]}).variants == ()
