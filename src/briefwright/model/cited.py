"""Define a cited statement: a fact, the citations it rests on, and a year it infers.

Kept apart from model/brief.py so that other content (a figure's values, model/figure.py)
can be made of facts without importing the whole brief.
"""

from __future__ import annotations

from pydantic import Field

from briefwright.model.base import Id, Model, Text


class Citation(Model):
    """A source and a verbatim passage from it that supports a statement."""

    source: Id
    """The id of a source in `content/sources/`."""
    quote: Text
    """A passage copied from the source; `...` marks an elision."""
    translation: Text | None = None
    """A translation of the quote into the brief's language, printed after it and marked
    as the translator's ("訳：…"): never evidence, the grounding reads the quote alone."""


class Inferred(Model):
    """A year a statement gives that its sources never print, and how it was worked out.

    The grounding check (BW161) accepts that year in the statement only with this note, and
    the brief prints the note after the statement: "(year inferred: …)".
    """

    year: int = Field(ge=1000, le=9999)
    """The year the statement gives and no quote or stated source date prints."""
    how: Text
    """How the year was worked out, in a phrase a reader can check against the sources."""


class Fact(Model):
    """A factual statement, supported by at least one verbatim quote."""

    id: Id
    """Stable identifier, unique across the brief; judgments name it as their basis."""
    text: Text
    """The statement, in the brief's words."""
    cites: tuple[Citation, ...] = Field(min_length=1)
    """The sources and quotes it rests on."""
    inferred: Inferred | None = None
    """A year the statement gives that its quotes do not print, and how it was worked out."""
