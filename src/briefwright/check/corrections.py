"""Turn a brief's corrections into diagnostics: each names statements the brief has (BW401)."""

from __future__ import annotations

from collections.abc import Iterator

from briefwright.check.where import located
from briefwright.errors import Diagnostic
from briefwright.model.brief import Brief, Topic


def check_corrections_name_statements(brief: Brief) -> Iterator[Diagnostic]:
    """BW401: every statement a correction names exists (a topic is a section, not one)."""
    known = {item.id for item in brief.identified() if not isinstance(item, Topic)}
    for correction in brief.front.corrections:
        for statement in correction.statements:
            if statement not in known:
                message = (
                    f"the correction of {correction.date.isoformat()} names '{statement}', "
                    "which is no statement of the brief; name the id of a statement the "
                    "correction changed, as its YAML gives it"
                )
                yield Diagnostic("BW401", message, located(correction, "statements"))
