"""Turn a brief's audience and its recommendations' addressees into diagnostics: a brief
says whom it is for (BW194), each recommendation says who acts (BW193), and that is the
audience or a part of it (BW192).

An addressee is *part of* the audience when, compared without case, a leading "the" or
typographic apostrophes, it is the audience itself, one of `metadata.audience_parts`, or a
name that the audience's sentence (or a part) holds as whole words and not as a possessive:
"Ministry of Defence" and "India's Ministry of Defence" are part of "India's Ministry of
Defence and the planners advising it"; "India" is not (the sentence names it only as the
ministry's owner), nor is "the two air forces".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefwright.check.text import PLACEHOLDER
from briefwright.check.where import located
from briefwright.errors import Diagnostic
from briefwright.model.brief import Brief, Metadata

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def check_audience_named(brief: Brief) -> Iterator[Diagnostic]:
    """BW194: a brief with recommendations names its audience (`metadata.audience`)."""
    if brief.front.recommendations and brief.metadata.audience is None:
        message = (
            "the brief names no audience; add `audience:` under `metadata` (who the brief "
            'is for, e.g. "India\'s Ministry of Defence and the planners advising it")'
        )
        yield Diagnostic("BW194", message, located(brief.metadata))


def check_recommendations_addressed(brief: Brief) -> Iterator[Diagnostic]:
    """BW193: every recommendation names who acts on it (`to:`)."""
    for item in brief.front.recommendations:
        if item.to is None:
            message = (
                f"recommendation '{item.id}' names no addressee; add `to:` with who acts on "
                "it (the audience, or a part of it)"
            )
            yield Diagnostic("BW193", message, located(item))


def check_addressees_in_audience(brief: Brief) -> Iterator[Diagnostic]:
    """BW192: a recommendation's addressee is the brief's audience or a part of it."""
    meta = brief.metadata
    if meta.audience is None or PLACEHOLDER.search(meta.audience):
        return  # BW194 or BW152 says so, once
    for item in brief.front.recommendations:
        if item.to is None or PLACEHOLDER.search(item.to):
            continue
        if not is_part_of_audience(item.to, meta):
            message = (
                f"recommendation '{item.id}' is for '{item.to}', who is not the brief's "
                f"audience ('{meta.audience}') or a part of it; recommend what the audience "
                "can decide, or list the addressee under `metadata.audience_parts` if it is "
                "one of them"
            )
            yield Diagnostic("BW192", message, located(item, "to"))


def is_part_of_audience(addressee: str, meta: Metadata) -> bool:
    """Return whether an addressee is the audience, one of its parts, or named by either."""
    wanted = _normalise(addressee)
    wholes = [_normalise(text) for text in (meta.audience or "", *meta.audience_parts)]
    return any(wanted == whole or _names(whole, wanted) for whole in wholes if whole)


def _names(text: str, name: str) -> bool:
    """Return whether `text` holds `name` as whole words, not followed by a possessive."""
    return re.search(rf"(?<!\w){re.escape(name)}(?![\w'])", text) is not None


def _normalise(text: str) -> str:
    """Return a name as the comparison sees it: case-folded, straight apostrophes, single
    spaces, without a leading "the" or trailing punctuation."""
    text = " ".join(text.translate(_APOSTROPHES).casefold().split()).rstrip(".;:,")
    return text.removeprefix("the ")
