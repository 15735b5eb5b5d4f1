"""Tests for briefwright.render.notes: notes numbered in reading order, linked both ways."""

from __future__ import annotations

from briefwright.load.content import load_brief
from briefwright.render.notes import NoteIndex
from tests.conftest import CONTENT


def test_notes_follow_reading_order() -> None:
    """Note 1 belongs to the first cited statement a reader meets (the background)."""
    brief = load_brief(CONTENT)
    index = NoteIndex(brief)
    first = brief.front.background[0]
    assert [n.number for n in index.of(first)] == list(range(1, len(first.cites) + 1))
    assert [n.number for n in index.notes] == list(range(1, len(index.notes) + 1))


def test_a_passage_cited_twice_is_one_note() -> None:
    """The same passage cited by two statements is one note that links back to both."""
    brief = load_brief(CONTENT)
    index = NoteIndex(brief)
    shared = [note for note in index.notes if len(note.cited_by) > 1]
    assert shared, "the real brief cites at least one passage from two places"
    note = next(note for note in shared if "two-plus-two-term" in note.cited_by)
    assert note.cited_by[0] == "two-plus-two"
    assert index.section_of["two-plus-two-term"] == "Glossary"


def test_every_citation_has_a_note() -> None:
    """Each statement gets one note per distinct passage it cites."""
    brief = load_brief(CONTENT)
    index = NoteIndex(brief)
    for item in brief.cited():
        assert len(index.of(item)) == len({(c.source, c.quote) for c in item.cites})


def test_judgment_basis_follows_to_facts() -> None:
    """A basis naming a judgment reaches the notes of the facts under that judgment."""
    brief = load_brief(CONTENT)
    index = NoteIndex(brief)
    direct = {n.number for n in index.behind(["corridors-invitation"])}
    through_judgment = {n.number for n in index.behind(["kj-investment-is-the-test"])}
    assert direct and direct <= through_judgment


def test_sources_know_who_cites_them() -> None:
    """Every source of the real brief is cited by at least one statement."""
    brief = load_brief(CONTENT)
    index = NoteIndex(brief)
    assert all(index.citing(source) for source in brief.sources)
