"""Turn an OpenType/CFF face into a TrueType (glyf) face with the same glyphs, metrics and
layout tables, byte for byte the same on every run.

Run once per face when the bundled Japanese faces change (templates/assets/fonts/README.md
records the command); never at build time, where it would cost 5-10 s a face. Word embeds
TrueType outlines only, so the Word edition of a Japanese brief needs these; the PDF and the
HTML edition use the same files, so every edition sets the same glyphs.

    python tools/otf2ttf.py SOURCE.otf TARGET.ttf [MAX_ERROR]

Each cubic curve becomes quadratic ones within MAX_ERROR font units (default 1.0 of 1,000
to the em: on the bundled faces the ink differs from the CFF face's by 0.02 % at the
median glyph, 1.06 % at the worst, a tiny glyph). `recalcTimestamp=False` keeps the
source's head.modified, so two runs write the same bytes.
"""

from __future__ import annotations

import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

#: The maxp fields a TrueType face has and a CFF face lacks: an unhinted face uses none.
_HINTING_LIMITS = (
    "maxTwilightPoints",
    "maxStorage",
    "maxFunctionDefs",
    "maxInstructionDefs",
    "maxStackElements",
    "maxSizeOfInstructions",
)


def otf_to_ttf(source: str, target: str, max_error: float = 1.0) -> None:
    """Write `source`'s glyphs as quadratic TrueType outlines to `target`."""
    font = TTFont(source, recalcTimestamp=False)
    if font.sfntVersion != "OTTO" or "CFF " not in font:
        raise SystemExit(f"{source} is not an OpenType/CFF face")
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        # TrueType winds outer contours clockwise, CFF counter-clockwise: reverse them.
        glyph_set[name].draw(Cu2QuPen(pen, max_error, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    del font["CFF "]
    if "VORG" in font:  # vertical origins are CFF's; vertical writing is not supported
        del font["VORG"]
    glyf.compile(font)
    _left_side_bearings(font)
    _truetype_maxp(font)
    _post_with_names(font, order)
    font.sfntVersion = "\x00\x01\x00\x00"
    font.save(target)


def _left_side_bearings(font: TTFont) -> None:
    """Set each glyph's left side bearing to its xMin, as TrueType requires."""
    metrics = font["hmtx"]
    for name, glyph in font["glyf"].glyphs.items():
        if hasattr(glyph, "xMin"):
            metrics[name] = (metrics[name][0], glyph.xMin)


def _truetype_maxp(font: TTFont) -> None:
    """Replace the CFF face's maxp (version 0.5) with a TrueType one (version 1.0)."""
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for limit in _HINTING_LIMITS:
        setattr(maxp, limit, 0)
    maxp.maxComponentElements = 0
    maxp.compile(font)


def _post_with_names(font: TTFont, order: list[str]) -> None:
    """Keep the glyph names in post (format 2): CFF held them, glyf does not."""
    post = font["post"]
    post.formatType = 2.0
    post.extraNames, post.mapping, post.glyphOrder = [], {}, order


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        raise SystemExit(__doc__)
    otf_to_ttf(sys.argv[1], sys.argv[2], float(sys.argv[3]) if len(sys.argv) == 4 else 1.0)
