"""Turn a PDF into its text with its page boundaries (pdfminer.six's layout analysis):
each text box a paragraph, running heads and page numbers dropped, words hyphenated at a
line's end rejoined, a paragraph continued over a page break kept whole; the document
information's title, author and date kept with where they came from.

A PDF with no text layer (a scan) is refused: briefwright does no OCR.
"""

from __future__ import annotations

import io
import re
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams, LTPage, LTTextContainer
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.psexceptions import PSException

from briefwright.errors import BriefError, Location
from briefwright.ingest.document import MAX_PDF_PAGES, Extracted
from briefwright.model.source import Found, MetadataField, PageStart

#: Share of the page's height at its top and bottom where running heads and page numbers sit.
BAND = 0.1
_PAGE_NUMBER = re.compile(
    r"^[\W_]*(page\s+|p\.\s*)?([0-9]+|[ivxlcdm]+)(\s*(of|/)\s*[0-9]+)?[\W_]*$", re.IGNORECASE
)
_SPACES = re.compile(r"[ \t\u00a0]{2,}")
_ENDS_SENTENCE = tuple('.!?:;"”’)]')
_UNMAPPED = re.compile(r"\(cid:\d+\)")
_INFO_FIELDS: tuple[tuple[str, MetadataField], ...] = (("Title", "title"), ("Author", "author"))


@dataclass
class Box:
    """One text box of a page: its lines, and whether it sits in the top or bottom band."""

    lines: list[str]
    page: int
    in_band: bool

    @property
    def text(self) -> str:
        return " ".join(self.lines)


@dataclass
class Paragraph:
    """A paragraph of the text: its lines, each with the index of the page it is on."""

    lines: list[tuple[int, str]] = field(default_factory=list)


def extract_pdf(raw: bytes, name: str) -> Extracted:
    """Return a PDF's text, its pages, what was dropped and its document information."""
    document, pages, labels = _read(raw, name)
    boxes = [box for number, page in enumerate(pages) for box in _boxes(page, number)]
    running = _running(boxes, len(pages))
    dropped = [box.text for box in boxes if _is_furniture(box, running)]
    paragraphs = _paragraphs([b for b in boxes if not _is_furniture(b, running)])
    if not any(line.strip() for paragraph in paragraphs for _, line in paragraph.lines):
        message = "the PDF has no text layer (a scanned document?); briefwright does no OCR"
        raise BriefError.of(
            "BW013", f"{message}: add a PDF with text, or its text", Location(name)
        )
    text, starts = _join(paragraphs)
    notes = list(_notes(text, starts, len(pages), name))
    return Extracted(
        text,
        "application/pdf",
        metadata=tuple(_info(document)),
        removed=tuple(_furniture(dropped)),
        pages=tuple(PageStart(page=labels[index], line=line) for index, line in starts),
        notes=tuple(notes),
    )


def _read(raw: bytes, name: str) -> tuple[Any, list[LTPage], list[str]]:
    """Parse the PDF and lay out every page; refuse one that cannot be read."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pdfminer warns of what it repairs
            document = PDFDocument(PDFParser(io.BytesIO(raw)))
            if not document.is_extractable:
                raise _refuse(name, "its author forbids extracting its text")
            pages = list(PDFPage.create_pages(document))
            if len(pages) > MAX_PDF_PAGES:
                raise _refuse(name, f"it has {len(pages):,} pages; the limit is {MAX_PDF_PAGES:,}")
            labels = _labels(document, len(pages))
            return document, [_layout(page) for page in pages], labels
    except (PSException, ValueError, KeyError, TypeError, AssertionError) as error:
        raise _refuse(name, f"it cannot be read as a PDF ({type(error).__name__})") from None


def _refuse(name: str, why: str) -> BriefError:
    return BriefError.of("BW013", f"the PDF is refused: {why}", Location(name))


def _labels(document: Any, count: int) -> list[str]:
    """Return each page's label (`iv`, `3`), else its number counted from 1."""
    try:
        labels = [
            label for _, label in zip(range(count), document.get_page_labels(), strict=False)
        ]
    except PSException:
        labels = []
    return labels + [str(number) for number in range(len(labels) + 1, count + 1)]


def _layout(page: Any) -> LTPage:
    manager = PDFResourceManager()
    device = PDFPageAggregator(manager, laparams=LAParams())
    PDFPageInterpreter(manager, device).process_page(page)
    result: LTPage = device.get_result()
    return result


def _boxes(page: LTPage, number: int) -> Iterator[Box]:
    top, bottom = page.y1 - page.height * BAND, page.y0 + page.height * BAND
    for element in page:
        if isinstance(element, LTTextContainer):
            lines = [_SPACES.sub(" ", line).strip() for line in element.get_text().split("\n")]
            lines = [line for line in lines if line]
            if lines:
                yield Box(lines, number, element.y0 >= top or element.y1 <= bottom)


def _signature(text: str) -> str:
    """Return a box's text with its numbers generalised, as a running head repeats it."""
    return re.sub(r"\d+", "#", " ".join(text.split()))


def _running(boxes: list[Box], pages: int) -> set[str]:
    """Return the signatures of boxes in the bands that repeat on at least half the pages."""
    seen = Counter({(_signature(b.text), b.page) for b in boxes if b.in_band})
    counts = Counter(signature for signature, _ in seen)
    return {s for s, count in counts.items() if count >= 2 and count * 2 >= pages}


def _is_furniture(box: Box, running: set[str]) -> bool:
    """Return True for a running head or foot, or a page number, in a page's band."""
    return box.in_band and (_signature(box.text) in running or bool(_PAGE_NUMBER.match(box.text)))


def _furniture(dropped: list[str]) -> Iterator[str]:
    """Yield each running head or page number once (its first wording), with how often."""
    counts = Counter(_signature(text) for text in dropped)
    first = {_signature(text): text for text in reversed(dropped)}
    for signature, count in counts.items():
        yield f"{first[signature]} (running head or page number, on {count} page(s))"


def _paragraphs(boxes: list[Box]) -> list[Paragraph]:
    """Turn boxes into paragraphs; a box that continues the last one over a page break (no
    sentence end before it, a lower-case letter starting it) joins it."""
    paragraphs: list[Paragraph] = []
    for box in boxes:
        last = paragraphs[-1].lines[-1] if paragraphs else None
        continues = (
            last is not None
            and last[0] < box.page
            and not last[1].endswith(_ENDS_SENTENCE)
            and box.lines[0][:1].islower()
        )
        if not continues:
            paragraphs.append(Paragraph())
        paragraphs[-1].lines += [(box.page, line) for line in box.lines]
    # Every line, hyphens made alike: where the document writes a compound with its hyphen
    # mid-line ("co-ordination"), a hyphen at a line's end before its second part is its own.
    whole = " ".join(line for box in boxes for line in box.lines).replace("\u2010", "-")
    for paragraph in paragraphs:
        paragraph.lines = _rejoined(paragraph.lines, whole)
    return paragraphs


def _rejoined(lines: list[tuple[int, str]], whole: str) -> list[tuple[int, str]]:
    """Rejoin a word hyphenated at a line's end: its first part moves to the next line.

    A soft hyphen is always a break. A hyphen (ASCII or U+2010: a font's one glyph often
    maps to U+2010 whichever was typed) is one too, unless the document writes the compound
    with its hyphen mid-line ("co-ordination"); then the hyphen is kept.
    """
    lines = list(lines)
    for index in range(len(lines) - 1):
        page, line = lines[index]
        following_page, following = lines[index + 1]
        broken = re.search(r"(\S*\w)([-\u2010\u00ad])$", line)
        if broken is None or not following[:1].islower() or line == broken.group(0):
            continue
        head, mark = broken.group(1), broken.group(2)
        tail = following.split(" ", 1)[0]
        hyphen = mark if mark != "\u00ad" and f"{head}-{tail}" in whole else ""
        lines[index] = (page, line[: broken.start()].rstrip())
        lines[index + 1] = (following_page, f"{head}{hyphen}{following}")
    return lines


def _join(paragraphs: list[Paragraph]) -> tuple[str, list[tuple[int, int]]]:
    """Return the text (paragraphs separated by a blank line) and, for each page with
    text, (page index, the line of the text it begins on)."""
    out: list[str] = []
    starts: list[tuple[int, int]] = []
    for paragraph in paragraphs:
        if out:
            out.append("")
        for page, line in paragraph.lines:
            if not starts or starts[-1][0] < page:
                starts.append((page, len(out) + 1))
            out.append(line)
    return "\n".join(out) + "\n", starts


def _notes(text: str, starts: list[tuple[int, int]], pages: int, name: str) -> Iterator[str]:
    with_text = {index for index, _ in starts}
    blank = [str(index + 1) for index in range(pages) if index not in with_text]
    if blank:
        yield f"{name}: no text on page(s) {', '.join(blank)} (scanned images?); not in the text"
    unmapped = len(_UNMAPPED.findall(text))
    if unmapped:
        yield f"{name}: {unmapped:,} character(s) the PDF's fonts do not map to Unicode (cid:N)"


def _info(document: Any) -> Iterator[Found]:
    """Yield the title, author and creation date of the PDF's document information."""
    info = document.info[0] if document.info else {}
    for key, field_name in _INFO_FIELDS:
        value = _decoded(info.get(key))
        if value:
            yield Found(field=field_name, value=value, found_in=f"PDF document information {key}")
    created = _decoded(info.get("CreationDate"))
    made = re.match(r"^D:(\d{4})(\d{2})(\d{2})", created or "")
    if made is not None:
        where = "PDF document information CreationDate (when the file was made)"
        yield Found(field="published", value="-".join(made.groups()), found_in=where)


def _decoded(value: Any) -> str | None:
    """Return a PDF string as text (UTF-16 with its BOM, else PDFDocEncoding's Latin-1)."""
    from pdfminer.pdftypes import resolve1

    value = resolve1(value)
    if isinstance(value, bytes):
        text = value[2:].decode("utf-16-be", "replace") if value[:2] == b"\xfe\xff" else (
            value.decode("latin-1")
        )  # fmt: skip
        return " ".join(text.split()) or None
    return None
