"""Tests for briefwright.figures.tagging: figures in the tagged PDF carry their alt text."""

from __future__ import annotations

import io

import pikepdf
import pytest

from briefwright.figures.tagging import (
    describe_figures,
    figure_elements,
    save_deterministic,
    svg_descriptions,
)
from briefwright.figures.timeline import draw_timeline
from briefwright.settings import PdfSettings
from briefwright.typeset.engine import Typesetter
from tests.conftest import LAYERS, typeset_html
from tests.unit.figures.conftest import WORDS, TimelineFixture

TITLE = "Timeline of 14 events, 2017 to May 2023"
# The bundled sans under the name the figures use, without the theme's other rules.
STYLE = """
@font-face { font-family: "BW Sans"; src: url("assets/fonts/NotoSans-Regular.ttf"); }
@font-face { font-family: "BW Sans"; font-weight: 600;
             src: url("assets/fonts/NotoSans-SemiBold.ttf"); }
body { font-family: "BW Sans"; }
figure svg { width: 100%; height: auto; display: block; }
"""


@pytest.fixture(scope="module")
def typeset(timeline: TimelineFixture) -> tuple[str, bytes]:
    """The timeline in a <figure> with a caption, as WeasyPrint writes it (PDF/UA-1), before
    briefwright's post-processing."""
    svg = draw_timeline(timeline.events, timeline.tracks, labels=timeline.labels, words=WORDS)
    html = (
        f'<!DOCTYPE html><html lang="en"><head><title>t</title><style>{STYLE}</style></head><body>'
        f'<p>See <a href="#figure-timeline">Figure 1</a>.</p><figure id="figure-timeline">'
        f"{svg}<figcaption>Figure 1. Timeline</figcaption></figure></body></html>"
    )
    with Typesetter(LAYERS, PdfSettings(), "figure.pdf") as typesetter:
        raw = typesetter.render(html).write_pdf(pdf_tags=True, pdf_variant="pdf/ua-1")
    assert isinstance(raw, bytes)
    return html, raw


def _structure(pdf: pikepdf.Pdf) -> list[str]:
    document = pdf.Root.StructTreeRoot.K[0]
    return [str(kid.S) for kid in document.K]


def test_weasyprint_tags_the_svg_as_a_figure_with_its_title(
    typeset: tuple[str, bytes],
) -> None:
    """WeasyPrint 70 tags the inline SVG as a Figure whose /Alt is the SVG's title, inside
    the NonStruct of the <figure>, next to the Caption; the SVG's text is text."""
    _, data = typeset
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert _structure(pdf) == ["/P", "/NonStruct"]
        wrapper = pdf.Root.StructTreeRoot.K[0].K[1]
        assert [str(kid.S) for kid in wrapper.K] == ["/Figure", "/Caption"]
        [figure] = figure_elements(pdf)
        assert str(figure.Alt) == TITLE


def _described(data: bytes, html: str) -> tuple[int, bytes]:
    """Return how many Figures `describe_figures` changed, and the PDF saved as the
    post-processing saves it."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return describe_figures(pdf, html), save_deterministic(pdf)


def test_describe_figures_adds_the_desc_to_the_alt(typeset: tuple[str, bytes]) -> None:
    """After `describe_figures`, the Figure's /Alt is the SVG's title and desc; nothing
    else changes, and the same input gives the same bytes."""
    html, data = typeset
    changed, described = _described(data, html)
    assert changed == 1 and _described(data, html)[1] == described
    with pikepdf.open(io.BytesIO(described)) as pdf:
        [figure] = figure_elements(pdf)
        alt = str(figure.Alt)
        assert alt.startswith(f"{TITLE}. Tokyo talks, September 2022: 7 September 2022")
        assert "8 September 2022, year inferred: Singh–Hamada talks" in alt
        assert _structure(pdf) == ["/P", "/NonStruct"]


def test_html_without_a_described_svg_leaves_the_pdf_alone(typeset: tuple[str, bytes]) -> None:
    """A PDF whose HTML has no SVG with a title and a desc has no Figure changed."""
    _, data = typeset
    assert _described(data, "<p>no figure</p>")[0] == 0
    assert svg_descriptions('<svg xmlns="http://www.w3.org/2000/svg"><title>t</title></svg>') == {}


def test_the_page_holds_the_labels_as_text(typeset: tuple[str, bytes]) -> None:
    """The typeset page holds the figure's labels as text, in reading order of the lanes."""
    import pypdfium2

    _, data = typeset
    document = pypdfium2.PdfDocument(data)
    text = document[0].get_textpage().get_text_range()
    assert text.index("Tokyo talks") < text.index("New Delhi summit") < text.index("Other events")
    assert "Singh–Hamada talks" in text and "20 Mar 2023" in text


def test_the_typesetter_gives_the_figure_its_whole_description(
    typeset: tuple[str, bytes],
) -> None:
    """typeset_pdf (the build's typesetting) runs describe_figures in its post-processing:
    the Figure's /Alt is the SVG's title and desc."""
    html, _ = typeset
    with pikepdf.open(io.BytesIO(typeset_html(html, LAYERS, PdfSettings(), "f.pdf"))) as pdf:
        [figure] = figure_elements(pdf)
        assert str(figure.Alt).startswith(TITLE + ". ") and len(str(figure.Alt)) > len(TITLE) * 3
