"""Tests that the documentation keeps up with the code."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

CODE = re.compile(r'"(BW\d{3})"')


def test_every_diagnostic_code_is_documented() -> None:
    """Each code the source can emit has a row in docs/checks.md, and no row is stale."""
    emitted = {
        code for path in (ROOT / "src").rglob("*.py") for code in CODE.findall(path.read_text())
    }
    documented = set(re.findall(r"^\| (BW\d{3}) \|", (ROOT / "docs/checks.md").read_text(), re.M))
    assert emitted
    assert emitted == documented


def test_cli_reference_is_current() -> None:
    """docs/cli.md is what `make docs` generates from --help (regenerate it after a change)."""
    from briefwright.clidoc import cli_reference

    assert (ROOT / "docs" / "cli.md").read_text() == cli_reference()


def test_authoring_guide_runs(tmp_path: Path) -> None:
    """Every `sh` block of docs/authoring.md runs, in order, in a copy of the project."""
    guide = (ROOT / "docs" / "authoring.md").read_text()
    blocks = re.findall(r"```sh\n(.*?)```", guide, re.S)
    assert len(blocks) >= 4
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    script = "set -euo pipefail\n" + "\n".join(blocks)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    result = subprocess.run(
        ["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "added example-wire-2023-03-22" in result.stdout
    assert "dropped site furniture: top of page" in result.stdout
