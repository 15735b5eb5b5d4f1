"""Tests for briefwright.docx's place in the layers: a writer that knows no content models."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

_FORBIDDEN = (
    "briefwright.model",
    "briefwright.load",
    "briefwright.check",
    "briefwright.evidence",
    "briefwright.render",
    "briefwright.pipeline",
    "pydantic",
    "jinja2",
)


def test_the_writer_imports_no_content_model_and_no_template_engine() -> None:
    """Importing the writer loads none of the content stages, pydantic or Jinja2."""
    code = (
        "import sys, briefwright.docx.writer\n"
        f"print(' '.join(m for m in sys.modules if m.startswith({_FORBIDDEN!r})))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert loaded == []


def test_the_package_init_is_empty() -> None:
    """briefwright/docx/__init__.py is empty, as every package's is."""
    assert (ROOT / "src" / "briefwright" / "docx" / "__init__.py").read_text() == ""
