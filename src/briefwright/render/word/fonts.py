"""Choose the faces the Word edition embeds: the bundled families (with the Japanese one for a
Japanese document) read from the template layers, and the TrueType families a brand
supplies, when their licence allows embedding."""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from types import MappingProxyType

from fontTools.ttLib import TTFont

from briefwright.docx.fonts import embedding_name
from briefwright.docx.model import FontFace
from briefwright.files import MAX_ASSET_BYTES, read_regular
from briefwright.model.brand import Brand as BrandModel

SERIF = "Source Serif 4"
SANS = "Noto Sans"
SANS_SEMIBOLD = f"{SANS} SemiBold"
#: The East Asian family a Japanese document's kana and kanji are set in (its TrueType
#: build: Word embeds no CFF; templates/assets/fonts/README.md).
JAPANESE = "Noto Sans CJK JP"
JAPANESE_FILES: Mapping[FontFace, str] = MappingProxyType(
    {"regular": "NotoSansCJKjp-Regular-JIS.ttf", "bold": "NotoSansCJKjp-Bold-JIS.ttf"}
)
#: The bundled faces the Word edition embeds, by family and face (templates/assets/fonts/).
FONT_FILES: Mapping[str, Mapping[FontFace, str]] = MappingProxyType({
    SERIF: {"regular": "SourceSerif4-Regular.ttf", "bold": "SourceSerif4-Bold.ttf",
            "italic": "SourceSerif4-Italic.ttf", "bold_italic": "SourceSerif4-BoldItalic.ttf"},
    SANS: {"regular": "NotoSans-Regular.ttf", "bold": "NotoSans-Bold.ttf",
           "italic": "NotoSans-Italic.ttf"},
    SANS_SEMIBOLD: {"regular": "NotoSans-SemiBold.ttf"},
})  # fmt: skip

Fonts = Mapping[str, Mapping[FontFace, bytes]]


#: The faces a supplied family's files may be, by (weight, style); a 600 face makes the
#: family's SemiBold, as the bundled Noto Sans SemiBold is.
_SUPPLIED_FACES: Mapping[tuple[int, str], tuple[str, FontFace]] = MappingProxyType({
    (400, "normal"): ("", "regular"), (700, "normal"): ("", "bold"),
    (400, "italic"): ("", "italic"), (700, "italic"): ("", "bold_italic"),
    (600, "normal"): (" SemiBold", "regular"),
})  # fmt: skip
_TRUETYPE = (b"\x00\x01\x00\x00", b"true")
_RESTRICTED_EMBEDDING = 0x0002  # OS/2 fsType: the licence forbids embedding


def supplied_fonts(brand: BrandModel, made: Mapping[str, bytes]) -> Fonts:
    """Return the faces of the families the project supplies, as the Word edition embeds
    them: read from the assets the build made (`assets/brand/<file>`), TrueType only (Word
    embeds no CFF-flavoured OpenType), never a face whose licence forbids embedding; 400
    and 700 upright and italic, and 600 as the family's SemiBold. A family without a 400
    upright face is left out: Word then sets the bundled family, as the PDF would not."""
    faces: dict[str, dict[FontFace, bytes]] = {}
    for font in brand.typography.fonts:
        for file in font.files:
            place = _SUPPLIED_FACES.get((file.weight, file.style))
            data = made.get(f"assets/brand/{PurePosixPath(file.path).name}")
            if place is None or data is None or not _embeddable(data):
                continue
            suffix, face = place
            faces.setdefault(font.family + suffix, {})[face] = data
    return {family: held for family, held in faces.items() if "regular" in held}


def is_japanese(language: str) -> bool:
    """Return True for Japanese (BCP 47 tag)."""
    return language.split("-")[0].lower() == "ja"


def _embeddable(data: bytes) -> bool:
    """Return True for a TrueType font whose licence allows embedding."""
    if data[:4] not in _TRUETYPE:
        return False
    try:
        font = TTFont(io.BytesIO(data), lazy=True)
        fs_type = int(font["OS/2"].fsType) if "OS/2" in font else 0
    except Exception:
        return False
    return not fs_type & _RESTRICTED_EMBEDDING


def read_fonts(layers: tuple[Path, ...], language: str = "en") -> Fonts:
    """Read the faces the Word edition embeds from the template layers' fonts folders (the
    first layer holding a file wins, as for the PDF); a Japanese document's, the Japanese
    faces too."""
    faces: dict[str, dict[FontFace, bytes]] = {}
    families = dict(FONT_FILES)
    if is_japanese(language):
        families[JAPANESE] = JAPANESE_FILES
    for family, files in families.items():
        for face, name in files.items():
            held = [layer for layer in layers if (layer / "assets" / "fonts" / name).exists()]
            layer = held[0] if held else layers[-1]
            data = read_regular(layer / "assets" / "fonts" / name, layer, MAX_ASSET_BYTES)
            faces.setdefault(family, {})[face] = data
    return faces


def embedding_names(fonts: Fonts) -> dict[str, str]:
    """Return the name each family is embedded under, by its own name."""
    return {family: embedding_name(family, next(iter(faces.values())))
            for family, faces in fonts.items()}  # fmt: skip
