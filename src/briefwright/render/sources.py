"""Turn one source into its page: metadata, fingerprint, and its stored text with every passage
the brief quotes highlighted, numbered by note and linked back to the statements citing it.

Quotes are located in the stored text by `evidence.passages`, so the highlight covers
exactly the stored characters the quote matched.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import ClassVar, Literal

from briefwright.evidence.passages import NormalisedText, Span, locate, normalise_with_offsets
from briefwright.model.brief import Brief, Citation, WordingChoice
from briefwright.model.characters import BIDI_CONTROLS, ZERO_WIDTH
from briefwright.model.source import Source
from briefwright.render.brand import ASSETS
from briefwright.render.html import reader_labels, render_page
from briefwright.render.labels import Labels
from briefwright.render.notes import Note, NoteIndex, archived_copy

SOURCE_TEMPLATE = "source.html.j2"
SOURCES = "sources"
"""The folder of the output, beside brief.html, that holds one page per source."""

Publish = Literal["full", "cited"]
"""What a source page republishes: the whole stored text, or only the paragraphs cited."""

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_SHOWN_CONTROLS = frozenset({"Cc", "Cs", "Zl", "Zp"})
_LINE_CONTROLS = frozenset("\n\t\r")


def source_page_path(source: Source) -> str:
    """Return the page's path in the output folder: `sources/<source-id>.html`."""
    return f"{SOURCES}/{source.id}.html"


# What a page shows: passages, paragraphs, and the pieces a paragraph is cut into


@dataclass(frozen=True)
class Passage:
    """A wording located in the source: a note's quote, or one side of a wording choice."""

    anchor: str
    spans: tuple[Span, ...]
    note: Note | None = None
    choice: WordingChoice | None = None
    relied_on: bool = False

    @property
    def kind(self) -> str:
        """Return `cited`, `variant` (a wording not relied on) or `preferred`."""
        if self.choice is None:
            return "cited"
        return "preferred" if self.relied_on else "variant"


@dataclass(frozen=True)
class Run:
    """Stored text, or one invisible character, shown as a badge of its code and name."""

    text: str
    code: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class Plain:
    """Stored text that no passage covers."""

    runs: tuple[Run, ...]
    kind: ClassVar[str] = "plain"


@dataclass(frozen=True)
class Mark:
    """Stored text inside one or more passages; `anchors` are the ids of passages starting here."""

    runs: tuple[Run, ...]
    passages: tuple[Passage, ...]
    anchors: tuple[str, ...]
    kind: ClassVar[str] = "mark"

    @property
    def classes(self) -> str:
        """Return the CSS classes: each passage kind, and `overlap` when passages overlap."""
        kinds = sorted({passage.kind for passage in self.passages})
        return " ".join([*kinds, "overlap"] if len(self.passages) > 1 else kinds)

    @property
    def note_numbers(self) -> str:
        """Return the numbers of the notes quoting this text, space-separated."""
        return " ".join(str(p.note.number) for p in self.passages if p.note is not None)


@dataclass(frozen=True)
class Label:
    """After a passage's last part: its note number and the statements citing it."""

    passage: Passage
    kind: ClassVar[str] = "label"


Piece = Plain | Mark | Label


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the stored text (numbered among all of them), cut into pieces."""

    number: int
    pieces: tuple[Piece, ...]
    kind: ClassVar[str] = "paragraph"


@dataclass(frozen=True)
class Omitted:
    """Paragraphs the page does not republish."""

    count: int
    kind: ClassVar[str] = "omitted"


def find_passages(brief: Brief, source: Source, notes: NoteIndex) -> list[Passage]:
    """Locate every note on this source and every wording choice quoting it, in note order."""
    text = normalise_with_offsets(source.text)
    passages = [
        Passage(f"q-{note.number}", _spans(note.quote, text), note=note)
        for note in notes.notes
        if note.source.id == source.id
    ]
    for choice in brief.front.wording_choices:
        for citation, relied_on in ((choice.variant, False), (choice.preferred, True)):
            if citation.source == source.id:
                where = f"{'preferred' if relied_on else 'variant'}-{choice.id}"
                spans = _spans(citation.quote, text)
                passages.append(Passage(where, spans, choice=choice, relied_on=relied_on))
    return passages


def _spans(quote: str, text: NormalisedText) -> tuple[Span, ...]:
    spans = locate(quote, text)
    assert spans is not None, "every quote is in its source (else BW101 is shown)"
    return tuple(spans)


def cut_paragraphs(
    text: str, passages: list[Passage], publish: Publish
) -> list[Paragraph | Omitted]:
    """Cut the stored text into paragraphs of pieces; `cited` keeps only paragraphs a passage
    touches, and says how many it leaves out between them."""
    shown: list[Paragraph | Omitted] = []
    left_out = 0
    for number, (start, end) in enumerate(paragraph_spans(text), 1):
        touched = [p for p in passages if any(a < end and b > start for a, b in p.spans)]
        if publish == "cited" and not touched:
            left_out += 1
            continue
        if left_out:
            shown.append(Omitted(left_out))
            left_out = 0
        shown.append(Paragraph(number, tuple(_pieces(text, start, end, touched))))
    if left_out:
        shown.append(Omitted(left_out))
    return shown


def paragraph_spans(text: str) -> list[Span]:
    """Return each paragraph's span (paragraphs are separated by blank lines), trimmed."""
    bounds, start = [], 0
    for blank in _BLANK_LINE.finditer(text):
        bounds.append((start, blank.start()))
        start = blank.end()
    bounds.append((start, len(text)))
    trimmed = [
        (start + _lead(text[start:end]), end - _trail(text[start:end])) for start, end in bounds
    ]
    return [(start, end) for start, end in trimmed if start < end]


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


def _trail(text: str) -> int:
    return len(text) - len(text.rstrip())


def _pieces(text: str, start: int, end: int, passages: list[Passage]) -> Iterator[Piece]:
    """Cut a paragraph at every passage boundary inside it; label each passage after its end."""
    parts = [(a, b, p) for p in passages for a, b in p.spans]
    cuts = sorted({start, end, *(x for a, b, _ in parts for x in (a, b) if start < x < end)})
    for low, high in itertools.pairwise(cuts):
        inside = tuple(dict.fromkeys(p for a, b, p in parts if a <= low and high <= b))
        runs = tuple(visible_runs(text[low:high]))
        if not inside:
            yield Plain(runs)
        else:
            starting = tuple(p.anchor for p in inside if p.spans[0][0] == low)
            yield Mark(runs, inside, starting)
        yield from (Label(p) for p in passages if p.spans[-1][1] == high)


def visible_runs(text: str) -> Iterator[Run]:
    """Split text into runs, each invisible or direction-changing character a run of its own
    carrying its code point and name, so the page shows it instead of obeying it."""
    plain_from = 0
    for index, char in enumerate(text):
        if is_hidden(char):
            if plain_from < index:
                yield Run(text[plain_from:index])
            yield Run(char, f"U+{ord(char):04X}", unicodedata.name(char, "CONTROL CHARACTER"))
            plain_from = index + 1
    if plain_from < len(text):
        yield Run(text[plain_from:])


def is_hidden(char: str) -> bool:
    """Return True for a character that is invisible or changes the direction of the text
    (ordinary line breaks and tabs excepted)."""
    if char in BIDI_CONTROLS or char in ZERO_WIDTH:
        return True
    return unicodedata.category(char) in _SHOWN_CONTROLS and char not in _LINE_CONTROLS


# The page


def render_source_page(
    brief: Brief,
    source: Source,
    notes: NoteIndex,
    layers: tuple[Path, ...],
    built: datetime,
    publish: Publish = "cited",
    t: Labels | None = None,
    preload: Sequence[str] = (),
) -> str:
    """Render `sources/<source-id>.html`: the full stored text or its cited paragraphs only,
    every passage the brief quotes highlighted; the fingerprint covers the full text. The
    page preloads the web fonts `preload` names."""
    t = t or notes.labels
    passages = find_passages(brief, source, notes)
    paragraphs = cut_paragraphs(source.text, passages, publish)
    return render_page(
        layers,
        SOURCE_TEMPLATE,
        brief,
        built,
        t,
        source_page_path(source),
        notes=notes,
        figures={},
        assets=f"../{ASSETS}",
        preload_fonts=list(preload),
        reader_labels=reader_labels(t),
        source=source,
        publish=publish,
        paragraphs=paragraphs,
        total=len(paragraph_spans(source.text)),
        shown=sum(isinstance(p, Paragraph) for p in paragraphs),
        passages=passages,
        section_of=lambda item_id: notes.section_of.get(item_id, t("section_other")),
        other_side=lambda passage: _other_side(brief, passage),
        archive=archived_copy(source),
    )


def _other_side(brief: Brief, passage: Passage) -> tuple[Source, str]:
    """Return the source quoting the other wording of a choice, and that wording's anchor."""
    assert passage.choice is not None
    other: Citation = passage.choice.variant if passage.relied_on else passage.choice.preferred
    found = brief.source(other.source)
    assert found is not None, "every source exists (else BW102 is shown)"
    return found, f"{'variant' if passage.relied_on else 'preferred'}-{passage.choice.id}"
