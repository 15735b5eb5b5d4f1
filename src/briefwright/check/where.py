"""Say where a check's finding is: the content line an item (or one of its fields) came from."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from briefwright.errors import Diagnostic, Location
from briefwright.model.base import Model
from briefwright.model.brief import Brief

Check = Callable[[Brief], Iterator[Diagnostic]]


def located(item: Model, field: str | None = None) -> Location:
    """Return where an item (or one of its fields) was written; the content folder when
    the loader recorded no place."""
    return item.where(field) or Location("content")
