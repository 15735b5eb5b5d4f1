"""A reviewer's edit of the printed text becomes the same edit of the written text."""

from __future__ import annotations

from briefwright.render.typography import typographic
from briefwright.review.retext import Edit, combined, edit_between, written_edit


def test_an_edit_after_curly_quotes_and_an_ellipsis_lands_on_the_same_words() -> None:
    """Typography changes quotes and '...' and adds no-break spaces; the edit still lands
    on the written words, and a typed no-break space becomes a plain one."""
    written = 'He said "very strong"... on 20 March 2023, in Delhi.'
    printed = typographic(written)
    start = printed.index("in Delhi")
    edit = Edit(start, start + len("in Delhi"), "in New\u00a0Delhi")
    assert written_edit(written, printed, edit).applied(written) == (
        'He said "very strong"... on 20 March 2023, in New Delhi.'
    )


def test_two_edits_of_one_text_are_made_together_unless_they_overlap() -> None:
    """Edits at different places combine; edits of the same characters do not."""
    before = "one two three four"
    assert combined(before, ["one 2 three four", "one two three 4"]) == "one 2 three 4"
    assert combined(before, ["one 2 three four", "one II three four"]) is None
    assert edit_between(before, "one two three four!") == Edit(18, 18, "!")
