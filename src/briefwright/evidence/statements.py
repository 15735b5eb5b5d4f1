"""Turn the statements of a Brief into values the grounding rules read: each sentence, where
it was written, and the evidence it may rest on.

A fact rests on its own quotes; a judgment or recommendation on the quotes of the facts
under its basis (judgments followed down to facts). The evidence reads each quote's
numbers, dates (relative ones resolved against a stated source date) and words once, and
names what was checked in the findings' messages.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from briefwright.errors import Location
from briefwright.evidence.clauses import forward_spans, read_clauses
from briefwright.evidence.wording import (
    Amount,
    DateMention,
    canonical,
    demonym_stems,
    name_stem,
    proper_words,
    read_amounts,
    read_dates,
    read_relative_dates,
    words_of,
)
from briefwright.model.annex import Actor, GlossaryEntry, TimelineEvent
from briefwright.model.brief import Brief, Citation, Cited, Inferred, Judgment, Recommendation
from briefwright.model.source import Source
from briefwright.model.vocab import DateBasis


class Kind(StrEnum):
    """What a finding is about; check.py gives each kind its code and severity."""

    NUMBER = "number"
    DATE = "date"
    IDLE_INFERENCE = "idle-inference"
    NAME = "name"
    MODALITY = "modality"
    VERB = "verb"
    POLARITY = "polarity"
    CUT_HEDGE = "cut-hedge"


@dataclass(frozen=True)
class Finding:
    """One word a statement says more firmly, or more fully, than the quotes behind it."""

    kind: Kind
    item_id: str
    where: Location
    word: str
    message: str


@dataclass(frozen=True)
class Entity:
    """A known name (an actor, a glossary term): the forms that show it is in a text, and the
    words it lends to a statement once it is (an actor's office, a term's other spellings)."""

    forms: tuple[str, ...]
    words: frozenset[str]


@dataclass(frozen=True)
class Evidence:
    """What a statement may rest on: quotes, their sources, and the facts they belong to."""

    citations: tuple[Citation, ...]
    sources: tuple[Source, ...]
    through: tuple[str, ...] = ()
    """Ids of the facts whose quotes these are, when the statement is a judgment."""

    @functools.cached_property
    def quotes(self) -> tuple[str, ...]:
        return tuple(citation.quote for citation in self.citations)

    @functools.cached_property
    def amounts(self) -> tuple[Amount, ...]:
        return tuple(amount for quote in self.quotes for amount in _amounts_in(quote))

    @functools.cached_property
    def dates(self) -> tuple[DateMention, ...]:
        by_id = {source.id: source for source in self.sources}
        quoted = (_quoted_dates(c.quote, by_id.get(c.source)) for c in self.citations)
        return (*(m for found in quoted for m in found), *_source_dates(self.sources))

    @functools.cached_property
    def names_text(self) -> str:
        """Return the quotes and the sources' own names, in canonical form, for name search."""
        return canonical(" | ".join((*self.quotes, *map(_source_names, self.sources))))

    @functools.cached_property
    def words(self) -> frozenset[str]:
        texts = (*self.quotes, *map(_source_names, self.sources))
        return frozenset().union(*map(_words_in, texts))

    @functools.cached_property
    def stems(self) -> tuple[frozenset[str], frozenset[str]]:
        """Return the stems of the quotes' capitalised words, plain and with an adjective
        ending cut off, so that "Japanese" finds "Japan" and "China" finds "Chinese"."""
        text = " | ".join((*self.quotes, *map(_source_names, self.sources)))
        names = set(proper_words(text))
        cut = (stem for word in names for stem in demonym_stems(word))
        return frozenset(map(name_stem, names)), frozenset(cut)

    def describe(self) -> str:
        """Say which quotes were checked, e.g. `its 2 quotes (fe-online-2023-03-20)`."""
        count = f"{len(self.citations)} quote{'s' if len(self.citations) != 1 else ''}"
        cited = ", ".join(dict.fromkeys(c.source for c in self.citations))
        if self.through:
            return f"the {count} under its basis ({', '.join(self.through)}; from {cited})"
        return f"its {count} ({cited})"


@dataclass(frozen=True)
class Statement:
    """A sentence of the brief to ground, where it was written, and what it may rest on."""

    item_id: str
    text: str
    where: Location
    evidence: Evidence
    inferred: Inferred | None = None
    dated: str | None = None
    """A timeline event's `date` (YYYY, YYYY-MM or YYYY-MM-DD), itself a claim."""
    as_of: date | None = None
    """The brief's `as_of`: a date after it, in a forward clause, is a target, not a claim."""
    forward: tuple[tuple[int, int], ...] = ()
    """Where the text prescribes or predicts (a judgment's or recommendation's forward
    clauses, evidence/clauses.py); a fact's text has none."""
    prescribes: bool = False
    """The statement is a recommendation: its forward clauses' plain counts are targets."""

    @functools.cached_property
    def claimed(self) -> str:
        """Return the text with its forward clauses blanked: what it states as so."""
        return _blank(self.text, self.forward)

    @functools.cached_property
    def foreseen(self) -> str:
        """Return the text with all but its forward clauses blanked."""
        edges = iter([0, *(edge for span in self.forward for edge in span), len(self.text)])
        return _blank(self.text, zip(edges, edges, strict=True))

    def finding(self, kind: Kind, word: str, message: str) -> Finding:
        """Return a finding about a word of this statement."""
        return Finding(kind, self.item_id, self.where, word, message)


#: The field of a cited item that states its fact (the rest, e.g. an actor's name, define it).
_STATED_FIELD: dict[type, str] = {Actor: "role", GlossaryEntry: "definition"}


def statements(brief: Brief) -> tuple[Statement, ...]:
    """Return every statement the rules read, in reading order, with what it may rest on."""
    by_id = _cited_by_id(brief)
    found = [cited_statement(brief, item) for item in brief.cited()]
    found += [_label_statement(brief, event) for event in brief.timeline if event.label]
    found += [_reasoned_statement(brief, item, by_id) for item in brief.reasoned()]
    return tuple(found)


def _label_statement(brief: Brief, event: TimelineEvent) -> Statement:
    """Return a timeline event's figure label as a statement of its own: a claim, grounded
    in the event's quotes like its text (the event's `inferred:` note excuses its text; a
    label gives no year the quotes do not)."""
    evidence = Evidence(event.cites, _sources_of(brief, event.cites))
    assert event.label is not None
    return Statement(event.id, event.label, _where(event, "label"), evidence)


def stated_field(item: Cited) -> str:
    """Return the field in which a cited item states its fact (an actor's role, a term's
    definition, else its text)."""
    return _STATED_FIELD.get(type(item), "text")


def stated_text(item: Cited) -> str:
    """Return the text in which a cited item states its fact."""
    return str(getattr(item, stated_field(item)))


def cited_statement(brief: Brief, item: Cited) -> Statement:
    """Return a cited item's statement: the text that states its fact, on its own quotes."""
    field = stated_field(item)
    evidence = Evidence(item.cites, _sources_of(brief, item.cites))
    inferred = getattr(item, "inferred", None)
    dated = getattr(item, "date", None)
    return Statement(item.id, getattr(item, field), _where(item, field), evidence, inferred, dated)


def _reasoned_statement(
    brief: Brief, item: Judgment | Recommendation, by_id: dict[str, tuple[Citation, ...]]
) -> Statement:
    facts = _facts_under(brief, item.basis)
    citations = tuple(c for fact in facts for c in by_id.get(fact, ()))
    evidence = Evidence(citations, _sources_of(brief, citations), tuple(facts))
    as_of, prescribes = brief.metadata.as_of, isinstance(item, Recommendation)
    forward = forward_spans(read_clauses(item.text, as_of, prescribes=prescribes))
    return Statement(item.id, item.text, _where(item, "text"), evidence, item.inferred,
                     as_of=as_of, forward=forward, prescribes=prescribes)  # fmt: skip


def _blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Return text with each span replaced by spaces, so no rule reads what it held."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _cited_by_id(brief: Brief) -> dict[str, tuple[Citation, ...]]:
    return {item.id: item.cites for item in brief.cited()}


def _facts_under(brief: Brief, basis: Iterable[str]) -> list[str]:
    """Return the ids of the facts under a basis, following judgments down to their facts."""
    basis_of = {item.id: item.basis for item in brief.reasoned()}
    found: dict[str, None] = {}
    pending, seen = list(basis), set()
    while pending:
        item_id = pending.pop(0)
        if item_id not in seen:
            seen.add(item_id)
            if item_id in basis_of:
                pending.extend(basis_of[item_id])
            else:
                found[item_id] = None
    return list(found)


def _sources_of(brief: Brief, citations: Iterable[Citation]) -> tuple[Source, ...]:
    ids = dict.fromkeys(citation.source for citation in citations)
    return tuple(source for i in ids if (source := brief.source(i)) is not None)


@functools.lru_cache(maxsize=2048)
def _words_in(text: str) -> frozenset[str]:
    """Cached: a judgment reads again every quote of the facts under it."""
    return frozenset(words_of(canonical(text)))


@functools.lru_cache(maxsize=2048)
def _amounts_in(text: str) -> tuple[Amount, ...]:
    """Cached: a judgment reads again every quote of the facts under it."""
    return tuple(read_amounts(text))


def _where(item: object, field: str) -> Location:
    where = getattr(item, "where", None)
    return (where(field) if where else None) or Location("content")


def _quoted_dates(quote: str, source: Source | None) -> tuple[DateMention, ...]:
    """Read a quote's dates; with a stated source date, resolve relative and yearless ones.

    A source whose date was inferred anchors nothing: its "this year" stays unresolved, so a
    year read from it needs an `inferred:` note.
    """
    return _dates_in(quote, _stated_date(source))


@functools.lru_cache(maxsize=2048)
def _dates_in(quote: str, anchor: date | None) -> tuple[DateMention, ...]:
    """Cached: a judgment reads again every quote of the facts under it."""
    if anchor is None:
        return tuple(read_dates(quote))
    return (*read_relative_dates(quote, anchor), *read_dates(quote, anchor))


def _source_dates(sources: Iterable[Source]) -> Iterator[DateMention]:
    for source in sources:
        if (stated := _stated_date(source)) is not None:
            yield DateMention(stated.year, stated.month, stated.day, stated.isoformat())


def _stated_date(source: Source | None) -> date | None:
    if source is None or source.date_basis is not DateBasis.STATED:
        return None
    return source.published


def _source_names(source: Source) -> str:
    """Return what a source calls itself; a title the editor supplied names nothing."""
    title = "" if source.title_supplied else source.title
    return f"{source.publisher} | {source.short_name} | {title}"
