"""Tests for the GitHub Actions workflows: the repository's, which publishes releases, and
the one `briefwright init` writes into a new project."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
STARTER = ROOT / "src" / "briefwright" / "authoring" / "starter" / "workflow.yml"


@pytest.mark.parametrize("workflow", [WORKFLOW, STARTER], ids=["repository", "init"])
def test_workflow_is_valid(workflow: Path) -> None:
    """Each workflow validates against the GitHub workflow schema (check-jsonschema)."""
    checker = Path(sys.executable).with_name("check-jsonschema")
    result = subprocess.run(
        [str(checker), "--builtin-schema", "vendor.github-workflows", str(workflow)],
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


def test_init_workflow_installs_the_wheel_as_documented() -> None:
    """A new project's workflow installs briefwright from the wheel in vendor/, checks
    strictly on pull requests, builds, and makes the release on a tag."""
    text = STARTER.read_text()
    assert "python -m pip install vendor/briefwright-*.whl" in text
    assert "briefwright check --strict" in text and "briefwright release" in text
    assert "startsWith(github.ref, 'refs/tags/v')" in text


@pytest.mark.parametrize(("workflow", "count"), [(WORKFLOW, 2), (STARTER, 3)])
def test_workflows_build_in_shards_and_assemble(workflow: Path, count: int) -> None:
    """A matrix job typesets each share (build --shard K/N); a job that needs them all
    assembles them into one build."""
    text = workflow.read_text()
    assert f"shard: [{', '.join(str(n) for n in range(1, count + 1))}]" in text
    assert f"build --shard ${{{{ matrix.shard }}}}/{count}" in text
    shards = " ".join(f"shard-{n}" for n in range(1, count + 1))
    assert f"assemble {shards} --out build" in text and "needs: shard" in text
