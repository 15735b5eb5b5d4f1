"""Shared fixtures: the real project's folders, fixture projects, and one shared build."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable, Iterator, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from briefwright.model.brand import Brand
from briefwright.pipeline.outcome import Built
from briefwright.pipeline.run import build_project
from briefwright.render.brand import brand_assets
from briefwright.render.labels import LABELS_CSS, english
from briefwright.settings import PdfSettings, Project

# One build time for the whole suite, so snapshots do not move with each git commit.
os.environ.setdefault("SOURCE_DATE_EPOCH", "1679270400")  # 20 March 2023, 00:00 UTC

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
TEMPLATES = ROOT / "templates"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PROJECT = Project(CONTENT, TEMPLATES)
LAYERS = (TEMPLATES,)
"""The template layers of this repository: its templates/ is the theme itself."""
BRAND = Brand.model_validate(yaml.safe_load((CONTENT / "brand.yaml").read_text()))
"""The real brief's brand (content/brand.yaml): its palette, fonts and logo."""
MADE = brand_assets(BRAND, CONTENT) | {LABELS_CSS: english().stylesheet().encode()}
"""The assets a build makes for the real brief's brand in English (fonts.css, brand.css,
its logo…): what a page typeset outside a build links to besides the theme's files."""


def typeset_html(
    html: str,
    layers: tuple[Path, ...],
    pdf: PdfSettings,
    document: str,
    made: Mapping[str, bytes] | None = None,
) -> bytes:
    """Return the PDF of a page typeset as a build typesets the brief (a fresh font
    configuration, every WeasyPrint warning an error), outside a build."""
    from briefwright.typeset.engine import Typesetter  # imports WeasyPrint: only when asked

    with Typesetter(layers, pdf, document, made=made) as typesetter:
        return typesetter.typeset(html)[0]


MakeProject = Callable[[str], Path]
"""The `project` fixture's type: materialise a fixture project by name, return its content."""


class TextSnapshot(SingleFileSnapshotExtension):
    """Store a snapshot as a plain UTF-8 file of its own, so it diffs cleanly in review."""

    _write_mode = WriteMode.TEXT
    file_extension = "txt"


class HTMLSnapshot(TextSnapshot):
    """Store a snapshot as an .html file."""

    file_extension = "html"


def pytest_report_header() -> str:
    """Name the independent PDF validator the conformance tests rest on, with its version."""
    from importlib.metadata import version

    return f"PDF validator: page-validation {version('page-validation')} (PDF/UA-1, PDF/A-1..3)"


@pytest.fixture
def project(tmp_path: Path) -> Callable[[str], Path]:
    """Return a function that materialises a fixture project (an overlay on minimal/)."""

    def make(name: str) -> Path:
        target = tmp_path / name / "content"
        shutil.copytree(FIXTURES / "minimal", target)
        overlay = FIXTURES / name
        if name != "minimal":
            shutil.copytree(overlay, target, dirs_exist_ok=True)
        return target

    return make


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Build the real brief once (A4) for every test that reads the artifacts."""
    out = tmp_path_factory.mktemp("build")
    made = build_project(PROJECT, out)
    assert isinstance(made, Built)
    return made


@pytest.fixture
def html_snapshot(snapshot):  # type: ignore[no-untyped-def]
    """Snapshot text as a single .html file."""
    return snapshot.use_extension(HTMLSnapshot)


@pytest.fixture
def text_snapshot(snapshot):  # type: ignore[no-untyped-def]
    """Snapshot text as a single .txt file."""
    return snapshot.use_extension(TextSnapshot)


# Sources as they come (tests of ingest/ and `sources add`): a PDF made here, pages served
# from 127.0.0.1 by a thread; nothing is fetched from elsewhere.

NEWS_PAGE = FIXTURES / "ingest" / "news-page.html"
"""A news page as a browser saves it (tests/fixtures/README.md)."""

PAGE_TWO = (
    "On the second page the ministers agreed to pursue co-development of unmanned ground "
    "vehicles and robotics under the technology agreement."
)
PAGE_THREE = "The third page records the next meeting, planned for the following spring."

_PDF_CSS = """
@page { size: A5; margin: 2.2cm 2cm; font-family: "Source Serif 4";
  @top-center { content: "Defence Cooperation Review 2023"; font-size: 8pt }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 8pt } }
body { font-family: "Source Serif 4"; font-size: 11pt; }
p { hyphens: auto; text-align: justify; width: 6.5cm }
section + section { break-before: page }
"""


def three_page_html() -> str:
    """Return a report of three pages: a running head, page numbers, hyphenated words."""
    long_words = " ".join(["interoperability and industrialisation require co-ordination"] * 4)
    one = f"<h1>Defence Cooperation Review</h1><p>The first page introduces the review. {long_words}.</p>"  # noqa: E501
    two = f"<p>{PAGE_TWO}</p><p>Further work on {long_words}.</p>"
    three = f"<p>{PAGE_THREE}</p>"
    sections = "".join(f"<section>{part}</section>" for part in (one, two, three))
    return f"<html lang='en'><head><title>Defence Cooperation Review</title><style>{_PDF_CSS}</style></head><body>{sections}</body></html>"  # noqa: E501


def make_pdf(html: str) -> bytes:
    """Typeset HTML with WeasyPrint as the build does (the bundled fonts only)."""
    from briefwright.settings import PdfSettings
    from briefwright.typeset.engine import Typesetter

    with Typesetter(LAYERS, PdfSettings(), "made.pdf", made=MADE) as typesetter:
        data = typesetter.render(html).write_pdf()
    assert isinstance(data, bytes)
    return data


@pytest.fixture(scope="session")
def three_page_pdf() -> bytes:
    """A three-page PDF made by WeasyPrint, with a running head and page numbers."""
    return make_pdf(three_page_html())


@pytest.fixture(scope="session")
def scanned_pdf() -> bytes:
    """A PDF of one page holding a drawing and no text layer, as a scan has none."""
    svg = "<svg width='300' height='200'><rect width='300' height='200' fill='#888'/></svg>"
    return make_pdf(f"<html><body>{svg}</body></html>")


Route = tuple[int, dict[str, str], bytes]


class Server:
    """A local HTTP server answering each path with a fixed status, headers and body."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        routes = self.routes

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                status, headers, body = routes.get(self.path, (404, {}, b"not found"))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                """Keep the test output quiet."""

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def serve(self, path: str, body: bytes, content_type: str, status: int = 200,
              **headers: str) -> str:  # fmt: skip
        """Serve body at path; return its address."""
        self.routes[path] = (status, {"Content-Type": content_type, **headers}, body)
        return self.base + path


@pytest.fixture
def server() -> Iterator[Server]:
    """A server on 127.0.0.1 (an ephemeral port), stopped after the test."""
    running = Server()
    running.thread.start()
    try:
        yield running
    finally:
        running.httpd.shutdown()
        running.httpd.server_close()
        running.thread.join(timeout=5)


def preloads_resolve(out_dir: Path) -> int:
    """Assert that every font a page under out_dir preloads is a file its fonts.css declares
    (a preload the page never uses, or a missing file, is a warning in every browser);
    return how many pages preload."""
    import posixpath
    import re

    pages = 0
    for page in sorted(out_dir.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        hrefs = re.findall(r'<link rel="preload" href="([^"]+)" as="font"', html)
        if not hrefs:
            continue
        pages += 1
        sheet = re.search(r'<link rel="stylesheet" href="([^"]+/fonts\.css)"', html)
        assert sheet, f"{page} preloads fonts but links no fonts.css"
        css_path = page.parent / sheet[1]
        declared = {
            posixpath.normpath((css_path.parent / url).as_posix())
            for url in re.findall(r'url\("([^"]+)"\)', css_path.read_text(encoding="utf-8"))
        }
        for href in hrefs:
            font = posixpath.normpath((page.parent / href).as_posix())
            assert Path(font).is_file(), f"{page} preloads {href}, which is missing"
            assert font in declared, f"{page} preloads {href}, which its fonts.css does not use"
    return pages
