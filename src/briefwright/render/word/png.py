"""Turn a drawn RGBA PNG into the Word edition's: on white, in a palette of 256 colours.

A figure or a logo drawn from SVG is flat colour with anti-aliased edges, placed on a white
page: set on white, it has a few hundred colours at most, which a 256-colour palette keeps
exactly or within a level (median cut), at a third of the bytes of the RGBA (the timeline:
173 → 68 kB at the same pixels). Pillow quantises and writes it; it is WeasyPrint's own
dependency, so no new package is installed. The same PNG and Pillow give the same bytes.
"""

from __future__ import annotations

import io

from PIL import Image

#: Colours in the palette: PNG's most.
PALETTE_COLOURS = 256
_WHITE = (255, 255, 255, 255)


def palette_png(png: bytes) -> bytes:
    """Return a drawn PNG set on white as a palette PNG of at most PALETTE_COLOURS colours."""
    with Image.open(io.BytesIO(png)) as image:
        drawn = image.convert("RGBA")
    page = Image.new("RGBA", drawn.size, _WHITE)
    on_white = Image.alpha_composite(page, drawn).convert("RGB")
    quantised = on_white.quantize(PALETTE_COLOURS, Image.Quantize.MEDIANCUT)
    out = io.BytesIO()
    quantised.save(out, "PNG", optimize=True)
    return out.getvalue()
