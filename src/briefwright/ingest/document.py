"""Define what extracting an added file or address gives: the article's text, the metadata
found with where each value came from, what was removed, and a PDF's page boundaries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from briefwright.model.source import Found, MetadataField, PageStart

MediaType = Literal["text/plain", "text/html", "application/pdf"]

#: Largest plain-text file `sources add` reads, in bytes (as every content file).
MAX_TEXT_BYTES = 2_000_000
#: Largest HTML page, in bytes: a page saved from a browser carries its scripts and styles.
MAX_HTML_BYTES = 10_000_000
#: Largest PDF, in bytes: reports are larger than articles. It stays under the build's limit
#: for any input (50,000,000 bytes), since the PDF is kept beside the text.
MAX_PDF_BYTES = 40_000_000
#: Most pages a PDF may have.
MAX_PDF_PAGES = 2_000
LIMITS: dict[MediaType, int] = {
    "text/plain": MAX_TEXT_BYTES,
    "text/html": MAX_HTML_BYTES,
    "application/pdf": MAX_PDF_BYTES,
}


@dataclass(frozen=True)
class Extracted:
    """An article's text, paragraphs separated by blank lines, and what came with it."""

    text: str
    media_type: MediaType
    metadata: tuple[Found, ...] = ()
    removed: tuple[str, ...] = ()
    pages: tuple[PageStart, ...] = ()
    notes: tuple[str, ...] = ()

    def found(self, field: MetadataField) -> Found | None:
        """Return the value found for a field, if any."""
        return next((found for found in self.metadata if found.field == field), None)
