"""Turn a document's bytes, whatever it is, into an article's text: an HTML page, a PDF or
a text file, each by its own extractor; the kind is the file's own bytes' (or, for an
address, the Content-Type it was served with)."""

from __future__ import annotations

import codecs

from briefwright.errors import BriefError, Location
from briefwright.ingest.document import LIMITS, Extracted, MediaType
from briefwright.ingest.html import extract_page
from briefwright.ingest.pdf import extract_pdf
from briefwright.ingest.sniff import media_type_of
from briefwright.ingest.text import extract_text


def extract_file(raw: bytes, name: str) -> Extracted:
    """Return the article in a file's bytes, refusing a file over its kind's size limit."""
    media_type = media_type_of(raw, name)
    limit = LIMITS[media_type]
    if len(raw) > limit:
        kind = {"text/plain": "a text file", "text/html": "an HTML page"}.get(media_type, "a PDF")
        message = f"the file is {len(raw):,} bytes; the limit for {kind} is {limit:,} bytes"
        raise BriefError.of("BW001", message, Location(name))
    return extract(raw, media_type, name)


def extract(raw: bytes, media_type: MediaType, name: str, charset: str | None = None) -> Extracted:
    """Return the article in a document of a known kind; an HTML page's declared charset
    (an HTTP header's) is used when Python knows it."""
    if media_type == "application/pdf":
        if not raw.lstrip().startswith(b"%PDF-"):
            message = "the document is served as a PDF but is not one"
            raise BriefError.of("BW013", message, Location(name))
        return extract_pdf(raw, name)
    if media_type == "text/html":
        return extract_page(_decoded(raw, charset), name)
    return extract_text(raw, name)


def _decoded(raw: bytes, charset: str | None) -> bytes | str:
    if charset is None:
        return raw
    try:
        codecs.lookup(charset)
    except LookupError:
        return raw
    return raw.decode(charset, errors="replace")
