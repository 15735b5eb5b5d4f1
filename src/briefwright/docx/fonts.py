"""Turn the brand's TrueType faces into Word's embedded font parts and the font table.

Each face is embedded as a copy whose name table and style bits say the family and face it
is embedded as: the bundled Bold, SemiBold and Italic files call themselves "Regular" (they
were cut from variable fonts), and Word, which matches an embedded face by its names, would
take one face for another. The repository's files are never changed; the copy is made in
memory, the same way every time.

Each face is embedded cut to the characters the document's parts use (its text, its figures'
SVG), with printable ASCII and the marks of English typography kept so that a reviewer's
edit finds its glyphs, and marked w:subsetted (ECMA-376 Part 1, §17.8.3.3): the bundled faces
are 0.2-0.7 MB each, their cuts 15-40 KB. HarfBuzz cuts them (~2 ms a face), as it cuts the
web fonts and WeasyPrint's PDF fonts; the same text always gives the same bytes. A family
whose licence reserves a name is embedded under another (the caller names it: the OFL lets
no modified font, a subset included, keep a Reserved Font Name).

ECMA-376 Part 1, §17.8.1: an embedded font is stored with its first 32 bytes XORed with a
16-byte key, the key being the font key GUID's 32 hex digits read as bytes from last to
first; the font table names the GUID in w:fontKey. Word makes a random GUID; this one comes
from the font's SHA-256, so the same font always gives the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import uharfbuzz as hb
from fontTools.ttLib import TTFont, newTable
from fontTools.ttLib.sfnt import SFNTReader, SFNTWriter

from briefwright.docx.model import Brand, FontFace
from briefwright.docx.ooxml import WORD_NAMESPACES, el, part, val

#: fontTable.xml's element for each face, in the order CT_Font requires them.
EMBED_ELEMENTS: dict[FontFace, str] = {
    "regular": "w:embedRegular",
    "bold": "w:embedBold",
    "italic": "w:embedItalic",
    "bold_italic": "w:embedBoldItalic",
}
_STYLE_NAMES: dict[FontFace, str] = {
    "regular": "Regular",
    "bold": "Bold",
    "italic": "Italic",
    "bold_italic": "Bold Italic",
}
_OBFUSCATED_LENGTH = 32
# Name ids that say which family and face a font is (OpenType 'name': 1 family, 2 style,
# 3 unique id, 4 full name, 6 PostScript name, 16/17 typographic, 21/22 WWS names).
_FACE_NAME_IDS = (1, 2, 3, 4, 6, 16, 17, 21, 22)
_WINDOWS_ENGLISH = (3, 1, 0x409)  # platform, encoding, language of the names written
_FS_SELECTION = 62  # byte offset of OS/2 fsSelection: bit 0 italic, 5 bold, 6 regular
_MAC_STYLE = 44  # byte offset of head macStyle: bit 0 bold, 1 italic
_NOT_POSTSCRIPT = re.compile(r"[^A-Za-z0-9-]")
#: What every face keeps besides the document's characters, of those it has: printable
#: ASCII and the marks of English typography (what a reviewer most likely types), and for an
#: East Asian face the CJK punctuation, the kana and the half- and full-width forms.
KEPT_RANGES = (
    (0x20, 0x7E), (0xA0, 0xA0), (0x2010, 0x2014), (0x2018, 0x201D), (0x2022, 0x2022),
    (0x2026, 0x2026), (0xB7, 0xB7), (0x3000, 0x30FF), (0xFF00, 0xFFEF),
)  # fmt: skip
_KEPT = frozenset(code for low, high in KEPT_RANGES for code in range(low, high + 1))
# "…, with Reserved Font Name ‘Source’." (OFL 1.1's copyright line) in a name record.
_QUOTED_NAME = r"[‘'\"“]([^’'\"”]+)[’'\"”]"
_RESERVED = re.compile(
    r"Reserved\s+Font\s+Names?\s*((?:" + _QUOTED_NAME + r"[\s,]*(?:and\s*)?)+)", re.I
)
_QUOTED = re.compile(_QUOTED_NAME)
#: What a family whose licence reserves a word of its name is embedded as: this, then the
#: name's other words ("Source Serif 4" -> "BW Serif 4").
RENAMED_PREFIX = "BW"


@dataclass(frozen=True)
class EmbeddedFont:
    """One face ready for the package: its part name, font key and obfuscated bytes."""

    family: str
    face: FontFace
    part_name: str
    font_key: str
    data: bytes


def embed_fonts(brand: Brand, text: str) -> list[EmbeddedFont]:
    """Return every face of every brand family cut to the characters of `text` (and
    KEPT_RANGES), named for its face and obfuscated, in the order the font table lists them
    (families as given; regular, bold, italic, bold italic)."""
    characters = frozenset(text)
    embedded: list[EmbeddedFont] = []
    for family, faces in brand.fonts.items():
        for face in EMBED_ELEMENTS:
            if face in faces:
                cut = subset_face(faces[face], characters)
                guid, data = _prepared(cut, family, face)
                part_name = f"word/fonts/font{len(embedded) + 1}.odttf"
                embedded.append(EmbeddedFont(family, face, part_name, guid, data))
    return embedded


def subset_face(font: bytes, characters: frozenset[str]) -> bytes:
    """Return a TrueType face cut to `characters` and KEPT_RANGES (those it maps), with the
    glyphs they reach through its layout tables (ligatures), every name record kept (the
    copyright and licence notices); ValueError when HarfBuzz cannot cut it."""
    wanted = {ord(c) for c in characters} | _KEPT
    return _cut(font, frozenset(wanted & _unicodes(font)))


@lru_cache(maxsize=64)
def _cut(font: bytes, codes: frozenset[int]) -> bytes:
    """Return a face cut to the code points it maps that a document needs; cached by those,
    not by the document's characters: the one-pagers' differ, but seldom in what a face
    maps beyond KEPT_RANGES (the flagship's ten documents: 82 cuts asked, 26 distinct)."""
    request = hb.SubsetInput()
    request.unicode_set.update(sorted(codes))
    request.sets(hb.SubsetInputSets.NAME_ID).add_range(0, 32767)
    request.flags = hb.SubsetFlags.NOTDEF_OUTLINE
    cut = hb.subset(hb.Face(font), request)
    if cut is None:
        raise ValueError("HarfBuzz could not cut an embedded face")
    return bytes(cut.blob.data)


@lru_cache(maxsize=32)
def _unicodes(font: bytes) -> frozenset[int]:
    """Return the code points a face maps (read once: every document asks)."""
    return frozenset(hb.Face(font).unicodes)


@lru_cache(maxsize=32)
def reserved_names(font: bytes) -> frozenset[str]:
    """Return the Reserved Font Names a face's copyright or licence records declare."""
    names = TTFont(io.BytesIO(font), lazy=True)["name"]
    records = " ".join(names.getDebugName(name_id) or "" for name_id in (0, 13))
    return frozenset(
        quoted for found in _RESERVED.finditer(records) for quoted in _QUOTED.findall(found[1])
    )


def embedding_name(family: str, font: bytes) -> str:
    """Return the name a family is embedded under, `font` being one of its faces: its own,
    or, when its licence reserves a word of it, RENAMED_PREFIX and its other words (the OFL
    lets no modified font, a subset included, keep a Reserved Font Name)."""
    reserved = {word.casefold() for name in reserved_names(font) for word in name.split()}
    words = family.split()
    kept = [word for word in words if word.casefold() not in reserved]
    return family if kept == words else " ".join([RENAMED_PREFIX, *kept])


@lru_cache(maxsize=32)
def _prepared(font: bytes, family: str, face: FontFace) -> tuple[str, bytes]:
    """Return a face's font key and obfuscated bytes; cached, as a series' clones and
    `serve`'s rebuilds embed the same cuts again."""
    named = named_face(font, family, face)
    guid = font_key(named)
    return guid, obfuscate(named, guid)


def named_face(font: bytes, family: str, face: FontFace) -> bytes:
    """Return a copy of a TrueType font whose names and style bits say `family`, `face`."""
    reader = SFNTReader(io.BytesIO(font))
    tables = {tag: reader[tag] for tag in reader.tables}
    tables["name"] = _renamed(tables["name"], family, face)
    bold, italic = face in ("bold", "bold_italic"), face in ("italic", "bold_italic")
    selection = (1 if italic else 0) | (1 << 5 if bold else 0) | (0 if bold or italic else 1 << 6)
    tables["OS/2"] = _with_bits(tables["OS/2"], _FS_SELECTION, 0b1100001, selection)
    tables["head"] = _with_bits(tables["head"], _MAC_STYLE, 0b11, int(bold) | int(italic) << 1)
    out = io.BytesIO()
    writer = SFNTWriter(out, len(tables), reader.sfntVersion)
    for tag in sorted(tables):
        writer[tag] = tables[tag]
    writer.close()  # writes the table directory and head's checksum adjustment
    return out.getvalue()


@lru_cache(maxsize=32)
def _renamed(data: bytes, family: str, face: FontFace) -> bytes:
    """Return a name table whose family, style, full, unique and PostScript names are ours;
    cached: every cut of a face holds the same name table (half of naming a cut's time)."""
    table = newTable("name")
    table.decompile(data, None)
    version = table.getDebugName(5) or ""
    style = _STYLE_NAMES[face]
    postscript = _NOT_POSTSCRIPT.sub("", family) + "-" + style.replace(" ", "")
    table.names = [n for n in table.names if n.nameID not in _FACE_NAME_IDS]
    for name_id, text in (
        (1, family),
        (2, style),
        (3, f"{version};{postscript}"),
        (4, f"{family} {style}"),
        (6, postscript[:63]),
    ):
        table.setName(text, name_id, *_WINDOWS_ENGLISH)
    compiled: bytes = table.compile(None)
    return compiled


def _with_bits(table: bytes, offset: int, mask: int, bits: int) -> bytes:
    """Return a table whose big-endian uint16 at `offset` has the `mask` bits set to `bits`."""
    (word,) = struct.unpack_from(">H", table, offset)
    patched = struct.pack(">H", (word & ~mask) | bits)
    return table[:offset] + patched + table[offset + 2 :]


def font_key(font: bytes) -> str:
    """Return a GUID in Word's braced upper-case form, fixed by the font's SHA-256."""
    hexits = hashlib.sha256(font).hexdigest()[:32].upper()
    groups = (hexits[:8], hexits[8:12], hexits[12:16], hexits[16:20], hexits[20:])
    return "{" + "-".join(groups) + "}"


def key_bytes(guid: str) -> bytes:
    """Return the 16-byte XOR key of a font key GUID: its hex digits as bytes, reversed."""
    return bytes.fromhex(guid.strip("{}").replace("-", ""))[::-1]


def obfuscate(font: bytes, guid: str) -> bytes:
    """Return the .odttf bytes of a font (the same function also de-obfuscates)."""
    key = key_bytes(guid)
    head = bytes(byte ^ key[i % 16] for i, byte in enumerate(font[:_OBFUSCATED_LENGTH]))
    return head + font[_OBFUSCATED_LENGTH:]


def font_table_xml(
    brand: Brand, embedded: Sequence[EmbeddedFont], rel_ids: Sequence[str]
) -> bytes:
    """Return fontTable.xml: each brand family with its embedded faces' relationships."""
    by_family: dict[str, list[str]] = {family: [] for family in brand.fonts}
    for font, rel_id in zip(embedded, rel_ids, strict=True):
        # w:subsetted: the face holds only some of its glyphs, so that a reader editing the
        # document may prefer an installed face (recent LibreOffice does).
        values = {"r:id": rel_id, "w:fontKey": font.font_key, "w:subsetted": "1"}
        element = el(EMBED_ELEMENTS[font.face], values)
        by_family[font.family].append(element)
    fonts = (
        el(
            "w:font",
            {"w:name": family},
            val("w:charset", "00"),
            val("w:family", "roman" if family == brand.serif else "swiss"),
            val("w:pitch", "variable"),
            *embeds,
        )
        for family, embeds in by_family.items()
    )
    return part("w:fonts", WORD_NAMESPACES, fonts)
