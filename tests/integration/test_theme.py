"""Layered templates and a brand: a project overriding one partial and one colour gets
exactly that change, in the HTML, its stylesheets and the PDF."""

from __future__ import annotations

import difflib
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from briefwright.pipeline.outcome import Built
from briefwright.pipeline.run import build_project
from briefwright.settings import Project
from tests.conftest import FIXTURES, TEMPLATES


def _build(root: Path, themed: bool) -> Path:
    shutil.copytree(FIXTURES / "minimal", root / "content")
    own = root / "templates"  # absent unless themed: the theme alone
    if themed:
        shutil.copytree(FIXTURES / "themed" / "templates", own)
        shutil.copy(FIXTURES / "themed" / "brand.yaml", root / "content" / "brand.yaml")
    made = build_project(Project(root / "content", own, theme=TEMPLATES), root / "out")
    assert isinstance(made, Built)
    return root / "out"


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The minimal brief built with the theme alone, and with the themed layer."""
    return (
        _build(tmp_path_factory.mktemp("plain"), themed=False),
        _build(tmp_path_factory.mktemp("themed"), themed=True),
    )


def _changed(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def _declarations(css: str) -> list[str]:
    """Return a stylesheet's custom-property declarations in order, spaces dropped."""
    return ["".join(found.split()) for found in re.findall(r"--[\w-]+\s*:[^;}]+", css)]


def test_one_partial_changes_one_element(outputs: tuple[Path, Path]) -> None:
    """Only the overridden partial's element differs in the brief's HTML."""
    plain, themed = outputs
    changed = _changed((plain / "brief.html").read_text(), (themed / "brief.html").read_text())
    # Besides the partial's element, only the icon: it is drawn in the brand's primary.
    icons = [line for line in changed if line[1:].startswith('<link rel="icon"')]
    assert [line[:1] for line in icons] == ["-", "+"] and "%235b1a6e" in icons[1]
    others = [line for line in changed if line not in icons]
    assert others == ['-<footer class="colophon">', '+<footer class="colophon house-footer">']


def test_one_colour_changes_one_property(outputs: tuple[Path, Path]) -> None:
    """Only the primary colour's custom property differs in brand.css (shipped minified:
    compared declaration by declaration); the theme's own stylesheets are the same files."""
    plain, themed = outputs
    before = _declarations((plain / "assets" / "brand.css").read_text())
    after = _declarations((themed / "assets" / "brand.css").read_text())
    assert len(before) == len(after) > 10
    changed = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    assert changed == [("--accent:#123a63", "--accent:#5b1a6e")]
    for sheet in ("base.css", "brief.css", "onepager.css", "labels.css"):
        assert (plain / "assets" / sheet).read_bytes() == (themed / "assets" / sheet).read_bytes()


def test_the_pdf_draws_the_new_colour(outputs: tuple[Path, Path]) -> None:
    """The title, drawn in the primary colour, is purple in the themed PDF and not before."""
    plain, themed = outputs
    purple = "0.356863 0.101961 0.431373 rg"  # #5b1a6e as PDF fill colour

    def page_one(out: Path) -> str:
        result = subprocess.run(
            ["qpdf", "--qdf", "--object-streams=disable", str(out / "brief.pdf"), "-"],
            capture_output=True, check=True,
        )  # fmt: skip
        return result.stdout.decode("latin-1")

    assert purple not in page_one(plain)
    assert purple in page_one(themed)
