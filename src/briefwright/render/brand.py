"""Turn a brand into the assets its documents link to: `brand.css` (the palette),
`fonts.css` (which faces the theme's families are) and the logo and font files the project
supplies, copied under `assets/brand/`.

Colours and font names reach the stylesheets only through these generated files, never by
interpolating values into a template's CSS. WeasyPrint does not resolve `var()` inside
@page margin boxes, so their colours are written as literal values; it merges a margin
box's declarations across @page rules, so brand.css only adds the colour to the boxes the
theme's stylesheets lay out.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from briefwright.errors import BriefError, Diagnostic, Location
from briefwright.files import read_regular
from briefwright.model.brand import Brand, Colors
from briefwright.render.brandfiles import check_font, checked_logo
from briefwright.render.labels import css_string

ASSETS = "assets"
BRAND_ASSETS = f"{ASSETS}/brand"
FONTS_CSS, BRAND_CSS = f"{ASSETS}/fonts.css", f"{ASSETS}/brand.css"
#: The faces the theme bundles (in assets/fonts/), by family: file, weight, style.
BUNDLED_FACES: dict[str, tuple[tuple[str, int, str], ...]] = {
    "Source Serif 4": (
        ("SourceSerif4-Regular.ttf", 400, "normal"),
        ("SourceSerif4-Italic.ttf", 400, "italic"),
        ("SourceSerif4-Bold.ttf", 700, "normal"),
        ("SourceSerif4-BoldItalic.ttf", 700, "italic"),
    ),
    "Noto Sans": (
        ("NotoSans-Regular.ttf", 400, "normal"),
        ("NotoSans-Italic.ttf", 400, "italic"),
        ("NotoSans-SemiBold.ttf", 600, "normal"),
        ("NotoSans-Bold.ttf", 700, "normal"),
    ),
}
#: The faces the theme falls back to for scripts its text faces lack. Typesetting finds them
#: through fontconfig, only when a page needs them; the HTML edition declares them (its
#: subsets leave out a face no page needs).
FALLBACK_FAMILIES = ("BW Devanagari", "BW Japanese")
FALLBACK_FACES = (
    ("BW Devanagari", "NotoSansDevanagari-Regular.ttf", 400, "normal"),
    ("BW Devanagari", "NotoSansDevanagari-Bold.ttf", 700, "normal"),
    ("BW Japanese", "NotoSansCJKjp-Regular-JIS.ttf", 400, "normal"),
    ("BW Japanese", "NotoSansCJKjp-Bold-JIS.ttf", 700, "normal"),
)
#: The theme's roles: the CSS family each role's faces are declared under.
ROLES = {"base": "BW Serif", "headings": "BW Sans"}
#: The @page margin boxes whose text takes the brand's muted colour (the marking's boxes stay
#: black: a handling caveat is not a brand's to restyle).
MARGIN_BOXES = ("top-left", "bottom-left", "bottom-right")


@dataclass(frozen=True)
class Face:
    """One @font-face rule: the family it declares, its file (relative to assets/)."""

    family: str
    url: str
    weight: int
    style: str

    def rule(self) -> str:
        """Return the @font-face rule."""
        return (
            f"@font-face {{ font-family: {css_string(self.family)}; "
            f"src: url({css_string(self.url)}); font-weight: {self.weight}; "
            f"font-style: {self.style}; }}"
        )


def brand_assets(brand: Brand, content: Path) -> dict[str, bytes]:
    """Return the assets a brand makes, by their path in the output folder: brand.css,
    fonts.css, and the logo, font and licence files it names (read from the content folder,
    confined to it)."""
    assets = {
        BRAND_CSS: brand_stylesheet(brand.color, brand.dark).encode("utf-8"),
        FONTS_CSS: fonts_stylesheet(font_faces(brand)).encode("utf-8"),
    }
    for name in brand_files(brand):
        assets[f"{BRAND_ASSETS}/{name}"] = _read_brand_file(brand, content, name)
    return dict(sorted(assets.items()))


def logo_url(brand: Brand) -> str | None:
    """Return the logo's path relative to the assets folder, or None without a logo."""
    return f"brand/{_flat(brand.logo.path)}" if brand.logo else None


def favicon_uri(colors: Colors) -> str:
    """Return the pages' icon as a data URI (no request, so no 404): a page of lines on the
    brand's primary colour."""
    svg = (
        "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'>"
        f"<rect width='16' height='16' rx='3' fill='{colors.primary}'/>"
        f"<path d='M4 4.5h8M4 8h8M4 11.5h5' stroke='{colors.background}' stroke-width='1.6'/>"
        "</svg>"
    )
    return "data:image/svg+xml," + quote(svg, safe="/:='")


def brand_stylesheet(colors: Colors, dark: Colors | None = None) -> str:
    """Return brand.css: the palette as custom properties, the margin boxes' colours, and
    the dark scheme's palette for screens (nested in @media screen, which WeasyPrint skips
    without reading the media feature it would warn about)."""
    css = _palette(colors)
    boxes = " ".join(f"@{box} {{ color: {colors.secondary}; }}" for box in MARGIN_BOXES)
    dark_css = (
        "@media screen { @media (prefers-color-scheme: dark) {\n" + _palette(dark) + "} }\n"
        if dark is not None
        else ""
    )
    return (
        "/* Generated from the brand: do not edit (set colours under `brand: color:`). */\n"
        f"{css}@media print {{ @page {{ {boxes} }} }}\n{dark_css}"
    )


def _palette(colors: Colors) -> str:
    """Return the palette as a :root rule of the theme's custom properties."""
    palette = {
        "ink": colors.foreground,
        "paper": colors.background,
        "muted": colors.secondary,
        "rule": colors.rule,
        "accent": colors.primary,
        "assess": colors.accent,
        "assess-bg": colors.accent_tint,
        "tint": colors.primary_tint,
        "corroborated": colors.corroborated,
    }
    properties = "".join(f"  --{name}: {value};\n" for name, value in palette.items())
    return f":root {{\n{properties}}}\n"


def font_faces(brand: Brand) -> list[Face]:
    """Return the @font-face rules for each role's family: the bundled faces of a family
    the theme ships, or the files of one the brand supplies."""
    supplied = {font.family: font for font in brand.typography.fonts}
    faces = []
    for role, css_family in ROLES.items():
        family = getattr(brand.typography, role).family
        if family in supplied:
            faces += [
                Face(css_family, f"brand/{_flat(face.path)}", face.weight, face.style)
                for face in supplied[family].files
            ]
        else:
            faces += [
                Face(css_family, f"fonts/{file}", weight, style)
                for file, weight, style in BUNDLED_FACES[family]
            ]
    return faces


class WebFonts(StrEnum):
    """Where an HTML edition's fonts are: WOFF2 subsets in its own assets (a brief's build),
    in the series' assets (cut once for all its briefs), or the full faces as typesetting
    reads them (`serve`)."""

    OWN = "own"
    SERIES = "series"
    FULL = "full"


#: The languages whose body text base.css sets in the headings' family and the script's
#: fallback face (`html:lang(ja)`), which their pages preload.
BODY_IN_FALLBACK = {"ja": "BW Japanese"}


def series_assets_url(prefix: str) -> str:
    """Return the URL of a series' assets folder from that of a brief's edition under
    `prefix` (its folder in the series, with a translation's language): "../../assets/"."""
    start = PurePosixPath(prefix) / PurePosixPath(FONTS_CSS).parent
    return posixpath.relpath(str(PurePosixPath(FONTS_CSS).parent), str(start)) + "/"


def preloaded_fonts(brand: Brand, language: str, fonts: WebFonts, prefix: str) -> list[str]:
    """Return the URLs, from a page's assets folder, of the web fonts a page preloads: on
    a Japanese page, the faces of its body text (the CJK face and the headings' family).

    A browser asks for a face only once every stylesheet is in and the page laid out; a
    Japanese page's text waits for its CJK face (89 kB, most of the page's weight).
    Preloaded, it arrives sooner and the text is laid out once, in its own face (Lighthouse,
    mobile, the Japanese brief, 10 runs: first paint 3.3 → 2.7 s, layout shift 0.036 →
    0.000; the score stays 0.83–0.84, since in half the runs the layout the face's arrival
    sets off now falls after the first paint and counts as blocking time). An English
    page's first paint is its logo, and its body face (19 kB) comes right after the
    stylesheets anyway: preloaded, it only competed with them (first paint 1.8 → 2.6 s,
    0.93 → 0.91), so it is not. Both faces are ones every page of a Japanese edition needs,
    so the web-font stage always cuts them. None with the full faces (`serve`), or when the
    brand supplies the headings' family (it may hold Japanese, and then the CJK face is not
    cut)."""
    script = BODY_IN_FALLBACK.get(language)
    if fonts is WebFonts.FULL or script is None or _own_headings_family(brand):
        return []
    regular, latin = (400, "normal"), ROLES["headings"]
    # The script's face first: it is the larger, and the one the text waits for.
    urls = [f"fonts/{file}" for family, file, weight, style in FALLBACK_FACES
            if family == script and (weight, style) == regular]  # fmt: skip
    urls += [face.url for face in font_faces(brand)
             if face.family == latin and (face.weight, face.style) == regular][:1]  # fmt: skip
    return _cut_urls(urls, fonts, prefix)


def source_page_fonts(
    brand: Brand, language: str, fonts: WebFonts, prefix: str, quoted: str | None = None
) -> list[str]:
    """Return the URLs of the web fonts a source page preloads: a page's (`preloaded_fonts`)
    and, on a page in a Latin script, the faces of its title, the headings' family bold
    and the italic its `<cite>` is set in (the bold italic the theme's faces lack is the
    italic made bold).

    A source page's title is its largest text: long ("Unidentified website: India Japan
    Defence Cooperation : Design and Innovation Focus") and large, it took four lines in
    the fallback face a browser lays the page out in before the faces arrive, and three
    in its own, so everything below it moved up a line once they came (Lighthouse,
    mobile: layout shift 0.18, performance 0.91; its two faces preloaded, 0.005 and 0.99;
    first paint 1.06 → 1.37 s, the page is small and the faces come with its
    stylesheets). Every source page has a title with a `<cite>`, so the web-font stage
    always cuts both faces. None when the sources are quoted in a language set in a
    fallback face (`quoted`: a translation from Japanese sets its titles in the CJK face)."""
    scripts = {tag.split("-")[0] for tag in (language, quoted or language)}
    if scripts & set(BODY_IN_FALLBACK):
        return preloaded_fonts(brand, language, fonts, prefix)
    if fonts is WebFonts.FULL or _own_headings_family(brand):
        return []
    faces = [face for face in font_faces(brand) if face.family == ROLES["headings"]]
    bold = [face for face in faces if (face.weight, face.style) == (700, "normal")]
    italics = sorted((face for face in faces if face.style == "italic"),
                     key=lambda face: abs(face.weight - 700))  # fmt: skip
    return _cut_urls([face.url for face in [*bold[:1], *italics[:1]]], fonts, prefix)


def _own_headings_family(brand: Brand) -> bool:
    """Return True when the brand supplies the headings' family: which of its faces the
    web-font stage cuts is known only once it has cut them."""
    return brand.typography.headings.family in {font.family for font in brand.typography.fonts}


def _cut_urls(urls: list[str], fonts: WebFonts, prefix: str) -> list[str]:
    """Return the URLs of faces' web-font cuts, from a page's assets folder (the series'
    when the briefs share one). The web-font stage names each cut so (output/webfonts.py,
    woff2_name)."""
    base = series_assets_url(prefix) if fonts is WebFonts.SERIES else ""
    return [base + str(PurePosixPath(url).with_suffix(".woff2")) for url in urls]


def web_fonts_stylesheet(brand: Brand) -> str:
    """Return the HTML edition's fonts.css before subsetting: the brand's faces and the
    theme's script fallbacks."""
    fallbacks = [Face(family, f"fonts/{file}", weight, style)
                 for family, file, weight, style in FALLBACK_FACES]  # fmt: skip
    return fonts_stylesheet(font_faces(brand) + fallbacks)


def fonts_stylesheet(faces: list[Face]) -> str:
    """Return fonts.css: one @font-face rule per face."""
    rules = "\n".join(face.rule() for face in faces)
    return f"/* Generated from the brand's typography: do not edit. */\n{rules}\n"


def brand_files(brand: Brand) -> list[str]:
    """Return the names, under assets/brand/, of the files the brand ships with the output."""
    return sorted({_flat(path) for path in brand.file_paths()})


def _flat(path: str) -> str:
    """Return the name a brand file has under assets/brand/ (its file name)."""
    return PurePosixPath(path).name


def _read_brand_file(brand: Brand, content: Path, name: str) -> bytes:
    """Read a file the brand names, from inside the content folder only (BW012 otherwise);
    a logo made safe to publish, a font checked to be one (render/brandfiles.py)."""
    path = next(p for p in brand.file_paths() if _flat(p) == name)
    where = Location(str(content / path))
    if not (content / path).is_file():
        message = (
            f"the brand names {path}, which is not in the content folder; add it or fix the path"
        )
        raise BriefError([Diagnostic("BW004", message, where)])
    data = read_regular(content / path, content)
    if brand.logo is not None and path == brand.logo.path:
        return checked_logo(data, where)
    faces = [face for font in brand.typography.fonts for face in font.files if face.path == path]
    if faces:
        check_font(data, where, faces[0].where("path"))
    return data
