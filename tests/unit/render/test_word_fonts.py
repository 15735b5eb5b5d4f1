"""Tests for briefwright.render.word.fonts: the families a project supplies are
embedded in the Word edition as its bundled ones are."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.ttLib import TTFont

from briefwright.docx.fonts import obfuscate
from briefwright.docx.writer import write_docx
from briefwright.load.content import load_brief
from briefwright.model.brand import Brand
from briefwright.render.word.brief import brief_document
from briefwright.render.word.fonts import read_fonts, supplied_fonts
from tests.conftest import CONTENT, LAYERS, TEMPLATES
from tests.unit.docx import samples

FONTS = TEMPLATES / "assets" / "fonts"


@pytest.fixture(scope="module")
def brief_docx() -> bytes:
    """Return the real brief's Word edition, with the bundled faces."""
    built = datetime(2023, 3, 20, tzinfo=UTC)
    return write_docx(brief_document(load_brief(CONTENT), built, read_fonts(LAYERS)))


def _brand(*files: tuple[str, int, str]) -> Brand:
    return Brand.model_validate({
        "typography": {
            "fonts": [{"family": "House Sans", "license": "brand/OFL.txt",
                       "files": [{"path": f"brand/{name}", "weight": weight, "style": style}
                                 for name, weight, style in files]}],
            "headings": {"family": "House Sans"},
        },
    })  # fmt: skip


def _made(*names: str) -> dict[str, bytes]:
    return {f"assets/brand/{name}": _font(name) for name in names}


def _font(name: str) -> bytes:
    return _cff_font() if name.endswith(".otf") else (FONTS / name).read_bytes()


def _cff_font() -> bytes:
    """Return a one-glyph OpenType font with CFF outlines (the theme bundles none)."""
    builder = FontBuilder(1000, isTTF=False)
    builder.setupGlyphOrder([".notdef", "A"])
    builder.setupCharacterMap({ord("A"): "A"})
    pen = T2CharStringPen(500, None)
    pen.moveTo((0, 0))
    pen.lineTo((500, 700))
    pen.lineTo((500, 0))
    pen.closePath()
    glyph = pen.getCharString()
    builder.setupCFF("CffSans", {"FullName": "CffSans"}, {".notdef": glyph, "A": glyph}, {})
    builder.setupHorizontalMetrics({".notdef": (500, 0), "A": (500, 0)})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "CffSans", "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    out = io.BytesIO()
    builder.save(out)
    return out.getvalue()


def _restricted(name: str) -> bytes:
    font = TTFont(FONTS / name)
    font["OS/2"].fsType = 0x0002
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def test_supplied_truetype_faces_are_embedded_by_weight_and_style() -> None:
    """400 and 700, upright and italic, become the family's four faces; 600 its SemiBold;
    a CFF-flavoured OpenType file is not embedded (Word cannot)."""
    brand = _brand(
        ("NotoSans-Regular.ttf", 400, "normal"), ("NotoSans-Bold.ttf", 700, "normal"),
        ("NotoSans-Italic.ttf", 400, "italic"), ("NotoSans-SemiBold.ttf", 600, "normal"),
        ("CffSans-Regular.otf", 700, "italic"),
    )  # fmt: skip
    made = _made("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf",
                 "NotoSans-SemiBold.ttf", "CffSans-Regular.otf")  # fmt: skip
    fonts = supplied_fonts(brand, made)
    assert sorted(fonts) == ["House Sans", "House Sans SemiBold"]
    assert sorted(fonts["House Sans"]) == ["bold", "italic", "regular"]
    assert fonts["House Sans"]["regular"] == made["assets/brand/NotoSans-Regular.ttf"]
    document = replace(samples.sample_onepager(), brand=replace(
        samples.brand(), sans="House Sans", fonts={**samples.font_bytes(), **fonts}))  # fmt: skip
    with zipfile.ZipFile(io.BytesIO(write_docx(document))) as package:
        font_table = package.read("word/fontTable.xml").decode()
    assert '<w:font w:name="House Sans">' in font_table and "w:embedBold" in font_table


def test_a_face_whose_licence_forbids_embedding_is_left_out() -> None:
    """OS/2 fsType 0x0002 (restricted licence embedding) keeps a face out; a family left
    without its 400 upright face is left out whole (Word sets the bundled one)."""
    brand = _brand(("Restricted.ttf", 400, "normal"), ("NotoSans-Bold.ttf", 700, "normal"))
    made = _made("NotoSans-Bold.ttf") | {"assets/brand/Restricted.ttf": _restricted(
        "NotoSans-Regular.ttf")}  # fmt: skip
    assert supplied_fonts(brand, made) == {}


def test_the_bundled_serif_is_embedded_without_its_reserved_name(brief_docx: bytes) -> None:
    """Source Serif 4 reserves "Source": the real brief names and embeds it as BW Serif 4,
    and no embedded face calls itself Source; Noto Sans keeps its name."""
    package = zipfile.ZipFile(io.BytesIO(brief_docx))
    table = package.read("word/fontTable.xml").decode("utf-8")
    assert '<w:font w:name="BW Serif 4">' in table
    assert '<w:font w:name="Noto Sans">' in table
    assert "Source" not in table
    styles = package.read("word/styles.xml").decode("utf-8")
    assert 'w:ascii="BW Serif 4"' in styles
    assert "Source Serif" not in styles
    for name in (n for n in package.namelist() if n.endswith(".odttf")):
        font = obfuscate(package.read(name), _font_key(table, name, package))
        names = TTFont(io.BytesIO(font))["name"]
        for name_id in (1, 3, 4, 6, 16, 17):
            assert "Source" not in (names.getDebugName(name_id) or ""), (name, name_id)


def _font_key(table: str, part: str, package: zipfile.ZipFile) -> str:
    """Return the font key fontTable.xml gives the face stored at `part`."""
    rels = package.read("word/_rels/fontTable.xml.rels").decode("utf-8")
    target = part.removeprefix("word/")
    rel_id = re.search(rf'Id="(rId\d+)"[^>]*Target="{re.escape(target)}"', rels)
    assert rel_id is not None
    key = re.search(rf'r:id="{rel_id.group(1)}" w:fontKey="([^"]+)"', table)
    assert key is not None
    return key.group(1)
