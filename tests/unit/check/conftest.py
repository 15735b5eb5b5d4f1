"""Fixtures of the check tests: the minimal project, edited in place, loaded as a Brief."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from briefwright.errors import Diagnostic
from briefwright.load.content import load_brief
from briefwright.model.brief import Brief
from tests.conftest import MakeProject


class Minimal:
    """The minimal fixture project in a folder of its own, to edit and load."""

    def __init__(self, content: Path) -> None:
        self.content = content

    def edit(self, relative: str, old: str, new: str) -> Minimal:
        """Replace the first `old` in a content file by `new` (which must be there)."""
        path = self.content / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return self

    def write(self, relative: str, text: str) -> Minimal:
        """Write a content file (a new one, or over an existing one)."""
        (self.content / relative).write_text(text, encoding="utf-8")
        return self

    def brief(self) -> Brief:
        """Load the content as a Brief, as `check` does."""
        return load_brief(self.content)

    def at(self, relative: str, line: int, column: int) -> str:
        """Return `path:line:column` of a content file, as a diagnostic prints it."""
        return f"{self.content / relative}:{line}:{column}"


@pytest.fixture
def minimal(project: MakeProject) -> Minimal:
    """The minimal fixture project, ready to edit."""
    return Minimal(project("minimal"))


def found(check: Callable[[Brief], Iterator[Diagnostic]], brief: Brief) -> list[str]:
    """Return what one check finds in a brief, each diagnostic as the CLI prints it."""
    return [str(diagnostic) for diagnostic in check(brief)]
