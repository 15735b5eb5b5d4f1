"""Turn a file's first bytes into what it is: plain text, an HTML page or a PDF, or refuse
it with what it is instead (an image, an archive, a Word file, binary data)."""

from __future__ import annotations

import re

from briefwright.errors import BriefError, Location
from briefwright.ingest.document import MediaType

_SIGNATURES = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a zip archive (or a Word/OpenDocument file)",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "a Word 97 document",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"Rar!": "a RAR archive",
    b"{\\rtf": "an RTF document",
}
_HTML = re.compile(
    rb"<\s*(!doctype\s+html|html|head|body|script|style|div|p|span|meta|link|a\s+href|img)\b",
    re.IGNORECASE,
)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def media_type_of(raw: bytes, name: str) -> MediaType:
    """Return what a file holds, judged by its bytes; refuse what is no article (BW013)."""
    if raw.lstrip()[:5] == b"%PDF-":
        return "application/pdf"
    kind = next((kind for magic, kind in _SIGNATURES.items() if raw.startswith(magic)), None)
    if kind is None and b"\0" in raw and not raw.startswith(_UTF16_BOMS):
        kind = "binary data (it holds NUL bytes)"
    if kind is not None:
        message = f"the file is {kind}, not an article; add an HTML page, a PDF or a text file"
        raise BriefError.of("BW013", message, Location(name))
    return "text/html" if _HTML.search(raw) else "text/plain"
