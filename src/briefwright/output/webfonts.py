"""Turn the HTML edition's fonts into WOFF2 files cut to the characters its pages use.

The PDFs keep the full faces (typesetting reads them from the theme). The HTML edition
instead ships a fonts.css whose @font-face rules point at WOFF2 subsets holding only the
characters some page of the build can show: its text, the upper- and lower-case forms of
that text (`text-transform`), the strings of CSS generated content (`content: "“"`,
"Page " counter(page)), the attribute values CSS prints with attr(), and what a browser
draws on its own (list numbers, the hyphen of `hyphens: auto`). A face none of those
characters needs (the Japanese face of an English brief) is left out, rule and file.

HarfBuzz's subsetter (uharfbuzz, the library WeasyPrint's PDFs are subset with) cuts each
face, a hundred times faster than fontTools' (5 ms against 0.45 s a face: fontTools
decompiles the whole layout tables of Noto Sans); fontTools renames it and writes the WOFF2
(Brotli). The output is a pure function of the font bytes and the text: head.modified is
the source face's, and Brotli is deterministic, so two builds write byte-identical files. Each
subset is renamed to the theme's family name: the OFL forbids a modified font (a web
subset is one) to keep a Reserved Font Name ("Source" of Source Serif 4).
"""

from __future__ import annotations

import contextlib
import functools
import io
import re
import threading
from collections.abc import Iterable, Iterator, Mapping
from html import unescape
from pathlib import PurePosixPath
from typing import Any

import uharfbuzz as hb
from fontTools.ttLib import TTFont, woff2

from briefwright.output.minify import minified

# Drawn by the browser without being in the text: ordered-list numbers and their ".", the
# hyphen `hyphens: auto` inserts (Chromium uses U+2010 where the face has it, else "-"),
# the spaces, and the digits of counter()/target-counter().
BROWSER_DRAWN = "0123456789.-\u2010 \u00a0"

# FreeType's autohinter (Chromium and Firefox on Linux and Android hint these unhinted faces
# with it) sizes each script's style from fixed "blue" characters and a standard character,
# and gives an unencoded glyph (the f_t ligature) the style of a script it reaches through
# GSUB, here Cyrillic. A subset without those characters draws "ft" a shade differently;
# with them (about 40 glyphs a face) the page is pixel for pixel the same. From FreeType's
# afblue.dat (Latin, Greek and Cyrillic, the scripts these faces cover) and afscript.h.
AUTOHINT_STANDARD = (
    "THEZOCQS HEZLOCUS fijkdbh xzroesc pqgjy o O 0"
    "ΓΒΕΖΘΟΩ ΒΔΖΞΘΟ βθδζλξ αειοπστω βγημρφχψ ο Ο"
    "БВЕПЗОСЭ БВЕШЗОСЭ хпншезос руф о О"
).replace(" ", "")

# Brotli's quality for the WOFF2 files: 10, not fontTools' 11. On the India–Japan brief's
# eight subsets 11 saves 0.5 % of the bytes (125.8 against 126.4 KB) in 1.7 times the time
# (0.72 against 0.42 s), and a series cuts a set for every brief whose characters differ.
WOFF2_QUALITY = 10
# ... and 9 above LARGE_FONT_DATA bytes of tables, where 10 costs five times the time: the
# Japanese edition's CJK subsets (145 kB of tables each) take 0.21 s at 10 and 0.04 s at 9,
# for 3.3 % more bytes (92.9 against 89.9 kB); a Latin subset (20–44 kB) is as fast at 10
# as at 9 and 6 % smaller.
WOFF2_QUALITY_LARGE = 9
LARGE_FONT_DATA = 100_000

# A face's subset holds at least these of its characters: printable ASCII and the common
# marks of English typography. Briefs of one series then mostly ask for the same subset,
# cut once per build (`_woff2`); the exact text alone differs brief by brief in a stray "?"
# or "&". It costs ~15 glyphs a face.
COMMON = (
    "".join(map(chr, range(0x20, 0x7F)))
    + "\u00a0\u2010\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u00b7\u2022"
)

_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HIDDEN = re.compile(r"<(script|style|title|head)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_TAG = re.compile(r"(<[^>]*>)")
_ATTRIBUTE = re.compile(r"""([^\s=/<>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_CSS_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"' + r"|'((?:[^'\\\n]|\\.)*)'", re.S)
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})[ \t\n]?|\\(.)", re.S)
_GENERATED = re.compile(r"(?:^|[;{\s])(?:content|quotes|string-set)\s*:\s*([^;}]*)", re.S)
_ATTR = re.compile(r"attr\(\s*([A-Za-z_][\w-]*)")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_FONT_FACE = re.compile(r"@font-face\s*\{([^}]*)\}", re.S)
_SRC_URL = re.compile(r"""url\(\s*(["']?)([^"')]+)\1\s*\)""")
_FAMILY = re.compile(r"""font-family\s*:\s*(["'])([^"']+)\1""")
FONT_FILES = (".ttf", ".otf")


def _unescape_css(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        if match.group(1):
            code = int(match.group(1), 16)
            return chr(code) if 0 < code <= 0x10FFFF else "\ufffd"
        return "" if match.group(2) == "\n" else match.group(2)

    return _CSS_ESCAPE.sub(one, text)


def css_generated_text(css: str) -> str:
    """Return the characters of the strings in `content`, `quotes` and `string-set` values."""
    css = _COMMENT.sub("", css)
    out: list[str] = []
    for value in _GENERATED.findall(css):
        for double, single in _CSS_STRING.findall(value):
            out.append(_unescape_css(double or single))
    return "".join(out)


def css_attr_names(css: str) -> frozenset[str]:
    """Return the attribute names CSS prints with attr()."""
    return frozenset(_ATTR.findall(_COMMENT.sub("", css)))


def page_text(html: str, attributes: Iterable[str] = ()) -> str:
    """Return the text a page shows in its body, with the values of `attributes`.

    Regular expressions over the build's own HTML (every value escaped by Jinja), not an
    HTML parser: html.parser took ~0.06 s a brief, a tenth of a series' work per brief
    outside the workers."""
    html = _HIDDEN.sub(" ", _HTML_COMMENT.sub("", html))
    wanted = frozenset(attributes)
    parts: list[str] = []
    for piece in _TAG.split(html):
        if piece.startswith("<"):
            parts += [a or b or c for name, a, b, c in _ATTRIBUTE.findall(piece)
                      if name.lower() in wanted and (a or b or c)]  # fmt: skip
        else:
            parts.append(piece)
    return unescape("".join(parts))


def needed_characters(pages: Iterable[str], stylesheets: Iterable[str]) -> str:
    """Return, sorted, every character the pages may draw with the stylesheets' fonts."""
    sheets = list(stylesheets)
    attributes = frozenset().union(*(css_attr_names(css) for css in sheets))
    text = "".join(page_text(html, attributes) for html in pages)
    text += "".join(css_generated_text(css) for css in sheets)
    seen = set(text + BROWSER_DRAWN)
    # text-transform: uppercase / lowercase / capitalize may show either case.
    seen |= set("".join(c.upper() + c.lower() for c in seen))
    if "\u03c3" in seen:  # lowercase sigma ends a word as final sigma
        seen.add("\u03c2")
    return "".join(sorted(c for c in seen if c.isprintable() or c == "\u00a0"))


def subset_web_font(font: bytes, text: str, family: str, common: bool = False) -> bytes | None:
    """Return `font` cut to the characters of `text` it has (with those of COMMON, when
    `common`), as WOFF2 named `family`; None when it has none of the text's characters."""
    cmap = frozenset(hb.Face(font).unicodes)
    unicodes = {ord(c) for c in text} & cmap
    if not unicodes:
        return None
    if common:
        unicodes |= {ord(c) for c in COMMON} & cmap
    return _woff2(font, frozenset(unicodes), family)


@functools.lru_cache(maxsize=32)
def _woff2(font: bytes, unicodes: frozenset[int], family: str) -> bytes:
    """Return the WOFF2 subset of `font` for these code points (~0.1 s a face, most of it
    Brotli and the glyf transform); kept for the build's other briefs, which mostly ask for
    the same. The cache holds the font's bytes, which a series build holds anyway."""
    face = hb.Face(font)
    cmap = set(face.unicodes)
    wanted = set(unicodes) | ({ord(c) for c in AUTOHINT_STANDARD} & cmap)
    # Keep the code points of every glyph the text reaches through GSUB (fi -> U+FB01): a
    # glyph FreeType's autohinter cannot reach from the cmap gets its fallback style, and the
    # browser then draws the ligatures a shade differently from the full face.
    plan = hb.SubsetPlan(face, _subset_input(wanted))
    kept = set(plan.new_to_old_glyph_mapping.values())
    reached = {code for code, glyph in _cmap(face, cmap).items() if glyph in kept}
    cut = hb.subset(face, _subset_input(wanted | reached))
    if cut is None:
        raise ValueError(f"HarfBuzz could not subset the face for {family}")
    subset = TTFont(io.BytesIO(bytes(cut.blob.data)), recalcTimestamp=False)
    _rename(subset, family)
    out = io.BytesIO()
    subset.flavor = "woff2"
    with _brotli_at(WOFF2_QUALITY):
        subset.save(out, reorderTables=True)
    return out.getvalue()


class _AtQuality:
    """The brotli module as fontTools' WOFF2 writer uses it, compressing at `quality` (a
    large face's data at WOFF2_QUALITY_LARGE)."""

    def __init__(self, module: Any, quality: int) -> None:
        self._module, self._quality = module, quality

    def compress(self, data: bytes, mode: int = 0, **_: Any) -> bytes:
        quality = self._quality if len(data) <= LARGE_FONT_DATA else WOFF2_QUALITY_LARGE
        return bytes(self._module.compress(data, mode=mode, quality=quality))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._module, name)


_SAVING = threading.Lock()


@contextlib.contextmanager
def _brotli_at(quality: int) -> Iterator[None]:
    """Have fontTools' WOFF2 writer compress at `quality`: it calls brotli.compress(data,
    mode=MODE_FONT) with no quality (so 11), and offers no option."""
    with _SAVING:
        module = woff2.brotli
        woff2.brotli = _AtQuality(module, quality)
        try:
            yield
        finally:
            woff2.brotli = module


def _subset_input(unicodes: set[int]) -> hb.SubsetInput:
    """Return HarfBuzz's subset request: these characters, every name record (the copyright
    and OFL notices), hinting and the default layout features kept."""
    request = hb.SubsetInput()
    request.unicode_set.update(sorted(unicodes))
    request.sets(hb.SubsetInputSets.NAME_ID).update(range(0, 32768))
    request.flags = hb.SubsetFlags.NOTDEF_OUTLINE
    return request


def _cmap(face: hb.Face, codes: set[int]) -> dict[int, int]:
    """Return the face's character map: code point to glyph id."""
    font = hb.Font(face)
    return {code: glyph for code in sorted(codes)
            if (glyph := font.get_nominal_glyph(code)) is not None}  # fmt: skip


def _rename(face: TTFont, family: str) -> None:
    """Give a subset the theme's family name in place of its own (OFL: a modified font may
    not keep a Reserved Font Name); the copyright and licence records stay."""
    style = face["name"].getDebugName(2) or "Regular"
    names = {1: family, 3: f"{family} {style}; web subset", 4: f"{family} {style}",
             6: f"{family}-{style}".replace(" ", ""), 16: family, 17: style}  # fmt: skip
    face["name"].names = [n for n in face["name"].names if n.nameID not in (*names, 21, 22)]
    for name_id, value in names.items():
        face["name"].setName(value, name_id, 3, 1, 0x409)
    if "CFF " in face:
        face["CFF "].cff.fontNames = [names[6]]


def woff2_name(path: str) -> str:
    """Return the web font's path for a face's path: fonts/X.ttf -> fonts/X.woff2."""
    return str(PurePosixPath(path).with_suffix(".woff2"))


def edition_text(pages: Iterable[str], assets: Mapping[str, bytes], fonts_css: str) -> str:
    """Return, sorted, every character the pages may draw with the fonts `fonts_css`
    declares, the stylesheets among `assets` applied."""
    sheets = [data.decode("utf-8") for name, data in sorted(assets.items())
              if name.endswith(".css")]  # fmt: skip
    return needed_characters(pages, [*sheets, fonts_css])


def web_assets(
    pages: Iterable[str],
    assets: Mapping[str, bytes],
    fonts_css: str,
    fonts_css_path: str,
    fallbacks: Iterable[str] = (),
    text: str | None = None,
) -> dict[str, bytes]:
    """Return the HTML edition's assets: `assets` (keyed by output path, fonts.css's rules
    relative to its folder) without font files, stylesheets and scripts minified, plus a
    WOFF2 subset of each face `fonts_css` declares that the pages need (or `text`, when
    given: a series' union), and fonts.css pointing at them. A face of a `fallbacks`
    family gets only the characters the other families' faces lack."""
    folder = PurePosixPath(fonts_css_path).parent
    if text is None:
        text = edition_text(pages, assets, fonts_css)
    web: dict[str, bytes] = {}
    for url, (family, needed, common) in _needed_faces(text, assets, fonts_css, folder,
                                                        fallbacks).items():  # fmt: skip
        cut = subset_web_font(assets[str(folder / url)], needed, family, common)
        if cut is not None:
            web[str(folder / woff2_name(url))] = cut
    kept = minified({name: data for name, data in assets.items()
                     if not name.endswith(FONT_FILES)
                     and not _unused_licence(name, web)})  # fmt: skip
    stylesheet = web_font_css(fonts_css, {str(PurePosixPath(n).relative_to(folder)) for n in web})
    return dict(sorted((kept | web | {fonts_css_path: stylesheet.encode("utf-8")}).items()))


def linked_web_assets(
    text: str,
    assets: Mapping[str, bytes],
    fonts_css: str,
    fonts_css_path: str,
    fonts_url: str,
    fallbacks: Iterable[str] = (),
) -> dict[str, bytes]:
    """Return the HTML edition's assets when its fonts are a series' (cut once for every
    brief, from the union of their characters): `assets` without font files or their
    licences, stylesheets and scripts minified, and a fonts.css whose rules, for the faces
    `text` needs, point at `fonts_url` (relative to fonts.css's folder) and the face's
    WOFF2 name."""
    folder = PurePosixPath(fonts_css_path).parent
    needed = _needed_faces(text, assets, fonts_css, folder, fallbacks)
    kept = minified({name: data for name, data in assets.items()
                     if not name.endswith(FONT_FILES) and not _is_licence(name)})  # fmt: skip
    stylesheet = web_font_css(fonts_css, {woff2_name(url) for url in needed}, fonts_url)
    return dict(sorted((kept | {fonts_css_path: stylesheet.encode("utf-8")}).items()))


def _needed_faces(
    text: str,
    assets: Mapping[str, bytes],
    fonts_css: str,
    folder: PurePosixPath,
    fallbacks: Iterable[str],
) -> dict[str, tuple[str, str, bool]]:
    """Return, for each face `fonts_css` declares that maps a character of `text`, its
    family, the characters it is cut to (a fallback family's: those the others lack) and
    whether it holds COMMON too (not a fallback's)."""
    faces = _faces(fonts_css)
    fallback = set(fallbacks)
    primary = [url for url, family in faces.items() if family not in fallback]
    covered = set().union(*(_characters(assets[str(folder / url)]) for url in primary))
    missing = "".join(c for c in text if ord(c) not in covered)
    needed: dict[str, tuple[str, str, bool]] = {}
    for url, family in faces.items():
        wanted = missing if family in fallback else text
        face = _characters(assets[str(folder / url)]) if wanted else set()
        if any(ord(c) in face for c in wanted):
            needed[url] = (family, wanted, family not in fallback)
    return needed


def _is_licence(name: str) -> bool:
    """Return True for a font licence file (OFL-<Name>.txt)."""
    path = PurePosixPath(name)
    return path.name.startswith("OFL-") and path.suffix == ".txt"


def _unused_licence(name: str, web: Mapping[str, bytes]) -> bool:
    """Return True for a licence file (OFL-<Name>.txt) of faces none of which is shipped."""
    path = PurePosixPath(name)
    if not _is_licence(name):
        return False
    stem = path.stem.removeprefix("OFL-")
    return not any(PurePosixPath(n).parent == path.parent
                   and PurePosixPath(n).name.startswith(f"{stem}-") for n in web)  # fmt: skip


@functools.lru_cache(maxsize=64)
def _characters(font: bytes) -> frozenset[int]:
    """Return the code points a face maps (read once a build: every brief asks)."""
    return frozenset(hb.Face(font).unicodes)


def _faces(css: str) -> dict[str, str]:
    """Return each @font-face rule's first source URL with the family it declares."""
    faces: dict[str, str] = {}
    for body in _FONT_FACE.findall(_COMMENT.sub("", css)):
        urls = _SRC_URL.findall(body)
        family = _FAMILY.search(body)
        if urls and family:
            faces.setdefault(urls[0][1], family.group(2))
    return faces


def web_font_css(css: str, available: Iterable[str], base: str = "") -> str:
    """Return the @font-face rules of `css` whose face was subset, pointed at the WOFF2
    (under `base`, a folder's URL ending in "/", when the fonts are elsewhere)."""
    have = set(available)
    rules: list[str] = []
    for body in _FONT_FACE.findall(_COMMENT.sub("", css)):
        urls = [url for _quote, url in _SRC_URL.findall(body)]
        if not urls or woff2_name(urls[0]) not in have:
            continue
        src = f'src: url("{base}{woff2_name(urls[0])}") format("woff2");'
        body = re.sub(r"src\s*:[^;]*;", src, body.strip())
        rules.append("@font-face { " + " ".join(body.split()) + " }")
    header = "/* Generated: the brand's faces cut to the characters these pages use. */\n"
    return header + "\n".join(rules) + "\n"
