"""Tests for briefwright.compare.weight: what page 1's box shows, at most five, by weight."""

from __future__ import annotations

from briefwright.compare.changes import Change, Changes, VersionRef
from briefwright.compare.weight import highlights, weight

REF = VersionRef(product_id="T", version="1.0", as_of="2023-03-20", title="T")


def _change(kind: str, statement_kind: str | None = None, id: str = "x") -> Change:
    return Change.model_validate({"kind": kind, "statement_kind": statement_kind, "id": id})


def test_judgments_re_rated_weigh_most_and_facts_nothing() -> None:
    """A re-rating weighs more than a key judgment reworded; a fact's change weighs nothing."""
    assert weight(_change("rating-changed", "analysis")) > weight(
        _change("statement-reworded", "key-judgment")
    )
    assert weight(_change("source-removed")) > 0
    assert weight(_change("statement-reworded", "key-point")) == 0
    assert weight(_change("basis-changed", "key-judgment")) == 0
    assert weight(_change("metadata-changed")) == 0


def test_at_most_five_heaviest_first_then_in_reading_order() -> None:
    """Seven weighty changes give the five heaviest; equals keep the brief's order."""
    changes = [
        _change("statement-reworded", "recommendation", "r1"),
        _change("statement-reworded", "key-point", "p1"),
        _change("rating-changed", "key-judgment", "k1"),
        _change("statement-added", "key-judgment", "k2"),
        _change("statement-removed", "recommendation", "r2"),
        _change("rating-changed", "analysis", "a1"),
        _change("source-removed", None, "s1"),
        _change("addressee-changed", "recommendation", "r3"),
    ]
    chosen = highlights(Changes(old=REF, new=REF, changes=tuple(changes)))
    assert [c.id for c in chosen] == ["k1", "a1", "r1", "k2", "r2"]
