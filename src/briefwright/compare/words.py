"""Turn two texts of one statement into a word diff: the words kept, removed and added.

difflib's SequenceMatcher (the standard library's) matches the words and punctuation marks,
compared without the white space around them, so a text re-wrapped in its YAML file diffs
as unchanged and a reworded one shows only the words that moved. Each piece keeps the white
space that led it in its own text, so joining the kept and added pieces gives the new text
back.
"""

from __future__ import annotations

import difflib
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict

#: A word (letters and digits, with the hyphens and apostrophes inside it) or one mark of
#: punctuation, each with the white space before it: "judged." is "judged" and ".".
_WORDS = re.compile(r"\s*(?:\w(?:[\w\u2019'-]*\w)?|[^\w\s])")


class WordPiece(BaseModel):
    """A run of words a diff kept (`equal`), removed (`delete`) or added (`insert`)."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    op: Literal["equal", "delete", "insert"]
    """What happened to the words."""
    text: str
    """The words, with the white space that leads them in their own text."""


def same_words(old: str, new: str) -> bool:
    """Return True when two texts have the same words, whatever their white space."""
    return old.split() == new.split()


def word_diff(old: str, new: str) -> tuple[WordPiece, ...]:
    """Return the word diff of two texts: kept, removed and added runs, in reading order (a
    replaced run is its removal, then its addition)."""
    before, after = _WORDS.findall(old.strip()), _WORDS.findall(new.strip())
    matcher = difflib.SequenceMatcher(
        None, [w.strip() for w in before], [w.strip() for w in after], autojunk=False
    )
    pieces: list[WordPiece] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(WordPiece(op="equal", text="".join(after[j1:j2])))
            continue
        if i2 > i1:
            removed = "".join(before[i1:i2]) + _gap_before(before, after, i2, j2)
            pieces.append(WordPiece(op="delete", text=removed))
        if j2 > j1:
            pieces.append(WordPiece(op="insert", text="".join(after[j1:j2])))
    return tuple(pieces)


def _lead(word: str) -> str:
    return word[: len(word) - len(word.lstrip())]


def _gap_before(before: list[str], after: list[str], i: int, j: int) -> str:
    """Return the white space removed words leave before the kept word that follows them,
    when the new text gives that word none (removed words at the start): "b a" → "a"
    removes "b " so that, rejected, the old text reads "b a" again, not "ba"."""
    if i < len(before) and j < len(after) and not _lead(after[j]):
        return _lead(before[i])
    return ""
