"""Turn a reviewer's edit of a statement as the Word edition prints it into the same edit of
the statement's text as content/ writes it, and put several edits of one text together.

The printed text differs from the written one only where typography changed it (curly
quotes, an ellipsis, no-break spaces in dates), so the two are aligned character by
character (difflib) and the edit's ends are carried across.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from difflib import SequenceMatcher

NO_BREAK_SPACE = "\u00a0"


@dataclass(frozen=True)
class Edit:
    """Replace `text[start:end]` with `new`."""

    start: int
    end: int
    new: str

    def applied(self, text: str) -> str:
        """Return text with the edit made."""
        return text[: self.start] + self.new + text[self.end :]


def written_edit(written: str, printed: str, edit: Edit) -> Edit:
    """Return the edit of `printed` (the text as set) as an edit of `written` (as authored);
    typed no-break spaces become plain ones, which typography puts back where they belong."""
    positions = _positions(written, printed)
    new = edit.new.replace(NO_BREAK_SPACE, " ")
    return Edit(positions[edit.start], positions[edit.end], new)


def _positions(written: str, printed: str) -> list[int]:
    """Return, for each position of `printed` (and its end), the position in `written`."""
    positions = [0] * (len(printed) + 1)
    matcher = SequenceMatcher(None, written, printed, autojunk=False)
    for tag, i1, _i2, j1, j2 in matcher.get_opcodes():
        for j in range(j1, j2):
            positions[j] = i1 + (j - j1) if tag == "equal" else i1
    positions[len(printed)] = len(written)
    return positions


def edit_between(before: str, after: str) -> Edit:
    """Return the one edit that turns `before` into `after` (common ends kept)."""
    prefix = 0
    limit = min(len(before), len(after))
    while prefix < limit and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and before[-1 - suffix] == after[-1 - suffix]:
        suffix += 1
    return Edit(prefix, len(before) - suffix, after[prefix : len(after) - suffix])


def combined(before: str, afters: list[str]) -> str | None:
    """Return `before` with every edit (each `before` → one of `afters`) made; None when two
    of them touch the same characters."""
    edits = sorted((edit_between(before, after) for after in afters), key=lambda e: e.start)
    for first, second in itertools.pairwise(edits):
        if second.start < first.end or (second.start == first.end == second.end == first.start):
            return None
    text = before
    for edit in reversed(edits):
        text = edit.applied(text)
    return text
