"""Documents for the Word writer's tests, built by hand from its model: no content models.

A short brief (cover with a contents field, sections, a table, a figure, six notes, note 1
cited four times), a one-pager, and a document whose every string is hostile.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import replace
from datetime import UTC, datetime
from functools import cache

from briefwright.docx.model import (
    Block,
    Brand,
    Cell,
    Corroboration,
    CurrentSection,
    Document,
    Endnote,
    FontFace,
    Furniture,
    Heading,
    Image,
    Judgment,
    Layout,
    Logo,
    Meta,
    NoteMention,
    NoteRef,
    PageBreak,
    Paragraph,
    PlainNoteNumber,
    Run,
    Table,
    TableOfContents,
    Text,
)
from briefwright.settings import Paper
from tests.conftest import TEMPLATES

BUILT = datetime(2023, 3, 20, tzinfo=UTC)
SERIF, SANS, SEMIBOLD = "Source Serif 4", "Noto Sans", "Noto Sans SemiBold"
FACES: dict[str, dict[FontFace, str]] = {
    SERIF: {
        "regular": "SourceSerif4-Regular.ttf",
        "bold": "SourceSerif4-Bold.ttf",
        "italic": "SourceSerif4-Italic.ttf",
        "bold_italic": "SourceSerif4-BoldItalic.ttf",
    },
    SANS: {"regular": "NotoSans-Regular.ttf", "bold": "NotoSans-Bold.ttf"},
    SEMIBOLD: {"regular": "NotoSans-SemiBold.ttf"},
}
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2">'
    b'<rect width="4" height="2"/></svg>'
)


def png(width: int = 4, height: int = 2) -> bytes:
    """Return a small grey PNG, made here so the tests need no image file."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixels))
        + chunk(b"IEND", b"")
    )


@cache
def font_bytes() -> dict[str, dict[FontFace, bytes]]:
    """Return the bundled faces the samples embed, read once."""
    folder = TEMPLATES / "assets" / "fonts"
    return {
        family: {face: (folder / name).read_bytes() for face, name in faces.items()}
        for family, faces in FACES.items()
    }


def brand(logo: bool = True) -> Brand:
    """Return the house brand: the bundled fonts, the default colours, a logo."""
    mark = Logo(png(8, 2), "image/png", "briefwright", 32, 8) if logo else None
    return Brand(SERIF, SANS, font_bytes(), sans_semibold=SEMIBOLD, logo=mark)


def meta(title: str = "India–Japan Defence-Industrial Cooperation") -> Meta:
    """Return the sample properties, as of the build clock BUILT."""
    product = "briefwright Policy Briefs · BW-2026-001 · version 1.0"
    return Meta(
        title=title,
        subject="From co-creation to corridors, exercises and supply chains",
        author="briefwright editorial team",
        language="en-GB",
        keywords=("India", "Japan", "defence industry"),
        marking="TLP:CLEAR",
        built=BUILT,
        first_page=Furniture("", ""),
        other_pages=Furniture(CurrentSection(), product),
    )


ENDNOTES = {
    1: Endnote(
        "Financial Express Online, India invites Japanese defence companies to invest in its "
        "two defence corridors, news report, 8 September 2022.",
        "the two countries are celebrating 70 years of diplomatic relations",
    ),
    2: Endnote(
        "Agency wire, Rajnath Singh invites Japanese industries to invest in India’s defence "
        "corridors, wire copy, 8 September 2022 (date inferred).",
        "As two robust democracies, the two countries are pursuing a special partnership",
    ),
    3: Endnote(
        "MEA briefing transcript, India Japan Defence Cooperation: Design and Innovation "
        "Focus, official briefing transcript, 20 March 2023.",
        "co-innovation, co-design and co-creation are the three areas of very strong cooperation",
    ),
    4: Endnote(
        "Financial Express Online, India and Japan set to deepen cooperation in defence and "
        "security, news report, 20 March 2023.",
        "defence companies are now looking to jointly work with the Indian defence companies",
    ),
    5: Endnote(
        "MEA briefing transcript, India Japan Defence Cooperation: Design and Innovation "
        "Focus, official briefing transcript, 20 March 2023.",
        "there was no specific discussion on any particular equipment or platform",
    ),
    6: Endnote(
        "Agency wire, Rajnath Singh invites Japanese industries to invest in India’s defence "
        "corridors, wire copy, 8 September 2022 (date inferred).",
        "the Reciprocal Provision of Supply and Services Agreement was operationalised",
    ),
}


def fact(text: str, *notes: int, corroborated: bool = False) -> tuple[Run, ...]:
    """Return a fact's runs: its text, its citations, maybe the corroboration mark."""
    runs: list[Run] = [Text(text), *(NoteRef(n) for n in notes)]
    return (*runs, Corroboration("corroborated")) if corroborated else tuple(runs)


def basis(*notes: int) -> tuple[Run, ...]:
    """Return "Rests on notes 1, 3" with each number a NOTEREF mention."""
    runs: list[Run] = [Text("Rests on notes " if len(notes) > 1 else "Rests on note ")]
    for index, number in enumerate(notes):
        runs += [Text(", ")] if index else []
        runs.append(NoteMention(number))
    return tuple(runs)


def _cover() -> list[Block]:
    return [
        Paragraph("Kicker", (Text("briefwright Policy Briefs · BW-2026-001"),)),
        Paragraph("Title", (Text("India–Japan Defence-Industrial Cooperation"),)),
        Paragraph("Subtitle", (Text("From co-creation to corridors"),)),
        Paragraph("CoverMeta", (Text("Version", style="QuietLabel"), Text(" 1.0", bold=True))),
        Judgment(
            "bottom_line",
            "Assessment · high confidence",
            (Text("India is offering Japan a place inside its drive for self-reliance."),),
            basis(1, 3, 5),
            title="Bottom line up front",
        ),
        TableOfContents("Contents", levels=1),
        Paragraph("Note", (Corroboration("corroborated"), Text(" marks a corroborated fact."))),
        PageBreak(),
    ]


def _sections() -> list[Block]:
    return [
        Heading(1, "Background", "background"),
        Paragraph("Normal", fact("2022 marked 70 years of relations.", 1, 2, corroborated=True)),
        Paragraph("Normal", fact("Co-design is an area of “very strong cooperation”.", 3)),
        Paragraph("Normal", fact("India invited Japanese companies to its corridors.", 1)),
        Heading(1, "1. Co-development and technology", "topic-co-development"),
        Judgment(
            "judgment",
            "Assessment · high confidence",
            (Text("No specific platform was on the table."),),
            basis(3, 5),
        ),
        Heading(2, "Key points"),
        Paragraph("KeyPoint", fact("Companies are “now looking to jointly work”.", 4)),
        Paragraph("KeyPoint", fact("The anniversary framing recurs.", 1)),
        Paragraph("KeyPoint", fact("No specific equipment was discussed.", 5)),
        Paragraph("KeyPoint", fact("The logistics agreement was operationalised.", 6, 2)),
        Image(png(), "Bar chart: statements per section.", 60, 30, svg=SVG, caption="Fig. 1"),
        Paragraph("Watch", (Text("What to watch", style="Label"), Text(" A named platform."))),
    ]


def _annexes() -> list[Block]:
    rows = (
        ("March 2022", fact("The agreement is operationalised.", 6)),
        ("8 September 2022", fact("Second 2+2 dialogue in Tokyo.", 1, 2)),
    )
    table = Table(
        header=(Cell((Text("Date"),)), Cell((Text("Event"),))),
        rows=tuple((Cell((Text(date),), row_heading=True), Cell(runs)) for date, runs in rows),
        widths=(1, 3),
        caption="Timeline of events",
    )
    recommendation = Judgment(
        "recommendation",
        "Recommendation · assessment",
        (Text("Track whether co-creation becomes a named programme."),),
        basis(3),
    )
    return [
        Heading(1, "Timeline", "timeline"),
        table,
        Heading(1, "Recommendations", "recommendations"),
        recommendation,
        Heading(1, "Source notes", "notes"),
    ]


def sample_brief() -> Document:
    """Return a short brief: cover with contents, sections, a table, a figure, six notes."""
    blocks = (*_cover(), *_sections(), *_annexes())
    return Document(meta(), brand(), blocks, ENDNOTES)


def sample_onepager() -> Document:
    """Return a one-pager: the brief's note numbers as plain raised numbers, no endnotes."""

    def point(text: str, *numbers: int) -> Paragraph:
        return Paragraph("KeyPoint", (Text(text), *(PlainNoteNumber(n) for n in numbers)))

    blocks: tuple[Block, ...] = (
        Paragraph("Kicker", (Text("One-pager 1 of 4 · India–Japan"),)),
        Paragraph("Title", (Text("Co-development and technology"),)),
        Heading(1, "Bottom line"),
        Judgment(
            "bottom_line",
            "Assessment · high confidence",
            (Text("No platform was on the table."),),
            (Text("Rests on MEA briefing transcript, 20 March 2023"),),
        ),
        Heading(1, "Key points"),
        point("Co-design is an area of “very strong cooperation”.", 11, 12),
        point("These were not “branding words”.", 13),
        Heading(1, "Sources cited"),
        Paragraph("SourceEntry", (Text("MEA briefing transcript, 20 March 2023: notes 11–13"),)),
    )
    layout = Layout(Paper.A4.page(onepager=True), compact=True)
    page = Furniture("briefwright Policy Briefs · 20 March 2023", "BW-2026-001")
    one_meta = replace(meta("Co-development"), first_page=page, other_pages=page, page_label="")
    return Document(one_meta, brand(logo=False), blocks, layout=layout)


#: Strings that would do harm if the writer let them through as markup, fields or links.
HOSTILE = (
    "<script>alert('x')</script>",
    '<w:fldSimple w:instr="INCLUDETEXT c:\\\\secret.txt"/>',
    "]]><w:r><w:instrText>DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe</w:instrText></w:r>",
    '{ INCLUDEPICTURE "file:///etc/passwd" } file:///etc/passwd',
    "&amp; &lt;b&gt; & < > \" '",
    "nul\x00bell\x07esc\x1bvt\x0bff\x0cdel\x7fc1\x85\x9f end",
    "bidi \u202egnp.exe\u202c and \u2066isolate\u2069 \u202aembed\u202b\u202d",
)
LONG_WORD = "W" * 3000


def hostile_document() -> Document:
    """Return a document whose every string field carries hostile content."""
    evil = " | ".join(HOSTILE)
    hostile_meta = Meta(
        title="</dc:title><evil/>" + evil,
        subject=evil,
        author="a\x00b",
        language="en-GB",
        keywords=(evil,),
        marking="TLP:<b>AMBER</b>\x07",
        built=BUILT,
        first_page=Furniture(evil, evil),
        other_pages=Furniture(CurrentSection(), evil),
        page_label=evil + " {number} / {total}",
    )
    blocks: tuple[Block, ...] = (
        Heading(1, evil, bookmark='x" onload="alert(1)'),
        TableOfContents(evil),
        Paragraph("Normal", (Text(evil), NoteRef(1), Text(LONG_WORD), NoteRef(1))),
        Judgment("judgment", evil, (Text(evil, bold=True),), (NoteMention(1), Text(evil)), evil),
        Table((Cell((Text(evil),)),), ((Cell((Text(LONG_WORD),)),),), (1,), caption=evil),
        Image(png(), evil, 50, 24, svg=None, caption=evil),
    )
    notes = {1: Endnote(evil, evil)}
    return Document(hostile_meta, brand(), blocks, notes)
