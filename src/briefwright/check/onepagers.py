"""Turn a brief's topics into diagnostics about their one-pagers: the points, the
recommendations and the caveats a one-pager needs.
"""

from __future__ import annotations

from collections.abc import Iterator

from briefwright.check.where import located
from briefwright.errors import Diagnostic
from briefwright.model.brief import Brief


def check_onepager_points(brief: Brief) -> Iterator[Diagnostic]:
    """BW130: a one-pager shows 3–5 of its topic's own key points; BW132 (info) names the rest."""
    for topic in brief.topics:
        where = located(topic.onepager, "key_points") if topic.onepager.key_points else None
        where = where or located(topic, "key_points")
        own = [point.id for point in topic.key_points]
        for point_id in topic.onepager.key_points:
            if point_id not in own:
                message = (
                    f"one-pager of '{topic.id}' lists '{point_id}', which is not one of its "
                    f"key points: {', '.join(own)}"
                )
                yield Diagnostic("BW130", message, where)
        shown = [point.id for point in topic.onepager_points()]
        if not 3 <= len(shown) <= 5:
            message = (
                f"one-pager of '{topic.id}' shows {len(shown)} key points; choose 3 to 5 under "
                "`onepager: key_points:`"
            )
            yield Diagnostic("BW130", message, where)
        if left_out := [point_id for point_id in own if point_id not in shown]:
            message = f"one-pager of '{topic.id}' leaves out: {', '.join(left_out)}"
            yield Diagnostic("BW132", message, where)


def check_onepager_recommendations(brief: Brief) -> Iterator[Diagnostic]:
    """BW131: a one-pager carries one or two recommendations that exist in brief.yaml."""
    known = [item.id for item in brief.front.recommendations]
    for topic in brief.topics:
        where = located(topic.onepager, "recommendations")
        chosen = topic.onepager.recommendations
        for item_id in chosen:
            if item_id not in known:
                message = (
                    f"one-pager of '{topic.id}' names unknown recommendation '{item_id}'; "
                    f"use one of: {', '.join(known)}"
                )
                yield Diagnostic("BW131", message, where)
        if not 1 <= len(chosen) <= 2:
            message = (
                f"one-pager of '{topic.id}' carries {len(chosen)} recommendations; name 1 or 2 "
                "under `onepager: recommendations:`"
            )
            yield Diagnostic("BW131", message, where)


def check_onepager_caveats(brief: Brief) -> Iterator[Diagnostic]:
    """BW133: a one-pager's caveats name information gaps that exist in brief.yaml."""
    known = [gap.id for gap in brief.front.information_gaps]
    choices = f"use one of: {', '.join(known)}" if known else (
        "brief.yaml lists no information gap yet: add it under `information_gaps:`"
    )  # fmt: skip
    for topic in brief.topics:
        for gap_id in topic.onepager.caveats:
            if gap_id not in known:
                message = (
                    f"one-pager of '{topic.id}' names unknown information gap '{gap_id}' as a "
                    f"caveat; {choices}"
                )
                yield Diagnostic("BW133", message, located(topic.onepager, "caveats"))
