"""Tests for briefwright.typeset.structure: lists fixed to ISO 32000-1 Table 336, XMP
unfiltered, and nothing else touched: same pages, text, links and pixels, same bytes twice."""

from __future__ import annotations

import io
import subprocess
import zlib
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from briefwright.pipeline.outcome import Built
from briefwright.settings import PdfSettings
from briefwright.typeset.conformance import unambiguous_stream_ends
from briefwright.typeset.engine import Typesetter
from briefwright.typeset.structure import fix_list_structure, postprocess
from tests.conftest import LAYERS, MADE
from tests.list_rules import list_problems


def _weasyprint_alone(html: str, variant: str = "pdf/ua-1") -> bytes:
    """Typeset html as WeasyPrint writes it, before the fix-up."""
    with Typesetter(LAYERS, PdfSettings(), "t.pdf", made=MADE) as typesetter:
        pdf = typesetter.render(html).write_pdf(pdf_tags=True, pdf_variant=variant)
    assert isinstance(pdf, bytes)
    return pdf


@pytest.fixture(scope="module")
def raw(built: Built) -> bytes:
    """The real brief as WeasyPrint 70 tags it: the lists break PDF/UA-1."""
    return _weasyprint_alone((built.out_dir / "brief.html").read_text())


@pytest.fixture(scope="module")
def fixed(raw: bytes) -> bytes:
    return postprocess(raw)


def _pages(data: bytes) -> list[tuple[bytes, tuple[str, ...]]]:
    """Each page's drawing operators and the fonts it uses."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return [
            (
                page.obj.Contents.read_bytes(),
                tuple(sorted(str(font.BaseFont) for font in page.resources.Font.values())),
            )
            for page in pdf.pages
        ]


def test_weasyprint_breaks_the_list_rules_and_the_fix_repairs_them(raw: bytes) -> None:
    """Divs in the dl lists (an L holding a Div, LIs outside an L) and block spans in the
    note items (an LI holding a Span): each moved where Table 336 puts it, none left."""
    with pikepdf.open(io.BytesIO(raw)) as pdf:
        kinds = {problem.split()[0] + problem.split()[-2] for problem in list_problems(pdf)}
        assert {"Lholds", "LIin", "LIholds"} <= kinds, kinds
        report = fix_list_structure(pdf)
        assert report.hoisted > 0 and report.moved_into_body > 0
        assert report.untouched == [] and list(list_problems(pdf)) == []


def test_the_fix_is_reproducible_and_idempotent(raw: bytes, fixed: bytes) -> None:
    """The same input gives the same bytes; a fixed file needs no further change."""
    assert postprocess(raw) == fixed
    assert postprocess(fixed) == fixed


def test_pages_text_and_links_are_untouched(raw: bytes, fixed: bytes) -> None:
    """Only structure elements move: drawing, fonts, text, metadata and links stay."""
    assert _pages(raw) == _pages(fixed)
    before, after = PdfReader(io.BytesIO(raw)), PdfReader(io.BytesIO(fixed))
    assert [p.extract_text() for p in before.pages] == [p.extract_text() for p in after.pages]
    assert before.metadata == after.metadata
    assert sorted(before.named_destinations) == sorted(after.named_destinations)


def test_pixels_are_untouched(raw: bytes, fixed: bytes, tmp_path: Path) -> None:
    """Every page renders to the same pixels before and after the fix-up."""
    for name, data in (("a", raw), ("b", fixed)):
        (tmp_path / f"{name}.pdf").write_bytes(data)
        subprocess.run(["pdftoppm", "-r", "30", "-png", str(tmp_path / f"{name}.pdf"),
                        str(tmp_path / name)], check=True)  # fmt: skip
    before, after = sorted(tmp_path.glob("a-*.png")), sorted(tmp_path.glob("b-*.png"))
    assert before and len(before) == len(after)
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(before, after, strict=True))


def test_each_marked_content_keeps_its_owner(fixed: bytes) -> None:
    """Every MCID in the parent tree still belongs to the element whose K holds it, so
    assistive technology finds each piece of text in the element the tree says."""
    with pikepdf.open(io.BytesIO(fixed)) as pdf:
        numbers = pdf.Root.StructTreeRoot.ParentTree.Nums
        for index, page in enumerate(pdf.pages):
            owners = numbers[2 * list(numbers[0::2]).index(page.obj.StructParents) + 1]
            for mcid, owner in enumerate(owners):
                kids = owner.K if isinstance(owner.K, pikepdf.Array) else [owner.K]
                assert mcid in [int(k) for k in kids if isinstance(k, int)], (index, mcid)


def test_a_pdf_needing_no_change_keeps_its_bytes() -> None:
    """A document whose lists are already right is returned byte for byte."""
    html = '<html lang="en"><head><title>t</title></head><body><ul><li>x</li></ul></body></html>'
    data = _weasyprint_alone(html)
    assert postprocess(data) == data


# WeasyPrint 70 leaves its sRGB profile file open when it writes PDF/A (its bug, not ours).
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_pdfa_metadata_is_unfiltered_and_pdfua_can_be_declared_too() -> None:
    """A PDF/A file's XMP packet is stored unfiltered; with pdfua1 it also declares PDF/UA-1
    and the extension schema PDF/A requires for that property."""
    html = '<html lang="en"><head><title>t</title></head><body><p>x</p></body></html>'
    data = postprocess(_weasyprint_alone(html, "pdf/a-3u"), pdfua1=True)
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert "/Filter" not in pdf.Root.Metadata
        packet = pdf.Root.Metadata.read_bytes()
    assert b'pdfuaid:part="1"' in packet and b"pdfaExtension:schemas" in packet


def test_no_stream_ends_in_a_carriage_return() -> None:
    """A stream whose encoded bytes end in CR (so that CR and the LF before `endstream` read
    as one end-of-line, ISO 19005-2 §6.1.7.1) gets a trailing space in its decoded data,
    which changes its last encoded byte; the data otherwise stays as it was."""
    content = next(
        text for n in range(5000)
        if zlib.compress(text := f"q {n} 0 0 {n} 0 0 cm Q".encode()).endswith(b"\r")
    )  # fmt: skip
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.pages[0].Contents = pdf.make_stream(
        zlib.compress(content), Filter=pikepdf.Name.FlateDecode
    )
    assert unambiguous_stream_ends(pdf) == 1
    out = io.BytesIO()
    pdf.save(out, compress_streams=True)
    with pikepdf.open(io.BytesIO(out.getvalue())) as saved:
        stream = saved.pages[0].Contents
        assert not stream.read_raw_bytes().endswith(b"\r")
        assert stream.read_bytes().rstrip(b" ") == content.rstrip(b" ")
