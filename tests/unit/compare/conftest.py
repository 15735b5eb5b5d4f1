"""Records of the minimal fixture brief, for the compare tests: one as written, and a
helper that edits a copy of its content and records that."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from briefwright.compare.record import ContentRecord, record_brief
from briefwright.load.content import load_brief
from briefwright.render.html import document_labels, section_headings
from tests.conftest import FIXTURES, LAYERS

Edit = Callable[[dict[str, Any], dict[str, Any]], None]
"""Edits brief.yaml's data and the only topic's, in place."""


def record_of(content: Path) -> ContentRecord:
    """Return the record of the brief in a content folder, as a build makes it."""
    brief = load_brief(content)
    return record_brief(brief, section_headings(brief, document_labels(brief, LAYERS)))


@pytest.fixture
def edited(tmp_path: Path) -> Callable[[Edit], ContentRecord]:
    """Return a function that copies the minimal brief, applies an edit to its YAML
    (re-dumped: wrapped and ordered otherwise), and returns the edited brief's record."""
    counter = iter(range(100))

    def make(edit: Edit) -> ContentRecord:
        target = tmp_path / f"v{next(counter)}"
        shutil.copytree(FIXTURES / "minimal", target)
        brief = yaml.safe_load((target / "brief.yaml").read_text())
        topic = yaml.safe_load((target / "topics" / "only.yaml").read_text())
        edit(brief, topic)
        for name, data in (("brief.yaml", brief), ("topics/only.yaml", topic)):
            (target / name).write_text(yaml.safe_dump(data, width=30, allow_unicode=True))
        return record_of(target)

    return make


@pytest.fixture(scope="session")
def minimal() -> ContentRecord:
    """The minimal brief's record, as written."""
    return record_of(FIXTURES / "minimal")
