"""Tests for briefwright.render.brand: the stylesheets and files a brand makes."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefwright.errors import BriefError
from briefwright.model.brand import Brand, Colors, contrast_ratio
from briefwright.render.brand import (
    WebFonts,
    brand_assets,
    brand_stylesheet,
    font_faces,
    logo_url,
    preloaded_fonts,
    source_page_fonts,
)
from tests.conftest import TEMPLATES

FONT = TEMPLATES / "assets" / "fonts" / "NotoSans-Regular.ttf"
LOGO = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 1"><rect width="2"/></svg>'


def test_default_brand_keeps_the_house_palette() -> None:
    """brand.css sets the theme's custom properties, and the running heads' colour as a
    literal (WeasyPrint resolves no var() in @page margin boxes)."""
    css = brand_stylesheet(Colors())
    assert "--accent: #123a63;" in css and "--assess: #8a4b08;" in css
    assert "@top-left { color: #5a6470; }" in css
    assert "var(" not in css


def test_bundled_families_map_to_the_theme_faces() -> None:
    """A brand naming bundled families gets their four faces under the theme's names."""
    brand = Brand.model_validate({"typography": {"base": {"family": "Noto Sans"}}})
    faces = font_faces(brand)
    assert [(f.family, f.url, f.weight, f.style) for f in faces[:2]] == [
        ("BW Serif", "fonts/NotoSans-Regular.ttf", 400, "normal"),
        ("BW Serif", "fonts/NotoSans-Italic.ttf", 400, "italic"),
    ]
    assert {f.family for f in faces} == {"BW Serif", "BW Sans"}


def test_a_japanese_page_preloads_the_faces_of_its_body_text() -> None:
    """A Japanese page preloads the CJK face, then the headings' family's regular face, as
    the web-font stage names their WOFF2, from its assets folder: its own, or the series'
    (up from a brief's translation); an English page, and `serve` (the full faces), none."""
    brand = Brand()
    assert preloaded_fonts(brand, "ja", WebFonts.OWN, "ja/") == [
        "fonts/NotoSansCJKjp-Regular-JIS.woff2", "fonts/NotoSans-Regular.woff2",
    ]  # fmt: skip
    assert preloaded_fonts(brand, "ja", WebFonts.SERIES, "alpha/ja/") == [
        "../../../assets/fonts/NotoSansCJKjp-Regular-JIS.woff2",
        "../../../assets/fonts/NotoSans-Regular.woff2",
    ]
    assert preloaded_fonts(brand, "ja", WebFonts.FULL, "ja/") == []
    assert preloaded_fonts(brand, "en-GB", WebFonts.OWN, "") == []
    sans = Brand.model_validate({"typography": {"headings": {"family": "Source Serif 4"}}})
    assert preloaded_fonts(sans, "ja", WebFonts.OWN, "")[1] == "fonts/SourceSerif4-Regular.woff2"


def test_a_brand_s_own_headings_family_is_not_preloaded() -> None:
    """When the brand supplies the headings' family (it may hold Japanese, and the CJK face
    then goes uncut), a Japanese page preloads nothing rather than a file that may be
    missing; nor does an English source page."""
    brand = Brand.model_validate({
        "typography": {
            "fonts": [{"family": "My", "files": [{"path": "brand/My-Regular.ttf"}],
                       "license": "brand/OFL.txt"}],
            "headings": {"family": "My"},
        },
    })  # fmt: skip
    assert preloaded_fonts(brand, "ja", WebFonts.OWN, "") == []
    assert source_page_fonts(brand, "en-GB", WebFonts.OWN, "") == []


def test_supplied_fonts_and_logo_are_copied_from_the_content(tmp_path: Path) -> None:
    """A brand's own font files, licence and logo go under assets/brand/, read from the
    content folder; fonts.css points the role at them."""
    (tmp_path / "brand").mkdir()
    (tmp_path / "brand" / "My-Regular.ttf").write_bytes(FONT.read_bytes())
    (tmp_path / "brand" / "OFL.txt").write_text("OFL")
    (tmp_path / "brand" / "logo.svg").write_bytes(LOGO)
    brand = Brand.model_validate({
        "logo": {"path": "brand/logo.svg", "alt": "Org"},
        "typography": {
            "fonts": [{"family": "My", "files": [{"path": "brand/My-Regular.ttf"}],
                       "license": "brand/OFL.txt"}],
            "headings": {"family": "My"},
        },
    })  # fmt: skip
    assets = brand_assets(brand, tmp_path)
    assert sorted(assets) == [
        "assets/brand.css", "assets/brand/My-Regular.ttf", "assets/brand/OFL.txt",
        "assets/brand/logo.svg", "assets/fonts.css",
    ]  # fmt: skip
    assert assets["assets/brand/logo.svg"] == LOGO
    fonts_css = assets["assets/fonts.css"].decode()
    assert 'font-family: "BW Sans"; src: url("brand/My-Regular.ttf")' in fonts_css
    assert logo_url(brand) == "brand/logo.svg"


def test_a_brand_file_outside_the_content_is_refused(tmp_path: Path) -> None:
    """A logo that is missing is BW004 naming the path; one outside the content, BW012."""
    brand = Brand.model_validate({"logo": {"path": "gone.svg", "alt": "x"}})
    with pytest.raises(BriefError) as missing:
        brand_assets(brand, tmp_path)
    assert missing.value.diagnostics[0].code == "BW004"
    (tmp_path / "content").mkdir()
    (tmp_path / "secret.svg").write_text("<svg/>")
    (tmp_path / "content" / "logo.svg").symlink_to(tmp_path / "secret.svg")
    linked = Brand.model_validate({"logo": {"path": "logo.svg", "alt": "x"}})
    with pytest.raises(BriefError) as outside:
        brand_assets(linked, tmp_path / "content")
    assert outside.value.diagnostics[0].code == "BW012"


def test_contrast_ratio_matches_wcag() -> None:
    """Black on white is 21:1; the house primary on white passes AA."""
    assert round(contrast_ratio("#000000", "#ffffff"), 2) == 21.0
    assert contrast_ratio("#123a63", "#ffffff") > 4.5


@pytest.mark.parametrize(
    ("svg", "problem"),
    [
        (b'<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>',
         "refers to 'file:///etc/passwd' outside itself"),
        (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
         b'<use x:href="https://example.org/m.svg#m"/></svg>', "refers to 'https://example.org"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><style>rect{fill:url(p.svg#p)}</style></svg>',
         "refers to 'p.svg#p'"),
        (b"<html><body>not a logo</body></html>", "the logo is not an SVG document"),
    ],
)  # fmt: skip
def test_an_svg_logo_must_hold_all_it_draws(tmp_path: Path, svg: bytes, problem: str) -> None:
    """An SVG logo that refers to a file or URL outside itself, or is not SVG, is BW171 at
    the logo's path, before anything is typeset; fragments and data: URIs are its own."""
    (tmp_path / "logo.svg").write_bytes(svg)
    brand = Brand.model_validate({"logo": {"path": "logo.svg", "alt": "x"}})
    with pytest.raises(BriefError) as caught:
        brand_assets(brand, tmp_path)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "BW171" and problem in diagnostic.message
    assert diagnostic.location is not None
    assert diagnostic.location.path == str(tmp_path / "logo.svg")
    inside = (b'<svg xmlns="http://www.w3.org/2000/svg"><defs><g id="g"/></defs><use href="#g"/>'
              b'<image href="data:image/png;base64,iVBORw0KGgo="/></svg>')  # fmt: skip
    (tmp_path / "logo.svg").write_bytes(inside)
    assert brand_assets(brand, tmp_path)["assets/brand/logo.svg"] == inside


def test_a_source_page_preloads_the_faces_of_its_title() -> None:
    """An English source page preloads its title's faces (the headings' bold, and the
    italic its <cite> is set in), from its own assets folder or the series'; a Japanese one
    its body faces only; none from `serve` (the full faces)."""
    brand = Brand()
    assert source_page_fonts(brand, "en-GB", WebFonts.OWN, "") == [
        "fonts/NotoSans-Bold.woff2", "fonts/NotoSans-Italic.woff2",
    ]  # fmt: skip
    assert source_page_fonts(brand, "en", WebFonts.SERIES, "alpha/") == [
        "../../assets/fonts/NotoSans-Bold.woff2", "../../assets/fonts/NotoSans-Italic.woff2",
    ]  # fmt: skip
    assert source_page_fonts(brand, "ja", WebFonts.OWN, "ja/") == preloaded_fonts(
        brand, "ja", WebFonts.OWN, "ja/"
    )
    assert source_page_fonts(brand, "en-GB", WebFonts.FULL, "") == []
    # An English edition of a Japanese original sets its sources' titles in the CJK face.
    assert source_page_fonts(brand, "en-GB", WebFonts.OWN, "", quoted="ja") == []
    serif = Brand.model_validate({"typography": {"headings": {"family": "Source Serif 4"}}})
    assert source_page_fonts(serif, "en-GB", WebFonts.OWN, "") == [
        "fonts/SourceSerif4-Bold.woff2", "fonts/SourceSerif4-BoldItalic.woff2",
    ]  # fmt: skip
