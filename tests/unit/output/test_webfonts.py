"""Tests for briefwright.output.webfonts: WOFF2 subsets holding what the pages can show."""

from __future__ import annotations

import io

from fontTools.ttLib import TTFont

from briefwright.model.brand import Brand
from briefwright.output.webfonts import (
    linked_web_assets,
    needed_characters,
    subset_web_font,
    web_assets,
)
from briefwright.render.brand import FALLBACK_FAMILIES, web_fonts_stylesheet
from tests.conftest import TEMPLATES

FONTS = TEMPLATES / "assets" / "fonts"


def _theme_assets() -> dict[str, bytes]:
    return {f"assets/fonts/{p.name}": p.read_bytes() for p in FONTS.iterdir()} | {
        "assets/base.css": b'.x::before { content: "\\2192"; } .y { text-transform: uppercase }'
    }


def test_needed_characters_include_generated_and_transformed_text() -> None:
    """Page text, CSS content strings, attr() values and case forms are all needed."""
    text = needed_characters(
        ['<p data-x="Ω">abc</p><style>p{}</style>'],
        ['p::after { content: "\\2192" attr(data-x) }'],
    )
    assert {"a", "A", "→", "Ω", "1"} <= set(text)


def test_subset_is_small_named_for_the_theme_and_keeps_the_licence() -> None:
    """A subset holds the text's characters only, is renamed (the OFL's Reserved Font Name),
    keeps the copyright and licence records, and is byte-stable."""
    font = (FONTS / "SourceSerif4-Regular.ttf").read_bytes()
    first = subset_web_font(font, "Policy brief", "BW Serif")
    assert first is not None and len(first) < len(font) / 10
    assert subset_web_font(font, "Policy brief", "BW Serif") == first
    face = TTFont(io.BytesIO(first))
    assert face["name"].getDebugName(1) == "BW Serif"
    assert "Source" not in (face["name"].getDebugName(4) or "")
    assert "Open Font License" in (face["name"].getDebugName(13) or "")
    assert {ord(c) for c in "Policy brief"} <= set(face.getBestCmap())
    assert subset_web_font(font, "日本", "BW Serif") is None


def test_web_assets_drop_full_faces_and_unused_scripts() -> None:
    """An English page gets Latin WOFF2 faces only: no TTF/OTF, no Japanese or Devanagari;
    a Japanese page gets the Japanese faces too."""
    css = web_fonts_stylesheet(Brand())
    english = web_assets(["<p>A brief</p>"], _theme_assets(), css, "assets/fonts.css",
                         FALLBACK_FAMILIES)  # fmt: skip
    assert not [n for n in english if n.endswith((".ttf", ".otf"))]
    assert "assets/fonts/SourceSerif4-Regular.woff2" in english
    assert not [n for n in english if "CJK" in n or "Devanagari" in n]
    assert "assets/fonts/OFL-SourceSerif4.txt" in english
    fonts_css = english["assets/fonts.css"].decode()
    assert 'url("fonts/SourceSerif4-Regular.woff2") format("woff2")' in fonts_css
    assert "BW Japanese" not in fonts_css
    japanese = web_assets(["<p>日本の報告</p>"], _theme_assets(), css, "assets/fonts.css",
                          FALLBACK_FAMILIES)  # fmt: skip
    assert "assets/fonts/NotoSansCJKjp-Regular-JIS.woff2" in japanese
    assert "BW Japanese" in japanese["assets/fonts.css"].decode()


def test_the_stylesheets_ship_minified_in_both_kinds_of_edition() -> None:
    """A brief's own and a series brief's HTML edition ship the theme's CSS minified (the
    characters were read from it as written: the arrow its `content` prints is cut)."""
    css = web_fonts_stylesheet(Brand())
    alone = web_assets(["<p>A brief</p>"], _theme_assets(), css, "assets/fonts.css",
                       FALLBACK_FAMILIES)  # fmt: skip
    linked = linked_web_assets("A brief", _theme_assets(), css, "assets/fonts.css",
                               "../../assets/", FALLBACK_FAMILIES)  # fmt: skip
    minified = b'.x::before{content:"\\2192"}.y{text-transform:uppercase}'
    assert alone["assets/base.css"] == linked["assets/base.css"] == minified
    face = TTFont(io.BytesIO(alone["assets/fonts/SourceSerif4-Regular.woff2"]))
    assert ord("→") in face.getBestCmap()


def test_subsets_share_the_common_set_and_are_compressed_at_quality_10() -> None:
    """Two texts differing only in ASCII punctuation ask for one subset (the common set);
    its Brotli stream is quality 10's, and fontTools' brotli is left as it was."""
    import brotli  # type: ignore[import-untyped]
    from fontTools.ttLib import woff2

    font = (FONTS / "NotoSans-Regular.ttf").read_bytes()
    first = subset_web_font(font, "A brief?", "BW Sans", common=True)
    assert first is not None
    assert subset_web_font(font, "A brief & more!", "BW Sans", common=True) == first
    assert woff2.brotli is brotli
    reader = woff2.WOFF2Reader(io.BytesIO(first))
    data = reader.transformBuffer.getvalue()
    at = {q: len(brotli.compress(data, mode=brotli.MODE_FONT, quality=q)) for q in (10, 11)}
    assert reader.totalCompressedSize == at[10] != at[11]


def test_a_large_subset_is_compressed_at_quality_9() -> None:
    """A subset of more than LARGE_FONT_DATA bytes of tables (a Japanese page's CJK face) is
    compressed at quality 9, five times faster than 10 there."""
    import brotli
    from fontTools.ttLib import woff2

    from briefwright.output.webfonts import LARGE_FONT_DATA

    font = (FONTS / "NotoSansCJKjp-Regular-JIS.ttf").read_bytes()
    text = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 2000))  # the first 2,000 kanji
    cut = subset_web_font(font, text, "BW Japanese")
    assert cut is not None
    reader = woff2.WOFF2Reader(io.BytesIO(cut))
    data = reader.transformBuffer.getvalue()
    assert len(data) > LARGE_FONT_DATA
    at = {q: len(brotli.compress(data, mode=brotli.MODE_FONT, quality=q)) for q in (9, 10)}
    assert reader.totalCompressedSize == at[9] != at[10]


def test_fonttools_is_the_minor_version_pinned_for_its_private_brotli() -> None:
    """webfonts.py sets fontTools' private `woff2.brotli`: pyproject pins fontTools to one
    minor version, the one installed, in which that name is the brotli module."""
    import tomllib
    from importlib.metadata import version

    from fontTools.ttLib import woff2

    from tests.conftest import ROOT

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (pin,) = [d for d in config["project"]["dependencies"] if d.startswith("fonttools")]
    lower, upper = (part.split("=")[-1].lstrip("<") for part in pin.split("]")[1].split(","))
    major, minor = (int(n) for n in lower.split(".")[:2])
    assert upper == f"{major}.{minor + 1}", pin
    assert version("fonttools").startswith(f"{major}.{minor}.")
    assert woff2.brotli.__name__ == "brotli"


def test_a_series_brief_links_to_the_series_faces() -> None:
    """A series' brief ships no font and no font licence: its fonts.css names, under the
    series' folder, the faces its own characters need (the Japanese face for Japanese
    text only), as web_assets cut from the union names them."""
    css = web_fonts_stylesheet(Brand())
    english = linked_web_assets("A brief", _theme_assets(), css, "assets/fonts.css",
                                "../../assets/", FALLBACK_FAMILIES)  # fmt: skip
    assert not [n for n in english if n.endswith((".ttf", ".otf", ".woff2", ".txt"))]
    fonts_css = english["assets/fonts.css"].decode()
    assert 'url("../../assets/fonts/SourceSerif4-Regular.woff2") format("woff2")' in fonts_css
    assert "BW Japanese" not in fonts_css
    japanese = linked_web_assets("日本の報告", _theme_assets(), css, "assets/fonts.css",
                                 "../../assets/", FALLBACK_FAMILIES)  # fmt: skip
    assert "NotoSansCJKjp-Regular-JIS.woff2" in japanese["assets/fonts.css"].decode()


def test_web_assets_cut_to_a_given_text_hold_it_all() -> None:
    """Given a series' union, the faces hold its characters, not only the page's."""
    css = web_fonts_stylesheet(Brand())
    cut = web_assets(["<p>A</p>"], _theme_assets(), css, "assets/fonts.css", FALLBACK_FAMILIES,
                     text="A brief ß")  # fmt: skip
    face = TTFont(io.BytesIO(cut["assets/fonts/SourceSerif4-Regular.woff2"]))
    assert {ord(c) for c in "A brief ß"} <= set(face.getBestCmap())
