"""Tests for briefwright.authoring.init (`init`): a project to fill in, or the example."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefwright.check import check_brief
from briefwright.cli.app import app
from briefwright.errors import BriefError, Severity
from briefwright.load.content import load_brief
from tests.conftest import CONTENT

TODAY = date(2026, 11, 29)


def _init(folder: Path, *options: str) -> None:
    result = CliRunner(env={"SOURCE_DATE_EPOCH": "1795910400"}).invoke(
        app, ["init", str(folder), *options]
    )
    assert result.exit_code == 0, result.output + result.stderr


def test_init_writes_every_file_a_project_needs(tmp_path: Path) -> None:
    """Content, schemas, README, .gitignore and CI workflow; the title and organisation
    given are in place, and today (the one clock) is the brief's first as_of."""
    project = tmp_path / "arctic"
    _init(project, "--title", 'Arctic "shipping": a brief', "--organisation", "Nordic Lab")
    written = sorted(str(p.relative_to(project)) for p in project.rglob("*") if p.is_file())
    assert written == [
        ".github/workflows/brief.yml", ".gitignore", "README.md",
        "content/actors.yaml", "content/brand.yaml", "content/brief.yaml",
        "content/glossary.yaml", "content/sources/README.md", "content/timeline.yaml",
        "content/topics/first-topic.yaml",
        "docs/schemas/actors.schema.json", "docs/schemas/brand.schema.json",
        "docs/schemas/brief.schema.json", "docs/schemas/figure.schema.json",
        "docs/schemas/glossary.schema.json", "docs/schemas/series.schema.json",
        "docs/schemas/source.schema.json", "docs/schemas/timeline.schema.json",
        "docs/schemas/topic.schema.json", "docs/schemas/translation.schema.json",
    ]  # fmt: skip
    brief = load_brief(project / "content")
    assert brief.metadata.title == 'Arctic "shipping": a brief'
    assert brief.metadata.organisation == "Nordic Lab"
    assert brief.metadata.as_of == TODAY
    assert brief.brand.meta is not None and brief.brand.meta.name.full == "Nordic Lab"
    assert "vendor/briefwright-*.whl" in (project / ".github/workflows/brief.yml").read_text()


def test_schema_lines_resolve_inside_the_project(tmp_path: Path) -> None:
    """Every `$schema` line of a content file names a schema file the project holds."""
    _init(tmp_path / "p")
    for path in (tmp_path / "p/content").rglob("*.yaml"):
        first = path.read_text().splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        schema = (path.parent / first.split("=", 1)[1]).resolve()
        assert json.loads(schema.read_text())["$schema"].startswith("https://json-schema"), path


def test_a_new_project_lists_each_placeholder_and_what_to_do(tmp_path: Path) -> None:
    """check on a fresh project: every placeholder is a located BW152 warning; the missing
    sources are errors saying how to add one; nothing else (no grounding noise)."""
    _init(tmp_path / "p")
    diagnostics = check_brief(load_brief(tmp_path / "p/content"))
    codes = {d.code for d in diagnostics if d.severity is not Severity.INFO}
    assert codes == {"BW152", "BW102", "BW131"}
    placeholders = [d for d in diagnostics if d.code == "BW152"]
    assert len(placeholders) >= 30
    assert all(d.location.line and d.location.column for d in placeholders)
    missing = next(d for d in diagnostics if d.code == "BW102")
    assert "briefwright sources add" in missing.message


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    """init never writes over files: a non-empty folder is BW010, exit 1."""
    (tmp_path / "notes.txt").write_text("mine")
    result = CliRunner().invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 1
    assert f"{tmp_path}:1:1: BW010 {tmp_path} is not an empty folder" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


@pytest.mark.parametrize("options", [["--language", "English"], ["--example", "--title", "x"]])
def test_bad_init_options_are_usage_errors(tmp_path: Path, options: list[str]) -> None:
    """A language that is not a BCP 47 tag, or --example with --title: exit 2, nothing written."""
    result = CliRunner().invoke(app, ["init", str(tmp_path / "p"), *options])
    assert result.exit_code == 2
    assert " init [OPTIONS] {DIR}" in result.stderr
    assert "Error: Invalid value for '--" in result.stderr
    assert not (tmp_path / "p").exists()


def test_example_is_the_repository_brief(tmp_path: Path) -> None:
    """init --example writes the India–Japan brief's content files, and its brand's logo,
    byte for byte."""
    _init(tmp_path / "ex", "--example")
    ours = {p.relative_to(CONTENT): p.read_bytes() for p in CONTENT.rglob("*")
            if p.is_file() and p.suffix in (".yaml", ".txt", ".svg")}  # fmt: skip
    assert Path("logo.svg") in ours
    theirs = {p.relative_to(tmp_path / "ex/content"): p.read_bytes()
              for p in (tmp_path / "ex/content").rglob("*") if p.is_file()}  # fmt: skip
    assert theirs == ours
    assert load_brief(tmp_path / "ex/content").metadata.product_id == "BW-2026-001"


def test_init_into_a_file_is_refused(tmp_path: Path) -> None:
    """A path that is a file is not an empty folder either."""
    target = tmp_path / "file"
    target.write_text("x")
    with pytest.raises(BriefError):
        from briefwright.authoring.init import Starter, init_project

        init_project(target, Starter(TODAY))
