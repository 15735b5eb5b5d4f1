"""Turn two records of a brief (an older and a newer version) into the list of changes, in
the brief's own terms: statements added, removed, reworded or moved, judgments re-rated or
re-based, recommendations re-addressed, quotes changed, sources added, withdrawn or changed,
corrections, and the version's metadata.

Statements are matched by id, never by their place: notes renumbered, files reordered and
YAML re-wrapped change nothing here. The list is a value (`Changes`), in the new version's
reading order, each statement's changes in its section; `briefwright diff` prints it, and
the brief's "What changed" box and annex are drawn from it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict

from briefwright.compare.record import (
    CiteRecord,
    ContentRecord,
    CorrectionRecord,
    StatementKind,
    StatementRecord,
)
from briefwright.compare.words import WordPiece, same_words, word_diff

DIFF_FORMAT: Literal["briefwright-diff/1"] = "briefwright-diff/1"

ChangeKind = Literal[
    "metadata-changed",
    "correction-added",
    "correction-removed",
    "statement-added",
    "statement-removed",
    "statement-reworded",
    "statement-moved",
    "rating-changed",
    "basis-changed",
    "addressee-changed",
    "cites-changed",
    "source-added",
    "source-removed",
    "source-text-changed",
]
#: The metadata a diff compares, in the order it lists them.
METADATA_FIELDS = ("title", "version", "as_of", "marking")


class Value(BaseModel):
    """A frozen value of a diff, strict about its fields."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)


class Change(Value):
    """One change between two versions. Which fields a change fills depends on its kind
    (docs/versions.md lists them); the others are left out of the JSON."""

    kind: ChangeKind
    """What changed."""
    id: str | None = None
    """The statement's or source's id (a metadata change: the field's name)."""
    statement_kind: StatementKind | None = None
    """What the statement is (a key judgment, a key point…), for a statement's change."""
    section: str | None = None
    """The id of the section the statement is in (the new version's; a removed statement's
    old one)."""
    section_title: str | None = None
    """That section's heading, as the version printed it."""
    before: str | None = None
    """The old value: a statement's text (`label: text` where it has a label), a rating
    (`moderate`, `likely`), an addressee, a section id, a source's title or SHA-256, a
    metadata value."""
    after: str | None = None
    """The new value, as `before`."""
    words: tuple[WordPiece, ...] = ()
    """A reworded statement's word diff."""
    added: tuple[str, ...] = ()
    """Ids a judgment's or recommendation's basis gained."""
    removed: tuple[str, ...] = ()
    """Ids it lost."""
    cites_added: tuple[CiteRecord, ...] = ()
    """Citations a statement gained (a quote changed: its old form is in `cites_removed`)."""
    cites_removed: tuple[CiteRecord, ...] = ()
    """Citations it lost."""
    statements: tuple[str, ...] = ()
    """A changed source: the ids of the statements citing it (in the new version)."""
    correction: CorrectionRecord | None = None
    """A correction added or removed."""


class VersionRef(Value):
    """Which version a side of the diff is."""

    product_id: str
    """Its product identifier."""
    version: str
    """Its version."""
    as_of: str
    """The date up to which its sources were read (ISO 8601)."""
    title: str
    """The brief's title."""


class Changes(Value):
    """Everything that changed from `old` to `new`, in the new version's reading order:
    what `briefwright diff --format json` prints."""

    format: Literal["briefwright-diff/1"] = DIFF_FORMAT
    """The diff's format and its version."""
    old: VersionRef
    """The older version."""
    new: VersionRef
    """The newer version."""
    changes: tuple[Change, ...]
    """The changes; empty when the versions are the same."""

    @property
    def equal(self) -> bool:
        """Return True when nothing changed."""
        return not self.changes

    def to_json(self) -> str:
        """Return the diff as indented JSON; a change leaves out the fields it does not use
        (or that are empty)."""
        data = self.model_dump(mode="json")
        data["changes"] = [
            change.model_dump(mode="json", exclude_defaults=True) for change in self.changes
        ]
        return json.dumps(data, indent=2, ensure_ascii=False)


def compare(old: ContentRecord, new: ContentRecord) -> Changes:
    """Return every change from the old version's record to the new one's."""
    changes = [
        *_metadata(old, new),
        *_corrections(old, new),
        *_statements(old, new),
        *_sources(old, new),
    ]
    return Changes(old=_ref(old), new=_ref(new), changes=tuple(changes))


def _ref(record: ContentRecord) -> VersionRef:
    meta = record.metadata
    return VersionRef(product_id=meta.product_id, version=meta.version,
                      as_of=meta.as_of.isoformat(), title=meta.title)  # fmt: skip


def _metadata(old: ContentRecord, new: ContentRecord) -> Iterator[Change]:
    for field in METADATA_FIELDS:
        before, after = str(getattr(old.metadata, field)), str(getattr(new.metadata, field))
        if before != after:
            yield Change(kind="metadata-changed", id=field, before=before, after=after)


def _corrections(old: ContentRecord, new: ContentRecord) -> Iterator[Change]:
    yield from (Change(kind="correction-added", correction=c)
                for c in new.corrections if c not in old.corrections)  # fmt: skip
    yield from (Change(kind="correction-removed", correction=c)
                for c in old.corrections if c not in new.corrections)  # fmt: skip


def _statements(old: ContentRecord, new: ContentRecord) -> Iterator[Change]:
    """Yield the statements' changes section by section (the new version's order, then the
    sections only the old one had), a removed statement where it stood."""
    before = {s.id: s for s in old.statements}
    after = {s.id: s for s in new.statements}
    for section in _section_order(old, new):
        for statement in _in_reading_order(section, old, new):
            if statement.id not in before:
                yield _whole("statement-added", statement, new, after=_shown(statement))
            elif statement.id not in after:
                yield _whole("statement-removed", statement, old, before=_shown(statement))
            else:
                yield from _changed(before[statement.id], statement, old, new)


def _section_order(old: ContentRecord, new: ContentRecord) -> list[str]:
    order = [s.id for s in new.sections]
    return order + [s.id for s in old.sections if s.id not in order]


def _in_reading_order(
    section: str, old: ContentRecord, new: ContentRecord
) -> list[StatementRecord]:
    """Return a section's statements: the new version's in order, each removed one after
    the statement it followed in the old version."""
    present = [s for s in new.statements if s.section == section]
    ids = {s.id for s in new.statements}
    place = {s.id: index for index, s in enumerate(present)}
    keyed: list[tuple[float, StatementRecord]] = [(place[s.id], s) for s in present]
    anchor = -0.5
    for statement in (s for s in old.statements if s.section == section):
        if statement.id in place:
            anchor = place[statement.id] + 0.5
        elif statement.id not in ids:
            keyed.append((anchor, statement))
            anchor += 0.001  # removed statements in a row keep their order
    return [statement for _, statement in sorted(keyed, key=lambda pair: pair[0])]


def _whole(kind: ChangeKind, statement: StatementRecord, record: ContentRecord,
           **values: str) -> Change:  # fmt: skip
    return Change(kind=kind, id=statement.id, statement_kind=statement.kind,
                  section=statement.section,
                  section_title=record.section_title(statement.section), **values)  # fmt: skip


def _shown(statement: StatementRecord) -> str:
    """Return a statement as a reader sees it: its label, then its text."""
    return f"{statement.label}: {statement.text}" if statement.label else statement.text


def _changed(
    old: StatementRecord, new: StatementRecord, before: ContentRecord, after: ContentRecord
) -> Iterator[Change]:
    """Yield what changed in one statement that both versions have."""
    base = {"id": new.id, "statement_kind": new.kind, "section": new.section,
            "section_title": after.section_title(new.section)}  # fmt: skip
    if old.section != new.section:
        yield Change(kind="statement-moved", **base, before=old.section, after=new.section)
    if not same_words(_shown(old), _shown(new)):
        yield Change(kind="statement-reworded", **base, before=_shown(old), after=_shown(new),
                     words=word_diff(_shown(old), _shown(new)))  # fmt: skip
    if (old.confidence, old.likelihood) != (new.confidence, new.likelihood):
        yield Change(kind="rating-changed", **base, before=_rating(old), after=_rating(new))
    if set(old.basis) != set(new.basis):
        added = tuple(i for i in new.basis if i not in old.basis)
        removed = tuple(i for i in old.basis if i not in new.basis)
        yield Change(kind="basis-changed", **base, added=added, removed=removed)
    if (old.to or "") != (new.to or "") and not same_words(old.to or "", new.to or ""):
        yield Change(kind="addressee-changed", **base, before=old.to, after=new.to)
    gained, lost = _cites_moved(old.cites, new.cites)
    if gained or lost:
        yield Change(kind="cites-changed", **base, cites_added=gained, cites_removed=lost)


def _rating(statement: StatementRecord) -> str | None:
    return statement.likelihood or statement.confidence


def _cites_moved(
    old: tuple[CiteRecord, ...], new: tuple[CiteRecord, ...]
) -> tuple[tuple[CiteRecord, ...], tuple[CiteRecord, ...]]:
    """Return the citations gained and lost, compared as words (a quote re-wrapped in its
    YAML is the same quote) and as a multiset (their order is not a change)."""

    before, after = Counter(_cite_key(c) for c in old), Counter(_cite_key(c) for c in new)
    return _take(new, after - before), _take(old, before - after)


def _cite_key(cite: CiteRecord) -> tuple[str, tuple[str, ...]]:
    return cite.source, tuple(cite.quote.split())


def _take(
    cites: tuple[CiteRecord, ...], spare: Counter[tuple[str, tuple[str, ...]]]
) -> tuple[CiteRecord, ...]:
    """Return the citations `spare` counts, in their order, each as often as counted."""
    taken = []
    for cite in cites:
        if spare[_cite_key(cite)] > 0:
            spare[_cite_key(cite)] -= 1
            taken.append(cite)
    return tuple(taken)


def _sources(old: ContentRecord, new: ContentRecord) -> Iterator[Change]:
    before = {s.id: s for s in old.sources}
    after = {s.id: s for s in new.sources}
    for source in new.sources:
        previous = before.get(source.id)
        if previous is None:
            yield Change(kind="source-added", id=source.id, after=source.title)
        elif previous.sha256 != source.sha256:
            citing = tuple(s.id for s in new.statements
                           if any(c.source == source.id for c in s.cites))  # fmt: skip
            yield Change(kind="source-text-changed", id=source.id, before=previous.sha256,
                         after=source.sha256, statements=citing)  # fmt: skip
    for source in old.sources:
        if source.id not in after:
            yield Change(kind="source-removed", id=source.id, before=source.title)
