"""Turn a loaded Brief into diagnostics: every rule the content must keep beyond its schema.

Each check is a small function `check_x(brief) -> Iterator[Diagnostic]` with its own stable
code; `CHECKS` lists them in order. docs/checks.md documents every code.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator

from briefwright.errors import Diagnostic, Location
from briefwright.evidence import grounding
from briefwright.evidence.coverage import source_coverage
from briefwright.evidence.quotes import (
    MAX_QUOTE,
    closest_passage,
    is_quoted_in,
    normalise,
    quote_parts,
)
from briefwright.evidence.statements import Kind
from briefwright.evidence.variants import find_variants
from briefwright.model.base import Model
from briefwright.model.brand import brand_problems, contrast_failures
from briefwright.model.brief import Brief, Citation, Identified
from briefwright.model.characters import describe, forbidden_characters
from briefwright.model.dates import as_date, last_day
from briefwright.model.source import Source

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
                choices = f"use one of: {', '.join(known)}" if known else (
                    "content/sources/ holds no source yet: add one with "
                    "`briefwright sources add ARTICLE`, then cite its id"
                )  # fmt: skip
                message = f"'{item.id}' cites unknown source '{citation.source}'; {choices}"
                yield Diagnostic("BW102", message, _where(citation, "source"))


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
                yield Diagnostic("BW153", message, _where(citation, "quote"))
            elif source is not None and not is_quoted_in(citation.quote, source.text):
                message = _quote_message(item.id, citation, source.text, brief)
                yield Diagnostic("BW101", message, _where(citation, "quote"))


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


def check_basis_given(brief: Brief) -> Iterator[Diagnostic]:
    """BW107: every judgment and recommendation names the facts it rests on."""
    for item in brief.reasoned():
        if not item.basis:
            message = f"'{item.id}' has no basis; list the ids of the facts it rests on"
            yield Diagnostic("BW107", message, _where(item))


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
        yield Diagnostic("BW108", f"judgment '{item.id}' {problem}", _where(item))


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
    start = _where(source, "text")
    opening = " ".join(normalise(sentence).split()[:6])
    for offset, line in enumerate(source.text.split("\n")):
        if opening in normalise(line):
            return Location(start.path, start.line + offset, 1)
    return start


def check_paragraphs_cited(brief: Brief) -> Iterator[Diagnostic]:
    """BW120 (info): paragraphs of a source that no citation touches."""
    for source in brief.sources:
        for paragraph in source_coverage(brief, source).uncited:
            excerpt = " ".join(paragraph.text.split()[:10])
            message = f"paragraph of '{source.id}' is never cited: {excerpt}…"
            yield Diagnostic("BW120", message, paragraph.location)


def check_onepager_points(brief: Brief) -> Iterator[Diagnostic]:
    """BW130: a one-pager shows 3–5 of its topic's own key points; BW132 (info) names the rest."""
    for topic in brief.topics:
        where = _where(topic.onepager, "key_points") if topic.onepager.key_points else None
        where = where or _where(topic, "key_points")
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
        where = _where(topic.onepager, "recommendations")
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
    for topic in brief.topics:
        for gap_id in topic.onepager.caveats:
            if gap_id not in known:
                message = (
                    f"one-pager of '{topic.id}' names unknown information gap '{gap_id}' as a "
                    f"caveat; use one of: {', '.join(known)}"
                )
                yield Diagnostic("BW133", message, _where(topic.onepager, "caveats"))


# What `init`, `new topic` and `sources add` write for the editor to replace, including the
# sentences earlier versions of `sources add` wrote.
_PLACEHOLDER = re.compile(
    r"REPLACE|replace-with-[\w-]*|Not yet assessed|\[Untitled article\]|"
    r"Given by the editor who added the source"
)
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?]")
MAX_WORD = 60
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD + 1},}}")


def check_text_is_plain(brief: Brief) -> Iterator[Diagnostic]:
    """BW150: no HTML in content text; BW151: no word over MAX_WORD; BW152: no placeholders.

    Markup would be escaped anyway; refusing it tells the editor at once that pasted HTML
    will not render. An unbroken run of thousands of characters makes layout crawl.
    """
    for model, field, text in _editable_texts(brief):
        where = _where(model, field)
        if match := _MARKUP.search(text):
            excerpt = text[match.start() : match.start() + 30]
            message = f"{field} contains HTML markup ({excerpt!r}); write plain text"
            yield Diagnostic("BW150", message, where)
        if placeholder := _PLACEHOLDER.search(text):
            message = f"{field} still holds the placeholder {placeholder.group(0)!r}; fill it in"
            yield Diagnostic("BW152", message, where)
        if match := _LONG_WORD.search(text):
            message = (
                f"{field} has a word of {len(match.group(0)):,} characters; the limit is "
                f"{MAX_WORD}: add spaces or shorten it"
            )
            yield Diagnostic("BW151", message, where)


def check_no_hidden_characters(brief: Brief) -> Iterator[Diagnostic]:
    """BW154: no invisible or direction-changing character in anything an author wrote.

    Source texts are exempt: they are stored verbatim, whatever they hold.
    """
    for model, field, text in _editable_texts(brief):
        for index, char in forbidden_characters(text):
            message = (
                f"{field} holds {describe(char)} at character {index + 1} "
                f"(after {text[max(0, index - 20) : index]!r}); delete it"
            )
            yield Diagnostic("BW154", message, _where(model, field))
            break


def _editable_texts(model: Model) -> Iterator[tuple[Model, str, str]]:
    """Yield (model, field, text) for every string an editor wrote, except article text."""
    for name in type(model).model_fields:
        if isinstance(model, Source) and name in {"text", "url"}:
            continue
        value = getattr(model, name)
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, str):
                yield model, name, item
            elif isinstance(item, Model):
                yield from _editable_texts(item)


def check_sources_cited(brief: Brief) -> Iterator[Diagnostic]:
    """BW106 (warning): every source is cited at least once."""
    cited = {citation.source for _, citation in brief.citations()}
    for source in brief.sources:
        if source.id not in cited:
            message = f"source '{source.id}' is never cited; cite it or remove it"
            yield Diagnostic("BW106", message, _where(source, "id"))


#: Each kind of grounding finding's code (docs/checks.md, BW160–BW166).
_GROUNDING_CODES = {
    Kind.NUMBER: "BW160",
    Kind.DATE: "BW161",
    Kind.NAME: "BW162",
    Kind.MODALITY: "BW163",
    Kind.VERB: "BW164",
    Kind.IDLE_INFERENCE: "BW166",
}


def check_grounding(brief: Brief) -> Iterator[Diagnostic]:
    """BW160–BW164, BW166: no statement says more than the quotes it rests on.

    Numbers, dates and names a statement gives must be in its quotes (errors); a firm claim
    over hedged quotes, or a verb stronger than theirs, is a warning; an `inferred:` note
    that excuses nothing is a warning too. English only: see BW165. A statement still
    holding a placeholder is not grounded: BW152 already says what to do with it.
    """
    if not grounding.is_english(brief):
        return
    unfinished = {
        item.id
        for item in brief.identified()
        if any(_PLACEHOLDER.search(text) for _, _, text in _editable_texts(item))
    }
    for found in grounding.ground(brief):
        if found.item_id not in unfinished:
            yield Diagnostic(_GROUNDING_CODES[found.kind], found.message, found.where)


def check_grounding_language(brief: Brief) -> Iterator[Diagnostic]:
    """BW165 (info): a brief not in English is not grounded; say so once, never pass silently."""
    if not grounding.is_english(brief):
        message = (
            f"the brief's language is '{brief.metadata.language}'; the grounding checks "
            "(BW160–BW164, BW166) read English only, so no statement was checked against its "
            "quotes"
        )
        yield Diagnostic("BW165", message, _where(brief.metadata, "language"))


def check_timeline_order(brief: Brief) -> Iterator[Diagnostic]:
    """BW155: the timeline runs oldest first; BW156: no event is dated after `as_of` unless
    it is `scheduled`. A partial date (2022) spans its year or month: it is out of order only
    when all of it lies before all of the event above it."""
    as_of = brief.metadata.as_of
    for earlier, event in itertools.pairwise(brief.timeline):
        if last_day(event.date) < as_date(earlier.date):
            message = (
                f"event '{event.id}' ({event.date}) is dated before '{earlier.id}' "
                f"({earlier.date}) above it; list the events oldest first"
            )
            yield Diagnostic("BW155", message, _where(event, "date"))
    for event in brief.timeline:
        if as_date(event.date) > as_of and not event.scheduled:
            message = (
                f"event '{event.id}' is dated {event.date}, after the brief's as_of "
                f"({as_of.isoformat()}); check the date, move as_of forward, or add "
                "`scheduled: true` if the sources announce it"
            )
            yield Diagnostic("BW156", message, _where(event, "date"))


def check_brand(brief: Brief) -> Iterator[Diagnostic]:
    """BW170: the brand's text colours pass WCAG AA on their backgrounds; BW171: its fonts
    and logo are ones the theme can use."""
    brand = brief.brand
    schemes = (
        (brand.color, "", "darken the text colour or lighten its background"),
        (brand.dark, " in the dark scheme", "lighten the text colour or darken its background"),
    )
    for palette, scheme, remedy in schemes:
        for what, pair, ratio, required in contrast_failures(palette):
            message = (
                f"{what} ({pair}){scheme} have a contrast of {ratio:.2f}:1; WCAG AA needs "
                f"{required:g}:1: {remedy}"
            )
            yield Diagnostic("BW170", message, _where(palette, pair.split()[0]))
    for message, where in brand_problems(brand):
        yield Diagnostic("BW171", message, where or _where(brand))


CHECKS: tuple[Check, ...] = (
    check_text_is_plain,
    check_no_hidden_characters,
    check_unknown_sources,
    check_quotes_found,
    check_unique_ids,
    check_basis_exists,
    check_facts_are_not_judgments,
    check_basis_given,
    check_judgment_qualified,
    check_sources_cited,
    check_variant_quotations,
    check_paragraphs_cited,
    check_onepager_points,
    check_onepager_recommendations,
    check_onepager_caveats,
    check_grounding_language,
    check_grounding,
    check_timeline_order,
    check_brand,
)


def check_brief(brief: Brief) -> list[Diagnostic]:
    """Run every check and return all diagnostics, in check order."""
    return [diagnostic for check in CHECKS for diagnostic in check(brief)]
