"""Tests for briefwright.check.where: a finding points at the line its item was written on."""

from __future__ import annotations

from briefwright.check.where import located
from briefwright.errors import Location
from briefwright.model.brand import Brand
from tests.unit.check.conftest import Minimal


def test_a_field_is_located_where_it_was_written(minimal: Minimal) -> None:
    """An item's field is at its own line and column; the item itself at its mapping."""
    fact = minimal.brief().topics[0].key_points[0]
    assert str(located(fact, "text")) == minimal.at("topics/only.yaml", 11, 11)
    assert str(located(fact)) == minimal.at("topics/only.yaml", 10, 5)


def test_a_field_without_a_place_falls_back_to_its_item(minimal: Minimal) -> None:
    """A field the file does not give is located at the item that lacks it."""
    topic = minimal.brief().topics[0]
    assert located(topic.onepager, "caveats") == located(topic.onepager)


def test_an_item_made_in_code_is_located_in_the_content_folder() -> None:
    """A value the loader did not read (a default brand) points at the content folder."""
    assert located(Brand()) == Location("content")
    assert located(Brand(), "color") == Location("content")
