"""Tests for briefwright.typeset.engine: paper, confinement, warnings, variants, caching."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from briefwright.errors import BriefError
from briefwright.settings import Paper, PdfSettings, PdfVariant
from briefwright.typeset.engine import Typesetter
from tests.conftest import LAYERS, MADE, typeset_html

A4 = PdfSettings()


def test_letter_paper(tmp_path: Path) -> None:
    """--paper letter sets every page to US Letter."""
    html = (
        '<html lang="en"><head><link rel="stylesheet" href="assets/brand.css">'
        '<link rel="stylesheet" href="assets/base.css"></head>'
        "<body><p>x</p></body></html>"
    )
    reader = PdfReader(
        io.BytesIO(typeset_html(html, LAYERS, PdfSettings(Paper.LETTER), "t.pdf", MADE))
    )
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


@pytest.mark.parametrize(
    "reference",
    ["file:///etc/passwd", "../pyproject.toml", "http://127.0.0.1:9/x.css", "assets/missing.css"],
)
def test_references_outside_templates_fail_the_build(reference: str) -> None:
    """A stylesheet outside templates/, a URL, or a missing file is an error, not a hole."""
    html = f'<html><head><link rel="stylesheet" href="{reference}"></head><body>x</body></html>'
    with pytest.raises(BriefError) as caught:
        typeset_html(html, LAYERS, A4, "out/brief.pdf", MADE)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "BW301"
    assert diagnostic.location.path == "out/brief.pdf"


def test_weasyprint_warnings_fail_the_build() -> None:
    """Anything WeasyPrint only logs (here, an unknown CSS property) fails the build."""
    html = "<html><head><style>p { colour: red }</style></head><body><p>x</p></body></html>"
    with pytest.raises(BriefError) as caught:
        typeset_html(html, LAYERS, A4, "out/brief.pdf", MADE)
    assert caught.value.diagnostics[0].code == "BW302"


MM = 96 / 25.4  # CSS px per millimetre


@pytest.mark.parametrize("paper", list(Paper))
@pytest.mark.parametrize("onepager", [False, True])
def test_each_document_is_set_on_its_papers_page(paper: Paper, onepager: bool) -> None:
    """The page's size and margins come from the settings (settings.Paper), the same for
    every stylesheet: the brief's margins, or a one-pager's."""
    page = paper.page(onepager)
    html = '<html lang="en"><head><title>t</title></head><body><p>x</p></body></html>'
    with Typesetter(LAYERS, PdfSettings(paper), "t.pdf", made=MADE, onepager=onepager) as setter:
        box = setter.render(html).pages[0]._page_box
    assert box.margin_width() == pytest.approx(page.width_mm * MM)
    assert box.margin_height() == pytest.approx(page.height_mm * MM)
    margins = (box.margin_top, box.margin_right, box.margin_bottom, box.margin_left)
    expected = (page.margins.top, page.margins.right, page.margins.bottom, page.margins.left)
    assert margins == pytest.approx(tuple(side * MM for side in expected))


def test_a_stylesheets_own_page_margin_wins_over_the_settings() -> None:
    """The settings' page is a user stylesheet: a theme that writes its own @page margin
    (an author rule) keeps it."""
    html = (
        '<html lang="en"><head><title>t</title><style>@page { margin: 5mm }</style></head>'
        "<body><p>x</p></body></html>"
    )
    with Typesetter(LAYERS, A4, "t.pdf", made=MADE) as typesetter:
        box = typesetter.render(html).pages[0]._page_box
    assert box.margin_top == pytest.approx(5 * MM)
    assert box.margin_width() == pytest.approx(210 * MM)


# WeasyPrint 70 leaves its sRGB profile file open when it writes PDF/A (its bug, not ours).
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_archival_variant(tmp_path: Path) -> None:
    """--pdf-variant pdf/a-3b declares PDF/A-3B in the XMP metadata."""
    html = '<html lang="en"><head><title>t</title></head><body><p>x</p></body></html>'
    with Typesetter(LAYERS, PdfSettings(variant=PdfVariant.A3B), "t.pdf", made=MADE) as typesetter:
        pdf, _ = typesetter.typeset(html)
    catalog: Any = PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    xmp = catalog["/Metadata"].get_object().get_data().decode()
    assert re.search(r'pdfaid:part(="|>)3', xmp)
    assert re.search(r'pdfaid:conformance(="|>)B', xmp)


def test_cached_page_references_change_no_byte(monkeypatch: pytest.MonkeyPatch) -> None:
    """pydyf's page references are kept between pages added; the PDF is the same without it."""
    import pydyf

    html = (
        '<html lang="en"><head><title>t</title><link rel="stylesheet" href="assets/brand.css">'
        '<link rel="stylesheet" href="assets/base.css">'
        "</head><body>"
        + "".join(f'<h2 id="h{n}">Part {n}</h2><p>See <a href="#h0">the start</a>.</p>'
                  f'<p style="break-after: page">Text {n}.</p>' for n in range(4))
        + "</body></html>"
    )  # fmt: skip
    cached = typeset_html(html, LAYERS, A4, "t.pdf", MADE)
    patched = pydyf.PDF.page_references
    monkeypatch.setattr(pydyf.PDF, "page_references", patched.fget.unpatched)
    assert typeset_html(html, LAYERS, A4, "t.pdf", MADE) == cached
    pdf = pydyf.PDF()
    monkeypatch.setattr(pydyf.PDF, "page_references", patched)
    for count in range(1, 4):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
        assert pdf.page_references == patched.fget.unpatched.fget(pdf)
        assert len(pdf.page_references) == count
