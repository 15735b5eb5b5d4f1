"""Turn a document's HTML into PDF bytes with WeasyPrint, reading nothing outside templates/.

Importing this module imports WeasyPrint (most of a second), so callers import it lazily.
WeasyPrint only logs many problems (a missing font, an unreadable stylesheet) and writes the
PDF anyway; here every warning it logs, and every refused reference, fails the build.
"""

from __future__ import annotations

import gc
import logging
import mimetypes
import os
import tempfile
import warnings
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname
from xml.sax.saxutils import escape

# Set before WeasyPrint starts fontconfig: no system font may reach the output. WeasyPrint
# warns that the (deliberately) empty configuration has no fonts; `bundled_fonts` supplies
# them for each document.
os.environ["FONTCONFIG_FILE"] = str(Path(__file__).with_name("fonts.conf"))
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", "No fonts configured in FontConfig", UserWarning)
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

import pydyf

from briefwright.errors import BriefError, Diagnostic, Location
from briefwright.files import read_regular
from briefwright.settings import PdfSettings
from briefwright.typeset.structure import postprocess

MAX_RESOURCE_BYTES = 50_000_000
_TYPES = {".css": "text/css", ".ttf": "font/ttf", ".otf": "font/otf", ".woff2": "font/woff2"}


class ProjectFetcher(URLFetcher):  # type: ignore[misc]
    """Serve the files a document links to from the template layers, and the assets the
    build made in memory; refuse every other reference.

    Links resolve against the first layer (the project's own templates/, or the theme when
    there is none); a file it lacks is looked for in the next layer, as the templates are.
    """

    def __init__(self, layers: tuple[Path, ...], made: Mapping[str, bytes] | None = None):
        super().__init__(allowed_protocols={"file"}, allow_redirects=False, fail_on_errors=True)
        self.layers = tuple(layer.resolve() for layer in layers)
        self.made = dict(made or {})
        self.refused: list[str] = []

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        parts = urlsplit(url)
        path = Path(url2pathname(parts.path)).resolve() if parts.scheme == "file" else None
        data = self._read(path) if path is not None else None
        if path is None or data is None:
            self.refused.append(url)
            raise ValueError(f"refused reference {url}")
        content_type = _TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0]
        return URLFetcherResponse(url, data, {"Content-Type": content_type or ""})

    def _read(self, path: Path) -> bytes | None:
        """Return the bytes a path inside a layer stands for, or None when it is outside."""
        layer = next((layer for layer in self.layers if path.is_relative_to(layer)), None)
        if layer is None:
            return None
        relative = path.relative_to(layer).as_posix()
        if relative in self.made:
            return self.made[relative]
        for candidate in self.layers:  # the first layer holding the file wins
            if (candidate / relative).exists() or (candidate / relative).is_symlink():
                return read_regular(candidate / relative, candidate, MAX_RESOURCE_BYTES)
        return read_regular(path, layer, MAX_RESOURCE_BYTES)  # missing: BW004, named


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage().splitlines()[0])


@contextmanager
def _weasyprint_warnings() -> Iterator[_Collect]:
    logger = logging.getLogger("weasyprint")
    handler, propagate = _Collect(), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


@contextmanager
def bundled_fonts(layers: tuple[Path, ...]) -> Iterator[FontConfiguration]:
    """Yield a font configuration that knows the bundled fonts and nothing else.

    Pango crashes when it has no font at all (e.g. a template that forgot its stylesheet),
    so the layers' font folders are the fallback rather than an empty set. One configuration
    may serve several documents: WeasyPrint adds each @font-face rule to it once.
    """
    folders = [layer / "assets/fonts" for layer in layers if (layer / "assets/fonts").is_dir()]
    dirs = "".join(f"<dir>{escape(str(folder.resolve()))}</dir>" for folder in folders)
    with tempfile.TemporaryDirectory(prefix="briefwright-fonts-") as folder:
        config = Path(folder) / "fonts.conf"
        config.write_text(
            f"<?xml version='1.0'?><fontconfig>{dirs}"
            f"<cachedir>{escape(folder)}</cachedir></fontconfig>",
            encoding="utf-8",
        )
        previous = os.environ["FONTCONFIG_FILE"]
        os.environ["FONTCONFIG_FILE"] = str(config)
        try:
            fonts = FontConfiguration()
        finally:
            os.environ["FONTCONFIG_FILE"] = previous
        try:
            yield fonts
        finally:
            # WeasyPrint deletes its folder of @font-face files (~4 MB) when the configuration
            # is collected, which never happens in a worker that ends in os._exit: do it now.
            fonts.__del__()


def _page_references_once(unpatched: property) -> property:
    """Return pydyf's `PDF.page_references`, rebuilt only when a page has been added.

    pydyf builds the tuple of every page's reference on each access, and WeasyPrint reads it
    once per tagged element: quadratic, ~2 s of a 200-page brief's PDF writing. The tuple is
    the same until `add_page` appends to Kids, so it is kept per PDF, keyed on Kids' length.
    """

    def page_references(pdf: Any) -> Any:
        kept = pdf.__dict__.get("_page_references")
        count = len(pdf.pages["Kids"])
        if kept is None or kept[0] != count:
            kept = pdf.__dict__["_page_references"] = (count, unpatched.fget(pdf))  # type: ignore[misc]
        return kept[1]

    page_references.unpatched = unpatched  # type: ignore[attr-defined]
    return property(page_references)


if not hasattr(pydyf.PDF.page_references.fget, "unpatched"):
    pydyf.PDF.page_references = _page_references_once(pydyf.PDF.page_references)


def _explain(message: str) -> str:
    if message.startswith("Using fontTools instead of HarfBuzz-Subset"):
        return "typesetting needs Debian's libharfbuzz-subset0: run `bash .ci/system-deps`"
    return f"typesetting: {message}"


class Typesetter:
    """Typeset HTML documents whose relative links resolve in the template layers.

    Use it as a context manager around one document: a refused reference or any warning
    WeasyPrint logs while it is open raises BriefError naming that document on exit.
    """

    def __init__(
        self,
        layers: tuple[Path, ...],
        pdf: PdfSettings,
        document: str,
        fonts: FontConfiguration | None = None,
        made: Mapping[str, bytes] | None = None,
        onepager: bool = False,
    ) -> None:
        """Prepare to typeset `document`; `fonts` from bundled_fonts, or a fresh one; `made`
        the assets the build made in memory (by path, as the HTML links them); `onepager`
        sets it on a one-pager's page rather than the brief's."""
        self.layers = layers
        self.pdf = pdf
        self.shared_fonts = fonts
        self.where = Location(document)
        self.fetcher = ProjectFetcher(layers, made)
        # The page comes from the settings (settings.Paper), not the stylesheets: as a user
        # stylesheet it yields to an @page rule a project's own templates write.
        self.page = pdf.paper.page(onepager)
        self.html = ""
        self._stack = ExitStack()

    def __enter__(self) -> Typesetter:
        self._warnings = self._stack.enter_context(_weasyprint_warnings())
        if self.shared_fonts is not None:
            self.fonts = self.shared_fonts
        else:
            self.fonts = self._stack.enter_context(bundled_fonts(self.layers))
        return self

    def __exit__(self, kind: type[BaseException] | None, error: Any, traceback: Any) -> None:
        self._stack.close()
        if kind is FatalURLFetchingError:
            if isinstance(error.__cause__, MemoryError):
                raise MemoryError from None  # the worker reports it as out of memory
            refused = error.__cause__
            if isinstance(refused, BriefError) and refused.diagnostics[0].code == "BW012":
                raise refused from None  # a FIFO, or a symlink out of templates/: at its path
            if not self.fetcher.refused:
                message = f"could not load a resource: {error.__cause__ or error}"
                raise BriefError([Diagnostic("BW301", message, self.where)]) from None
            refused = ", ".join(self.fetcher.refused)
            message = (
                f"refused to load {refused}: only the templates' files (your templates/ "
                "folder, or the theme) may be used"
            )
            raise BriefError([Diagnostic("BW301", message, self.where)]) from None
        if kind is None and self._warnings.messages:
            raise BriefError(
                Diagnostic("BW302", _explain(message), self.where)
                for message in dict.fromkeys(self._warnings.messages)
            )

    def render(self, html: str, base: str = "", css: str = "") -> Any:
        """Lay out HTML (links relative to <first layer>/<base>) into a WeasyPrint Document."""
        base_url = (self.layers[0].resolve() / base).as_uri().rstrip("/") + "/"
        self.html = html  # its figures' descriptions go into the PDF's /Alt (finish)
        sheets = [CSS(string=self.page.css + css, url_fetcher=self.fetcher)]
        document = HTML(string=html, base_url=base_url, url_fetcher=self.fetcher)
        return document.render(stylesheets=sheets, font_config=self.fonts, pdf_tags=True)

    def typeset(self, html: str, base: str = "") -> tuple[bytes, int]:
        """Return the PDF of a document that flows onto as many pages as it needs, and
        their count; the laid-out document is freed before the PDF is finished."""
        document = self.render(html, base)
        pages, raw = len(document.pages), self.write_pdf(document)
        del document  # before finish: see `finish`
        return self.finish(raw), pages

    def write_pdf(self, document: Any) -> bytes:
        """Write a laid-out Document as WeasyPrint's tagged PDF, before `finish`."""
        # Layout leaves the document's whole formatting structure behind as cyclic garbage;
        # freeing it now keeps it from adding to the memory the PDF writing needs (-10 %).
        gc.collect()
        pdf = document.write_pdf(pdf_tags=True, pdf_variant=self.pdf.variant.weasyprint)
        assert isinstance(pdf, bytes)
        return pdf

    def finish(self, pdf: bytes) -> bytes:
        """Return WeasyPrint's PDF made conformant. Call it once the laid-out Document is
        gone (`del` it and collect): pikepdf then parses the PDF in the memory the layout
        held, instead of on top of it (~-40 MiB at the peak of a 200-page brief)."""
        gc.collect()
        # WeasyPrint 70 tags a <div> in a <dl> as a Div inside the L, and a block child of a
        # list item as a sibling of its LBody; PDF/UA-1 forbids both (ISO 32000-1 Table 336,
        # Matterhorn 09-005). Move them where they belong and store the XMP unfiltered.
        return postprocess(pdf, pdfua1=self.pdf.variant.adds_ua1, html=self.html)
