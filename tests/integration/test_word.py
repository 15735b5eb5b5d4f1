"""LibreOffice opens the Word edition and prints what Word would: an independent reader.

Each .docx is converted to PDF once (one headless soffice run for all of them, with a
private profile so that parallel runs cannot collide), and the PDFs are read with poppler.
Skipped where LibreOffice or poppler-utils are missing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from briefwright.docx.model import (
    Corroboration,
    Document,
    NoteMention,
    NoteRef,
    Paragraph,
    Run,
    Table,
    Text,
)
from briefwright.docx.writer import write_docx
from briefwright.load.content import load_brief
from briefwright.model.brief import Brief
from briefwright.render.figures import draw_figures
from briefwright.render.labels import english
from briefwright.render.notes import NoteIndex
from briefwright.render.word.brief import brief_document
from briefwright.render.word.edition import Edition
from briefwright.render.word.fonts import read_fonts
from briefwright.render.word.onepager import onepager_document
from briefwright.translate.apply import translated
from tests.conftest import CONTENT, LAYERS, TEMPLATES

pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("soffice", "pdftotext", "pdffonts", "pdfinfo")),
    reason="needs LibreOffice (libreoffice-writer-nogui) and poppler-utils",
)

BUILT = datetime(2023, 3, 20, tzinfo=UTC)
_TIMEOUT = 240  # seconds for the one soffice run (~5 s on an idle 2-core machine)


@dataclass(frozen=True)
class Converted:
    """The real brief, its documents converted by LibreOffice, and where the PDFs are."""

    brief: Brief
    folder: Path

    def pdf(self, name: str) -> Path:
        """Return the PDF LibreOffice made of `name`.docx."""
        return self.folder / f"{name}.pdf"

    def pages(self, name: str) -> list[str]:
        """Return the text of each page of a PDF."""
        text = _run("pdftotext", "-layout", str(self.pdf(name)), "-")
        return text.split("\f")[:-1]


def _run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Converted:
    """Write the brief and each one-pager as .docx and convert them all in one soffice run."""
    folder = tmp_path_factory.mktemp("word")
    brief = load_brief(CONTENT)
    # As a build makes it: the figures drawn (the timeline's SVG and its PNG fallback).
    figures = draw_figures(brief, english(), LAYERS)
    fonts = Edition(read_fonts(LAYERS), figures=figures, fonts_dir=TEMPLATES / "assets" / "fonts")
    documents = {"brief": brief_document(brief, BUILT, fonts)}
    documents |= {t.id: onepager_document(brief, t, BUILT, fonts) for t in brief.topics}
    japanese, ja_fonts = translated(brief, "ja"), read_fonts(LAYERS, "ja")
    documents["ja-brief"] = brief_document(japanese, BUILT, ja_fonts)
    documents |= {f"ja-{t.id}": onepager_document(japanese, t, BUILT, ja_fonts)
                  for t in japanese.topics}  # fmt: skip
    for name, document in documents.items():
        (folder / f"{name}.docx").write_bytes(write_docx(document))
    profile = folder / "profile"
    # Importing the typesetter points FONTCONFIG_FILE at a configuration with no system
    # font (typeset/engine.py); LibreOffice needs the system's, or it aborts.
    environment = {k: v for k, v in os.environ.items() if k != "FONTCONFIG_FILE"}
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(folder),
         *(str(folder / f"{name}.docx") for name in documents)],
        capture_output=True, text=True, timeout=_TIMEOUT, check=False, env=environment,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return Converted(brief, folder)


def test_every_document_opens_and_converts(converted: Converted) -> None:
    """LibreOffice reads the brief and every one-pager and writes a PDF of each."""
    for name in ["brief", *(topic.id for topic in converted.brief.topics)]:
        assert "Pages:" in _run("pdfinfo", str(converted.pdf(name))), name


def test_each_one_pager_is_one_page(converted: Converted) -> None:
    """Every one-pager still fits one page."""
    for topic in converted.brief.topics:
        pages = converted.pages(topic.id)
        assert len(pages) == 1, (topic.id, pages[-1][:200])
        assert _squeezed(topic.title) in _squeezed(pages[0])


def test_the_brief_has_a_sane_page_count_with_marking_and_page_numbers(
    converted: Converted,
) -> None:
    """The brief runs to about the PDF's length; every page of text carries the marking in
    its header and footer and "Page X of Y" (LibreOffice sets endnotes on pages of their
    own, without header or footer; Word runs them on after the text)."""
    pages = converted.pages("brief")
    assert 12 <= len(pages) <= 30
    body = [page for page in pages if "Page " in page]
    assert len(body) >= 10
    for number, page in enumerate(body, start=1):
        assert page.count("TLP:CLEAR") >= 2, number
        assert f"Page {number} of {len(pages)}" in page


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def _printed(runs: tuple[Run, ...]) -> str:
    """Return what a paragraph of the Word edition reads: its text, each note's number (a
    raised comma between two), the corroboration mark's words."""
    out: list[str] = []
    previous_was_note = False
    for run in runs:
        if isinstance(run, NoteRef) and previous_was_note:
            out.append(",")
        if isinstance(run, Text):
            out.append(run.text)
        elif isinstance(run, NoteRef | NoteMention):
            out.append(str(run.number))
        elif isinstance(run, Corroboration):
            out.append(run.label)
        previous_was_note = isinstance(run, NoteRef)
    return "".join(out)


def _cited_paragraphs(document: Document) -> list[tuple[Run, ...]]:
    """Return the runs of every paragraph and table cell that cites a note."""
    found: list[tuple[Run, ...]] = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            found.append(block.runs)
        elif isinstance(block, Table):
            found += [cell.runs for row in block.rows for cell in row]
    return [runs for runs in found if any(isinstance(run, NoteRef) for run in runs)]


def test_note_numbers_in_the_text_are_the_endnotes(converted: Converted) -> None:
    """Every citing paragraph reads in LibreOffice with the numbers of its notes, endnote
    references and NOTEREF fields alike, and the endnotes come in that numbering."""
    brief = converted.brief
    pages = _run("pdftotext", "-raw", str(converted.pdf("brief")), "-").split("\f")
    furniture = re.compile(r"^TLP:CLEAR$|Page \d+ of \d+$")
    body = _squeezed("".join(
        line for page in pages if "Page " in page for line in page.splitlines()
        if not furniture.search(line.strip())
    ))  # fmt: skip
    document = brief_document(brief, BUILT, read_fonts(LAYERS))
    paragraphs = _cited_paragraphs(document)
    assert len(paragraphs) > 50
    for runs in paragraphs:
        assert _squeezed(_printed(runs)) in body, _printed(runs)
    notes = _squeezed("".join(page for page in pages if "Page " not in page))
    position = 0
    for note in NoteIndex(brief).notes:
        found = notes.find(_squeezed(f"{note.number}{note.source.short_name},"), position)
        assert found >= position, note.number
        position = found


def test_fonts_are_the_embedded_faces(converted: Converted) -> None:
    """Every font in the PDFs is embedded, and is one of the bundled faces under the name the
    Word edition gives it: LibreOffice found them in the package, not on the system."""
    for name in ["brief", *(topic.id for topic in converted.brief.topics)]:
        rows = _run("pdffonts", str(converted.pdf(name))).splitlines()[2:]
        names = {row.split()[0].split("+")[-1] for row in rows}
        assert all(re.match(r"(BWSerif4|NotoSans(SemiBold)?)-", n) for n in names), names
        assert all(row.split()[-5] == "yes" for row in rows), rows  # the "emb" column
        if name == "brief":
            assert names >= {"BWSerif4-Regular", "BWSerif4-Italic", "NotoSans-Regular",
                             "NotoSans-Bold", "NotoSansSemiBold-Regular"}, names  # fmt: skip


def test_the_japanese_edition_is_set_in_the_embedded_japanese_faces(converted: Converted) -> None:
    """The Japanese brief and one-pagers convert; each one-pager is one page; the Japanese
    text is set in the TrueType Noto Sans CJK JP the package embeds (no CJK font is
    installed for LibreOffice to fall back on), every font embedded."""
    for topic in converted.brief.topics:
        assert len(converted.pages(f"ja-{topic.id}")) == 1, topic.id
    assert "日印防衛産業協力" in _squeezed(converted.pages("ja-brief")[0])
    rows = _run("pdffonts", str(converted.pdf("ja-brief"))).splitlines()[2:]
    names = {row.split()[0].split("+")[-1] for row in rows}
    assert {"NotoSansCJKJP-Regular", "NotoSansCJKJP-Bold"} <= names, names
    assert all(row.split()[-5] == "yes" for row in rows), rows


def test_first_pages_look_as_reviewed(
    converted: Converted, request: pytest.FixtureRequest
) -> None:
    """The brief's first three pages, as LibreOffice draws the .docx, match the reviewed
    images in tests/visual/word-brief/ (rendered as tests/integration/test_visual.py does;
    `make snapshots` rewrites them)."""
    from tests.integration.test_visual import REFERENCES, TOLERANCE, _render

    pages = _render(converted.pdf("brief"))[:3]
    folder = REFERENCES / "word-brief"
    if request.config.getoption("--snapshot-update"):
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.png"):
            old.unlink()
        for number, image in enumerate(pages, 1):
            image.save(folder / f"page-{number:02d}.png", optimize=True)
    references = sorted(folder.glob("page-*.png"))
    assert len(references) == len(pages) == 3
    for number, (image, reference) in enumerate(zip(pages, references, strict=True), 1):
        expected = Image.open(reference).convert("L")
        assert image.size == expected.size, f"page {number} changed size"
        difference = ImageStat.Stat(ImageChops.difference(image, expected)).mean[0]
        assert difference <= TOLERANCE, f"Word edition page {number} differs by {difference:.2f}"
