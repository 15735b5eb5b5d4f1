"""Visual regression: every PDF page, rendered small and grey, against a reviewed reference.

References live in tests/visual/; `make snapshots` (pytest --snapshot-update) rewrites them.
A page passes when its mean pixel difference from the reference stays within TOLERANCE.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops, ImageStat

from briefwright.pipeline.outcome import Built, RunOptions
from briefwright.pipeline.run import build_project
from briefwright.settings import Project
from tests.conftest import FIXTURES, TEMPLATES

REFERENCES = Path(__file__).resolve().parent.parent / "visual"
SCALE = 30 / 72  # 30 dpi: enough to see layout, small enough to keep in git
TOLERANCE = 1.5  # mean absolute difference, in grey levels out of 255

DOCUMENTS = [
    "brief",
    "onepagers/co-development",
    "onepagers/investment-corridors",
    "onepagers/exercises-interoperability",
    "onepagers/strategic-context",
]


def _render(pdf: Path) -> list[Image.Image]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [
            page.render(scale=SCALE, grayscale=True).to_pil().convert("L") for page in document
        ]
    finally:
        document.close()


@pytest.mark.parametrize("stem", DOCUMENTS)
def test_pages_look_as_reviewed(built: Built, stem: str, request: pytest.FixtureRequest) -> None:
    """Each page matches its reference image within the tolerance, and the page count holds."""
    _compare(built.out_dir / f"{stem}.pdf", REFERENCES / stem.replace("/", "-"), request)


#: The Japanese edition's page 1 and one one-pager (build/ja/): enough to see its type,
#: line breaking and fit without a reference per page.
JAPANESE = {"ja/brief": 1, "ja/onepagers/exercises-interoperability": 1}


@pytest.mark.parametrize("stem", sorted(JAPANESE))
def test_japanese_pages_look_as_reviewed(
    built: Built, stem: str, request: pytest.FixtureRequest
) -> None:
    """The Japanese edition's first page(s) match their reviewed images."""
    folder = REFERENCES / stem.replace("/", "-")
    _compare(built.out_dir / f"{stem}.pdf", folder, request, JAPANESE[stem])


@pytest.fixture(scope="module")
def logo_onepagers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Build the minimal brief's one-pager once with a wide and once with a square logo."""
    made = {}
    for name in LOGOS:
        content = tmp_path_factory.mktemp(name) / "content"
        shutil.copytree(FIXTURES / "minimal", content)
        shutil.copytree(FIXTURES / name, content, dirs_exist_ok=True)
        out = content.parent / "build"
        build_project(Project(content, TEMPLATES), out, run=RunOptions(only="onepagers"))
        made[name] = out / "onepagers" / "only.pdf"
    return made


LOGOS = ["logo-wide", "logo-square"]


@pytest.mark.parametrize("name", LOGOS)
def test_a_one_pagers_logo_looks_as_reviewed(
    logo_onepagers: dict[str, Path], name: str, request: pytest.FixtureRequest
) -> None:
    """A one-pager with a wide or a square logo matches its reviewed image: the logo at the
    band's right, the title clear below it."""
    _compare(logo_onepagers[name], REFERENCES / f"onepager-{name}", request)


def _compare(
    pdf: Path, folder: Path, request: pytest.FixtureRequest, first: int | None = None
) -> None:
    """Compare each page of `pdf` (or its `first` pages) with the references in `folder`
    (rewrite them on --snapshot-update)."""
    pages = _render(pdf)[:first]
    if request.config.getoption("--snapshot-update"):
        if folder.exists():
            for old in folder.glob("*.png"):
                old.unlink()
        folder.mkdir(parents=True, exist_ok=True)
        for number, image in enumerate(pages, 1):
            image.save(folder / f"page-{number:02d}.png", optimize=True)
    references = sorted(folder.glob("page-*.png"))
    assert len(references) == len(pages), "page count changed; run `make snapshots` and review"
    for number, (image, reference) in enumerate(zip(pages, references, strict=True), 1):
        expected = Image.open(reference).convert("L")
        assert image.size == expected.size, f"page {number} changed size"
        difference = ImageStat.Stat(ImageChops.difference(image, expected)).mean[0]
        assert difference <= TOLERANCE, f"{pdf.name} page {number} differs by {difference:.2f}"
