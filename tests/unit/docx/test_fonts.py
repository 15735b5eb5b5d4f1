"""Tests for briefwright.docx.fonts: faces named for what they are, obfuscated, listed."""

from __future__ import annotations

import hashlib
import io
import re

import pytest
import uharfbuzz as hb
from fontTools.ttLib import TTFont

from briefwright.docx import fonts
from briefwright.docx.fonts import (
    KEPT_RANGES,
    embedding_name,
    font_key,
    key_bytes,
    named_face,
    obfuscate,
    reserved_names,
    subset_face,
)
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


def _document_characters(package: Package) -> frozenset[str]:
    """Return the characters of a package's text parts (what its faces are cut to)."""
    names = [n for n in package.names if n.endswith((".xml", ".svg"))]
    return frozenset("".join(package.text(name) for name in names))


def test_fonts_are_embedded_obfuscated_with_a_key_from_their_hash(brief: Package) -> None:
    """Each face is stored XOR-obfuscated (ECMA-376 §17.8.1) under a key from its SHA-256."""
    table = brief.text("word/fontTable.xml")
    serif = re.search(r'<w:font w:name="Source Serif 4">(.*?)</w:font>', table)
    assert serif is not None
    faces = re.findall(r'<w:(embed\w+) r:id="(rId\d+)" w:fontKey="([^"]+)"', serif.group(1))
    assert [f[0] for f in faces] == ["embedRegular", "embedBold", "embedItalic", "embedBoldItalic"]
    bundled = samples.font_bytes()[samples.SERIF]["regular"]
    cut = subset_face(bundled, _document_characters(brief))
    regular = named_face(cut, samples.SERIF, "regular")
    assert faces[0][2] == font_key(regular)
    stored = brief.zip.read("word/fonts/font1.odttf")
    assert stored[32:] == regular[32:]
    assert stored[:32] != regular[:32]
    assert obfuscate(stored, faces[0][2]) == regular
    assert key_bytes(faces[0][2])[0] == int(faces[0][2][-3:-1], 16)  # the GUID read backwards
    assert "<w:embedTrueTypeFonts/>" in brief.text("word/settings.xml")
    assert 'w:name="Noto Sans SemiBold"' in table


def test_each_face_is_cut_to_the_characters_the_document_uses(brief: Package) -> None:
    """An embedded face maps the document's characters it had, and besides them only the
    kept ranges: a tenth of the bundled file or less."""
    used = {ord(c) for c in _document_characters(brief)}
    kept = {code for low, high in KEPT_RANGES for code in range(low, high + 1)}
    table = brief.text("word/fontTable.xml")
    keys = dict(re.findall(r'r:id="(rId\d+)" w:fontKey="([^"]+)"', table))
    rels = brief.text("word/_rels/fontTable.xml.rels")
    bundled = samples.font_bytes()
    faces = [(family, face) for family, held in bundled.items() for face in held]
    for (family, face), (rel_id, key) in zip(faces, keys.items(), strict=True):
        target = re.search(rf'Id="{rel_id}"[^>]*Target="([^"]+)"', rels)
        assert target is not None
        font = obfuscate(brief.zip.read("word/" + target.group(1)), key)
        whole = set(TTFont(io.BytesIO(bundled[family][face])).getBestCmap())
        mapped = set(TTFont(io.BytesIO(font)).getBestCmap())
        assert used & whole <= mapped, (family, face)
        assert mapped <= used | kept, (family, face)
        assert len(font) < len(bundled[family][face]) / 5, (family, face)


def test_every_embedded_face_is_marked_subsetted(brief: Package) -> None:
    """The font table says each face is a subset (CT_FontRel's w:subsetted)."""
    table = brief.text("word/fontTable.xml")
    embeds = re.findall(r"<w:embed\w+ [^>]*/>", table)
    assert len(embeds) == 7
    assert all('w:subsetted="1"' in embed for embed in embeds)


def test_a_subset_is_the_same_bytes_every_time() -> None:
    """Cutting a face twice gives the same bytes, and holds the name records (the licence)."""
    bundled = (FONTS / "SourceSerif4-Regular.ttf").read_bytes()
    first = subset_face(bundled, frozenset("Brief"))
    fonts._cut.cache_clear()
    assert subset_face(bundled, frozenset("Brief")) == first
    assert "Open Font License" in _names(first)[13]


def test_documents_whose_characters_differ_only_where_a_face_maps_nothing_share_its_cut(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A one-pager whose extra characters the face does not map (kana in a Latin face) or
    keeps anyway (ASCII) gets the cut another document's characters made: HarfBuzz cuts once."""
    bundled = (FONTS / "SourceSerif4-Regular.ttf").read_bytes()
    cuts: list[object] = []
    real = hb.subset

    def counted(face: object, request: object) -> object:
        cuts.append(request)
        return real(face, request)

    monkeypatch.setattr(hb, "subset", counted)
    fonts._cut.cache_clear()
    first = subset_face(bundled, frozenset("Brief é"))
    assert subset_face(bundled, frozenset("Brief éアQ")) == first
    assert len(cuts) == 1
    assert subset_face(bundled, frozenset("Brief éñ")) != first and len(cuts) == 2


def test_the_cuts_of_a_face_share_one_renamed_name_table() -> None:
    """Two documents' cuts of a face get the same names, the name table renamed once."""
    bundled = (FONTS / "NotoSans-Bold.ttf").read_bytes()
    fonts._renamed.cache_clear()
    first = named_face(subset_face(bundled, frozenset("Brief é")), "Noto Sans", "bold")
    second = named_face(subset_face(bundled, frozenset("Brief ñ")), "Noto Sans", "bold")
    assert first != second and _names(first) == _names(second)
    assert _names(first)[4] == "Noto Sans Bold"
    assert fonts._renamed.cache_info().misses == 1


@pytest.mark.parametrize(
    ("file", "family", "reserved", "embedded"),
    [
        ("SourceSerif4-Regular.ttf", "Source Serif 4", {"Source"}, "BW Serif 4"),
        ("SourceSerif4-BoldItalic.ttf", "Source Serif 4", {"Source"}, "BW Serif 4"),
        ("NotoSans-Regular.ttf", "Noto Sans", set(), "Noto Sans"),
        ("NotoSans-SemiBold.ttf", "Noto Sans SemiBold", set(), "Noto Sans SemiBold"),
    ],
)
def test_a_reserved_font_name_is_not_embedded(
    file: str, family: str, reserved: set[str], embedded: str
) -> None:
    """A family whose licence reserves a word of its name ("with Reserved Font Name
    ‘Source’") is embedded under another name; one without keeps its own."""
    font = (FONTS / file).read_bytes()
    assert reserved_names(font) == reserved
    assert embedding_name(family, font) == embedded
