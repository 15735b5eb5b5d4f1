"""Turn the files a brand supplies into ones a build can use and publish, or refuse them at
their line: an SVG logo made safe (render/svgsafe.py), a PNG logo of a size a page can hold,
a font that is a whole TrueType or OpenType face.

Each is read before anything is drawn or typeset, so a damaged or hostile file is one
located line (BW171), never a traceback from fontTools or an allocation that kills the
build: the Word edition draws an SVG logo's PNG, web fonts are cut from the faces, and the
manifest reads each face's version.
"""

from __future__ import annotations

import logging
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO

from briefwright.errors import BriefError, Location
from briefwright.render.svgsafe import safe_logo

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: The most pixels a PNG logo may have on a side (a 12 mm logo needs ~300 high), and in all:
#: a picture decoded at every typesetting must not cost more memory than the brief.
MAX_LOGO_SIDE = 10_000
MAX_LOGO_PIXELS = 40_000_000
#: What a TrueType (1.0, `true`) or OpenType (`OTTO`) file starts with.
SFNT_VERSIONS = (b"\x00\x01\x00\x00", b"OTTO", b"true")
#: The tables every consumer of a face reads: the typesetter, the subsetter, the Word
#: edition's embedding and the manifest.
REQUIRED_TABLES = ("head", "hhea", "maxp", "cmap", "hmtx", "name", "post", "OS/2")


def checked_logo(data: bytes, where: Location) -> bytes:
    """Return the logo to publish: an SVG made safe, a PNG as it is; refuse (BW171) a PNG
    that is not one or is too large, and an SVG svgsafe refuses."""
    if where.path.lower().endswith(".svg"):
        return safe_logo(data, where.path)
    if data[:8] != PNG_SIGNATURE or data[12:16] != b"IHDR":
        raise BriefError.of("BW171", "the logo is not a PNG image; fix the file", where)
    width, height = struct.unpack(">II", data[16:24])
    if max(width, height) > MAX_LOGO_SIDE or width * height > MAX_LOGO_PIXELS:
        message = (
            f"the PNG logo is {width:,} × {height:,} pixels; at most {MAX_LOGO_SIDE:,} a side "
            f"and {MAX_LOGO_PIXELS:,} in all: scale it down (or use an SVG)"
        )
        raise BriefError.of("BW171", message, where)
    return data


def check_font(data: bytes, path: Location, named_at: Location | None) -> None:
    """Refuse (BW171, where the brand names it) a font file that is not a whole TrueType or
    OpenType face: another kind of file, a collection, a WOFF, or a face cut short."""
    problem = font_problem(data)
    if problem is not None:
        message = f"{path.path} is not a usable font: {problem}; supply the TTF or OTF file whole"
        raise BriefError.of("BW171", message, named_at or path)


def font_problem(data: bytes) -> str | None:
    """Return what is wrong with a font file's bytes, or None when it is a whole face.

    fontTools logs, rather than raises, on some damage (a name table whose every record is
    broken logs 65,535 lines): what it logs while reading is a problem too, said once.
    """
    if data[:4] not in SFNT_VERSIONS:
        return "it does not start as a TrueType or OpenType font does"
    with _fonttools_log() as logged:
        problem = _read_face(data)
    if problem is None and logged:
        problem = f"fontTools finds it damaged ({logged[0][:80]})"
    return problem


def _read_face(data: bytes) -> str | None:
    from fontTools.ttLib import TTFont  # a WeasyPrint dependency; only a brand's fonts need it

    try:
        font = TTFont(BytesIO(data), lazy=True)
        cut = [tag for tag, entry in font.reader.tables.items()
               if entry.offset + entry.length > len(data)]  # fmt: skip
        if cut:
            return f"the file ends inside its {cut[0].strip()!r} table (it was cut short)"
        missing = [tag for tag in REQUIRED_TABLES if tag not in font]
        if missing or not {"glyf", "CFF ", "CFF2"} & set(font.keys()):
            return f"it has no {(missing or ['glyf or CFF'])[0]!r} table"
        for tag in REQUIRED_TABLES:
            font[tag]  # decompiled now, as every reader of the face will
        if font["maxp"].numGlyphs < 1:
            return "it has no glyphs"
    except Exception as error:  # fontTools raises many kinds of error on damaged data
        return f"fontTools cannot read it ({type(error).__name__}: {str(error)[:80]})"
    return None


class _Collected(logging.Handler):
    """Keep the messages of log records instead of printing them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _fonttools_log() -> Iterator[list[str]]:
    """Collect, instead of printing, the warnings fontTools logs inside the block."""
    handler, logger = _Collected(), logging.getLogger("fontTools")
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
