"""Turn a brief's facts and judgments into diagnostics: ids given once, a judgment's basis
that exists and is given, facts that do not hedge like judgments, judgments qualified as
ICD 203 asks (a prediction with a likelihood), and paragraphs that cite.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from briefwright.check.where import located
from briefwright.errors import Diagnostic
from briefwright.evidence.clauses import prediction
from briefwright.evidence.coverage import source_coverage
from briefwright.model.brief import Brief, Identified

# ICD 203's likelihood terms and their common hedges: a fact that needs them is a judgment.
_LIKELIHOOD = re.compile(
    r"\b(almost no chance|very unlikely|highly unlikely|unlikely|roughly even chance|"
    r"likely|very likely|highly likely|almost certain(?:ly)?|probabl[ey]|improbable|"
    r"in all likelihood|presumably|perhaps)\b",
    re.IGNORECASE,
)


def check_unique_ids(brief: Brief) -> Iterator[Diagnostic]:
    """BW103: no two items share an id, so a basis or a link names exactly one thing."""
    seen: dict[str, Identified] = {}
    for item in brief.identified():
        if item.id in seen:
            first = located(seen[item.id], "id")
            message = f"id '{item.id}' is already used at {first}; choose another id"
            yield Diagnostic("BW103", message, located(item, "id"))
        else:
            seen[item.id] = item
    for source_id, count in Counter(source.id for source in brief.sources).items():
        if count > 1:
            duplicate = [s for s in brief.sources if s.id == source_id][-1]
            message = f"source id '{source_id}' is used by {count} sources; rename one"
            yield Diagnostic("BW103", message, located(duplicate, "id"))


def check_basis_exists(brief: Brief) -> Iterator[Diagnostic]:
    """BW104: every judgment and recommendation rests on ids that exist."""
    known = {item.id for item in brief.identified()}
    for item in brief.reasoned():
        for basis in item.basis:
            if basis not in known:
                message = f"'{item.id}' names unknown basis '{basis}'; use the id of a fact"
                yield Diagnostic("BW104", message, located(item, "basis"))


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
                yield Diagnostic("BW105", message, located(item, field))


def check_basis_given(brief: Brief) -> Iterator[Diagnostic]:
    """BW107: every judgment and recommendation names the facts it rests on."""
    for item in brief.reasoned():
        if not item.basis:
            message = f"'{item.id}' has no basis; list the ids of the facts it rests on"
            yield Diagnostic("BW107", message, located(item))


def check_judgment_qualified(brief: Brief) -> Iterator[Diagnostic]:
    """BW108: a judgment has a confidence level or a likelihood, never both or neither."""
    for item in brief.judgments():
        if item.confidence is not None and item.likelihood is not None:
            problem = "has both a confidence and a likelihood; keep one"
        elif item.confidence is None and item.likelihood is None:
            problem = "has neither a confidence nor a likelihood; add one"
        elif item.confidence is not None and (match := _LIKELIHOOD.search(item.text)):
            problem = (
                f"has a confidence level and also says '{match.group(0)}'; use "
                "`likelihood:` instead of `confidence:`, or reword"
            )
        else:
            continue
        yield Diagnostic("BW108", f"judgment '{item.id}' {problem}", located(item))


def check_predictions_have_likelihood(brief: Brief) -> Iterator[Diagnostic]:
    """BW112 (warning): a judgment about the future carries a likelihood, not only a
    confidence (ICD 203: how probable an outcome is, not how sure the brief is of its
    sources). "About the future" is read from the text (evidence/clauses.py)."""
    as_of = brief.metadata.as_of
    for item in brief.judgments():
        if item.confidence is None or item.likelihood is not None:
            continue
        if _LIKELIHOOD.search(item.text):  # BW108 already asks for `likelihood:`
            continue
        if (marker := prediction(item.text, as_of)) is not None:
            message = (
                f"judgment '{item.id}' speaks of the future ('{marker}') but carries only a "
                "confidence; give it a `likelihood:` (an ICD 203 term) instead"
            )
            yield Diagnostic("BW112", message, located(item, "confidence"))


def check_paragraphs_cited(brief: Brief) -> Iterator[Diagnostic]:
    """BW120 (info): paragraphs of a source that no citation touches."""
    for source in brief.sources:
        for paragraph in source_coverage(brief, source).uncited:
            excerpt = " ".join(paragraph.text.split()[:10])
            message = f"paragraph of '{source.id}' is never cited: {excerpt}…"
            yield Diagnostic("BW120", message, paragraph.location)
