"""Tests for briefwright.pipeline.targets: which documents a build makes."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefwright.errors import BriefError
from briefwright.load.content import load_brief
from briefwright.pipeline.targets import ONEPAGERS, Target, select_targets
from tests.conftest import CONTENT, MakeProject


def test_all_targets_are_the_brief_then_each_topic() -> None:
    """With no --only, the brief comes first, then one one-pager per topic in topic order."""
    brief = load_brief(CONTENT)
    stems = [target.stem for target in select_targets(brief, None, CONTENT)]
    assert stems == ["brief", *(f"{ONEPAGERS}/{topic.id}" for topic in brief.topics)]


@pytest.mark.parametrize(
    ("only", "stems"),
    [("brief", ["brief"]), ("onepagers", [f"{ONEPAGERS}/only"]), ("only", [f"{ONEPAGERS}/only"])],
)
def test_only_selects(project: MakeProject, only: str, stems: list[str]) -> None:
    """--only names the brief, all one-pagers, or one topic's one-pager."""
    content = project("minimal")
    assert [t.stem for t in select_targets(load_brief(content), only, content)] == stems


def test_unknown_only_lists_the_valid_ids(project: MakeProject) -> None:
    """--only with an unknown topic id is BW005 listing what can be built."""
    content = project("minimal")
    with pytest.raises(BriefError) as caught:
        select_targets(load_brief(content), "nope", content)
    assert str(caught.value) == (
        f"{content}/topics:1:1: BW005 'nope' names no document or topic; "
        "use one of: brief, onepagers, only"
    )


def test_a_job_carries_its_link_base_and_fit_location(project: MakeProject) -> None:
    """The brief's job resolves links from the output folder; a one-pager's from onepagers/,
    and it names the topic file for a fit error."""
    content = project("minimal")
    brief = load_brief(content)
    whole, onepager = Target(None).job("<p>x</p>"), Target(brief.topics[0]).job("<p>y</p>")
    assert (whole.base, whole.fit_topic) == ("", None)
    assert (onepager.base, onepager.fit_topic) == (ONEPAGERS, "only")
    assert onepager.fit_where is not None
    assert Path(onepager.fit_where.path) == content / "topics" / "only.yaml"
