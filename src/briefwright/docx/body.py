"""Turn blocks and runs into the w:body of document.xml.

The body writer walks the blocks once, in reading order. It keeps what must stay consistent
across the document: which notes already have their endnote reference, the bookmark and
drawing counters, and the relationships and media the body adds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC
from itertools import count

from briefwright.docx.bookmarks import StatementMarks, around
from briefwright.docx.drawing import Picture, inline_picture
from briefwright.docx.fields import field_end, noteref, toc_begin
from briefwright.docx.formatting import ppr, rpr, slants
from briefwright.docx.model import (
    Block,
    Cell,
    Corroboration,
    Deleted,
    Heading,
    Image,
    Inserted,
    Judgment,
    Mark,
    NoteMention,
    NoteRef,
    PageBreak,
    Paragraph,
    PlainNoteNumber,
    Run,
    Table,
    TableOfContents,
    Text,
    Tracking,
)
from briefwright.docx.notes import bookmark_name
from briefwright.docx.ooxml import el, escape, val
from briefwright.docx.package import Media, Relationships
from briefwright.docx.tables import table_xml

# Paragraph style and label style of each kind of judgment.
_JUDGMENT_STYLES = {
    "judgment": ("Judgment", "JudgmentLabel"),
    "bottom_line": ("BottomLine", "JudgmentLabel"),
    "recommendation": ("Recommendation", "RecommendationLabel"),
}
_BREAKS = re.compile(r"(\t|\r\n|\r|\n)")
_REVISIONS = {"inserted": "w:ins", "deleted": "w:del"}
_STAMP = "%Y-%m-%dT%H:%M:%SZ"
_NOT_BOOKMARK = re.compile(r"[^A-Za-z0-9_]")
_MAX_BOOKMARK = 40  # Word drops bookmarks with longer names


@dataclass(frozen=True)
class TocEntry:
    """A heading as the table of contents lists it: level, text, bookmark."""

    level: int
    text: str
    anchor: str


@dataclass
class BodyWriter:
    """Writes blocks as WordprocessingML, tracking note citations, ids, relationships, media."""

    language: str
    width: int
    accent: str
    rels: Relationships
    toc: list[TocEntry]
    media: Media = field(default_factory=Media)
    cited: set[int] = field(default_factory=set)
    bookmark_ids: Iterator[int] = field(default_factory=count)
    drawing_ids: Iterator[int] = field(default_factory=lambda: count(1))
    uses_toc: bool = False
    tracking: Tracking | None = None
    deleting: bool = False
    """True while a tracked deletion is written: its text is w:delText."""
    marks: StatementMarks = field(default_factory=StatementMarks)
    """The review marks around statements' runs (docx/bookmarks.py), met in reading order."""

    # --- blocks ---------------------------------------------------------------------------

    def blocks(self, blocks: Iterable[Block]) -> str:
        """Return the blocks' paragraphs and tables, concatenated."""
        anchors = iter(self.toc)
        out: list[str] = []
        for block in blocks:
            if isinstance(block, Heading):
                out.append(self.heading(block, next(anchors).anchor))
            elif isinstance(block, Paragraph):
                out.append(self.paragraph(block.style, block.runs, block.mark, block.statement))
            elif isinstance(block, Judgment):
                out.append(self.judgment(block))
            elif isinstance(block, Table):
                out.append(table_xml(block, self.width, self.accent, self.runs, self.mark,
                                      self.tracked, self.marked_cell))  # fmt: skip
            elif isinstance(block, Image):
                out.append(self.image(block))
            elif isinstance(block, TableOfContents):
                out.append(self.table_of_contents(block))
            elif isinstance(block, PageBreak):
                out.append(f'<w:p><w:r>{rpr(lang=self.language)}<w:br w:type="page"/></w:r></w:p>')
        return "".join(out)

    def heading(self, heading: Heading, anchor: str) -> str:
        """Return a Heading 1/2 paragraph inside the bookmark the table of contents links to."""
        bookmark_id = next(self.bookmark_ids)
        return el(
            "w:p",
            None,
            ppr(style=f"Heading{heading.level}"),
            el("w:bookmarkStart", {"w:id": bookmark_id, "w:name": anchor}),
            self.text(Text(heading.text)),
            el("w:bookmarkEnd", {"w:id": bookmark_id}),
        )

    def paragraph(
        self,
        style: str,
        runs: tuple[Run, ...],
        mark: Mark | None = None,
        statement: str | None = None,
    ) -> str:
        """Return a w:p in a paragraph style (the whole of it a tracked change with `mark`),
        its runs inside the review mark of the `statement` it states."""
        written = self.statement(statement, self.tracked(mark, lambda: self.runs(runs)))
        return el("w:p", None, ppr(style=style, mark=self.mark(mark)), *written)

    def statement(self, statement_id: str | None, written: list[str]) -> list[str]:
        """Return a statement's written runs inside its review mark (as they are for none)."""
        if statement_id is None:
            return written
        key = self.marks.statement_key(statement_id)
        return around(next(self.bookmark_ids), key, written)

    def marked_cell(self, cell: Cell, written: list[str]) -> list[str]:
        """Return a table cell's written runs inside its statement's review mark."""
        return self.statement(cell.statement, written)

    def judgment(self, judgment: Judgment) -> str:
        """Return a judgment as one paragraph: title, label, text and basis, line by line.

        One paragraph, not four, so that the box its style draws is one box, and a reviewer
        who edits the text stays inside the judgment.
        """
        style = _JUDGMENT_STYLES[judgment.kind][0]
        parts = self.tracked(judgment.mark, lambda: self.judgment_parts(judgment))
        return el("w:p", None, ppr(style=style, mark=self.mark(judgment.mark)), *parts)

    def judgment_parts(self, judgment: Judgment) -> list[str]:
        """Return a judgment's runs: title, label, text and basis, a line each."""
        label_style = _JUDGMENT_STYLES[judgment.kind][1]
        label = judgment.label
        parts: list[str] = []
        if judgment.title:
            parts += [self.text(Text(judgment.title), "JudgmentTitle"), self.line_break()]
        parts += self.runs((Text(label),) if isinstance(label, str) else label, label_style)
        parts += [self.line_break(), *self.statement(judgment.statement, self.runs(judgment.runs))]
        if judgment.basis:
            parts += [self.line_break(), *self.runs(judgment.basis, "JudgmentBasis")]
        return parts

    def image(self, image: Image) -> str:
        """Return a Figure paragraph holding the picture, then its caption if it has one."""
        png_target, svg_target = self.media.add(image.png, image.svg)
        drawing_id = next(self.drawing_ids)
        picture = Picture(
            png_id=self.rels.add("image", png_target),
            svg_id=self.rels.add("image", svg_target) if svg_target else None,
            drawing_id=drawing_id,
            name=f"Figure {drawing_id}",
            alt=image.alt,
            width_mm=image.width_mm,
            height_mm=image.height_mm,
        )
        run = f"<w:r>{rpr(lang=self.language)}{inline_picture(picture)}</w:r>"
        figure = el("w:p", None, ppr(style="Figure"), run)
        if image.caption is None:
            return figure
        return figure + self.paragraph("Caption", (Text(image.caption),))

    def table_of_contents(self, toc: TableOfContents) -> str:
        """Return the TOC field in a content control, its result pre-filled with the headings.

        Each pre-filled entry links to its heading; Word rebuilds the field, page numbers
        and all, when it opens the document (the field is dirty, settings.xml asks too).
        """
        self.uses_toc = True
        lang = rpr(lang=self.language)
        title = el("w:p", None, ppr(style="TOCHeading"), self.text(Text(toc.title)))
        shown = [entry for entry in self.toc if entry.level <= toc.levels]
        paragraphs = []
        for index, entry in enumerate(shown or [TocEntry(1, "", "")]):
            head = "".join(toc_begin(toc.levels, lang)) if index == 0 else ""
            tail = field_end(lang) if index == max(len(shown), 1) - 1 else ""
            link = self.toc_entry(entry) if entry.anchor else ""
            paragraphs.append(el("w:p", None, ppr(style=f"TOC{entry.level}"), head, link, tail))
        gallery = val("w:docPartGallery", "Table of Contents") + "<w:docPartUnique/>"
        return el(
            "w:sdt",
            None,
            el("w:sdtPr", None, el("w:docPartObj", None, gallery)),
            el("w:sdtContent", None, title, *paragraphs),
        )

    def toc_entry(self, entry: TocEntry) -> str:
        """Return a heading's entry: its text as a link to the heading's bookmark."""
        attributes: dict[str, str | int] = {"w:anchor": entry.anchor, "w:history": 1}
        return el("w:hyperlink", attributes, self.text(Text(entry.text)))

    # --- runs -----------------------------------------------------------------------------

    def runs(self, runs: Iterable[Run], style: str | None = None) -> list[str]:
        """Return runs as w:r elements; adjacent note numbers get a raised comma between."""
        out: list[str] = []
        previous: Run | None = None
        for run in runs:
            is_note = isinstance(run, NoteRef | PlainNoteNumber)
            if is_note and isinstance(previous, NoteRef | PlainNoteNumber):
                out.append(self.text(Text(","), "NoteNumber"))
            if isinstance(run, Corroboration) and not _ends_in_space(previous):
                out.append(self.text(Text(" "), style))  # the mark stands apart from the text
            out += self.run(run, style)
            previous = run
        return out

    def run(self, run: Run, style: str | None) -> list[str]:
        """Return one run's w:r elements (a citation: bookmark and reference, or a field)."""
        if isinstance(run, Text):
            return [self.text(run, run.style or style)]
        if isinstance(run, NoteRef):
            return self.citation(run.number)
        if isinstance(run, NoteMention):
            # A mention sits in running text: a link to the note, not raised.
            props = rpr(style=style, lang=self.language)
            return noteref(bookmark_name(run.number), run.number, props, raised=False)
        if isinstance(run, PlainNoteNumber):
            return [self.text(Text(str(run.number)), "NoteNumber")]
        if isinstance(run, Corroboration):
            return [self.text(Text(run.label), "Corroborated")]
        if isinstance(run, Inserted | Deleted):
            mark: Mark = "inserted" if isinstance(run, Inserted) else "deleted"
            return self.tracked(mark, lambda: self.runs(run.runs, style))
        raise TypeError(f"not a run: {run!r}")

    # --- tracked changes --------------------------------------------------------------------

    def tracked(self, mark: Mark | None, write: Callable[[], list[str]]) -> list[str]:
        """Return what `write` writes, as one tracked insertion (w:ins) or deletion (w:del,
        its text w:delText) when `mark` says; as it is without one."""
        if mark is None:
            return write()
        if self.deleting and mark == "deleted":
            return write()  # already inside a deletion: w:del does not nest
        self.deleting, was = mark == "deleted" or self.deleting, self.deleting
        try:
            runs = write()
        finally:
            self.deleting = was
        return [el(_REVISIONS[mark], self.revision_attributes(), *runs)]

    def mark(self, mark: Mark | None) -> str:
        """Return a paragraph mark's (or a table row's) w:ins or w:del, or "" for none."""
        return el(_REVISIONS[mark], self.revision_attributes()) if mark else ""

    def revision_attributes(self) -> dict[str, str | int]:
        """Return a revision's id, author and date; ValueError without a Tracking."""
        if self.tracking is None:
            raise ValueError("a tracked change needs the document's `tracking` (who, when)")
        when = self.tracking.date
        stamp = (when if when.tzinfo is None else when.astimezone(UTC)).strftime(_STAMP)
        return {"w:id": next(self.bookmark_ids), "w:author": self.tracking.author,
                "w:date": stamp}  # fmt: skip

    def citation(self, number: int) -> list[str]:
        """Return a citation: the endnote reference the first time, a NOTEREF field later."""
        props = rpr(style="EndnoteReference", lang=self.language)
        name = bookmark_name(number)
        if number in self.cited:
            # \f: formatted as a note reference (raised); the cached result is the number,
            # which is what readers that do not update fields show.
            return noteref(name, number, props, raised=True)
        self.cited.add(number)
        bookmark_id = next(self.bookmark_ids)
        return [
            el("w:bookmarkStart", {"w:id": bookmark_id, "w:name": name}),
            f'<w:r>{props}<w:endnoteReference w:id="{number}"/></w:r>',
            el("w:bookmarkEnd", {"w:id": bookmark_id}),
        ]

    def text(self, text: Text, style: str | None = None) -> str:
        """Return text as one w:r: tabs and line breaks become w:tab and w:br, the rest is
        escaped (w:delText inside a tracked deletion)."""
        italic = text.italic and slants(self.language)
        props = rpr(style=style, bold=text.bold, italic=italic, lang=self.language)
        element = "w:delText" if self.deleting else "w:t"
        pieces = []
        for piece in _BREAKS.split(text.text):
            if piece == "\t":
                pieces.append("<w:tab/>")
            elif piece in ("\n", "\r", "\r\n"):
                pieces.append("<w:br/>")
            elif piece:
                pieces.append(f'<{element} xml:space="preserve">{escape(piece)}</{element}>')
        return f"<w:r>{props}{''.join(pieces)}</w:r>"

    def line_break(self) -> str:
        """Return a line break inside a paragraph, as a run."""
        return f"<w:r>{rpr(lang=self.language)}<w:br/></w:r>"


def _ends_in_space(run: Run | None) -> bool:
    """Return True at a paragraph's start or after text that ends in white space."""
    return run is None or (isinstance(run, Text) and run.text[-1:].isspace())


def toc_entries(blocks: tuple[Block, ...]) -> list[TocEntry]:
    """Return every heading as the table of contents lists it, with its bookmark name.

    A content id is made a legal Word bookmark name (letters, digits and underscores, at
    most 40, starting with a letter); a heading without one gets a hidden _Toc name.
    """
    entries: list[TocEntry] = []
    for block in blocks:
        if not isinstance(block, Heading):
            continue
        anchor = _bookmark(block.bookmark) if block.bookmark else f"_Toc{len(entries) + 1:08d}"
        if any(entry.anchor == anchor for entry in entries):
            raise ValueError(f"two headings have the bookmark {anchor!r}")
        entries.append(TocEntry(block.level, block.text, anchor))
    return entries


def _bookmark(name: str) -> str:
    """Return a content id as a legal, visible Word bookmark name."""
    legal = _NOT_BOOKMARK.sub("_", name)
    if not legal[:1].isalpha():
        legal = "h_" + legal
    return legal[:_MAX_BOOKMARK]
