"""Turn the parts of a .docx into its package: relationships, media, content types, the zip.

Ids come from counters that run in the order the document is written, never from hashes,
clocks or randomness. The zip is written here rather than with zipfile, whose entries
record the host system and which cannot take data already compressed: every header field
is fixed (no extra fields, MS-DOS host, one timestamp for all entries), and the parts a
document shares with others (fonts, images) are deflated once per process, not once per
document. The bytes depend on zlib's deflate, which is stable for a given zlib build.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from briefwright.docx.ooxml import el, part

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_NS_REL_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
_NS_CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"

RELATIONSHIP_TYPES = {
    "styles": _REL + "styles",
    "settings": _REL + "settings",
    "fontTable": _REL + "fontTable",
    "numbering": _REL + "numbering",
    "endnotes": _REL + "endnotes",
    "header": _REL + "header",
    "footer": _REL + "footer",
    "image": _REL + "image",
    "font": _REL + "font",
    "customXml": _REL + "customXml",
    "officeDocument": _REL + "officeDocument",
    "extended": _REL + "extended-properties",
    "core": "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
}
PART_TYPES = {
    "document": f"{_MAIN}.document.main+xml",
    "styles": f"{_MAIN}.styles+xml",
    "settings": f"{_MAIN}.settings+xml",
    "fontTable": f"{_MAIN}.fontTable+xml",
    "numbering": f"{_MAIN}.numbering+xml",
    "endnotes": f"{_MAIN}.endnotes+xml",
    "header": f"{_MAIN}.header+xml",
    "footer": f"{_MAIN}.footer+xml",
    "core": "application/vnd.openxmlformats-package.core-properties+xml",
    "customXmlProps": "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
    "app": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
}
EXTENSION_TYPES = {
    "rels": "application/vnd.openxmlformats-package.relationships+xml",
    "xml": "application/xml",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "svg": "image/svg+xml",
    "odttf": "application/vnd.openxmlformats-officedocument.obfuscatedFont",
}


@dataclass
class Relationships:
    """The relationships of one part: allocates rId1, rId2, … and writes the .rels part."""

    items: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, kind: str, target: str) -> str:
        """Relate a package-internal target of a RELATIONSHIP_TYPES kind; return its new id."""
        rel_id = f"rId{len(self.items) + 1}"
        self.items.append((rel_id, RELATIONSHIP_TYPES[kind], target))
        return rel_id

    def xml(self) -> bytes:
        """Return the .rels part; no target is external (no TargetMode, ever)."""
        rels = (
            el("Relationship", {"Id": i, "Type": t, "Target": target})
            for i, t, target in self.items
        )
        return part("Relationships", {"xmlns": _NS_REL_PACKAGE}, rels)


@dataclass(frozen=True)
class MediaFile:
    """An image stored in the package under word/media/."""

    part_name: str
    data: bytes


@dataclass
class Media:
    """Images in the order they are met: word/media/image1.png, image1.svg, image2.png, …"""

    files: list[MediaFile] = field(default_factory=list)
    count: int = 0

    def add(self, png: bytes, svg: bytes | None) -> tuple[str, str | None]:
        """Store a PNG (and its SVG twin); return their targets relative to word/."""
        self.count += 1
        stem = f"media/image{self.count}"
        self.files.append(MediaFile(f"word/{stem}.png", png))
        if svg is None:
            return f"{stem}.png", None
        self.files.append(MediaFile(f"word/{stem}.svg", svg))
        return f"{stem}.png", f"{stem}.svg"


def content_types_xml(overrides: Sequence[tuple[str, str]], extensions: Iterable[str]) -> bytes:
    """Return [Content_Types].xml from (part name, PART_TYPES kind) pairs and the extensions
    of the parts typed by extension (media, fonts)."""
    used = sorted({"rels", "xml", *extensions})
    defaults = (el("Default", {"Extension": e, "ContentType": EXTENSION_TYPES[e]}) for e in used)
    parts = (
        el("Override", {"PartName": "/" + name, "ContentType": PART_TYPES[kind]})
        for name, kind in overrides
    )
    return part("Types", {"xmlns": _NS_CONTENT_TYPES}, [*defaults, *parts])


# --- the zip --------------------------------------------------------------------------------

_LOCAL_HEADER = struct.Struct("<IHHHHHIIIHH")
_CENTRAL_HEADER = struct.Struct("<IHHHHHHIIIHHHHHII")
_END_OF_DIRECTORY = struct.Struct("<IHHHHIIH")
_VERSION = 20  # 2.0: deflate; the "made by" high byte 0 is MS-DOS, whatever the host
_DEFLATED = 8
_MADE_PER_DOCUMENT = (".xml", ".rels")  # never seen twice: caching them only pins memory
# The cached parts: a cut font is 15-40 kB, but a brief's one-pagers embed the same cuts
# (90 font parts, 26 distinct, in the flagship's two editions): deflating each once took
# the Word edition's zlib time from 0.10 s to 0.03 s. 128 holds a series brief's cuts.
_CACHED_PARTS = 128


@dataclass(frozen=True)
class Entry:
    """One part of the package: its name inside the zip, its bytes, its deflate level."""

    name: str
    data: bytes
    level: int = 6


@dataclass(frozen=True)
class _Deflated:
    crc: int
    data: bytes


def _deflate_now(data: bytes, level: int) -> _Deflated:
    """Return the raw deflate stream (no zlib header, as zip wants) and the CRC-32."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, -zlib.MAX_WBITS)
    return _Deflated(zlib.crc32(data), compressor.compress(data) + compressor.flush())


_deflate_cached = lru_cache(maxsize=_CACHED_PARTS)(_deflate_now)


def _deflate(entry: Entry) -> _Deflated:
    """Deflate a part, taking a font or picture seen before from the cache."""
    if not entry.name.endswith(_MADE_PER_DOCUMENT):
        return _deflate_cached(entry.data, entry.level)
    return _deflate_now(entry.data, entry.level)


def dos_timestamp(moment: datetime) -> tuple[int, int]:
    """Return zip's (time, date) words for a moment; zip cannot hold a date before 1980."""
    if not 1980 <= moment.year <= 2107:
        raise ValueError(f"zip timestamps run from 1980 to 2107, not {moment.year}")
    time_word = (moment.hour << 11) | (moment.minute << 5) | (moment.second // 2)
    date_word = ((moment.year - 1980) << 9) | (moment.month << 5) | moment.day
    return time_word, date_word


def write_zip(entries: Iterable[Entry], moment: datetime) -> bytes:
    """Return the zip of the entries, in the order given, all stamped with one moment."""
    time_word, date_word = dos_timestamp(moment)
    body: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    for entry in entries:
        name = entry.name.encode("ascii")  # part names are ASCII: no UTF-8 flag needed
        deflated = _deflate(entry)
        sizes = (deflated.crc, len(deflated.data), len(entry.data))
        common = (_VERSION, 0, _DEFLATED, time_word, date_word, *sizes, len(name))
        local = _LOCAL_HEADER.pack(0x04034B50, *common, 0) + name
        directory.append(
            _CENTRAL_HEADER.pack(0x02014B50, _VERSION, *common, 0, 0, 0, 0, 0, offset) + name
        )
        body += (local, deflated.data)
        offset += len(local) + len(deflated.data)
    central = b"".join(directory)
    count = len(directory)
    end = _END_OF_DIRECTORY.pack(0x06054B50, 0, 0, count, count, len(central), offset, 0)
    return b"".join(body) + central + end
