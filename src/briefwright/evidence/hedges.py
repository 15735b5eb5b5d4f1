"""Turn quotes, and the quotations in a statement's own text, into findings where they start
right after a hedge in the same sentence of their source (BW168): "sometime last year"
quoted from "I think it was sometime last year" drops the speaker's doubt.

"Right after" is at most MAX_GAP words between the hedge and the quote, in one sentence of
the source. A statement that carries a hedge of its own ("he thought", "reportedly") keeps
the doubt, and is not reported. English only, plainly read (docs/checks.md, BW168).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefwright.errors import Location
from briefwright.evidence.quotes import normalise, quote_parts
from briefwright.evidence.statements import Finding, Kind, Statement, stated_text
from briefwright.model.brief import Brief, Citation
from briefwright.model.source import Source

#: A speaker's or a reporter's doubt, as it stands before the words it qualifies.
HEDGES = re.compile(
    r"\b(?:I|we) (?:think|believe|guess|suppose|feel|understand|recall)\b|"
    r"\b(?:perhaps|maybe|reportedly|allegedly|apparently|possibly|probably|presumably|"
    r"supposedly|seemingly|may|might|could)\b|"
    r"\b(?:is|are|was|were|be|been) (?:believed|thought|said|reported|understood|alleged|"
    r"rumou?red|expected|likely|unlikely) to\b|"
    r"\b(?:seems?|seemed|appears?|appeared) to\b|\bit (?:seems|seemed|appears|appeared)\b|"
    r"\b(?:as far as|if) I (?:know|remember|recall)\b",
    re.IGNORECASE,
)
#: Words a statement may use to keep a source's doubt in its own voice.
KEPT = re.compile(
    rf"{HEDGES.pattern}|\b(?:thinks?|thought|believes?|believed|recalls?|recalled|"
    r"unsure|uncertain|not sure|guesse[sd]|suggests?|suggested|estimates?|estimated)\b",
    re.IGNORECASE,
)
#: At most this many words between a hedge and the quote it qualifies.
MAX_GAP = 3
#: Characters of source read before a quote: the longest hedge and MAX_GAP long words.
LOOK_BACK = 160
_SENTENCE_START = re.compile(r"[.!?][\"')\]]*\s+|\n\s*\n")
_QUOTATION = re.compile(r"\"([^\"]+)\"")
_MONTH_MAY = re.compile(r"\bMay\b(?=\s+\d)|(?<=\b(?:in|of|by) )May\b")


def cut_quotes(brief: Brief) -> Iterator[Finding]:
    """Yield each quote of a cited item that starts right after a hedge its statement
    does not keep, at the quote's place."""
    for item in brief.cited():
        text = stated_text(item)
        if KEPT.search(_MONTH_MAY.sub("", text)):
            continue
        for citation in item.cites:
            source = brief.source(citation.source)
            hedge = _hedge_before_quote(citation.quote, source) if source else None
            if hedge is not None:
                yield _quote_finding(item.id, citation, hedge)


def cut_quotations(statement: Statement, entities: object = ()) -> Iterator[Finding]:
    """Yield each quotation in the statement's text that starts right after a hedge in
    every cited source that holds it, unless the statement keeps a hedge of its own."""
    text = normalise(statement.text)
    for match in _QUOTATION.finditer(text):
        before = text[: match.start()]
        if KEPT.search(_MONTH_MAY.sub("", _last_sentence(before))):
            continue
        places = [_hedges_before(match.group(1), s) for s in statement.evidence.sources]
        found = [hedges for hedges in places if hedges is not None]
        # Reported only when every place the sources hold it is right after a hedge.
        if found and all(found):
            hedge = found[0][0]
            message = (
                f"'{statement.item_id}' quotes \"{match.group(1)}\", which its source says "
                f"right after '{hedge}'; quote from the hedge on, or keep it in the "
                "statement's words"
            )
            yield statement.finding(Kind.CUT_HEDGE, hedge, message)


def _hedge_before_quote(quote: str, source: Source) -> str | None:
    """Return the hedge right before the quote (or a part of it after an ellipsis)."""
    for part in quote_parts(quote):
        found = _hedges_before(part, source)
        if found:
            return found[0]
    return None


def _hedges_before(passage: str, source: Source) -> list[str] | None:
    """Return, for each place a passage occurs in the source, the hedge right before it;
    an empty list when some place has none, None when the passage is not there."""
    text, wanted = normalise(source.text), normalise(passage)
    start = text.find(wanted) if wanted else -1
    if start < 0:
        return None
    hedges = []
    while start >= 0:
        hedge = _hedge_ending_at(text, start)
        if hedge is None:
            return []
        hedges.append(hedge)
        start = text.find(wanted, start + 1)
    return hedges


def _hedge_ending_at(text: str, start: int) -> str | None:
    """Return the last hedge of the sentence before `start`, if at most MAX_GAP words
    separate it from `start`. Only the last LOOK_BACK characters are read: a hedge further
    back is more than MAX_GAP words away."""
    sentence = _last_sentence(text[max(0, start - LOOK_BACK) : start])
    hedges = list(HEDGES.finditer(_MONTH_MAY.sub(lambda m: " " * len(m.group(0)), sentence)))
    if not hedges:
        return None
    last = hedges[-1]
    gap = sentence[last.end() :].split()
    return last.group(0) if len(gap) <= MAX_GAP else None


def _last_sentence(before: str) -> str:
    starts = [m.end() for m in _SENTENCE_START.finditer(before)]
    return before[starts[-1] if starts else 0 :]


def _quote_finding(item_id: str, citation: Citation, hedge: str) -> Finding:
    where = citation.where("quote") or Location("content")
    message = (
        f"quote in '{item_id}' starts right after '{hedge}' in source '{citation.source}'; "
        "quote from the hedge on, or keep it in the statement's words"
    )
    return Finding(Kind.CUT_HEDGE, item_id, where, hedge, message)
