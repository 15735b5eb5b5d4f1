"""Turn a diff into the summary `briefwright diff` prints: one line a change, grouped by
section, a reworded text as a word diff (`[-removed-]{+added+}`, as `git diff --word-diff`
writes it)."""

from __future__ import annotations

from collections.abc import Iterator

from briefwright.compare.changes import Change, Changes
from briefwright.compare.record import CiteRecord
from briefwright.compare.words import WordPiece

_MARKS = {"equal": ("", ""), "delete": ("[-", "-]"), "insert": ("{+", "+}")}
_HEADS = {
    "metadata-changed": "Metadata",
    "correction-added": "Corrections",
    "correction-removed": "Corrections",
    "source-added": "Sources",
    "source-removed": "Sources",
    "source-text-changed": "Sources",
}


def summarise_changes(changes: Changes) -> str:
    """Return the readable summary: a line naming both versions, then each change."""
    old, new = changes.old, changes.new
    count = len(changes.changes)
    lines = [
        f"{old.product_id} {old.version} (as of {old.as_of}) → {new.product_id} "
        f"{new.version} (as of {new.as_of}): "
        + ("no changes" if not count else f"{count} change{'s' if count != 1 else ''}")
    ]
    head = None
    for change in changes.changes:
        group = _HEADS.get(change.kind) or change.section_title or change.section or ""
        if group != head:
            lines += ["", group]
            head = group
        lines += [f"  {line}" for line in describe(change)]
    return "\n".join(lines) + "\n"


def describe(change: Change) -> Iterator[str]:
    """Yield a change's line (and, for a quote or a correction, the lines under it)."""
    what = f"{change.id} ({(change.statement_kind or '').replace('-', ' ')})"
    kind = change.kind
    if kind == "metadata-changed":
        yield f"~ {change.id}: {change.before} → {change.after}"
    elif kind in ("correction-added", "correction-removed") and change.correction:
        sign = "+" if kind == "correction-added" else "-"
        fix = change.correction
        yield f"{sign} correction of {fix.date.isoformat()} ({', '.join(fix.statements)})"
        yield f"    was: {fix.was}"
        yield f"    now: {fix.now}"
    elif kind == "statement-added":
        yield f"+ {what} added: {change.after}"
    elif kind == "statement-removed":
        yield f"- {what} removed: {change.before}"
    elif kind == "statement-reworded":
        yield f"~ {what} reworded: {diff_text(change.words)}"
    elif kind == "statement-moved":
        yield f"~ {what} moved from {change.before} to {change.after}"
    elif kind == "rating-changed":
        yield f"~ {what}: {change.before or 'unrated'} → {change.after or 'unrated'}"
    elif kind == "basis-changed":
        parts = [f"+{i}" for i in change.added] + [f"-{i}" for i in change.removed]
        yield f"~ {what}: basis {' '.join(parts)}"
    elif kind == "addressee-changed":
        yield f"~ {what}: for {change.after or 'no one named'} (was {change.before or 'none'})"
    elif kind == "cites-changed":
        yield f"~ {what}: citations changed"
        yield from (f"    - {_cite(c)}" for c in change.cites_removed)
        yield from (f"    + {_cite(c)}" for c in change.cites_added)
    else:
        yield from _source_lines(change)


def _source_lines(change: Change) -> Iterator[str]:
    if change.kind == "source-added":
        yield f"+ {change.id} added: {change.after}"
    elif change.kind == "source-removed":
        yield f"- {change.id} withdrawn: {change.before}"
    else:
        cited_by = ", ".join(change.statements) or "no statement"
        old, new = (change.before or "")[:12], (change.after or "")[:12]
        yield f"~ {change.id}: stored text changed (SHA-256 {old}… → {new}…), cited by {cited_by}"


def diff_text(words: tuple[WordPiece, ...]) -> str:
    """Return a word diff as text: removed words as `[-…-]`, added ones as `{+…+}`."""
    out = []
    for piece in words:
        opening, closing = _MARKS[piece.op]
        lead = piece.text[: len(piece.text) - len(piece.text.lstrip())]
        out.append(f"{lead}{opening}{piece.text.lstrip()}{closing}" if opening else piece.text)
    return "".join(out)


def _cite(cite: CiteRecord) -> str:
    return f"{cite.source}: “{' '.join(cite.quote.split())}”"
