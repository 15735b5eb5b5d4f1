"""Turn a file's bytes into what it is: plain text, an HTML page (or a fragment of one) or a
PDF, or refuse it with what it is instead (an image, an archive, a Word file, binary data).

HTML is recognised by parsing, as a browser would read the file, not by a list of tag
names: a file holding any element of HTML is a page, however little of it there is."""

from __future__ import annotations

from html.parser import HTMLParser

from lxml.html import defs

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
#: HTML's elements, as lxml knows them, and those of HTML5 it lacks.
HTML_ELEMENTS = frozenset(
    {*defs.tags, "main", "picture", "template", "dialog", "data", "slot", "search", "frame"}
)
#: How much of a file is parsed, at most, to find its first element.
_SNIFF_CHUNK = 65_536
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
    return "text/html" if has_html_elements(raw) else "text/plain"


def has_html_elements(raw: bytes) -> bool:
    """Return True when an HTML parser finds an element of HTML in the bytes: a page, or a
    fragment of one (an <article>, an <iframe>, an <svg>), whatever its other text; a `<`
    in prose (`a < b`, `<Reuters>`) opens no element HTML has."""
    finder = _ElementFinder()
    text = raw.decode("latin-1")  # every tag name is ASCII; any byte decodes
    for start in range(0, len(text), _SNIFF_CHUNK):
        finder.feed(text[start : start + _SNIFF_CHUNK])
        if finder.found:
            return True
    return False


class _ElementFinder(HTMLParser):
    """An HTML parser that only notes whether it met an element of HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found = self.found or tag in HTML_ELEMENTS
