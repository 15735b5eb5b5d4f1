"""Define the validated, frozen values a brief is made of, from a source to the whole Brief.

Every model forbids unknown fields. Models that an editor writes by hand also remember where
they were written (`where`), so a later check can point at `file:line:column`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Annotated

from pydantic import Field, StringConstraints, field_validator

from briefwright.model.annex import Actor, GlossaryEntry, TimelineEvent
from briefwright.model.base import Id, LanguageTag, Model, Text, Url
from briefwright.model.brand import Brand
from briefwright.model.cited import Citation as Citation  # re-exported: where they lived
from briefwright.model.cited import Fact as Fact
from briefwright.model.cited import Inferred as Inferred
from briefwright.model.figure import Figure
from briefwright.model.source import Source
from briefwright.model.translation import Translation
from briefwright.model.vocab import AnnexPlace, Confidence, Likelihood


class Judgment(Model):
    """The brief's own assessment, resting on named facts.

    It carries either a confidence level (how sure the brief is of its reading) or a
    likelihood (how probable an outcome is), never both; check BW108 enforces it.
    """

    id: Id
    """Stable identifier, unique across the brief."""
    text: Text
    """The assessment, in the brief's words."""
    confidence: Confidence | None = None
    """Low, moderate or high (ICD 203 confidence levels)."""
    likelihood: Likelihood | None = None
    """An ICD 203 likelihood term, for a judgment about what will happen."""
    basis: tuple[Id, ...] = ()
    """Ids of the facts (or other judgments) this assessment rests on."""
    inferred: Inferred | None = None
    """A year the assessment gives that the quotes under its basis do not print."""

    @property
    def label(self) -> str:
        """Return the label a reader sees, e.g. `moderate confidence` or `likely (55–80%)`."""
        if self.likelihood is not None:
            return self.likelihood.label
        return f"{self.confidence.value} confidence" if self.confidence else "unqualified"


class Recommendation(Model):
    """An action the brief recommends, with the findings that motivate it."""

    id: Id
    """Stable identifier, unique across the brief."""
    to: Text | None = None
    """Who acts on it: the brief's `audience`, or a part of it (check BW192), e.g. `India's
    Ministry of Defence`. Printed with the recommendation ("Recommendation · for …")."""
    text: Text
    """What to do, addressed to a reader who can act on it."""
    basis: tuple[Id, ...] = ()
    """Ids of the facts or judgments that motivate it."""
    inferred: Inferred | None = None
    """A year the recommendation gives that the quotes under its basis do not print."""


class WordingChoice(Model):
    """Which wording the brief relies on where two sources quote one remark differently."""

    id: Id
    """Stable identifier, unique across the brief."""
    variant: Citation
    """The wording the brief does not rely on, quoted from its source."""
    preferred: Citation
    """The wording the brief relies on, quoted from its source."""
    reason: Text
    """Why the preferred wording is the better record."""


class Gap(Model):
    """Something the brief cannot establish from its sources."""

    id: Id
    """Stable identifier, unique across the brief."""
    text: Text
    """What is not known, and why it matters."""


class OnePager(Model):
    """What a topic's one-pager takes from the topic and the brief: ids only, never text."""

    key_points: tuple[Id, ...] = ()
    """Ids of the 3–5 key points to show; empty means all of the topic's key points."""
    recommendations: tuple[Id, ...] = ()
    """Ids of the one or two recommendations (from brief.yaml) the one-pager carries."""
    caveats: tuple[Id, ...] = ()
    """Ids of the information gaps (from brief.yaml) the one-pager repeats as caveats."""


class Topic(Model):
    """One strand of the subject: a bottom line, the facts, and the brief's analysis."""

    id: Id
    """Stable identifier; also the one-pager's file name."""
    order: int = Field(ge=0)
    """Position among the topics (lowest first)."""
    title: Text
    """Section heading."""
    bottom_line: Judgment
    """One sentence: what the reader must take away."""
    key_points: tuple[Fact, ...] = Field(min_length=1)
    """The facts, each cited."""
    analysis: tuple[Judgment, ...] = Field(min_length=1)
    """The brief's assessment of what the facts mean."""
    watch: Text
    """What to watch: the next development that would confirm or change the bottom line."""
    onepager: OnePager = OnePager()
    """How the topic's one-pager is cut from this content."""

    def onepager_points(self) -> tuple[Fact, ...]:
        """Return the key points the one-pager shows, in the order it lists them."""
        if not self.onepager.key_points:
            return self.key_points
        by_id = {point.id: point for point in self.key_points}
        return tuple(by_id[i] for i in self.onepager.key_points if i in by_id)

    @field_validator("bottom_line")
    @classmethod
    def _one_sentence(cls, value: Judgment) -> Judgment:
        if len(re.findall(r"[.!?](?:\s|$)", value.text)) > 1:
            raise ValueError("the bottom line must be one sentence")
        return value


#: A DOI as the Citation File Format accepts it (`10.5281/zenodo.1003150`), not its URL.
DOI_PATTERN = r"^10\.\d{4,9}(\.\d+)?/[A-Za-z0-9:/_;\-\.\(\)\[\]\\]+$"
#: A release zip's path or a git revision: never an option (`-…`), never white space.
PRODUCT_ID_PATTERN = r"^[A-Z0-9][A-Z0-9-]*$"
VERSION_PATTERN = r"^\d+\.\d+(\.\d+)?$"
PREVIOUS_PATTERN = r"^[A-Za-z0-9_.][A-Za-z0-9_./~^@{}+-]*$"


class Correction(Model):
    """A correction this version issues: what an earlier version said that was wrong, what
    the brief says now, and the statements it changed."""

    date: date
    """When the correction was issued."""
    was: Text
    """What the earlier version said that was wrong, in a sentence."""
    now: Text
    """What the brief says now, in a sentence."""
    statements: tuple[Id, ...] = Field(min_length=1)
    """Ids of the statements the correction changed; each must exist (check BW401)."""


class Length(Model):
    """The budget of the main text: from the cover to the end of the discussion, before the
    source notes (the notes and the annex are not counted)."""

    words: int = Field(default=1600, ge=1)
    """At most this many words (`check` counts them; BW190 when over)."""
    pages: int = Field(default=5, ge=1)
    """At most this many pages in the typeset PDF (`build` counts them; BW191 when over)."""


class Metadata(Model):
    """What the brief is: title, identifiers, date, authorship and handling."""

    title: Text
    """Title on the cover and in the PDF metadata."""
    subtitle: Text
    """One line under the title."""
    series: Text | None = None
    """The publication series (a brand's `series:` takes precedence)."""
    product_id: Annotated[str, StringConstraints(pattern=PRODUCT_ID_PATTERN)]
    """Product identifier, e.g. `BW-2026-001`."""
    version: Annotated[str, StringConstraints(pattern=VERSION_PATTERN)]
    """Version of this edition, e.g. `1.0`."""
    as_of: date
    """The date up to which the sources were read."""
    authors: tuple[Text, ...] = Field(min_length=1)
    """Authors, as they should be credited."""
    organisation: Text
    """The issuing organisation."""
    marking: Text = "TLP:CLEAR"
    """Distribution marking shown on every page."""
    language: LanguageTag = "en"
    """BCP 47 language tag of the text."""
    translations: tuple[LanguageTag, ...] = ()
    """The languages the brief is also published in (BCP 47, e.g. `[ja]`): each one's text
    is `translations/<language>.yaml` beside brief.yaml, and `build` writes that edition in
    `build/<language>/` (docs/authoring.md, "Translations")."""
    keywords: tuple[str, ...] = ()
    """Subject keywords for the PDF metadata."""
    audience: Text | None = None
    """Who the brief is for, as the cover prints it ("Prepared for"), e.g. `India's Ministry
    of Defence and the planners advising it`. Every recommendation's `to:` is this audience
    or a part of it (check BW192)."""
    audience_parts: tuple[Text, ...] = ()
    """The bodies or people the audience includes that its sentence does not name word for
    word (e.g. `Defence Planning Committee`): a recommendation may be addressed to any."""
    length: Length = Length()
    """The main text's budget in words and pages (default 1,600 words, 5 pages)."""
    previous: (
        Annotated[str, StringConstraints(pattern=PREVIOUS_PATTERN, max_length=200)] | None
    ) = None
    """The release this version follows: its zip's path inside the project folder (the
    folder holding content/), e.g. `build/release/BW-2026-001-1.0.zip`, or a git revision of
    the project (a tag such as `v1.0`, a commit). The brief then prints what changed since
    that version after its bottom line, and lists every change in its annex."""
    doi: Annotated[str, StringConstraints(pattern=DOI_PATTERN)] | None = None
    """The DOI of this version (`10.5281/zenodo.1003150`), printed in the suggested citation
    and written into CITATION.cff, the CSL-JSON and the JSON-LD."""
    url: Url | None = None
    """Where the HTML edition is published: its folder's address, ending with `/` (e.g.
    `https://briefs.example.org/bw-2026-001/`; in a series, the series' `base_url` and the
    brief's folder by default). Each page then names its own address (`canonical`) and the
    same page in the other languages (`hreflang` alternates, which search engines read only
    as full addresses), and the suggested citation, CITATION.cff, the CSL-JSON and the
    JSON-LD give it (after the DOI, when there is one)."""
    annex: AnnexPlace = AnnexPlace.HTML
    """Where the annex (timeline, key actors, glossary, sources, methods) goes: `html` (the
    HTML edition only; the PDF ends with the source notes, every one kept) or `pdf` (also
    after the source notes of the PDF, set compactly)."""


class Front(Model):
    """The parts of `brief.yaml` that frame the topics."""

    metadata: Metadata
    """What the brief is."""
    bottom_line: Judgment
    """The brief's answer, up front."""
    rests_on: Text | None = None
    """What the brief rests on, printed on page 1: which sources, of what kind, and what
    account is missing."""
    key_judgments: tuple[Judgment, ...] = Field(min_length=3, max_length=5)
    """Three to five key judgments."""
    background: tuple[Fact, ...] = Field(min_length=1)
    """The facts a reader needs before the topics."""
    implications: tuple[Judgment, ...] = Field(min_length=1)
    """What follows from the findings."""
    recommendations: tuple[Recommendation, ...] = Field(min_length=1)
    """What to do about it."""
    information_gaps: tuple[Gap, ...] = ()
    """What the sources do not settle."""
    alternative_views: tuple[Judgment, ...] = ()
    """Readings of the evidence the brief considered and weighs differently."""
    wording_choices: tuple[WordingChoice, ...] = ()
    """Where sources quote one remark differently, the wording the brief relies on."""
    corrections: tuple[Correction, ...] = ()
    """Corrections this version issues, printed in a box on page 1 and in the HTML edition."""
    brand: Brand | None = None
    """The brief's own brand (else the project's brand.yaml, else the theme's defaults)."""


class Brief(Model):
    """Everything a brief is made of, validated and cross-referenced by id."""

    front: Front
    topics: tuple[Topic, ...] = Field(min_length=1)
    timeline: tuple[TimelineEvent, ...] = Field(min_length=1)
    actors: tuple[Actor, ...] = Field(min_length=1)
    glossary: tuple[GlossaryEntry, ...] = ()
    figures: tuple[Figure, ...] = ()
    """Figures drawn from cited data (content/figures/*.yaml); each value is a fact."""
    sources: tuple[Source, ...] = ()
    """The articles the brief cites (none yet in a new project: check says what to do)."""
    brand: Brand = Brand()
    """The brand the documents carry: the brief's own, the project's, or the theme's."""
    translations: tuple[Translation, ...] = ()
    """The translations `metadata.translations` declares, as loaded (translations/*.yaml)."""
    translated_from: Brief | None = None
    """In a translated edition, the brief it was translated from: what its corroboration is
    read from (agreement is read in the original's language) and its editions are named by."""

    @property
    def metadata(self) -> Metadata:
        """Return the brief's metadata."""
        return self.front.metadata

    @property
    def original(self) -> Brief:
        """Return the brief this edition was translated from, or the brief itself."""
        return self.translated_from or self

    def translation(self, language: str) -> Translation | None:
        """Return the translation into a language, if the brief declares one."""
        return next((t for t in self.translations if t.language == language), None)

    def source(self, source_id: str) -> Source | None:
        """Return the source with this id, if there is one."""
        return next((s for s in self.sources if s.id == source_id), None)

    def cited(self) -> Iterator[Cited]:
        """Yield every item that carries citations, in the order a reader meets them."""
        yield from self.front.background
        for topic in self.topics:
            yield from topic.key_points
        yield from self.timeline
        yield from self.actors
        yield from self.glossary
        for figure in self.figures:
            yield from figure.facts()

    def citations(self) -> Iterator[tuple[str, Citation]]:
        """Yield (id of the citing item, citation) for every citation the brief makes."""
        for item in self.cited():
            yield from ((item.id, citation) for citation in item.cites)
        for choice in self.front.wording_choices:
            yield choice.id, choice.variant
            yield choice.id, choice.preferred

    def judgments(self) -> Iterator[Judgment]:
        """Yield every judgment, in reading order."""
        yield self.front.bottom_line
        yield from self.front.key_judgments
        for topic in self.topics:
            yield topic.bottom_line
            yield from topic.analysis
        yield from self.front.implications
        yield from self.front.alternative_views

    def reasoned(self) -> Iterator[Judgment | Recommendation]:
        """Yield every judgment and recommendation: the items that name a basis."""
        yield from self.judgments()
        yield from self.front.recommendations

    def identified(self) -> Iterator[Identified]:
        """Yield every item with an id of its own, in reading order."""
        yield from self.judgments()
        yield from self.cited()
        yield from self.front.recommendations
        yield from self.front.information_gaps
        yield from self.front.wording_choices
        yield from self.topics


Cited = Fact | TimelineEvent | Actor | GlossaryEntry
Identified = Cited | Judgment | Recommendation | Gap | WordingChoice | Topic
