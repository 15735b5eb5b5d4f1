"""Define a source: one article, its provenance, and its text kept verbatim."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Annotated, Literal

from pydantic import StringConstraints

from briefwright.model.base import Id, Model, Text
from briefwright.model.vocab import DateBasis, SourceKind


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
    url: Annotated[str, StringConstraints(pattern=r"^https?://[^\s<>\"']+$")] | None = None
    """Where the article was published, when known: an http(s) address, never fetched."""
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

    @property
    def fingerprint(self) -> str:
        """Return the SHA-256 of the stored text, so a change to a source is visible."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def display_title(self) -> str:
        """Return the title, bracketed when the editor supplied it."""
        return f"[{self.title}]" if self.title_supplied else self.title
