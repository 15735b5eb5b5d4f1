"""Define a translation: a brief's reader-facing text in another language, entry by entry,
each keyed by the id of what it translates and carrying the fingerprint of the text it was
translated from.

A translation is content, beside the brief (`translations/<language>.yaml`). Ids are the
spine: an entry names a statement's id (or a source's, or `metadata`, or `brand`) and the
field it translates (`text` unless it says otherwise; `quote.2` is a translator's rendering
of the statement's second quote, printed after the quote as the translator's words). The
fingerprint is of the original's text, whitespace folded, so a change to the original makes
the entry stale and a reflowed line does not.
"""

from __future__ import annotations

import hashlib
import unicodedata
from typing import Annotated

from pydantic import Field, StringConstraints

from briefwright.model.base import LanguageTag, Model

FINGERPRINT_LENGTH = 12
#: What an entry may name besides a statement's or a source's id: the brief's metadata (and
#: what the cover says it rests on) and the brand's words (series, footer, logo's alt text).
METADATA, BRAND = "metadata", "brand"
#: The prefix of the id an entry names a correction by (`correction-1`, the first), which
#: has no id of its own.
CORRECTION = "correction-"
#: The prefix of a field that translates one of a statement's quotes (`quote.1`, the first).
QUOTE_FIELD = "quote."

Fingerprint = Annotated[str, StringConstraints(pattern=rf"^[0-9a-f]{{{FINGERPRINT_LENGTH}}}$")]
FieldName = Annotated[str, StringConstraints(pattern=r"^(?:[a-z][a-z_]*|quote\.[1-9][0-9]*)$")]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
#: A text, or a list of texts (the metadata's authors, keywords and audience's parts).
Words = Line | tuple[Line, ...]


def fingerprint(text: str | tuple[str, ...]) -> str:
    """Return the fingerprint of an original text: the first 12 hex digits of the SHA-256 of
    its NFC form with whitespace folded (a list: its items, one a line)."""
    items = (text,) if isinstance(text, str) else text
    folded = "\n".join(" ".join(unicodedata.normalize("NFC", item).split()) for item in items)
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


class TranslationEntry(Model):
    """One text of the brief in the translation's language, and what it was made from."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
    """The id of what it translates: a statement, judgment, recommendation, gap, topic,
    event, actor, glossary term, figure or source; `metadata` for the title, subtitle,
    audience, authors, keywords and `rests_on`; `brand` for the series, footer and logo;
    `correction-N` for the N-th correction's `was` and `now`."""
    field: FieldName = "text"
    """Which of its texts: `text` (the default), `title`, `watch`, `label`, `role`, … or
    `quote.N`, a translation of its N-th quote (printed after the quote, marked as the
    translator's)."""
    original: Words
    """The text as it was when translated (the brief's language), kept for the word diff a
    stale entry is reported with."""
    fingerprint: Fingerprint
    """The fingerprint of `original` (`briefwright translate stub` writes it): when the
    brief's text no longer has it, the entry is stale (BW126)."""
    text: Words | None = None
    """The translation; empty while it is still to be done (BW125)."""


class TranslationFile(Model):
    """translations/<language>.yaml: a brief's text in one more language."""

    entries: tuple[TranslationEntry, ...] = ()
    """The translated texts, each keyed by id and field."""


class Translation(Model):
    """A brief's translation into one language, as loaded from its file."""

    language: LanguageTag
    """BCP 47 tag of the translation's language (its file's name)."""
    path: str
    """The file it was read from (or would be, when it is missing)."""
    exists: bool = True
    """False when `metadata.translations` names the language but no file holds it yet."""
    entries: tuple[TranslationEntry, ...] = Field(default=())
    """The translated texts."""
