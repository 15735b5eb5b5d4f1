"""Tests for briefwright.docx.fonts: faces named for what they are, obfuscated, listed."""

from __future__ import annotations

import hashlib
import io
import re

import pytest
from fontTools.ttLib import TTFont

from briefwright.docx.fonts import font_key, key_bytes, named_face, obfuscate
from briefwright.docx.model import FontFace
from tests.conftest import TEMPLATES
from tests.unit.docx import samples
from tests.unit.docx.conftest import Package

FONTS = TEMPLATES / "assets" / "fonts"


def _names(font: bytes) -> dict[int, str]:
    """Return a font's Windows English names by id; TTFont checks every checksum (2: raise)."""
    table = TTFont(io.BytesIO(font), checkChecksums=2)["name"]
    return {n.nameID: n.toUnicode() for n in table.names if n.platformID == 3}


def _style_bits(font: bytes) -> tuple[int, int]:
    parsed = TTFont(io.BytesIO(font))
    return parsed["OS/2"].fsSelection & 0b1100001, parsed["head"].macStyle & 0b11


@pytest.mark.parametrize(
    ("file", "family", "face", "style", "bits"),
    [
        ("SourceSerif4-Regular.ttf", "Source Serif 4", "regular", "Regular", (0b1000000, 0)),
        ("SourceSerif4-Bold.ttf", "Source Serif 4", "bold", "Bold", (0b100000, 1)),
        ("SourceSerif4-Italic.ttf", "Source Serif 4", "italic", "Italic", (0b1, 2)),
        ("SourceSerif4-BoldItalic.ttf", "Source Serif 4", "bold_italic", "Bold Italic",
         (0b100001, 3)),
        ("NotoSans-SemiBold.ttf", "Noto Sans SemiBold", "regular", "Regular", (0b1000000, 0)),
    ],
)  # fmt: skip
def test_a_face_is_named_for_its_family_and_face(
    file: str, family: str, face: FontFace, style: str, bits: tuple[int, int]
) -> None:
    """The embedded copy's names and style bits say its family and face, checksums hold."""
    named = named_face((FONTS / file).read_bytes(), family, face)
    names = _names(named)
    assert names[1] == family
    assert names[2] == style
    assert names[4] == f"{family} {style}"
    assert names[6] == family.replace(" ", "") + "-" + style.replace(" ", "")
    assert 16 not in names
    assert _style_bits(named) == bits


def test_the_bundled_bold_files_call_themselves_regular() -> None:
    """The reason for renaming: the repository's Bold and SemiBold say "Regular"."""
    for file in ("SourceSerif4-Bold.ttf", "NotoSans-Bold.ttf", "NotoSans-SemiBold.ttf"):
        assert _names((FONTS / file).read_bytes())[2] == "Regular"


def test_every_embedded_face_has_its_own_names(brief: Package) -> None:
    """No two embedded faces share a full or PostScript name, as Word tells faces apart by
    them; the glyphs are the bundled files' own."""
    table = brief.text("word/fontTable.xml")
    keys = re.findall(r'r:id="(rId\d+)" w:fontKey="([^"]+)"', table)
    rels = brief.text("word/_rels/fontTable.xml.rels")
    full, postscript = set(), set()
    for rel_id, key in keys:
        target = re.search(rf'Id="{rel_id}"[^>]*Target="([^"]+)"', rels)
        assert target is not None
        font = obfuscate(brief.zip.read("word/" + target.group(1)), key)
        names = _names(font)
        full.add(names[4])
        postscript.add(names[6])
        assert TTFont(io.BytesIO(font))["glyf"] is not None
    assert len(full) == len(postscript) == len(keys) == 7


def test_naming_is_deterministic_and_leaves_the_bundled_file_alone() -> None:
    """Renaming gives the same bytes every time and changes nothing on disk."""
    path = FONTS / "NotoSans-Bold.ttf"
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    first = named_face(path.read_bytes(), "Noto Sans", "bold")
    assert named_face(path.read_bytes(), "Noto Sans", "bold") == first
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_fonts_are_embedded_obfuscated_with_a_key_from_their_hash(brief: Package) -> None:
    """Each face is stored XOR-obfuscated (ECMA-376 §17.8.1) under a key from its SHA-256."""
    table = brief.text("word/fontTable.xml")
    serif = re.search(r'<w:font w:name="Source Serif 4">(.*?)</w:font>', table)
    assert serif is not None
    faces = re.findall(r'<w:(embed\w+) r:id="(rId\d+)" w:fontKey="([^"]+)"/>', serif.group(1))
    assert [f[0] for f in faces] == ["embedRegular", "embedBold", "embedItalic", "embedBoldItalic"]
    bundled = samples.font_bytes()[samples.SERIF]["regular"]
    regular = named_face(bundled, samples.SERIF, "regular")
    assert faces[0][2] == font_key(regular)
    stored = brief.zip.read("word/fonts/font1.odttf")
    assert stored[32:] == regular[32:]
    assert stored[:32] != regular[:32]
    assert obfuscate(stored, faces[0][2]) == regular
    assert key_bytes(faces[0][2])[0] == int(faces[0][2][-3:-1], 16)  # the GUID read backwards
    assert "<w:embedTrueTypeFonts/>" in brief.text("word/settings.xml")
    assert 'w:name="Noto Sans SemiBold"' in table
