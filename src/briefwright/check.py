"""Turn a loaded Brief into diagnostics: every rule the content must keep beyond its schema.

Each check is a small function `check_x(brief) -> Iterator[Diagnostic]` with its own stable
code; `CHECKS` lists them in order. docs/checks.md documents every code.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator

from briefwright.errors import Diagnostic, Location, Severity
from briefwright.models import Brief, Citation, Identified, Model
from briefwright.quotes import closest_passage, is_quoted_in

Check = Callable[[Brief], Iterator[Diagnostic]]

# ICD 203's likelihood terms and their common hedges: a fact that needs them is a judgment.
_LIKELIHOOD = re.compile(
    r"\b(almost no chance|very unlikely|highly unlikely|unlikely|roughly even chance|"
    r"likely|very likely|highly likely|almost certain(?:ly)?|probabl[ey]|improbable|"
    r"in all likelihood|presumably|perhaps)\b",
    re.IGNORECASE,
)


def _where(item: Model, field: str | None = None) -> Location:
    return item.where(field) or Location("content")


def check_unknown_sources(brief: Brief) -> Iterator[Diagnostic]:
    """BW102: every citation names a source that exists."""
    known = sorted(source.id for source in brief.sources)
    for item in brief.cited():
        for citation in item.cites:
            if brief.source(citation.source) is None:
                message = (
                    f"'{item.id}' cites unknown source '{citation.source}'; "
                    f"use one of: {', '.join(known)}"
                )
                yield Diagnostic("BW102", message, _where(citation, "source"))


def check_quotes_found(brief: Brief) -> Iterator[Diagnostic]:
    """BW101: every quote appears verbatim (after normalising) in the source it cites."""
    for item in brief.cited():
        for citation in item.cites:
            source = brief.source(citation.source)
            if source is not None and not is_quoted_in(citation.quote, source.text):
                yield Diagnostic("BW101", _quote_message(item.id, citation, source.text),
                                 _where(citation, "quote"))  # fmt: skip


def _quote_message(item_id: str, citation: Citation, text: str) -> str:
    miss = closest_passage(citation.quote, text)
    return (
        f"quote in '{item_id}' is not in source '{citation.source}'; closest passage "
        f"({miss.similarity:.0%} similar): {miss.diff}"
    )


def check_unique_ids(brief: Brief) -> Iterator[Diagnostic]:
    """BW103: no two items share an id, so a basis or a link names exactly one thing."""
    seen: dict[str, Identified] = {}
    for item in brief.identified():
        if item.id in seen:
            first = _where(seen[item.id], "id")
            message = f"id '{item.id}' is already used at {first}; choose another id"
            yield Diagnostic("BW103", message, _where(item, "id"))
        else:
            seen[item.id] = item
    for source_id, count in Counter(source.id for source in brief.sources).items():
        if count > 1:
            duplicate = [s for s in brief.sources if s.id == source_id][-1]
            message = f"source id '{source_id}' is used by {count} sources; rename one"
            yield Diagnostic("BW103", message, _where(duplicate, "id"))


def check_basis_exists(brief: Brief) -> Iterator[Diagnostic]:
    """BW104: every judgment and recommendation rests on ids that exist."""
    known = {item.id for item in brief.identified()}
    for item in brief.reasoned():
        for basis in item.basis:
            if basis not in known:
                message = f"'{item.id}' names unknown basis '{basis}'; use the id of a fact"
                yield Diagnostic("BW104", message, _where(item, "basis"))


def check_facts_are_not_judgments(brief: Brief) -> Iterator[Diagnostic]:
    """BW105: a statement filed as a fact uses no likelihood words; those make it a judgment."""
    for item in brief.cited():
        for field in ("text", "role", "definition"):
            text = getattr(item, field, None)
            if isinstance(text, str) and (match := _LIKELIHOOD.search(text)):
                message = (
                    f"fact '{item.id}' says '{match.group(0)}', a likelihood word; "
                    "state only what the source says, or move it to a judgment"
                )
                yield Diagnostic("BW105", message, _where(item, field))


def check_sources_cited(brief: Brief) -> Iterator[Diagnostic]:
    """BW106 (warning): every source is cited at least once."""
    cited = {c.source for item in brief.cited() for c in item.cites}
    for source in brief.sources:
        if source.id not in cited:
            message = f"source '{source.id}' is never cited; cite it or remove it"
            yield Diagnostic("BW106", message, _where(source, "id"), Severity.WARNING)


CHECKS: tuple[Check, ...] = (
    check_unknown_sources,
    check_quotes_found,
    check_unique_ids,
    check_basis_exists,
    check_facts_are_not_judgments,
    check_sources_cited,
)


def check_brief(brief: Brief) -> list[Diagnostic]:
    """Run every check and return all diagnostics, in check order."""
    return [diagnostic for check in CHECKS for diagnostic in check(brief)]
