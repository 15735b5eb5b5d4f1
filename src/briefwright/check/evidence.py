"""Turn a brief's citations into diagnostics: sources that do not exist, are never cited or
were published after `as_of`, quotes not found in their source, variant quotations,
statements that say more than their quotes (grounding, evidence/grounding.py), and facts
whose origins do not agree (evidence/corroboration.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from briefwright.check.text import PLACEHOLDER, editable_texts
from briefwright.check.where import located
from briefwright.errors import Diagnostic, Location
from briefwright.evidence import grounding
from briefwright.evidence.corroboration import Origin, origins
from briefwright.evidence.japanese_grounding import ground_japanese, is_japanese
from briefwright.evidence.quotes import (
    MAX_QUOTE,
    closest_passage,
    is_ambiguous_in,
    is_quoted_in,
    normalise,
    quote_parts,
)
from briefwright.evidence.statements import Kind, stated_field
from briefwright.evidence.variants import find_variants
from briefwright.model.brief import Brief, Citation
from briefwright.model.source import Source


def check_unknown_sources(brief: Brief) -> Iterator[Diagnostic]:
    """BW102: every citation names a source that exists."""
    known = sorted(source.id for source in brief.sources)
    for item in brief.cited():
        for citation in item.cites:
            if brief.source(citation.source) is None:
                choices = f"use one of: {', '.join(known)}" if known else (
                    "content/sources/ holds no source yet: add one with "
                    "`briefwright sources add ARTICLE`, then cite its id"
                )  # fmt: skip
                message = f"'{item.id}' cites unknown source '{citation.source}'; {choices}"
                yield Diagnostic("BW102", message, located(citation, "source"))


def check_quotes_found(brief: Brief) -> Iterator[Diagnostic]:
    """BW101: every quote appears verbatim (after normalising) in the source it cites;
    BW153: no quote is longer than MAX_QUOTE characters (it is not searched for)."""
    for item in brief.cited():
        for citation in item.cites:
            source = brief.source(citation.source)
            if len(citation.quote) > MAX_QUOTE:
                message = (
                    f"quote in '{item.id}' is {len(citation.quote):,} characters; the limit is "
                    f"{MAX_QUOTE:,}: quote the passage that supports the statement"
                )
                yield Diagnostic("BW153", message, located(citation, "quote"))
            elif source is not None and not is_quoted_in(citation.quote, source.text):
                message = _quote_message(item.id, citation, source.text, brief)
                yield Diagnostic("BW101", message, located(citation, "quote"))


def check_quotes_unambiguous(brief: Brief) -> Iterator[Diagnostic]:
    """BW109 (warning): a quote names one passage of its source, not the first of several.

    A note, its page, its highlight and its annotation anchor on the first match; guessing
    is how annotations come to sit on the wrong passage (hypothesis/client#7571).
    """
    for item in brief.cited():
        for citation in item.cites:
            source = brief.source(citation.source)
            if source is None or len(citation.quote) > MAX_QUOTE:
                continue
            if is_ambiguous_in(citation.quote, normalise(source.text)):
                message = (
                    f"quote in '{item.id}' matches more than one passage of source "
                    f"'{citation.source}'; quote a longer passage, so it names one"
                )
                yield Diagnostic("BW109", message, located(citation, "quote"))


def _quote_message(item_id: str, citation: Citation, text: str, brief: Brief) -> str:
    head = f"quote in '{item_id}' is not in source '{citation.source}'"
    elsewhere = [s.id for s in brief.sources if s.id != citation.source
                 and is_quoted_in(citation.quote, s.text)]  # fmt: skip
    if elsewhere:
        return f"{head} but is in source '{elsewhere[0]}'; cite that source"
    parts = quote_parts(citation.quote)
    if len(parts) > 1 and all(is_quoted_in(part, text) for part in parts):
        return f"{head}: each part around the ellipsis is there, but not in this order"
    miss = closest_passage(citation.quote, text)
    if not miss.passage:
        return f"{head}; no close passage found"
    return f"{head}; closest passage ({miss.similarity:.0%} similar): {_excerpt(miss.diff)}"


def _excerpt(text: str, limit: int = 400) -> str:
    """Return text cut to about `limit` characters at a word, so a message stays one line."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def check_variant_quotations(brief: Brief) -> Iterator[Diagnostic]:
    """BW110 (warning) / BW111 (info): remarks two sources quote in different words.

    A variant is acknowledged when a `wording_choices` entry names its quoting source as
    the wording the brief does not rely on.
    """
    declined = {choice.variant.source: choice for choice in brief.front.wording_choices}
    for variant in find_variants(brief.sources):
        choice = declined.get(variant.quoting.id)
        head = (
            f"'{variant.quoting.id}' quotes a remark that '{variant.other.id}' words "
            f"differently ({variant.similarity:.0%} similar): {variant.diff}"
        )
        where = _line_of(variant.quoting, variant.sentence)
        if choice is None:
            message = f"{head}; add a wording_choices entry saying which wording the brief uses"
            yield Diagnostic("BW110", message, where)
        else:
            message = f"{head}; the brief relies on '{choice.preferred.source}' ({choice.id})"
            yield Diagnostic("BW111", message, where)


def _line_of(source: Source, sentence: str) -> Location:
    """Return the line of the source file where a quoted sentence starts."""
    start = located(source, "text")
    opening = " ".join(normalise(sentence).split()[:6])
    for offset, line in enumerate(source.text.split("\n")):
        if opening in normalise(line):
            return Location(start.path, start.line + offset, 1)
    return start


def check_sources_cited(brief: Brief) -> Iterator[Diagnostic]:
    """BW106 (warning): every source is cited at least once."""
    cited = {citation.source for _, citation in brief.citations()}
    for source in brief.sources:
        if source.id not in cited:
            message = f"source '{source.id}' is never cited; cite it or remove it"
            yield Diagnostic("BW106", message, located(source, "id"))


#: Each kind of grounding finding's code (docs/checks.md, BW160–BW168).
_GROUNDING_CODES = {
    Kind.NUMBER: "BW160",
    Kind.DATE: "BW161",
    Kind.NAME: "BW162",
    Kind.MODALITY: "BW163",
    Kind.VERB: "BW164",
    Kind.IDLE_INFERENCE: "BW166",
    Kind.POLARITY: "BW167",
    Kind.CUT_HEDGE: "BW168",
}


def check_grounding(brief: Brief) -> Iterator[Diagnostic]:
    """BW160–BW164, BW166–BW168: no statement says more than the quotes it rests on.

    Numbers, dates and names a statement gives must be in its quotes, and it may not negate
    what they assert (errors); a firm claim over hedged quotes, a verb stronger than theirs,
    or a quote cut off after a hedge is a warning; an `inferred:` note that excuses nothing
    is a warning too. English only, but for a brief in Japanese, whose numbers and dates are
    read (evidence/japanese_grounding.py): see BW165. A statement still holding a
    placeholder is not grounded: BW152 already says what to do with it.
    """
    if grounding.is_english(brief):
        findings = grounding.ground(brief)
    elif is_japanese(brief):
        findings = ground_japanese(brief)
    else:
        return
    unfinished = _unfinished(brief)
    for found in findings:
        if found.item_id not in unfinished:
            yield Diagnostic(_GROUNDING_CODES[found.kind], found.message, found.where)


def _unfinished(brief: Brief) -> set[str]:
    """Return the ids of the items still holding a placeholder (BW152 says what to do)."""
    return {
        item.id
        for item in brief.identified()
        if any(PLACEHOLDER.search(text) for _, _, text in editable_texts(item))
    }


def check_corroboration(brief: Brief) -> Iterator[Diagnostic]:
    """BW169 (info): a fact that cites two or more independent origins but is not marked
    corroborated, because fewer than two of them give all it states on their own."""
    if not grounding.is_english(brief):
        return
    unfinished = _unfinished(brief)
    for item in brief.cited():
        found = origins(brief, item)
        if len(found) < 2 or sum(o.agrees for o in found) >= 2 or item.id in unfinished:
            continue
        short = "; ".join(_falls_short(origin) for origin in found if not origin.agrees)
        message = (
            f"'{item.id}' cites {len(found)} independent origins but is not marked "
            f"corroborated: {short}"
        )
        yield Diagnostic("BW169", message, located(item, stated_field(item)))


def _falls_short(origin: Origin) -> str:
    words = ", ".join(f"'{word}'" for word in origin.missing[:4])
    more = " …" if len(origin.missing) > 4 else ""
    verb = "does" if len(origin.sources) == 1 else "do"
    return f"{' and '.join(origin.sources)} alone {verb} not give {words}{more}"


def check_sources_of_their_time(brief: Brief) -> Iterator[Diagnostic]:
    """BW157 (warning): no citation names a source published after the brief's `as_of`:
    the brief says it read its sources up to that date."""
    as_of = brief.metadata.as_of
    for item_id, citation in brief.citations():
        source = brief.source(citation.source)
        if source is not None and source.published > as_of:
            message = (
                f"'{item_id}' cites '{source.id}', published {source.published.isoformat()}, "
                f"after the brief's as_of ({as_of.isoformat()}); move as_of forward, or cite "
                "a source of its time"
            )
            yield Diagnostic("BW157", message, located(citation, "source"))


def check_grounding_language(brief: Brief) -> Iterator[Diagnostic]:
    """BW165 (info): a brief not in English is not grounded, a Japanese one only for numbers
    and dates; say so once, never pass silently."""
    if is_japanese(brief):
        message = (
            f"the brief's language is '{brief.metadata.language}'; its numbers and dates "
            "were checked against its quotes (BW160, BW161, BW166), but the checks of names, "
            "modality, verbs, polarity, hedges and corroboration (BW162–BW164, BW167–BW169) "
            "read English only"
        )
        yield Diagnostic("BW165", message, located(brief.metadata, "language"))
    elif not grounding.is_english(brief):
        message = (
            f"the brief's language is '{brief.metadata.language}'; the grounding checks "
            "(BW160–BW164, BW166–BW169) read English only, so no statement was checked "
            "against its quotes"
        )
        yield Diagnostic("BW165", message, located(brief.metadata, "language"))
