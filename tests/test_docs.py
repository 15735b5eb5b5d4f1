"""Tests that the documentation keeps up with the code."""

from __future__ import annotations

import re

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
