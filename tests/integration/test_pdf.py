"""Tests for briefwright.typeset.engine and the PDF it makes: structure, fonts, links, metadata."""

from __future__ import annotations

import json
import re
import subprocess
from typing import Any

import pytest
from pypdf import PdfReader

from briefwright.model.vocab import AnnexPlace
from briefwright.pipeline.outcome import Built, RunOptions
from briefwright.pipeline.run import build_project
from briefwright.render.html import annex_ids
from briefwright.render.notes import NoteIndex, anchor
from briefwright.settings import Project
from tests.conftest import TEMPLATES, MakeProject


def _reader(built: Built) -> PdfReader:
    return PdfReader(built.out_dir / "brief.pdf")


def _catalog(reader: PdfReader) -> Any:
    return reader.trailer["/Root"]


def _outline_titles(reader: PdfReader) -> list[str]:
    titles: list[str] = []

    def walk(items: Any, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                titles.append("  " * depth + str(item.title))

    walk(reader.outline, 0)
    return titles


def test_pdf_structure_snapshot(built: Built, text_snapshot) -> None:  # type: ignore[no-untyped-def]
    """Page count, nested outline and metadata of the brief match the reviewed snapshot."""
    reader = _reader(built)
    meta = reader.metadata
    assert meta is not None
    summary = {
        "pages": len(reader.pages),
        "outline": _outline_titles(reader),
        "title": meta.title,
        "author": meta.author,
        "subject": meta.subject,
        "keywords": meta.get("/Keywords"),
        "created": meta.get("/CreationDate"),
        "language": str(_catalog(reader).get("/Lang")),
    }
    assert json.dumps(summary, indent=2, ensure_ascii=False) + "\n" == text_snapshot


def test_pdf_text_snapshot(built: Built, text_snapshot) -> None:  # type: ignore[no-untyped-def]
    """The text of every page matches the reviewed snapshot."""
    pages = [page.extract_text() for page in _reader(built).pages]
    text = "".join(f"=== page {n} ===\n{page}\n" for n, page in enumerate(pages, 1))
    assert text == text_snapshot


@pytest.mark.parametrize(
    "topic",
    ["co-development", "investment-corridors", "exercises-interoperability", "strategic-context"],
)
def test_onepager_text_snapshot(built: Built, topic: str, text_snapshot) -> None:  # type: ignore[no-untyped-def]
    """The text of each one-pager PDF matches the reviewed snapshot."""
    (page,) = PdfReader(built.out_dir / "onepagers" / f"{topic}.pdf").pages
    assert page.extract_text() + "\n" == text_snapshot


def test_every_page_carries_the_marking_and_page_number(built: Built) -> None:
    """The distribution marking and 'Page X of Y' appear on every page."""
    pages = _reader(built).pages
    for number, page in enumerate(pages, 1):
        text = page.extract_text()
        assert "TLP:CLEAR" in text
        assert f"Page {number} of {len(pages)}" in text


def test_only_bundled_fonts_are_embedded(built: Built) -> None:
    """Every font in the PDF is one of the bundled faces, embedded as a subset."""
    names = set()
    for page in _reader(built).pages:
        resources: Any = page["/Resources"].get_object()
        fonts = resources.get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            names.add(str(font["/BaseFont"]).split("+", 1)[1])
            descendant = font["/DescendantFonts"][0].get_object()
            assert "/FontFile2" in descendant["/FontDescriptor"].get_object()
    assert names and all(name.startswith(("BW-Serif", "BW-Sans")) for name in names), names


def test_note_links_resolve_both_ways_in_the_pdf(built: Built) -> None:
    """Every link annotation lands on a named destination; each note links back to its text."""
    reader = _reader(built)
    destinations = set(reader.named_destinations)
    targets: set[str] = set()
    for page in reader.pages:
        for annotation in page.get("/Annots", []) or []:
            annotation = annotation.get_object()
            assert annotation.get("/Subtype") == "/Link"
            assert "/A" not in annotation, "the brief links nowhere outside itself"
            target = str(annotation["/Dest"])
            assert target in destinations, f"link to missing destination {target}"
            targets.add(target)
    annex = annex_ids(built.brief)
    notes = {f"note-{n.number}" for n in NoteIndex(built.brief).notes if set(n.cited_by) - annex}
    assert notes and notes <= targets, "every note is linked from its statement in the PDF"
    html = (built.out_dir / "brief.html").read_text()
    backlinks = {target for target in targets if target.startswith("s-")}
    in_html = set(re.findall(r'href="#(s-[^"]+)"', html))
    in_annex = {anchor(item_id) for item_id in annex}
    assert built.brief.metadata.annex is AnnexPlace.HTML and in_html & in_annex
    assert backlinks == in_html - in_annex, "the annex, and links into it, are the HTML's"


def test_every_note_keeps_its_quote_in_the_pdf(built: Built) -> None:
    """With the annex left to the HTML edition, the PDF still holds every note, numbered,
    with its quote verbatim (a note the annex alone cites included)."""
    reader = _reader(built)
    text = _flowing(" ".join(page.extract_text() for page in reader.pages))
    notes = NoteIndex(built.brief).notes
    assert {f"note-{note.number}" for note in notes} <= set(reader.named_destinations)
    annex_only = [n for n in notes if set(n.cited_by) <= annex_ids(built.brief)]
    assert annex_only, "the real brief has notes only its annex cites"
    for note in notes:
        assert _flowing(note.quote) in text, note.number
    assert "Timeline (HTML edition)" in text and "also holds its annex: timeline" in text


def _flowing(text: str) -> str:
    """Return text as one line: single spaces, and no break after a hyphen ("post- Covid")."""
    return re.sub(r"-\s+", "-", " ".join(text.split()))


def test_pdf_is_tagged(built: Built) -> None:
    """The PDF carries a structure tree and a document language."""
    root = _catalog(_reader(built))
    assert "/StructTreeRoot" in root
    assert str(root["/Lang"]) == "en-GB"


def test_qpdf_finds_no_damage(built: Built) -> None:
    """`qpdf --check` passes on the brief and every one-pager."""
    for pdf in [built.out_dir / "brief.pdf", *sorted((built.out_dir / "onepagers").glob("*.pdf"))]:
        result = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_pdffonts_every_font_embedded_and_subset(built: Built) -> None:
    """pdffonts lists only embedded, subset fonts with Unicode maps."""
    result = subprocess.run(
        ["pdffonts", str(built.out_dir / "brief.pdf")], capture_output=True, text=True, check=True
    )
    rows = result.stdout.splitlines()[2:]
    assert rows
    for row in rows:
        emb, sub, uni = row.split()[-5:-2]
        assert (emb, sub, uni) == ("yes", "yes", "yes"), row


def test_catalog_declares_an_accessible_document(built: Built) -> None:
    """Tagged, marked, language set, title shown, and declared PDF/UA-1 in its XMP."""
    reader = _reader(built)
    catalog = _catalog(reader)
    assert "/StructTreeRoot" in catalog
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert str(catalog["/Lang"]) == "en-GB"
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    xmp = catalog["/Metadata"].get_object().get_data().decode()
    assert re.search(r'pdfuaid:part(="|>)1', xmp), xmp


def test_outline_matches_the_headings(built: Built) -> None:
    """The PDF bookmarks are the brief's section headings, in order."""
    html = (built.out_dir / "brief.html").read_text()
    printed = html.split('<div class="annex annex-html-only">')[0]  # the annex: HTML only
    headings = [
        re.sub(r"<[^>]+>", "", h).replace("&amp;", "&")
        for h in re.findall(r'<section id="[^"]+" class="section[^"]*">\s*<h2>(.*?)</h2>', printed)
    ]
    assert headings[:2] == ["Key judgments", "Recommendations"] and headings[-1] == "Source notes"
    titles = [
        t.strip()
        for t in _outline_titles(_reader(built))
        if t.startswith("  ") and not t.startswith("    ")
    ]
    assert titles == headings


@pytest.mark.parametrize("annex", ["pdf", "html"])
def test_the_annex_follows_the_notes_or_stays_in_the_html(
    project: MakeProject, annex: str
) -> None:
    """Decision material first, the discussion, the notes; then the annex, in the PDF with
    `annex: pdf`, in the HTML edition alone with `annex: html` (the default)."""
    content = project("minimal")
    if annex == "pdf":
        brief = content / "brief.yaml"
        brief.write_text(brief.read_text().replace("  audience:", "  annex: pdf\n  audience:"))
    out = content.parent / "out"
    build_project(Project(content, TEMPLATES), out, run=RunOptions(only="brief"))
    outline = _outline_titles(PdfReader(out / "brief.pdf"))
    titles = [t.strip() for t in outline if t.startswith("  ") and not t.startswith("    ")]
    shape = ["Key judgments", "Recommendations", "Background", "1. The only topic",
             "Implications", "Source notes"]  # fmt: skip
    annexed = ["Timeline", "Key actors", "Sources", "Methods annex"]
    assert titles == (shape + annexed if annex == "pdf" else shape)
    html = (out / "brief.html").read_text()
    headings = re.findall(r'<section id="[^"]+" class="section[^"]*">\s*<h2>(.*?)</h2>', html)
    assert headings == shape + annexed  # the HTML edition holds the annex either way
