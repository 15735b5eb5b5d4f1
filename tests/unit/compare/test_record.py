"""Tests for briefwright.compare.record: the brief as data, and content.json read back."""

from __future__ import annotations

import json

import pytest

from briefwright.compare.record import ContentRecord, read_record
from briefwright.errors import BriefError, Location


def test_every_statement_is_recorded_with_its_section(minimal: ContentRecord) -> None:
    """Each statement has its id, kind and section, in reading order, the bottom line first."""
    kinds = {s.id: (s.kind, s.section) for s in minimal.statements}
    assert minimal.statements[0].id == "bottom"
    assert kinds["bottom"] == ("bottom-line", "cover")
    assert kinds["kj-2"] == ("key-judgment", "key-judgments")
    assert kinds["fact-one"] == ("key-point", "topic-only")
    assert kinds["only"] == ("watch", "topic-only")
    assert kinds["rec-1"] == ("recommendation", "recommendations")
    assert [s.title for s in minimal.sections][:3] == [
        "Bottom line up front",
        "Key judgments",
        "Recommendations",
    ]


def test_judgments_facts_and_sources_keep_what_a_diff_compares(minimal: ContentRecord) -> None:
    """A judgment keeps its rating and basis, a fact its cites, a source its SHA-256."""
    by_id = {s.id: s for s in minimal.statements}
    assert (by_id["kj-2"].confidence, by_id["kj-2"].basis) == ("moderate", ("fact-one",))
    assert by_id["fact-two"].cites[0].source == "one"
    assert by_id["rec-1"].to == "Fixture readers"
    (source,) = minimal.sources
    assert source.id == "one" and len(source.sha256) == 64


def test_record_round_trips_through_its_json(minimal: ContentRecord) -> None:
    """content.json reads back as the same record; its bytes are stable."""
    data = minimal.to_json()
    assert read_record(data, Location("content.json")) == minimal
    assert json.loads(data)["format"] == "briefwright-content/1"
    assert data == minimal.to_json()


@pytest.mark.parametrize(
    "data", [b"not json", b"{}", b'{"format": "briefwright-content/9"}', b"[]"]
)
def test_anything_else_is_bw403(data: bytes) -> None:
    """A file that is not a content record is BW403 at its place, not a traceback."""
    with pytest.raises(BriefError) as caught:
        read_record(data, Location("x/content.json"))
    (problem,) = caught.value.diagnostics
    assert problem.code == "BW403" and problem.location.path == "x/content.json"
