"""Tests for the GitHub Actions workflow that publishes releases."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"


def test_workflow_is_valid() -> None:
    """The workflow validates against the GitHub workflow schema (check-jsonschema)."""
    checker = Path(sys.executable).with_name("check-jsonschema")
    result = subprocess.run(
        [str(checker), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_sets_up_as_ci_does() -> None:
    """Pull requests run .ci/run and upload the PDFs; tags build and attach the release."""
    text = WORKFLOW.read_text()
    assert "run: bash .ci/run" in text
    assert "actions/upload-artifact" in text and "build/onepagers/*.pdf" in text
    assert "briefwright release" in text and "gh release create" in text
