"""Turn the changes from an older version into what the Word edition tracks: which
statements were reworded (their old words deleted, their new ones inserted), re-rated or
re-addressed (their label so), added (inserted whole) or removed (deleted where they stood),
by whom and when.

A value made once from the diff (compare/) and the older version's record; the edition's
builders ask it by statement id, so the runs of every other statement are exactly those
of the plain Word edition.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from briefwright.compare.changes import Changes
from briefwright.compare.record import ContentRecord, StatementRecord
from briefwright.compare.words import word_diff
from briefwright.docx.model import Deleted, Inserted, Mark, Run, Text, Tracking

#: The author every tracked change of the Word edition names.
AUTHOR = "briefwright"
#: Where a removed statement goes when no statement it followed is left: its section's start.
SECTION_START = "#"


@dataclass(frozen=True)
class Revisions:
    """The tracked changes of a Word edition against an older version."""

    tracking: Tracking
    old: Mapping[str, StatementRecord] = field(default_factory=dict)
    """The older version's statements, by id."""
    reworded: frozenset[str] = frozenset()
    relabelled: frozenset[str] = frozenset()
    """Statements whose label moved: a judgment re-rated, a recommendation re-addressed."""
    added: frozenset[str] = frozenset()
    removed: Mapping[str, tuple[StatementRecord, ...]] = field(default_factory=dict)
    """The removed statements, by the id of the statement they followed in the older
    version that is still there (`#<section id>`: at their section's start)."""

    def mark(self, statement_id: str) -> Mark | None:
        """Return "inserted" for a statement the newer version added, else None."""
        return "inserted" if statement_id in self.added else None


def revisions_of(changes: Changes, old: ContentRecord, tracking: Tracking) -> Revisions:
    """Return the Word edition's tracked changes for a diff from `old`."""
    by_kind: dict[str, set[str]] = {}
    for change in changes.changes:
        if change.id is not None and change.statement_kind is not None:
            by_kind.setdefault(change.kind, set()).add(change.id)
    removed = by_kind.get("statement-removed", set())
    return Revisions(
        tracking=tracking,
        old={s.id: s for s in old.statements},
        reworded=frozenset(by_kind.get("statement-reworded", set())),
        relabelled=frozenset(
            by_kind.get("rating-changed", set()) | by_kind.get("addressee-changed", set())
        ),
        added=frozenset(by_kind.get("statement-added", set())),
        removed=_where_removed(old, removed),
    )


def _where_removed(
    old: ContentRecord, removed: set[str]
) -> dict[str, tuple[StatementRecord, ...]]:
    """Return the removed statements by the statement (still there) they followed."""
    placed: dict[str, list[StatementRecord]] = {}
    previous: dict[str, str] = {}
    for statement in old.statements:
        after = previous.get(statement.section, SECTION_START + statement.section)
        if statement.id in removed:
            placed.setdefault(after, []).append(statement)
        else:
            previous[statement.section] = statement.id
    return {key: tuple(items) for key, items in placed.items()}


def tracked_words(old: str, new: str) -> tuple[Run, ...]:
    """Return a reworded text as runs: the words kept, the old ones deleted and the new ones
    inserted. Accepting every change gives the new text and rejecting every change the old,
    white space included: a word replaced keeps the space before it outside the change."""
    pieces = word_diff(old, new)
    runs: list[Run] = []
    for index, piece in enumerate(pieces):
        if piece.op == "equal":
            runs.append(Text(piece.text))
            continue
        words = piece.text.lstrip()
        lead = piece.text[: len(piece.text) - len(words)]
        replaced = (
            piece.op == "delete" and index + 1 < len(pieces) and (pieces[index + 1].op == "insert")
        )
        if piece.op == "delete" and replaced:
            runs += [Text(lead), Deleted((Text(words),))] if lead else [Deleted((Text(words),))]
        elif piece.op == "delete":
            runs.append(Deleted((Text(piece.text),)))
        elif runs and isinstance(runs[-1], Deleted) and index and pieces[index - 1].op == "delete":
            runs.append(Inserted((Text(words),)))  # in the deleted words' place
        else:
            runs.append(Inserted((Text(piece.text),)))
    return tuple(runs)
