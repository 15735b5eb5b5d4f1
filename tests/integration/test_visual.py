"""Visual regression: every PDF page, rendered small and grey, against a reviewed reference.

References live in tests/visual/; `make snapshots` (pytest --snapshot-update) rewrites them.
A page passes when its mean pixel difference from the reference stays within TOLERANCE.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops, ImageStat

from briefwright.pipeline.outcome import Built

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
    pages = _render(built.out_dir / f"{stem}.pdf")
    folder = REFERENCES / stem.replace("/", "-")
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
        assert difference <= TOLERANCE, f"{stem} page {number} differs by {difference:.2f}"
