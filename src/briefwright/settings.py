"""Name the settings a build is made with: where its inputs are, what changes the PDF bytes,
and the limits.

`PdfSettings` holds every option that changes a PDF's bytes and gives incremental builds
their key, as black's `Mode` does for its cache; `pdf_settings` makes it from a command's
options, and it travels unchanged from the command line to the typesetter and to the Word
edition. Its `Paper` owns the page: size and margins of the brief and of a one-pager, which
the typesetter injects as CSS and the Word edition writes as section properties. `Limits`
holds what bounds a typesetting process. Plain values with no pydantic, so the console entry
point can read them before anything slow is imported.
"""

from __future__ import annotations

import functools
import importlib.util
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


@functools.cache
def installed_folder(package: str) -> Path:
    """Return the folder of a data package briefwright ships (`briefwright.theme`, the
    default theme; `briefwright.example`, the example brief), wherever it is installed."""
    spec = importlib.util.find_spec(package)
    assert spec is not None and spec.submodule_search_locations, f"{package} is not installed"
    return Path(next(iter(spec.submodule_search_locations)))


def default_theme() -> Path:
    """Return the folder of the installed default theme: templates, stylesheets, fonts."""
    return installed_folder("briefwright.theme")


#: Where a series keeps its briefs, one folder each, beside the shared sources.
BRIEFS = "briefs"
BRIEF_FILE = "brief.yaml"


@dataclass(frozen=True)
class Project:
    """Where a brief's inputs live: its content, its own templates, and the theme.

    Templates are looked up in layers, as MkDocs' `custom_dir` over a theme: a file in the
    project's own templates folder wins over the theme's file of the same name; anything it
    lacks (or the whole folder, when there is none) comes from the installed theme.
    """

    content: Path = Path("content")
    templates: Path = Path("templates")
    theme: Path = field(default_factory=default_theme)
    brief: str | None = None
    """In a series, the brief this project value stands for (content/briefs/<brief>/)."""

    @property
    def brief_root(self) -> Path:
        """Return the folder of the brief's own files: content/, or its series folder."""
        return self.content / BRIEFS / self.brief if self.brief else self.content

    @property
    def is_series(self) -> bool:
        """Return True when the project holds a series (content/briefs/<id>/ folders)."""
        return (self.content / BRIEFS).is_dir()

    def series(self) -> tuple[str, ...]:
        """Return the ids of the series' briefs: the folders of content/briefs/ holding a
        brief.yaml, sorted."""
        folder = self.content / BRIEFS
        return tuple(sorted(p.parent.name for p in folder.glob(f"*/{BRIEF_FILE}")))

    @property
    def layers(self) -> tuple[Path, ...]:
        """Return the template folders in the order a file is looked for: own, then theme."""
        own = self.templates.is_dir() and self.templates.resolve() != self.theme.resolve()
        return (self.templates, self.theme) if own else (self.theme,)

    @property
    def roots(self) -> tuple[Path, ...]:
        """Return the folders whose files are the build's inputs."""
        return (self.content, *self.layers)

    @property
    def named_roots(self) -> tuple[tuple[str, Path], ...]:
        """Return each input folder with the name its files are recorded under: `content`,
        `templates` (the project's own), `theme` (the installed theme, when it is another)."""
        names = ("templates", "theme") if len(self.layers) == 2 else ("templates",)
        return (("content", self.content), *zip(names, self.layers, strict=True))


@dataclass(frozen=True)
class Margins:
    """A page's margins in millimetres, as CSS lists them: top, right, bottom, left."""

    top: float
    right: float
    bottom: float
    left: float

    @property
    def css(self) -> str:
        """Return the margins as the CSS `margin` shorthand, e.g. `22mm 19mm 22mm 19mm`."""
        return " ".join(f"{side:g}mm" for side in (self.top, self.right, self.bottom, self.left))


#: The brief's margins: room for the running heads and footers.
BRIEF_MARGINS = Margins(22, 19, 22, 19)
#: A one-pager's margins: tighter, with a footer only.
ONEPAGER_MARGINS = Margins(15, 17, 16, 17)


@dataclass(frozen=True)
class Page:
    """The page a document is set on: its paper's size (named as CSS `size` names it, and
    in millimetres) and its margins. The PDF gets it as CSS (`css`), the Word edition as
    these numbers."""

    size: str
    width_mm: float
    height_mm: float
    margins: Margins

    @property
    def css(self) -> str:
        """Return the page as an `@page` rule: its size and margins."""
        return f"@page {{ size: {self.size}; margin: {self.margins.css} }}"

    @property
    def text_width_mm(self) -> float:
        """Return the width between the side margins."""
        return self.width_mm - self.margins.left - self.margins.right


class Paper(StrEnum):
    """Paper sizes the PDF and the Word edition can be set on; each owns its pages."""

    A4 = "a4"
    LETTER = "letter"

    @property
    def css(self) -> str:
        """Return the size as CSS `@page { size: … }` names it."""
        return "A4" if self is Paper.A4 else "letter"

    @property
    def size_mm(self) -> tuple[float, float]:
        """Return the width and height in millimetres (ISO 216; ANSI 8.5 × 11 in)."""
        return (210.0, 297.0) if self is Paper.A4 else (215.9, 279.4)

    def page(self, onepager: bool = False) -> Page:
        """Return the page of the brief on this paper, or of a one-pager."""
        width, height = self.size_mm
        return Page(self.css, width, height, ONEPAGER_MARGINS if onepager else BRIEF_MARGINS)


class PdfVariant(StrEnum):
    """PDF flavours a build can declare; PDF/UA-1 (accessible) is the default.

    Every variant but the experimental ones passes an independent validator's profile for
    it (tests/integration/test_conformance.py); `+ua-1` variants are PDF/A and PDF/UA-1 at
    once, validated against both.
    """

    UA1 = "pdf/ua-1"
    A2B = "pdf/a-2b"
    A2U = "pdf/a-2u"
    A3B = "pdf/a-3b"
    A3U = "pdf/a-3u"
    A2U_UA1 = "pdf/a-2u+ua-1"
    A3U_UA1 = "pdf/a-3u+ua-1"
    UA2 = "pdf/ua-2"
    A4U = "pdf/a-4u"

    @property
    def weasyprint(self) -> str:
        """Return the variant WeasyPrint typesets (a `+ua-1` is added afterwards)."""
        return self.value.removesuffix("+ua-1")

    @property
    def adds_ua1(self) -> bool:
        """Return True when PDF/UA-1 is declared on top of a PDF/A variant."""
        return self.value.endswith("+ua-1")

    @property
    def experimental(self) -> bool:
        """Return True for variants no validator here has a profile for (not proven)."""
        return self in (PdfVariant.UA2, PdfVariant.A4U)


#: The paper and the PDF flavour a build gets when its command names neither.
DEFAULT_PAPER = Paper.A4
DEFAULT_VARIANT = PdfVariant.UA1


@dataclass(frozen=True)
class PdfSettings:
    """Everything that changes a PDF's bytes besides its HTML and the template assets: the
    paper (and with it the pages, `Paper.page`) and the PDF flavour. The Word edition reads
    its pages from the same value."""

    paper: Paper = DEFAULT_PAPER
    variant: PdfVariant = DEFAULT_VARIANT

    def key(self) -> str:
        """Return these settings as one string, part of each document's typesetting key:
        the paper, the flavour and both pages' geometry."""
        pages = (self.paper.page().css, self.paper.page(onepager=True).css)
        return "\0".join((self.paper.value, self.variant.value, *pages))

    def recorded(self) -> dict[str, str]:
        """Return the settings as build/manifest.json records them under `options`."""
        return {"paper": self.paper.value, "pdf_variant": self.variant.value}


def pdf_settings(options: Mapping[str, object]) -> PdfSettings:
    """Return the PDF settings a command's options name, by parameter name (`paper`,
    `pdf_variant`; as Typer's `context.params` and the console entry point's fast path hold
    them), the defaults for those not given. The one place a command makes PdfSettings."""
    paper = options.get("paper") or DEFAULT_PAPER
    variant = options.get("pdf_variant") or DEFAULT_VARIANT
    return PdfSettings(Paper(str(paper)), PdfVariant(str(variant)))


DEFAULT_TIMEOUT = 120.0
DEFAULT_MEMORY_MIB = 3072
MIN_TIMEOUT = 0.1
MIN_MEMORY_MIB = 64


@dataclass(frozen=True)
class Limits:
    """How long one document may take, and how much memory a worker may map."""

    timeout: float = DEFAULT_TIMEOUT
    memory_mib: int = DEFAULT_MEMORY_MIB
    niceness: int = 0


def default_jobs() -> int:
    """Return how many typesetting processes to use when --jobs is not given: one per CPU."""
    return os.cpu_count() or 1
