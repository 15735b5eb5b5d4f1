"""Tests for model/characters.py: the characters an author may not write."""

from __future__ import annotations

import re
import unicodedata

from briefwright.model.characters import (
    BIDI_CONTROLS,
    NONCHARACTERS,
    ZERO_WIDTH,
    _class_of,
    forbidden_characters,
)


def _refused(char: str, multiline: bool) -> bool:
    """Say whether a character is refused, from the rule as the module's docstring states it."""
    if multiline and char in "\n\t":
        return False
    return (
        unicodedata.category(char) in {"Cc", "Cs", "Zl", "Zp"}
        or char in BIDI_CONTROLS | ZERO_WIDTH | NONCHARACTERS
    )


def test_every_code_point_is_judged_by_the_rule() -> None:
    """Refuse exactly the characters the rule names, in content text and in options."""
    for multiline in (True, False):
        for code in range(0x110000):
            char = chr(code)
            found = list(forbidden_characters(char, multiline))
            assert (found == [(0, char)]) is _refused(char, multiline), (hex(code), multiline)


def test_class_of_writes_runs_as_ranges() -> None:
    """Write consecutive code points as one range, so the pattern compiles quickly."""
    chars = {"a", "b", "c", "e", "\U0001f600"}
    assert _class_of(chars) == r"\U00000061-\U00000063\U00000065\U0001f600"
    assert re.fullmatch(f"[{_class_of(chars)}]+", "abce\U0001f600")
    assert not re.search(f"[{_class_of(chars)}]", "d")
