"""Measure the HTML edition as the web does: Lighthouse, mobile, on the brief, a one-pager and
a source page served from 127.0.0.1; and the share of text under 12 px on a 390 px phone.

    npm ci --prefix benchmarks/lighthouse        # Lighthouse 12.2.3 (later ones want Node 22)
    .venv/bin/python benchmarks/lighthouse.py [BUILD] [--page PATH ...] [--runs N] [--gzip]

BUILD is a build folder (default: build/). Chromium is Debian's (CHROME_PATH, default
/usr/bin/chromium). The pages are served by Python's http.server on a free port of 127.0.0.1,
with no cache headers and, by default, no compression, so "transfer" is the bytes of every
file the page loads. With --gzip, text files (HTML, CSS, JavaScript, SVG) go gzip-compressed
to Chromium, which asks for it, as every static host serves them; fonts and images as they
are. Figures are printed (the median of --runs runs), never asserted.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "benchmarks" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PHONE = {"width": 390, "height": 844}
TEXT_FILES = {".html", ".css", ".js", ".svg", ".json", ".xml", ".txt"}

# Visible text, by characters and by text nodes, whose computed size is under 12 px.
SMALL_TEXT = """() => {
  let chars = 0, smallChars = 0, nodes = 0, smallNodes = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim();
    const element = walker.currentNode.parentElement;
    if (!text || !element.getClientRects().length) continue;
    const small = parseFloat(getComputedStyle(element).fontSize) < 12;
    chars += text.length; nodes += 1;
    if (small) { smallChars += text.length; smallNodes += 1; }
  }
  return { chars: smallChars / Math.max(chars, 1), nodes: smallNodes / Math.max(nodes, 1) };
}"""


@dataclass(frozen=True)
class Figures:
    """What one Lighthouse run says about one page, and its small text measured apart."""

    scores: dict[str, float]
    lcp_ms: float
    transfer_bytes: float
    legible: str
    target_failures: int
    small_chars: float
    small_nodes: float
    failing: tuple[str, ...]


def main() -> None:
    """Serve the build, run Lighthouse on each page, print one table."""
    options = parse_arguments()
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} is missing: run `npm ci --prefix benchmarks/lighthouse`")
    pages = options.page or default_pages(options.build)
    with serve(options.build, options.gzip) as origin:
        results = {page: measure(origin, page, options.runs) for page in pages}
    print_table(options.build, results, options.gzip)


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", nargs="?", type=Path, default=ROOT / "build")
    parser.add_argument("--page", action="append", help="a page, relative to BUILD")
    parser.add_argument("--runs", type=int, default=1, help="runs per page (median)")
    parser.add_argument("--gzip", action="store_true", help="serve text files gzip-compressed")
    return parser.parse_args()


def default_pages(build: Path) -> list[str]:
    """Return brief.html, the first one-pager and the first source page the build holds."""
    pages = ["brief.html"]
    for folder in ("onepagers", "sources"):
        found = sorted((build / folder).glob("*.html"))
        pages += [found[0].relative_to(build).as_posix()] if found else []
    return pages


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files without logging each request."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


class GzipHandler(QuietHandler):
    """Serve text files gzip-compressed to a client that accepts it, as static hosts do
    (GitHub Pages, Netlify, nginx's gzip_static); fonts and images as they are."""

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts or path.suffix not in TEXT_FILES or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve(build: Path, compress: bool = False) -> Iterator[str]:
    """Serve the build folder from a free port of 127.0.0.1 for the duration."""
    kind = GzipHandler if compress else QuietHandler
    handler = functools.partial(kind, directory=str(build))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def measure(origin: str, page: str, runs: int) -> Figures:
    """Run Lighthouse `runs` times on a page and keep the median of each figure."""
    reports = [run_lighthouse(origin + page) for _ in range(runs)]
    small = small_text(origin + page)

    def median(*path: str) -> float:
        return statistics.median(dig(report, path) for report in reports)

    last = reports[-1]
    return Figures(
        scores={c: median("categories", c, "score") for c in CATEGORIES},
        lcp_ms=median("audits", "largest-contentful-paint", "numericValue"),
        transfer_bytes=median("audits", "total-byte-weight", "numericValue"),
        legible=last["audits"].get("font-size", {}).get("displayValue", "n/a"),
        target_failures=len(failing_items(last, "target-size")),
        small_chars=small["chars"],
        small_nodes=small["nodes"],
        failing=tuple(failing_audits(last)),
    )


def dig(report: Any, path: tuple[str, ...]) -> float:
    """Return the number at a path of keys in a report."""
    for key in path:
        report = report[key]
    return float(report)


def run_lighthouse(url: str) -> dict[str, Any]:
    """Return Lighthouse's JSON report on a page (mobile form factor, the default)."""
    with tempfile.TemporaryDirectory(prefix="bw-lighthouse-") as scratch:
        report = Path(scratch) / "report.json"
        command = [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--form-factor=mobile",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={report}",
            f"--chrome-flags={' '.join(CHROME_FLAGS)}",
        ]
        env = {**os.environ, "CHROME_PATH": CHROME, "TMPDIR": scratch}
        subprocess.run(command, check=True, env=env, capture_output=True, text=True)
        result: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
        return result


def failing_items(report: dict[str, Any], audit_id: str) -> list[Any]:
    """Return the items a failed audit lists (an empty list when it passed or is absent)."""
    audit = report["audits"].get(audit_id, {})
    if audit.get("score") in (None, 1):
        return []
    items: list[Any] = audit.get("details", {}).get("items", [])
    return items


def failing_audits(report: dict[str, Any]) -> Iterator[str]:
    """Yield the scored audits of the four categories that did not pass, by id."""
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 0.9:
                yield f"{category}:{ref['id']}"


def small_text(url: str) -> dict[str, float]:
    """Return the share of visible text under 12 px on a 390 px phone, in Chromium."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROME, args=CHROME_FLAGS[1:])
        try:
            page = browser.new_page(viewport=PHONE, is_mobile=True, has_touch=True)  # type: ignore[arg-type]
            page.goto(url)
            shares: dict[str, float] = page.evaluate(SMALL_TEXT)
            return shares
        finally:
            browser.close()


def print_table(build: Path, results: dict[str, Figures], compressed: bool) -> None:
    """Print one row per page, then the audits each page failed."""
    served = "text gzip-compressed" if compressed else "uncompressed"
    print(f"Lighthouse 12.2.3, mobile; {shutil.which(CHROME) or CHROME}; pages of {build}, "
          f"served {served}")  # fmt: skip
    header = ("page", "perf", "a11y", "best", "SEO", "LCP s", "transfer KiB",
              "legible (LH)", "<12px chars", "<12px nodes", "target fails")  # fmt: skip
    print(" | ".join(header))
    for page, f in results.items():
        row = (
            page,
            *(f"{f.scores[c]:.2f}" for c in CATEGORIES),
            f"{f.lcp_ms / 1000:.1f}",
            f"{f.transfer_bytes / 1024:,.0f}",
            f.legible,
            f"{f.small_chars:.1%}",
            f"{f.small_nodes:.1%}",
            str(f.target_failures),
        )
        print(" | ".join(row))
    for page, f in results.items():
        print(f"{page}: failing audits: {', '.join(f.failing) or 'none'}")


if __name__ == "__main__":
    main()
