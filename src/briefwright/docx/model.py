"""Describe a brief or a one-pager as the Word writer reads it: frozen values, no content.

These dataclasses are all the writer knows. The render stage turns a checked Brief into
them (briefwright.render.word), so the writer never imports the content models and a test
can build a document by hand. Every string here is content: the writer escapes it, drops
what XML cannot carry, and nothing in it can become a field, a hyperlink or markup.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Literal

from briefwright.settings import DEFAULT_PAPER, Page

# --- runs: the inline pieces of a paragraph -------------------------------------------------

#: Character styles a Text may carry (see styles.py): small capitals in the sans face
#: ("What to watch"), the same in the muted colour ("Relied on"), and muted text.
CharacterStyle = Literal["Label", "QuietLabel", "Muted"]


@dataclass(frozen=True)
class Text:
    """Plain text, optionally bold, italic or in a character style; tabs and line breaks
    become Word's own."""

    text: str
    bold: bool = False
    italic: bool = False
    style: CharacterStyle | None = None


@dataclass(frozen=True)
class NoteRef:
    """A citation of source note `number`, printed as a raised note number.

    The first NoteRef of a number (in reading order) becomes Word's endnote reference; later
    ones become NOTEREF fields pointing at it, because a Word note has one reference.
    """

    number: int


@dataclass(frozen=True)
class NoteMention:
    """Note `number` named in running text ("Rests on notes 3, 5"): a NOTEREF field.

    It never creates the endnote, so the note must be cited by a NoteRef somewhere.
    """

    number: int


@dataclass(frozen=True)
class PlainNoteNumber:
    """A one-pager's note number: raised text pointing into the full brief, no field."""

    number: int


@dataclass(frozen=True)
class Corroboration:
    """The mark after a statement that sources of two or more independent origins support."""

    label: str


@dataclass(frozen=True)
class Inserted:
    """Runs shown as a tracked insertion (`w:ins`), by the document's `Tracking` author."""

    runs: tuple[Run, ...]


@dataclass(frozen=True)
class Deleted:
    """Text shown as a tracked deletion (`w:del`): what an older version said here."""

    runs: tuple[Text, ...]


Run = Text | NoteRef | NoteMention | PlainNoteNumber | Corroboration | Inserted | Deleted

#: A block or a table row that is, whole, a tracked insertion or deletion (its paragraph
#: mark too, so accepting the change leaves no empty paragraph behind).
Mark = Literal["inserted", "deleted"]

# --- blocks ---------------------------------------------------------------------------------

#: Paragraph styles a block may use; each is a named Word style (styles.py), so a reviewer
#: who types into a paragraph keeps the house style.
ParagraphStyle = Literal[
    "Normal",
    "Title",
    "Subtitle",
    "Kicker",
    "CoverMeta",
    "RestsOn",
    "KeyPoint",
    "ListBullet",
    "Watch",
    "Note",
    "SourceEntry",
    "SourceMeta",
    "SourceMetaStart",
    "Term",
    "Definition",
    "Aside",
    "Caption",
]
JudgmentKind = Literal["judgment", "bottom_line", "recommendation"]


@dataclass(frozen=True)
class Heading:
    """A section heading (Heading 1 or 2), listed by the table of contents.

    `bookmark` names the heading's bookmark (an id from the content); without one the
    writer makes a hidden `_Toc` name. Either way the table of contents links to it.
    """

    level: Literal[1, 2]
    text: str
    bookmark: str | None = None


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of runs in one of the house paragraph styles.

    `statement` is the id of the content statement the paragraph states (a fact, a key
    point, a gap, a glossary term or definition), so tracked changes and review marks can
    find a statement's runs by id; `mark` makes the whole paragraph a tracked change.
    """

    style: ParagraphStyle
    runs: tuple[Run, ...]
    statement: str | None = None
    mark: Mark | None = None


@dataclass(frozen=True)
class Judgment:
    """One of the brief's own judgments, boxed: title, label, text and what it rests on.

    `label` ("Assessment · moderate confidence") keeps a character style of its own; `kind`
    picks the paragraph style (Judgment, Bottom line or Recommendation); `title` is an
    optional first line ("Bottom line up front"); `basis` is usually Text("Rests on notes ")
    followed by NoteMention runs. A label given as runs may hold a tracked change (a
    confidence level that moved).
    """

    kind: JudgmentKind
    label: str | tuple[Run, ...]
    runs: tuple[Run, ...]
    basis: tuple[Run, ...] = ()
    title: str = ""
    statement: str | None = None
    """The id of the judgment or recommendation in the content; its text is `runs`."""
    mark: Mark | None = None
    """The whole judgment is a tracked insertion or deletion."""


@dataclass(frozen=True)
class Cell:
    """One table cell: a paragraph of runs; `row_heading` sets it as its row's heading;
    `statement` is the id of the content statement its runs state (a timeline event, an
    actor's role)."""

    runs: tuple[Run, ...]
    row_heading: bool = False
    statement: str | None = None


@dataclass(frozen=True)
class Table:
    """A table whose header row repeats on every page it runs onto.

    `widths` are relative column widths (scaled to the text width); `caption` is the
    table's accessible title (w:tblCaption), not printed.
    """

    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]
    caption: str
    marks: tuple[Mark | None, ...] = ()
    """Rows that are, whole, a tracked insertion or deletion, by row (none when empty)."""


@dataclass(frozen=True)
class Image:
    """A figure: SVG for Word 2016 and later, with the PNG every other reader needs.

    Sizes are in millimetres; `alt` is the alternative text a screen reader reads out.
    """

    png: bytes
    alt: str
    width_mm: float
    height_mm: float
    svg: bytes | None = None
    caption: str | None = None


@dataclass(frozen=True)
class TableOfContents:
    """A TOC field over Heading 1 to `levels`, pre-filled so it reads before an update."""

    title: str
    levels: Literal[1, 2] = 2


@dataclass(frozen=True)
class PageBreak:
    """Start the next block on a new page."""


Block = Heading | Paragraph | Judgment | Table | Image | TableOfContents | PageBreak

# --- notes, page furniture, metadata and brand ------------------------------------------


@dataclass(frozen=True)
class Endnote:
    """A source note: where the quoted passage comes from, and the passage itself.

    Printed as `source` ("Outlet, Title, kind, date.") then the quote, in quote marks and
    italics, in `quote_language` when it is not the document's (a translated edition
    quotes its original's sources); then `translation`, a translator's rendering of it.
    """

    source: str
    quote: str
    source_id: str | None = None
    """The id of the source the passage is from: the quote gets a review mark naming it."""
    cited_by: tuple[str, ...] = ()
    """The ids of the statements citing the passage, named by its review mark."""
    quote_language: str | None = None
    translation: str | None = None


@dataclass(frozen=True)
class CurrentSection:
    """A header that shows the current Heading 1's text (a STYLEREF field), as the PDF's
    running head does."""


@dataclass(frozen=True)
class Furniture:
    """What one kind of page prints left of the marking: a header and a footer line.

    The marking (header right, footer centre) and the page counter (footer right) are on
    every page.
    """

    header: str | CurrentSection = ""
    footer: str = ""


@dataclass(frozen=True)
class Meta:
    """Document properties and the words every page carries.

    `built` is the build clock: core properties and zip timestamps use it, never the wall
    clock. `page_label` is the footer's page counter, {number} and {total} its fields ("" for
    none); `quote_marks` open and close a note's quoted passage.
    """

    title: str
    subject: str
    author: str
    language: str
    keywords: tuple[str, ...]
    marking: str
    built: datetime
    first_page: Furniture = Furniture()
    other_pages: Furniture = Furniture()
    page_label: str = "Page {number} of {total}"
    quote_marks: tuple[str, str] = ("\u201c", "\u201d")


@dataclass(frozen=True)
class Layout:
    """The page (settings.Page: paper size and margins in millimetres, the PDF's own) and the
    body text size in points.

    `compact` sets headings as small capital labels, as a one-pager's PDF does.
    """

    page: Page = field(default_factory=lambda: DEFAULT_PAPER.page())
    body_size: float = 10.5
    compact: bool = False


FontFace = Literal["regular", "bold", "italic", "bold_italic"]


@dataclass(frozen=True)
class Colours:
    """The house colours as six-digit hex RGB without '#'."""

    ink: str = "1B1F24"
    muted: str = "5A6470"
    rule: str = "C9CED6"
    accent: str = "123A63"
    assess: str = "8A4B08"
    assess_background: str = "FBF5EC"
    tint: str = "EEF2F7"
    corroborated: str = "2F6B3A"

    def __post_init__(self) -> None:
        """Refuse a colour Word would not read (ST_HexColor: six hex digits, no '#')."""
        for name in (f.name for f in fields(self)):
            value = getattr(self, name)
            if len(value) != 6 or any(c not in "0123456789abcdefABCDEF" for c in value):
                raise ValueError(f"colour {name}={value!r} is not six hex digits")


@dataclass(frozen=True)
class Logo:
    """The logo printed in the first page's header: PNG or JPEG, and for an SVG logo the
    SVG too (Word 2016 and later draw it; `data` is then its PNG for other readers)."""

    data: bytes
    content_type: Literal["image/png", "image/jpeg"]
    alt: str
    width_mm: float
    height_mm: float
    svg: bytes | None = None


@dataclass(frozen=True)
class Brand:
    """Fonts, colours and logo.

    `fonts` maps a family name to its faces' TrueType bytes; every family listed is
    embedded, each face named in the copy for its family and face so Word matches it.
    `sans_semibold` is a family of its own (Word knows four faces a family) for what the
    house style sets semibold: headings, row headings, the corroboration mark.
    `east_asian` is the family Word sets East Asian text in (kana, kanji: a Japanese
    document's); it is embedded cut to the characters the document uses, with the kana,
    the CJK punctuation and the full-width forms (a CJK face is megabytes).
    """

    serif: str
    sans: str
    fonts: Mapping[str, Mapping[FontFace, bytes]]
    sans_semibold: str | None = None
    colours: Colours = field(default_factory=Colours)
    logo: Logo | None = None
    east_asian: str | None = None


@dataclass(frozen=True)
class Tracking:
    """Who made a document's tracked changes, and when: every `w:ins` and `w:del` carries
    them, and the document opens with Track Changes on, so a reviewer's edits are tracked."""

    author: str
    date: datetime


@dataclass(frozen=True)
class Document:
    """A whole brief or one-pager: what write_docx turns into a .docx package.

    `endnotes` is keyed by the brief's note number; every key must be cited by a NoteRef,
    and first citations must come in number order, so that Word numbers as the PDF does.
    """

    meta: Meta
    brand: Brand
    blocks: tuple[Block, ...]
    endnotes: Mapping[int, Endnote] = field(default_factory=dict)
    layout: Layout = field(default_factory=Layout)
    tracking: Tracking | None = None
    """The author and date of the tracked changes the blocks hold (Inserted, Deleted,
    marks); a document that holds any must have it."""
