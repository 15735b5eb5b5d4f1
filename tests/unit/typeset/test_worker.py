"""Tests for briefwright.typeset.worker: model-free jobs, and a light module to preload."""

from __future__ import annotations

import subprocess
import sys

from briefwright.errors import Location
from briefwright.settings import PdfSettings
from briefwright.typeset.worker import Job, typeset_job
from tests.conftest import LAYERS, MADE, TEMPLATES

HEAVY = ("pydantic", "jinja2", "weasyprint", "briefwright.model", "briefwright.pipeline")


def test_the_worker_module_imports_nothing_heavy() -> None:
    """Importing the worker (as the build does for `Job`) loads no models, no WeasyPrint."""
    code = (
        "import sys, briefwright.typeset.worker, briefwright.typeset.pool; "
        f"print(sorted(m for m in sys.modules if m.startswith({HEAVY!r})))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_typesetting_never_imports_the_content_models() -> None:
    """Typesetting a job (engine and fit included) loads no content model and no Jinja."""
    code = (
        "import sys; from pathlib import Path; from briefwright.settings import PdfSettings; "
        "from briefwright.typeset.worker import Job, typeset_job; "
        "html = '<html lang=\"en\"><head><title>t</title></head><body><p>x</p></body></html>'; "
        f"typeset_job(Job('t', html), (Path({str(TEMPLATES)!r}),), PdfSettings(), None); "
        "print(sorted(m for m in sys.modules if m.startswith(('pydantic', 'jinja2', "
        "'briefwright.model', 'briefwright.render', 'briefwright.pipeline'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_onepager_that_needed_a_smaller_size_says_so() -> None:
    """A one-page job that fits only below the stylesheet's size comes back with a remark."""
    html = (
        '<html lang="en"><head><title>t</title><link rel="stylesheet" href="../assets/brand.css">'
        '<link rel="stylesheet" href="../assets/base.css">'
        '<link rel="stylesheet" href="../assets/onepager.css"></head><body class="onepager">'
        + "".join(f"<p>Paragraph {n} of a page that is slightly too long.</p>" for n in range(38))
        + "</body></html>"
    )
    job = Job("onepagers/t", html, "onepagers", "t", Location("topics/t.yaml"))
    result = typeset_job(job, LAYERS, PdfSettings(), None, MADE)
    assert result.pages == 1
    assert result.remark == (
        "onepagers/t.pdf fits one page at 10pt (1 step below the stylesheet's size; floor 8.5pt)"
    )
