"""Define a source: one article, its provenance, and its text kept verbatim."""

from __future__ import annotations

import hashlib
import itertools
from datetime import date
from typing import Annotated, Literal

from pydantic import AwareDatetime, Field, StringConstraints, field_validator

from briefwright.model.base import WEB_ADDRESS_PATTERN, Id, Model, Text
from briefwright.model.vocab import DateBasis, SourceKind

SHA256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
#: A file beside the source's text in content/sources/: a name, never a path elsewhere.
SideFile = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*\.[a-z0-9.]+$")]
#: The kinds of original a source page may republish (see `Source.published_original`).
PUBLISHED_ORIGINALS = (".warc.gz", ".orig.pdf")
MetadataField = Literal["title", "publisher", "author", "published"]


class Found(Model):
    """One value of a source's metadata and where it was found."""

    field: MetadataField
    """Which field of the source it gave: `title`, `publisher`, `author` or `published`."""
    value: str
    """The value as found (a date as the page writes it)."""
    found_in: Text
    """Where it came from: e.g. `JSON-LD NewsArticle headline`, `Open Graph og:site_name`,
    `<meta name="author">`, `<title>`, `PDF document information Title`, or the
    `sources add` option that set it."""


class Original(Model):
    """A copy of the source as it was obtained, kept beside its text so the extraction can
    be redone and checked."""

    file: SideFile
    """Its file name in content/sources/: `<id>.orig.html` or `<id>.orig.pdf` for a file
    that was added, `<id>.warc.gz` (a WARC of the HTTP responses) for a fetched address."""
    sha256: SHA256
    """The SHA-256 of that file, as written."""
    media_type: Literal["text/html", "application/pdf", "text/plain"]
    """What the text was extracted from: an HTML page, a PDF, or plain text."""


class PageStart(Model):
    """Where one page of a PDF begins in the stored text."""

    page: Annotated[str, StringConstraints(min_length=1, max_length=20)]
    """The page's number as the PDF labels it (`3`, `iv`), else its place counted from 1."""
    line: Annotated[int, Field(ge=1)]
    """The line of the stored text (1 for the text's first line, after the front matter)
    on which the page begins."""


class Source(Model):
    """One article, its metadata, and its text kept verbatim."""

    id: Id
    """Stable identifier that citations use, e.g. `mea-briefing-2023-03-20`."""
    title: Text
    """The article's headline; a title the editor supplied is marked with `title_supplied`."""
    title_supplied: bool = False
    """True when the article carries no headline and the title was written by the editor."""
    short_name: Text
    """How the notes name the source, e.g. `Financial Express Online`."""
    publisher: Text
    """The outlet or publisher, as identified from the text itself."""
    published: date
    """Publication date (ISO 8601)."""
    date_basis: DateBasis
    """`stated` when the text prints the date, `inferred` when it was worked out."""
    date_note: Text
    """How the date was established."""
    kind: SourceKind
    """Official briefing transcript, official statement, news report or wire copy."""
    url: Annotated[str, StringConstraints(pattern=WEB_ADDRESS_PATTERN)] | None = None
    """Where the article was published, when known: an http(s) address, never fetched by a
    build (`sources add URL` fetched it once, and sets `retrieved` and `original`)."""
    retrieved: AwareDatetime | None = None
    """When `sources add` fetched `url` (ISO 8601 with its UTC offset); none for a file."""
    author: str | None = None
    """Who wrote it, when the page or the document names them."""
    metadata: tuple[Found, ...] = ()
    """Where each value of the title, publisher, author and date came from, for a source
    added from an HTML page, a PDF or an address."""
    original: Original | None = None
    """The page, PDF or archived HTTP responses the text was extracted from, with its
    SHA-256; none for a source added as plain text."""
    pages: tuple[PageStart, ...] = ()
    """A PDF's page boundaries in the stored text, first page first, so that a note cites
    the page its quote is on ("p. 3", "pp. 3–4")."""
    reliability: Text
    """A short note on how far the source can be trusted, and for what."""
    origin: str | None = None
    """The original statement or event the source reports, when several sources share one
    (e.g. one briefing); sources of one origin do not corroborate each other."""
    seed_file: str | None = None
    """The file the text was taken from, for provenance."""
    chrome_removed: tuple[str, ...] = ()
    """Site furniture dropped from the text (e.g. "top of page"), listed so nothing is hidden."""
    publish: Literal["cited", "full"] = "cited"
    """What its page in the HTML edition (sources/<id>.html) republishes: the paragraphs the
    brief quotes (`cited`, the default: a news article's full text is the publisher's), or
    the full stored text (`full`: an official transcript, a text you may republish)."""
    text_note: Text | None = None
    """How the stored text differs from what was published (a broken encoding, apostrophes
    lost in scraping), printed in the methods annex beside the text's fingerprint."""
    text: Annotated[str, StringConstraints(min_length=1)]
    """The article text, verbatim: everything after the front matter."""

    @field_validator("pages")
    @classmethod
    def _pages_in_order(cls, pages: tuple[PageStart, ...]) -> tuple[PageStart, ...]:
        lines = [page.line for page in pages]
        if lines and (lines[0] != 1 or any(b <= a for a, b in itertools.pairwise(lines))):
            raise ValueError("pages must start at line 1 and each begin on a later line")
        return pages

    @property
    def fingerprint(self) -> str:
        """Return the SHA-256 of the stored text, so a change to a source is visible."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def published_original(self) -> str | None:
        """Return the file name of the original republished beside the source's page: with
        `publish: full`, an archived fetch (WARC) or a PDF, never a saved HTML page (its
        scripts would run on the brief's site)."""
        original = self.original
        if original is None or self.publish != "full":
            return None
        return original.file if original.file.endswith(PUBLISHED_ORIGINALS) else None

    @property
    def display_title(self) -> str:
        """Return the title, bracketed when the editor supplied it."""
        return f"[{self.title}]" if self.title_supplied else self.title
