"""Tests for briefwright.compare.changes: the changes between two versions, by id."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from briefwright.compare.changes import compare
from briefwright.compare.record import ContentRecord
from tests.unit.compare.conftest import Edit

Edited = Callable[[Edit], ContentRecord]


def _kinds(old: ContentRecord, new: ContentRecord) -> list[tuple[str, str | None]]:
    return [(c.kind, c.id) for c in compare(old, new).changes]


def test_the_same_brief_rewrapped_and_reordered_is_equal(
    minimal: ContentRecord, edited: Edited
) -> None:
    """Re-wrapped YAML, keys in another order and cites reordered are no change."""

    def reorder(brief: dict[str, Any], topic: dict[str, Any]) -> None:
        brief["key_judgments"] = brief["key_judgments"]  # re-dumped, wrapped at 30 columns

    assert compare(minimal, edited(reorder)).equal


def test_a_statement_renumbered_in_place_is_matched_by_id(
    minimal: ContentRecord, edited: Edited
) -> None:
    """Key points in another order are the same statements: nothing changed."""

    def swap(brief: dict[str, Any], topic: dict[str, Any]) -> None:
        topic["key_points"].reverse()

    assert compare(minimal, edited(swap)).equal


def test_each_kind_of_change_is_reported_once(minimal: ContentRecord, edited: Edited) -> None:
    """Re-rating, rewording, re-addressing, re-basing, removing, adding, a changed quote and
    a new version number each give exactly their change, in reading order."""

    def edit(brief: dict[str, Any], topic: dict[str, Any]) -> None:
        brief["metadata"]["version"] = "0.2"
        brief["key_judgments"][1]["confidence"] = "high"
        brief["key_judgments"][2]["text"] = "A different further judgment."
        brief["recommendations"][0]["to"] = "Other readers"
        brief["implications"][0]["basis"] = ["fact-two"]
        topic["key_points"].pop(1)
        topic["key_points"][1]["cites"][0]["quote"] = "Something happened"
        brief["background"].append(
            {
                "id": "fact-new",
                "text": "The source exists too.",
                "cites": [{"source": "one", "quote": "The first"}],
            }
        )

    new = edited(edit)
    assert _kinds(minimal, new) == [
        ("metadata-changed", "version"),
        ("rating-changed", "kj-2"),
        ("statement-reworded", "kj-3"),
        ("addressee-changed", "rec-1"),
        ("statement-added", "fact-new"),
        ("statement-removed", "fact-two"),
        ("cites-changed", "fact-three"),
        ("basis-changed", "imp-1"),
    ]
    by_kind = {c.kind: c for c in compare(minimal, new).changes}
    assert (by_kind["rating-changed"].before, by_kind["rating-changed"].after) == (
        "moderate",
        "high",
    )
    assert by_kind["basis-changed"].added == ("fact-two",)
    assert by_kind["basis-changed"].removed == ("fact-one",)
    assert [c.quote for c in by_kind["cites-changed"].cites_added] == ["Something happened"]


def test_a_removed_statement_stands_where_it_was(minimal: ContentRecord, edited: Edited) -> None:
    """A key point removed between two others is listed between their changes."""

    def edit(brief: dict[str, Any], topic: dict[str, Any]) -> None:
        topic["key_points"][0]["text"] = "The source says something."
        topic["key_points"].pop(1)
        topic["key_points"][1]["text"] = "Something happened then."

    assert _kinds(minimal, edited(edit)) == [
        ("statement-reworded", "fact-one"),
        ("statement-removed", "fact-two"),
        ("statement-reworded", "fact-three"),
    ]


def test_a_source_whose_text_changed_names_the_statements_citing_it(
    minimal: ContentRecord,
) -> None:
    """Another SHA-256 for a source is a change, with every statement that cites it."""
    (source,) = minimal.sources
    changed = minimal.model_copy(
        update={"sources": (source.model_copy(update={"sha256": "0" * 64}),)}
    )
    (change,) = compare(minimal, changed).changes
    assert change.kind == "source-text-changed" and change.id == "one"
    assert change.statements == (
        "fact-bg",
        "fact-one",
        "fact-two",
        "fact-three",
        "event-one",
        "actor-one",
    )


def test_corrections_added_and_removed(minimal: ContentRecord, edited: Edited) -> None:
    """A correction issued is a change; so is one withdrawn."""

    def correct(brief: dict[str, Any], topic: dict[str, Any]) -> None:
        brief["corrections"] = [{"date": "2023-03-21", "was": "It said A.", "now": "It says B.",
                                 "statements": ["kj-1"]}]  # fmt: skip

    corrected = edited(correct)
    assert _kinds(minimal, corrected) == [("correction-added", None)]
    assert _kinds(corrected, minimal) == [("correction-removed", None)]


def test_json_leaves_out_what_a_change_does_not_use(
    minimal: ContentRecord, edited: Edited
) -> None:
    """A rating change's JSON has its kind, ids, section and before/after, nothing empty."""

    def rerate(brief: dict[str, Any], topic: dict[str, Any]) -> None:
        brief["key_judgments"][0]["confidence"] = "low"

    import json

    (change,) = json.loads(compare(minimal, edited(rerate)).to_json())["changes"]
    assert change == {
        "kind": "rating-changed", "id": "kj-1", "statement_kind": "key-judgment",
        "section": "key-judgments", "section_title": "Key judgments",
        "before": "high", "after": "low",
    }  # fmt: skip
