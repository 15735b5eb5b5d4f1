"""Turn a picture into an inline DrawingML w:drawing, with an SVG blip where there is one.

Word 2016 and later draw the SVG named in the a:blip's asvg:svgBlip extension; every other
reader (and older Word) draws the PNG the a:blip itself names, which is why the PNG is
required. The alternative text goes in wp:docPr/@descr, where Word's "Alt Text" reads it.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefwright.docx.ooxml import el, emu

SVG_EXTENSION_URI = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
PICTURE_URI = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_NS_ASVG = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"


@dataclass(frozen=True)
class Picture:
    """A picture placed in the package: its relationship ids, name, alt text and size."""

    png_id: str
    svg_id: str | None
    drawing_id: int
    name: str
    alt: str
    width_mm: float
    height_mm: float


def inline_picture(picture: Picture) -> str:
    """Return the w:drawing of an inline picture, to be put in a run."""
    size: dict[str, str | int] = {"cx": emu(picture.width_mm), "cy": emu(picture.height_mm)}
    described: dict[str, str | int] = {
        "id": picture.drawing_id,
        "name": picture.name,
        "descr": picture.alt,
    }
    blip = _blip(picture.png_id, picture.svg_id)
    graphic = el(
        "pic:pic",
        None,
        el("pic:nvPicPr", None, el("pic:cNvPr", described), el("pic:cNvPicPr")),
        el("pic:blipFill", None, blip, el("a:stretch", None, el("a:fillRect"))),
        el(
            "pic:spPr",
            None,
            el("a:xfrm", None, el("a:off", {"x": 0, "y": 0}), el("a:ext", size)),
            el("a:prstGeom", {"prst": "rect"}, el("a:avLst")),
        ),
    )
    inline = el(
        "wp:inline",
        {"distT": 0, "distB": 0, "distL": 0, "distR": 0},
        el("wp:extent", size),
        el("wp:effectExtent", {"l": 0, "t": 0, "r": 0, "b": 0}),
        el("wp:docPr", described),
        el("wp:cNvGraphicFramePr", None, el("a:graphicFrameLocks", {"noChangeAspect": 1})),
        el("a:graphic", None, el("a:graphicData", {"uri": PICTURE_URI}, graphic)),
    )
    return f"<w:drawing>{inline}</w:drawing>"


def _blip(png_id: str, svg_id: str | None) -> str:
    """Return the PNG's blip, carrying the SVG as Office 2016's extension when there is one."""
    if svg_id is None:
        return el("a:blip", {"r:embed": png_id})
    svg = el("asvg:svgBlip", {"xmlns:asvg": _NS_ASVG, "r:embed": svg_id})
    extension = el("a:extLst", None, el("a:ext", {"uri": SVG_EXTENSION_URI}, svg))
    return el("a:blip", {"r:embed": png_id}, extension)
