"""Tests for briefwright.cli.diff: exit status as diff(1), the JSON its schema documents,
the readable summary, the tracked Word edition, and trouble as exit code 2."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefwright.cli.app import app
from tests.conftest import FIXTURES, ROOT

runner = CliRunner()
SCHEMA = ROOT / "docs" / "schemas" / "diff.schema.json"


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    """Two content folders of the minimal brief: 0.1, and 0.2 with kj-2 re-rated."""
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(FIXTURES / "minimal", old)
    shutil.copytree(FIXTURES / "minimal", new)
    brief = new / "brief.yaml"
    text = brief.read_text().replace('version: "0.1"', 'version: "0.2"')
    brief.write_text(
        text.replace(
            "Another judgment., confidence: moderate", "Another judgment., confidence: high"
        )
    )
    return old, new


def test_equal_versions_exit_0_and_different_ones_1(versions: tuple[Path, Path]) -> None:
    """0 when nothing changed, 1 when something did (not an error: the summary is on
    stdout, nothing on stderr)."""
    old, new = versions
    same = runner.invoke(app, ["diff", str(old), str(old)])
    assert same.exit_code == 0 and same.stdout.endswith(": no changes\n")
    differ = runner.invoke(app, ["diff", str(old), str(new)])
    assert differ.exit_code == 1, differ.output
    assert "  ~ kj-2 (key judgment): moderate → high\n" in differ.stdout
    assert differ.stderr == ""


def test_json_validates_against_the_documented_schema(
    versions: tuple[Path, Path], tmp_path: Path
) -> None:
    """`--format json` prints what docs/schemas/diff.schema.json describes (check-jsonschema)."""
    old, new = versions
    result = runner.invoke(app, ["diff", str(old), str(new), "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [c["kind"] for c in data["changes"]] == ["metadata-changed", "rating-changed"]
    (tmp_path / "diff.json").write_text(result.stdout)
    checker = Path(sys.executable).with_name("check-jsonschema")
    command = [str(checker), "--schemafile", str(SCHEMA), str(tmp_path / "diff.json")]
    checked = subprocess.run(command, capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_trouble_exits_2_with_one_line(versions: tuple[Path, Path], tmp_path: Path) -> None:
    """A version that is none (BW402), a release given as NEW for --docx (BW404) and a
    missing argument are trouble: exit code 2, a located line, no traceback."""
    old, new = versions
    unknown = runner.invoke(app, ["diff", str(old), str(tmp_path / "nowhere.zip")])
    assert unknown.exit_code == 2 and "BW402" in unknown.stderr
    assert "Traceback" not in unknown.output
    release = tmp_path / "T-001-0.2"
    release.mkdir()
    json_of_new = runner.invoke(app, ["diff", str(new), str(new), "--format", "json"])
    assert json_of_new.exit_code == 0
    from briefwright.pipeline.versions import opened_version
    from briefwright.settings import Project

    with opened_version(str(new), Project(new)) as version:
        (release / "content.json").write_bytes(version.record.to_json())
    docx = runner.invoke(app, ["diff", str(old), str(release), "--docx", str(tmp_path / "x.docx")])
    assert docx.exit_code == 2 and "BW404" in docx.stderr
    assert not (tmp_path / "x.docx").exists()
    assert runner.invoke(app, ["diff", str(old)]).exit_code == 2


def test_help_says_what_the_exit_status_means() -> None:
    """`diff --help` says 0, 1 and 2, and that 1 is not an error."""
    text = " ".join(runner.invoke(app, ["diff", "--help"]).stdout.split())
    assert "Exit status as diff(1): 0 when the versions are the same, 1 when they differ" in text
    assert "not an error" in text and "2 for trouble" in text


def test_docx_writes_the_new_edition_with_the_change_tracked(
    versions: tuple[Path, Path], tmp_path: Path
) -> None:
    """`--docx FILE` writes NEW's Word edition there: the re-rated label tracked, twice
    the same bytes."""
    old, new = versions
    first, second = tmp_path / "a" / "tracked.docx", tmp_path / "b" / "tracked.docx"
    for target in (first, second):
        result = runner.invoke(app, ["diff", str(old), str(new), "--docx", str(target)])
        assert result.exit_code == 1, result.output
    assert first.read_bytes() == second.read_bytes()
    import zipfile

    body = zipfile.ZipFile(first).read("word/document.xml").decode()
    assert body.count('<w:del w:id="') == 1 and body.count('<w:ins w:id="') == 1
    assert 'w:author="briefwright"' in body
    assert [p.name for p in first.parent.iterdir()] == ["tracked.docx"]
