"""Tests for briefwright.render.word.revisions and the tracked Word edition: reworded text
as deleted and inserted words, labels re-rated, statements added inserted whole and removed
ones deleted where they stood, every other statement's runs untouched."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from briefwright.compare.changes import compare
from briefwright.compare.record import ContentRecord, record_brief
from briefwright.docx.model import (
    Block,
    Deleted,
    Inserted,
    Judgment,
    Paragraph,
    Run,
    Text,
    Tracking,
)
from briefwright.load.content import load_brief
from briefwright.model.brief import Brief
from briefwright.render.html import document_labels, section_headings
from briefwright.render.word.brief import brief_document
from briefwright.render.word.fonts import read_fonts
from briefwright.render.word.revisions import AUTHOR, revisions_of, tracked_words
from tests.conftest import FIXTURES, LAYERS

BUILT = datetime(2023, 3, 20, tzinfo=UTC)


def _accepted(runs: tuple[Run, ...]) -> str:
    return "".join(_text(r) for r in runs if not isinstance(r, Deleted))


def _rejected(runs: tuple[Run, ...]) -> str:
    return "".join(_text(r) for r in runs if not isinstance(r, Inserted))


def _text(run: Run) -> str:
    if isinstance(run, Text):
        return run.text
    if isinstance(run, Inserted | Deleted):
        return "".join(_text(inner) for inner in run.runs)
    return ""


words = st.lists(st.sampled_from(["the", "two", "ministries", "agreed", ",", ".", "co-design"]),
                 max_size=10)  # fmt: skip


@given(words, words)
def test_accepting_every_change_gives_the_new_text_and_rejecting_the_old(
    old: list[str], new: list[str]
) -> None:
    """Whatever the rewording, accepting all gives the new text, rejecting all the old,
    white space included (up to the texts' own runs of spaces)."""
    before, after = " ".join(old), " ".join(new)
    runs = tracked_words(before, after)
    assert _accepted(runs) == after
    assert _rejected(runs).split() == before.split()


def _record(brief: Brief) -> ContentRecord:
    return record_brief(brief, section_headings(brief, document_labels(brief, LAYERS)))


@pytest.fixture(scope="module")
def tracked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Block, ...]:
    """The minimal brief's Word edition 0.2, tracked against 0.1: a key judgment re-rated,
    the recommendation reworded, a key point removed and a background fact added."""
    old = load_brief(FIXTURES / "minimal")
    target = tmp_path_factory.mktemp("v02") / "content"
    shutil.copytree(FIXTURES / "minimal", target)
    data = yaml.safe_load((target / "brief.yaml").read_text())
    data["key_judgments"][1]["confidence"] = "high"
    data["recommendations"][0]["text"] = "Do the other thing."
    cites = [{"source": "one", "quote": "The first sentence"}]
    data["background"].append({"id": "fact-new", "text": "The source exists too.", "cites": cites})
    (target / "brief.yaml").write_text(yaml.safe_dump(data, allow_unicode=True))
    topic = yaml.safe_load((target / "topics" / "only.yaml").read_text())
    topic["key_points"].pop(1)
    (target / "topics" / "only.yaml").write_text(yaml.safe_dump(topic, allow_unicode=True))
    new = load_brief(target)
    changes = compare(_record(old), _record(new))
    revisions = revisions_of(changes, _record(old), Tracking(AUTHOR, BUILT))
    document = brief_document(new, BUILT, read_fonts(LAYERS), revisions=revisions)
    assert document.tracking == Tracking("briefwright", BUILT)
    return document.blocks


def _tracked_ids(blocks: tuple[Block, ...]) -> set[str]:
    """Return the statement ids of the blocks holding a tracked change."""
    found = set()
    for block in blocks:
        if isinstance(block, Paragraph | Judgment) and block.statement:
            runs = block.runs + (block.label if isinstance(block, Judgment)
                                 and not isinstance(block.label, str) else ())  # fmt: skip
            if block.mark or any(isinstance(r, Inserted | Deleted) for r in runs):
                found.add(block.statement)
    return found


def test_only_the_changed_statements_carry_tracked_changes(tracked: tuple[Block, ...]) -> None:
    """The re-rated judgment, the reworded recommendation, the added and the removed fact:
    those, and nothing else, are tracked."""
    assert _tracked_ids(tracked) == {"kj-2", "rec-1", "fact-new", "fact-two"}


def test_a_removed_key_point_is_deleted_where_it_stood(tracked: tuple[Block, ...]) -> None:
    """The removed key point stands, deleted, between the two it stood between."""
    points = [b for b in tracked if isinstance(b, Paragraph) and b.style == "KeyPoint"]
    assert [(p.statement, p.mark) for p in points] == [
        ("fact-one", None), ("fact-two", "deleted"), ("fact-three", None),
    ]  # fmt: skip


def test_a_re_rated_label_shows_the_old_and_new_rating(tracked: tuple[Block, ...]) -> None:
    """The label's old confidence is deleted and the new one inserted."""
    (judgment,) = [b for b in tracked if isinstance(b, Judgment) and b.statement == "kj-2"]
    assert isinstance(judgment.label, tuple)
    assert _rejected(judgment.label) == "Assessment · moderate confidence"
    assert _accepted(judgment.label) == "Assessment · high confidence"


def test_every_statement_block_knows_its_id(tracked: tuple[Block, ...]) -> None:
    """Facts, judgments, recommendations, gaps and what to watch name their statement."""
    ids = {b.statement for b in tracked if isinstance(b, Paragraph | Judgment) and b.statement}
    assert {"bottom", "kj-1", "rec-1", "fact-bg", "fact-one", "only-analysis", "only"} <= ids
