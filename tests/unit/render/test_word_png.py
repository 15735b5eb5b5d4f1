"""Tests for briefwright.render.word.png and the figures' PNG fallback: palette PNGs drawn
at the width the picture is placed at."""

from __future__ import annotations

import io

from PIL import Image, ImageChops, ImageStat

from briefwright.load.content import load_brief
from briefwright.render.figures import draw_figures
from briefwright.render.labels import english
from briefwright.render.word.edition import (
    FIGURE_PPI,
    FIGURE_WIDTH_MM,
    Edition,
    context,
    figure_image,
)
from briefwright.render.word.fonts import read_fonts
from briefwright.render.word.png import PALETTE_COLOURS, palette_png
from tests.conftest import CONTENT, LAYERS, TEMPLATES


def _rgba(size: tuple[int, int]) -> bytes:
    """Return an RGBA PNG: a transparent field, a dark bar and an anti-aliased edge."""
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    for x in range(size[0]):
        for y in range(size[1] // 2):
            image.putpixel((x, y), (18, 58, 99, min(255, 8 * x)))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def test_a_palette_png_is_the_drawing_as_it_shows_on_the_page() -> None:
    """The palette PNG has the drawn PNG's size and at most 256 colours, and shows on white
    as the drawing does, within a few levels of 255."""
    drawn = _rgba((64, 16))
    with Image.open(io.BytesIO(palette_png(drawn))) as image:
        assert image.mode == "P"
        assert image.size == (64, 16)
        shown = image.convert("RGB")
    assert shown.getcolors(PALETTE_COLOURS) is not None
    with Image.open(io.BytesIO(drawn)) as original:
        difference = ImageChops.difference(shown, _on_white(original))
    assert max(high for _low, high in ImageStat.Stat(difference).extrema) <= 8


def _on_white(image: Image.Image) -> Image.Image:
    """Return an image as it shows on a white page."""
    page = Image.new("RGBA", image.size, (255, 255, 255, 255))
    return Image.alpha_composite(page, image.convert("RGBA")).convert("RGB")


def test_the_timeline_fallback_is_drawn_for_its_placed_width() -> None:
    """The timeline's PNG is FIGURE_PPI at FIGURE_WIDTH_MM wide, in a palette, and a tenth
    of the full-colour PNG drawn at the SVG's own size that it replaces."""
    brief, labels = load_brief(CONTENT), english()
    figures = draw_figures(brief, labels, LAYERS)
    fonts_dir = TEMPLATES / "assets" / "fonts"
    edition = Edition(read_fonts(LAYERS), figures=figures, fonts_dir=fonts_dir)
    ctx = context(brief, edition, labels, in_brief=True)
    picture = figure_image(ctx, figures["timeline"])
    with Image.open(io.BytesIO(picture.png)) as image:
        assert image.mode == "P"
        assert abs(image.size[0] - FIGURE_WIDTH_MM / 25.4 * FIGURE_PPI) <= 1
    assert picture.width_mm == FIGURE_WIDTH_MM
    assert len(picture.png) < 120_000  # 487 kB drawn at the SVG's size in full colour
