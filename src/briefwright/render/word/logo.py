"""Turn the brand's logo into the Word edition's: a PNG as it is; an SVG as itself (Word
2016 and later draw it) with the PNG every other reader needs, drawn from it.

The build refuses an unsafe SVG logo and publishes only its allowed part
(render/svgsafe.py); the Word edition removes any reference outside it again before drawing
or embedding it (render/svgrefs.py), so drawing it reads nothing outside the project and the
.docx carries nothing that fetches. The PNG is drawn at a size fixed here, whatever size the
SVG declares: a 200-byte SVG may declare a canvas of terabytes; in 256 colours
(render/word/png.py).
"""

from __future__ import annotations

import functools
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

from briefwright.docx.model import Logo
from briefwright.render.svgrefs import parse_svg, remove_outside_references, serialize_svg
from briefwright.render.svgsafe import declared_size
from briefwright.render.word.png import palette_png

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: The logo's height in the first page's header.
LOGO_HEIGHT_MM = 12.0
#: Enough pixels for a 12 mm logo printed at 600 dpi; the width follows the logo's shape
#: (at most svgsafe.MAX_ASPECT times this).
LOGO_PIXELS_HIGH = round(LOGO_HEIGHT_MM / 25.4 * 600)
#: The widest PNG drawn, whatever the SVG says (the build refuses a wider shape first).
MAX_PIXELS_WIDE = LOGO_PIXELS_HIGH * 20


def word_logo(data: bytes, alt: str, fonts_dir: Path | None) -> Logo | None:
    """Return the logo for Word, or None when it is neither a PNG nor a readable SVG."""
    if data[:8] == PNG_SIGNATURE:
        width, height = struct.unpack(">II", data[16:24])
        return _sized(data, alt, width, height)
    svg = self_contained(data)
    if svg is None:
        return None
    width, height = svg_size(svg)
    if not width or not height:
        return None
    png = _drawn(canvas(svg, width, height), fonts_dir)
    return _sized(png, alt, width, height, svg)


@functools.lru_cache(maxsize=4)
def _drawn(canvas: bytes, fonts_dir: Path | None) -> bytes:
    """Return the palette PNG of a logo's canvas (~15 ms), kept for the next edition: the
    translated editions, a series' briefs and `serve`'s rebuilds draw the same logo."""
    import vl_convert  # the charts' renderer (resvg) draws the fallback

    if fonts_dir is not None:
        from briefwright.figures.charts import register_fonts

        register_fonts(fonts_dir)  # else resvg would pick a system font for a text logo
    return palette_png(bytes(vl_convert.svg_to_png(canvas.decode("utf-8"), ppi=72)))


def canvas(svg: bytes, width: float, height: float) -> bytes:
    """Return the SVG set on the canvas the PNG is drawn on: LOGO_PIXELS_HIGH high, as wide
    as its shape (at most MAX_PIXELS_WIDE), its drawing scaled to it by its viewBox (resvg
    draws one pixel a unit at 72 ppi)."""
    root = ET.fromstring(svg)
    if not root.get("viewBox"):
        root.set("viewBox", f"0 0 {width:g} {height:g}")
    pixels_wide = min(MAX_PIXELS_WIDE, max(1, round(LOGO_PIXELS_HIGH * width / height)))
    root.set("width", str(pixels_wide))
    root.set("height", str(LOGO_PIXELS_HIGH))
    return serialize_svg(root)


def _sized(png: bytes, alt: str, width: float, height: float, svg: bytes | None = None) -> Logo:
    width_mm = LOGO_HEIGHT_MM * width / max(height, 1)
    return Logo(png, "image/png", alt, width_mm, LOGO_HEIGHT_MM, svg)


def self_contained(data: bytes) -> bytes | None:
    """Return the SVG with every reference outside itself removed; None when it is not an
    SVG document."""
    root = parse_svg(data)
    if root is None:
        return None
    remove_outside_references(root)
    return serialize_svg(root)


def svg_size(svg: bytes) -> tuple[float, float]:
    """Return an SVG's width and height in its own units: its viewBox, else its width and
    height attributes (unitless or px); zeros when it declares neither."""
    return declared_size(ET.fromstring(svg))
