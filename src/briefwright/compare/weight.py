"""Choose the changes a reader of page 1 must see: at most five, by weight.

A judgment re-rated (its confidence or likelihood moved) weighs most; then the bottom line,
a key judgment or a recommendation added, removed or reworded, and a source withdrawn; a
recommendation addressed to someone else. Everything else (a fact, a basis, a quote, the
metadata) weighs nothing here: it is in the full list, never on page 1.
"""

from __future__ import annotations

from briefwright.compare.changes import Change, Changes

#: At most this many changes on page 1.
HIGHLIGHTS = 5
_DECISIONS = frozenset({"bottom-line", "key-judgment", "recommendation"})
_WHOLE = frozenset({"statement-added", "statement-removed", "statement-reworded"})


def weight(change: Change) -> int:
    """Return how much a change matters to a reader of page 1 (0: not at all)."""
    if change.kind == "rating-changed":
        return 5
    if change.kind in _WHOLE and change.statement_kind in _DECISIONS:
        return 4 if change.statement_kind != "bottom-line" else 5
    if change.kind == "source-removed":
        return 4
    if change.kind == "addressee-changed":
        return 3
    return 0


def highlights(changes: Changes, limit: int = HIGHLIGHTS) -> tuple[Change, ...]:
    """Return the weightiest changes, at most `limit`, heaviest first and, among equals, in
    the brief's reading order."""
    weighed = [(weight(change), index, change) for index, change in enumerate(changes.changes)]
    chosen = sorted((w for w in weighed if w[0] > 0), key=lambda w: (-w[0], w[1]))[:limit]
    return tuple(change for _, _, change in chosen)
