"""An accepted change rewrites its scalar's lines only, in its style."""

from __future__ import annotations

import pytest
import yaml

from briefwright.errors import Location
from briefwright.review.yamledit import NoSuchScalar, replace_scalar

TEXT = """\
# A comment that must stay.
items:
  - id: first
    text: >-
      The first statement runs over two lines, folded, as the content files write
      them, and ends here.
    cites: [a, b]   # a flow list and a comment
  - id: second
    text: A plain one-line statement.
  - id: third
    text: "A quoted: statement."
"""


def _edited(line: int, column: int, old: str, new: str) -> str:
    edited = replace_scalar(TEXT, Location("t.yaml", line, column), old, new)
    items = yaml.safe_load(edited)["items"]
    assert new in [item["text"] for item in items]
    return edited


def test_a_folded_block_keeps_its_lines_before_the_change_and_everything_around_it() -> None:
    """Only the lines from the change on are rewrapped; comments, order and the flow list
    stay byte for byte."""
    old = yaml.safe_load(TEXT)["items"][0]["text"]
    new = old.replace("ends here", "ends, after an insertion, here")
    edited = _edited(4, 11, old, new)
    before, after = TEXT.splitlines(), edited.splitlines()
    changed = [n for n, (a, b) in enumerate(zip(before, after, strict=False), 1) if a != b]
    assert changed == [6] and len(after) == len(before)
    assert after[4] == before[4]


def test_a_plain_scalar_that_cannot_stay_plain_is_quoted() -> None:
    """A plain value that gains ': ' is written double-quoted on its line."""
    edited = _edited(9, 11, "A plain one-line statement.", "A plain: one-line statement.")
    assert '    text: "A plain: one-line statement."' in edited.splitlines()


def test_a_scalar_that_no_longer_holds_the_reviewed_text_is_refused() -> None:
    """A statement edited since the review was imported is not overwritten."""
    with pytest.raises(NoSuchScalar, match="no longer holds"):
        replace_scalar(TEXT, Location("t.yaml", 11, 11), "Something else.", "New.")
