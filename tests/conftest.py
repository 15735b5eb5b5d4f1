"""Shared fixtures: the real project's folders, fixture projects, and one shared build."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from briefwright.model.brand import Brand
from briefwright.pipeline.build import Built, build
from briefwright.render.brand import brand_assets
from briefwright.render.labels import LABELS_CSS, english
from briefwright.settings import Project

# One build time for the whole suite, so snapshots do not move with each git commit.
os.environ.setdefault("SOURCE_DATE_EPOCH", "1679270400")  # 20 March 2023, 00:00 UTC

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
TEMPLATES = ROOT / "templates"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PROJECT = Project(CONTENT, TEMPLATES)
LAYERS = (TEMPLATES,)
"""The template layers of this repository: its templates/ is the theme itself."""
MADE = brand_assets(Brand(), CONTENT) | {LABELS_CSS: english().stylesheet().encode()}
"""The assets a build makes for the default brand in English (fonts.css, brand.css…): what
a page typeset outside a build links to besides the theme's files."""

#: What the second round of grounding (issue 26) finds in the flagship today, answered:
#: (file, text, replacement). A test that needs `check --strict` or `release` to pass on the
#: flagship works on a copy with these applied (`answered_flagship`); the content rewrite of
#: issue 26 answers them in content/ itself, and this list becomes empty.
FLAGSHIP_ANSWERS = (
    # BW109: two judgments about the future, rated by confidence alone.
    ("brief.yaml", "    confidence: moderate\n    basis: [no-specific-platforms, fdi-open,",
     "    likelihood: likely\n    basis: [no-specific-platforms, fdi-open,"),
    ("brief.yaml", "    confidence: low\n    basis: [c2-fielded, companies-co-develop,",
     "    likelihood: roughly-even-chance\n    basis: [c2-fielded, companies-co-develop,"),
    # BW168: "sometime last year" quoted without the transcript's "I think".
    ("brief.yaml", "in the Foreign\n      Secretary's words, \"sometime last year\"",
     "as the Foreign\n      Secretary thought, \"sometime last year\""),
)  # fmt: skip


def answered_flagship(target: Path) -> Path:
    """Copy the flagship's content/ to `target` with FLAGSHIP_ANSWERS applied; return it."""
    shutil.copytree(CONTENT, target)
    for name, old, new in FLAGSHIP_ANSWERS:
        path = target / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{name} no longer holds {old!r}: update FLAGSHIP_ANSWERS"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


MakeProject = Callable[[str], Path]
"""The `project` fixture's type: materialise a fixture project by name, return its content."""


class TextSnapshot(SingleFileSnapshotExtension):
    """Store a snapshot as a plain UTF-8 file of its own, so it diffs cleanly in review."""

    _write_mode = WriteMode.TEXT
    file_extension = "txt"


class HTMLSnapshot(TextSnapshot):
    """Store a snapshot as an .html file."""

    file_extension = "html"


def pytest_report_header() -> str:
    """Name the independent PDF validator the conformance tests rest on, with its version."""
    from importlib.metadata import version

    return f"PDF validator: page-validation {version('page-validation')} (PDF/UA-1, PDF/A-1..3)"


@pytest.fixture
def project(tmp_path: Path) -> Callable[[str], Path]:
    """Return a function that materialises a fixture project (an overlay on minimal/)."""

    def make(name: str) -> Path:
        target = tmp_path / name / "content"
        shutil.copytree(FIXTURES / "minimal", target)
        overlay = FIXTURES / name
        if name != "minimal":
            shutil.copytree(overlay, target, dirs_exist_ok=True)
        return target

    return make


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Build the real brief once (A4) for every test that reads the artifacts."""
    out = tmp_path_factory.mktemp("build")
    made = build(PROJECT, out)
    assert isinstance(made, Built)
    return made


@pytest.fixture
def html_snapshot(snapshot):  # type: ignore[no-untyped-def]
    """Snapshot text as a single .html file."""
    return snapshot.use_extension(HTMLSnapshot)


@pytest.fixture
def text_snapshot(snapshot):  # type: ignore[no-untyped-def]
    """Snapshot text as a single .txt file."""
    return snapshot.use_extension(TextSnapshot)
