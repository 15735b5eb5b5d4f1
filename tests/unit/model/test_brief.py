"""Tests for briefwright.model: a brief walked in reading order, judgments labelled."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from briefwright.load.content import load_brief
from briefwright.model.brief import Judgment, Topic
from briefwright.model.vocab import Confidence, Likelihood
from tests.conftest import CONTENT


def test_cited_items_come_in_reading_order() -> None:
    """Background, then each topic's key points, then timeline, actors and glossary."""
    brief = load_brief(CONTENT)
    ids = [item.id for item in brief.cited()]
    expected = [item.id for item in brief.front.background]
    for topic in brief.topics:
        expected += [point.id for point in topic.key_points]
    expected += [event.id for event in brief.timeline] + [actor.id for actor in brief.actors]
    expected += [entry.id for entry in brief.glossary]
    assert ids == expected


def test_judgments_start_with_the_bottom_line() -> None:
    """The bottom line comes first, alternative views last; recommendations are reasoned too."""
    brief = load_brief(CONTENT)
    judgments = list(brief.judgments())
    assert judgments[0] is brief.front.bottom_line
    assert judgments[-1] is brief.front.alternative_views[-1]
    reasoned = list(brief.reasoned())
    assert reasoned[-1] is brief.front.recommendations[-1]


@pytest.mark.parametrize(
    ("fields", "label"),
    [
        ({"confidence": Confidence.HIGH}, "high confidence"),
        ({"likelihood": Likelihood.LIKELY}, "likely (55–80%)"),
        ({}, "unqualified"),
    ],
)
def test_a_judgment_is_labelled_by_its_scale(fields: dict[str, object], label: str) -> None:
    """A judgment's label names its confidence, or its ICD 203 term with the range."""
    judgment = Judgment.model_validate({"id": "j", "text": "It will.", **fields})
    assert judgment.label == label


def test_a_onepager_shows_its_chosen_points_in_its_order() -> None:
    """A one-pager lists the key points it names, in the order it names them."""
    topic = load_brief(CONTENT).topics[0]
    chosen = tuple(reversed(topic.onepager.key_points))
    reordered = topic.model_copy(update={"onepager": topic.onepager.model_copy(
        update={"key_points": chosen})})  # fmt: skip
    assert [point.id for point in reordered.onepager_points()] == list(chosen)


def test_a_topic_bottom_line_is_one_sentence() -> None:
    """A two-sentence bottom line is refused when the topic is validated."""
    topic = load_brief(CONTENT).topics[0].model_dump()
    topic["bottom_line"]["text"] = "One. Two."
    with pytest.raises(ValidationError, match="one sentence"):
        Topic.model_validate(topic)


def test_models_are_frozen() -> None:
    """Nothing is half-built: a loaded model cannot be changed in place."""
    brief = load_brief(CONTENT)
    with pytest.raises(ValidationError):
        brief.metadata.title = "Changed"  # type: ignore[misc]
