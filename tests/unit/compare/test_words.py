"""Tests for briefwright.compare.words: word diffs that ignore white space."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefwright.compare.words import same_words, word_diff


def test_rewrapped_text_has_the_same_words() -> None:
    """Line breaks and runs of spaces (YAML re-wrapped) are not a change."""
    assert same_words("The two\n  ministries agreed.", "The two ministries   agreed.")
    assert not same_words("The two ministries agreed.", "The ministries agreed.")


def test_a_replaced_word_and_its_punctuation_are_apart() -> None:
    """ "judged." → "judged, and more." keeps "judged" and the full stop, adds the rest."""
    pieces = word_diff("can be judged.", "can be judged, and more.")
    assert [(p.op, p.text) for p in pieces] == [
        ("equal", "can be judged"),
        ("insert", ", and more"),
        ("equal", "."),
    ]


words = st.lists(
    st.sampled_from(["a", "b", "co-design", "India’s", ",", ".", "2023"]), max_size=12
)


@given(words, words)
def test_kept_and_added_pieces_give_the_new_text(old: list[str], new: list[str]) -> None:
    """Joining the kept and added runs gives the new text; the kept and removed, the old
    (white space aside)."""
    before, after = " ".join(old), " ".join(new)
    pieces = word_diff(before, after)
    assert "".join(p.text for p in pieces if p.op != "delete").split() == after.split()
    assert "".join(p.text for p in pieces if p.op != "insert").split() == before.split()
