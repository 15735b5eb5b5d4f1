"""Tests for briefwright.render.brandfiles: a brand's logo and fonts, checked before use."""

from __future__ import annotations

import struct
import zlib
from io import BytesIO

import pytest
from fontTools.ttLib import TTFont

from briefwright.errors import BriefError, Location
from briefwright.render.brandfiles import (
    MAX_LOGO_SIDE,
    PNG_SIGNATURE,
    check_font,
    checked_logo,
    font_problem,
)
from tests.conftest import TEMPLATES

FONT = (TEMPLATES / "assets" / "fonts" / "NotoSans-Regular.ttf").read_bytes()
IN_BRAND = Location("content/brand.yaml", 7, 17)


def _damaged(tag: str) -> bytes:
    """Return the font with every byte of one table overwritten."""
    entry = TTFont(BytesIO(FONT), lazy=True).reader.tables[tag]
    data = bytearray(FONT)
    data[entry.offset : entry.offset + entry.length] = b"\xff" * entry.length
    return bytes(data)


def _png(width: int, height: int) -> bytes:
    header = b"IHDR" + struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    chunk = struct.pack(">I", 13) + header + struct.pack(">I", zlib.crc32(header))
    return PNG_SIGNATURE + chunk


def test_a_whole_font_passes() -> None:
    """A bundled face, as a brand would supply it, has nothing wrong."""
    assert font_problem(FONT) is None


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"not a font\n", "does not start as a TrueType or OpenType font does"),
        (FONT[:3000], "(it was cut short)"),
        (FONT[: len(FONT) * 3 // 4], "(it was cut short)"),
        (b"wOF2" + FONT[4:], "does not start as a TrueType"),
        (FONT[:4] + b"\0\0" + FONT[6:], "it has no 'head' table"),
        (_damaged("OS/2"), "fontTools cannot read it (TTLibError: unknown format"),
        (_damaged("name"), "fontTools finds it damaged ('name' table stringOffset"),
    ],
)
def test_a_file_that_is_not_a_whole_face_is_refused_where_the_brand_names_it(
    data: bytes, problem: str
) -> None:
    """Plain text, a face cut short, a WOFF2, a damaged table directory or table: one BW171
    at the brand file's line naming the font file, never fontTools' traceback (nor the
    65,535 lines it logs for a broken name table)."""
    with pytest.raises(BriefError) as raised:
        check_font(data, Location("content/fonts/Own.ttf"), IN_BRAND)
    (diagnostic,) = raised.value.diagnostics
    assert diagnostic.code == "BW171" and diagnostic.location == IN_BRAND
    assert diagnostic.message.startswith("content/fonts/Own.ttf is not a usable font: ")
    assert problem in diagnostic.message


def test_a_png_logo_is_bounded_in_pixels() -> None:
    """A PNG is published as it is up to MAX_LOGO_SIDE a side; a larger one, or a file that
    is no PNG, is BW171 at the logo."""
    where = Location("content/logo.png")
    assert checked_logo(_png(600, 200), where) == _png(600, 200)
    for data, problem in ((_png(MAX_LOGO_SIDE + 1, 10), "scale it down"),
                          (b"GIF89a" + bytes(20), "not a PNG image")):  # fmt: skip
        with pytest.raises(BriefError) as raised:
            checked_logo(data, where)
        assert problem in str(raised.value) and " BW171 " in str(raised.value)
