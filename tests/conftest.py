"""Shared fixtures: the real project's folders, fixture projects, and one shared build."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
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
BRAND = Brand.model_validate(yaml.safe_load((CONTENT / "brand.yaml").read_text()))
"""The real brief's brand (content/brand.yaml): its palette, fonts and logo."""
MADE = brand_assets(BRAND, CONTENT) | {LABELS_CSS: english().stylesheet().encode()}
"""The assets a build makes for the real brief's brand in English (fonts.css, brand.css,
its logo…): what a page typeset outside a build links to besides the theme's files."""

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
