"""Turn the brand's logo into the Word edition's: a PNG as it is; an SVG as itself (Word
2016 and later draw it) with the PNG every other reader needs, drawn from it.

The build refuses an SVG logo that refers outside itself (render/brand.py); the Word
edition removes any such reference again before drawing or embedding it (render/svgrefs.py),
so drawing it reads nothing outside the project and the .docx carries nothing that fetches.
"""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

from briefwright.docx.model import Logo
from briefwright.render.svgrefs import parse_svg, remove_outside_references, serialize_svg

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: The logo's height in the first page's header.
LOGO_HEIGHT_MM = 12.0
#: Enough pixels for a 12 mm logo printed at 600 dpi: ~280 px high.
LOGO_PPI = 600
_LENGTH = re.compile(r"^\s*([\d.]+)\s*(px)?\s*$")


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
    import vl_convert  # the charts' renderer (resvg) draws the fallback

    if fonts_dir is not None:
        from briefwright.figures.charts import register_fonts

        register_fonts(fonts_dir)  # else resvg would pick a system font for a text logo
    png = bytes(vl_convert.svg_to_png(svg.decode("utf-8"), ppi=LOGO_PPI))
    return _sized(png, alt, width, height, svg)


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
    height attributes (unitless or px)."""
    root = ET.fromstring(svg)
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if len(box) == 4:
        try:
            return float(box[2]), float(box[3])
        except ValueError:
            pass
    found = [_LENGTH.match(root.get(name) or "") for name in ("width", "height")]
    if found[0] and found[1]:
        return float(found[0].group(1)), float(found[1].group(1))
    return 0.0, 0.0
