"""Name the fixed vocabularies of the content: kinds of source, date bases, judgment scales.

Plain enums with no pydantic, so the command line can offer them without importing models.
"""

from __future__ import annotations

from enum import StrEnum


class SourceKind(StrEnum):
    """What kind of document a source is; it governs how much weight its wording carries."""

    OFFICIAL_BRIEFING_TRANSCRIPT = "official-briefing-transcript"
    TRANSCRIPT_EXCERPT = "transcript-excerpt"
    """Part of a transcript, reproduced by a site that is not the speaker's own."""
    OFFICIAL_STATEMENT = "official-statement"
    NEWS_REPORT = "news-report"
    WIRE_COPY = "wire-copy"
    UNATTRIBUTED_REPORT = "unattributed-report"
    """A report whose outlet the text does not name."""

    @property
    def label(self) -> str:
        """Return the kind as a reader would say it."""
        return self.value.replace("-", " ").capitalize()


class DateBasis(StrEnum):
    """Whether a date is printed in the source or worked out from it."""

    STATED = "stated"
    INFERRED = "inferred"


class Confidence(StrEnum):
    """How sure the brief is of a judgment (ICD 203 confidence levels)."""

    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


class Likelihood(StrEnum):
    """How probable a judged outcome is, in the words of ICD 203's likelihood scale."""

    ALMOST_NO_CHANCE = "almost-no-chance"
    VERY_UNLIKELY = "very-unlikely"
    UNLIKELY = "unlikely"
    ROUGHLY_EVEN_CHANCE = "roughly-even-chance"
    LIKELY = "likely"
    VERY_LIKELY = "very-likely"
    ALMOST_CERTAIN = "almost-certain"

    @property
    def label(self) -> str:
        """Return the term with its probability range, e.g. `likely (55–80%)`."""
        return f"{self.value.replace('-', ' ')} ({_ICD203_RANGES[self]})"


_ICD203_RANGES = {
    Likelihood.ALMOST_NO_CHANCE: "1–5%",
    Likelihood.VERY_UNLIKELY: "5–20%",
    Likelihood.UNLIKELY: "20–45%",
    Likelihood.ROUGHLY_EVEN_CHANCE: "45–55%",
    Likelihood.LIKELY: "55–80%",
    Likelihood.VERY_LIKELY: "80–95%",
    Likelihood.ALMOST_CERTAIN: "95–99%",
}


class AnnexPlace(StrEnum):
    """Where a brief's annex (timeline, key actors, glossary, sources, methods) is printed."""

    PDF = "pdf"
    """After the source notes in the PDF, set compactly, and in the HTML edition."""
    HTML = "html"
    """In the HTML edition only: the PDF ends with the source notes."""
