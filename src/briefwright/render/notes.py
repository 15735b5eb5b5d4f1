"""Number the source notes in reading order and link each statement to its notes and back.

A note is one (source, quote) pair; a statement that cites three passages gets three notes,
and a passage cited by two statements is one note that links back to both.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from briefwright.evidence.passages import Passage, find_passage, pages_of
from briefwright.evidence.quotes import normalise
from briefwright.model.brief import Brief, Citation, Cited
from briefwright.model.source import Source
from briefwright.render.fragments import publisher_link
from briefwright.render.labels import Labels, english


def archived_copy(source: Source) -> str | None:
    """Return the path, beside the brief, of a source's original when it is republished."""
    name = source.published_original
    return None if name is None else f"sources/{name}"


def anchor(item_id: str) -> str:
    """Return the HTML id of the statement or judgment with this id."""
    return f"s-{item_id}"


@dataclass(eq=False)
class Note:
    """A numbered source note: which passage of which source, and who cites it."""

    number: int
    source: Source
    quote: str
    cited_by: list[str] = field(default_factory=list)
    translation: str | None = None
    """A translator's rendering of the quote (a citation's `translation`), printed after it
    as the translator's words; the first a citing statement gives."""

    @property
    def anchor(self) -> str:
        """Return the HTML id of the note."""
        return f"note-{self.number}"

    @functools.cached_property
    def passage(self) -> Passage | None:
        """Return where the quote lies in the source's stored text."""
        return find_passage(self.quote, self.source.text)

    @property
    def pages(self) -> tuple[str, ...]:
        """Return the page (or first and last pages) of a PDF source the quote is on."""
        if not self.source.pages or self.passage is None:
            return ()
        return pages_of(self.source, self.passage)

    @property
    def archive(self) -> str | None:
        """Return the path, beside the brief, of the source's archived copy, when published."""
        return archived_copy(self.source)

    @property
    def publisher_link(self) -> str | None:
        """Return the link to the quote on the publisher's page, when the source has one."""
        return publisher_link(self.source, self.passage) if self.source.url else None


class NoteIndex:
    """Every note of a brief, numbered in the order a reader meets the statements citing it."""

    def __init__(self, brief: Brief, labels: Labels | None = None) -> None:
        """Number the notes; `labels` name the sections (English by default)."""
        self.labels = labels or english()
        self.notes: list[Note] = []
        self._by_passage: dict[tuple[str, str], Note] = {}
        self._by_item: dict[str, list[Note]] = {}
        self._basis = {item.id: item.basis for item in brief.reasoned()}
        self.section_of = dict(_sections(brief, self.labels))
        for item in brief.cited():
            self._by_item[item.id] = [self._note_for(c, brief, item.id) for c in item.cites]

    def _note_for(self, citation: Citation, brief: Brief, item_id: str) -> Note:
        key = (citation.source, normalise(citation.quote))
        note = self._by_passage.get(key)
        if note is None:
            source = brief.source(citation.source)
            assert source is not None, "every source exists (else BW102 is shown)"
            note = Note(len(self.notes) + 1, source, citation.quote)
            self._by_passage[key] = note
            self.notes.append(note)
        note.translation = note.translation or citation.translation
        if item_id not in note.cited_by:
            note.cited_by.append(item_id)
        return note

    def of(self, item: Cited) -> list[Note]:
        """Return the notes a statement cites, in its citation order, without repeats."""
        return list(dict.fromkeys(self._by_item.get(item.id, [])))

    def behind(self, basis: Iterable[str]) -> list[Note]:
        """Return the notes under a basis, following judgments down to their facts."""
        found: dict[int, Note] = {}
        pending, seen = list(basis), set()
        while pending:
            item_id = pending.pop()
            if item_id in seen:
                continue
            seen.add(item_id)
            found.update((note.number, note) for note in self._by_item.get(item_id, []))
            pending.extend(self._basis.get(item_id, ()))
        return [found[number] for number in sorted(found)]

    def citing_by_section(self, source: Source) -> list[tuple[str, list[str]]]:
        """Group the statements citing a source by the section they are in, in reading order."""
        return self.by_section(self.citing(source))

    def by_section(self, item_ids: Iterable[str]) -> list[tuple[str, list[str]]]:
        """Group statement ids by the section a reader finds them in, sections in the order
        of their first statement: a note's back-links name each section once."""
        groups: dict[str, list[str]] = {}
        for item_id in item_ids:
            section = self.section_of.get(item_id, self.labels("section_other"))
            groups.setdefault(section, []).append(item_id)
        return list(groups.items())

    def citing(self, source: Source) -> list[str]:
        """Return the ids of the statements that cite a source, in reading order."""
        ids = (item_id for note in self.notes if note.source.id == source.id
               for item_id in note.cited_by)  # fmt: skip
        return list(dict.fromkeys(ids))


def _sections(brief: Brief, t: Labels) -> Iterator[tuple[str, str]]:
    """Yield (statement id, the name of the section a reader finds it in)."""
    yield from ((item.id, t("background_heading")) for item in brief.front.background)
    for number, topic in enumerate(brief.topics, 1):
        heading = t("topic_heading", number=number, title=topic.title)
        yield from ((item.id, heading) for item in topic.key_points)
    yield from ((item.id, t("timeline_heading")) for item in brief.timeline)
    yield from ((item.id, t("key_actors_heading")) for item in brief.actors)
    yield from ((item.id, t("glossary_heading")) for item in brief.glossary)
