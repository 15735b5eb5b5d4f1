"""Tests for briefwright.check.onepagers: each one-pager shows 3–5 of its own key points,
one or two recommendations that exist, and caveats that are information gaps."""

from __future__ import annotations

from briefwright.check.onepagers import (
    check_onepager_caveats,
    check_onepager_points,
    check_onepager_recommendations,
)
from tests.unit.check.conftest import Minimal, found

ONEPAGER = "onepager:\n  recommendations: [rec-1]"


def test_the_minimal_one_pager_passes(minimal: Minimal) -> None:
    """Three key points, one recommendation, no caveat: nothing to report."""
    brief = minimal.brief()
    assert found(check_onepager_points, brief) == []
    assert found(check_onepager_recommendations, brief) == []
    assert found(check_onepager_caveats, brief) == []


def test_a_point_of_another_topic_and_too_few_points_are_bw130(minimal: Minimal) -> None:
    """Naming a point the topic lacks is BW130; so is showing fewer than three; the points
    left out are BW132 information."""
    minimal.edit("topics/only.yaml", ONEPAGER, f"{ONEPAGER}\n  key_points: [fact-one, fact-bg]")
    found_points = found(check_onepager_points, minimal.brief())
    where = minimal.at("topics/only.yaml", 28, 15)
    assert found_points == [
        f"{where}: BW130 one-pager of 'only' lists 'fact-bg', which is not one of its key "
        "points: fact-one, fact-two, fact-three",
        f"{where}: BW130 one-pager of 'only' shows 1 key points; choose 3 to 5 under "
        "`onepager: key_points:`",
        f"{where}: BW132 one-pager of 'only' leaves out: fact-two, fact-three",
    ]


def test_an_unknown_or_a_third_recommendation_is_bw131(minimal: Minimal) -> None:
    """A recommendation brief.yaml lacks is BW131, and so is a count other than one or two."""
    minimal.edit("topics/only.yaml", "[rec-1]", "[rec-1, rec-9, rec-1]")
    problems = found(check_onepager_recommendations, minimal.brief())
    assert [p.split(": ", 1)[1] for p in problems] == [
        "BW131 one-pager of 'only' names unknown recommendation 'rec-9'; use one of: rec-1",
        "BW131 one-pager of 'only' carries 3 recommendations; name 1 or 2 under "
        "`onepager: recommendations:`",
    ]


def test_a_caveat_that_is_no_information_gap_is_bw133(minimal: Minimal) -> None:
    """A caveat must name an information gap of brief.yaml: the message lists them, or says
    there is none yet."""
    minimal.edit("topics/only.yaml", ONEPAGER, f"{ONEPAGER}\n  caveats: [gap-9]")
    (problem,) = found(check_onepager_caveats, minimal.brief())
    assert problem == (
        f"{minimal.at('topics/only.yaml', 28, 12)}: BW133 one-pager of 'only' names unknown "
        "information gap 'gap-9' as a caveat; brief.yaml lists no information gap yet: add "
        "it under `information_gaps:`"
    )
    gaps = "information_gaps:\n  - {id: gap-1, text: Nobody knows the cost.}\n"
    minimal.edit("brief.yaml", "recommendations:", gaps + "recommendations:")
    (problem,) = found(check_onepager_caveats, minimal.brief())
    assert problem.endswith("as a caveat; use one of: gap-1")
