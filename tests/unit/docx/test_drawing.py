"""Tests for briefwright.docx.drawing: an inline picture with its size, alt text and, when
there is one, its SVG beside the PNG."""

from __future__ import annotations

import re
from dataclasses import replace

from briefwright.docx.drawing import SVG_EXTENSION_URI, Picture, inline_picture
from briefwright.docx.model import Logo
from briefwright.docx.ooxml import emu
from briefwright.docx.writer import write_docx
from tests.unit.docx import samples
from tests.unit.docx.conftest import Package, fragment

WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def test_figures_are_svg_with_a_png_fallback_and_alt_text(brief: Package) -> None:
    """A figure names its SVG in Office's extension and its PNG in the blip, with alt text."""
    body = brief.text("word/document.xml")
    blip = re.search(
        r'<a:blip r:embed="(rId\d+)"><a:extLst><a:ext uri="\{96DAC541-7B7A-43D3-'
        r'8B79-37D633B846F1\}"><asvg:svgBlip [^>]*r:embed="(rId\d+)"/>',
        body,
    )
    assert blip is not None
    rels = brief.text("word/_rels/document.xml.rels")
    assert re.search(rf'Id="{blip.group(1)}"[^>]*Target="media/image1.png"', rels)
    assert re.search(rf'Id="{blip.group(2)}"[^>]*Target="media/image1.svg"', rels)
    assert 'descr="Bar chart: statements per section."' in body
    assert 'Extension="svg" ContentType="image/svg+xml"' in brief.text("[Content_Types].xml")
    assert brief.zip.read("word/media/image1.svg") == samples.SVG


def test_an_svg_logo_is_the_header_picture_with_its_png() -> None:
    """A logo with an SVG is embedded as both, the SVG in Office's extension."""
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 1"><rect width="4"/></svg>'
    mark = Logo(samples.png(8, 2), "image/png", "House", 48, 12, svg)
    document = replace(samples.sample_onepager(), brand=replace(samples.brand(), logo=mark))
    package = Package(write_docx(document))
    header = package.text("word/header1.xml")
    assert "asvg:svgBlip" in header and 'descr="House"' in header
    rels = package.text("word/_rels/header1.xml.rels")
    assert 'Target="media/logo.png"' in rels and 'Target="media/logo.svg"' in rels
    assert package.zip.read("word/media/logo.svg") == svg


def test_a_picture_is_sized_in_emu_and_described() -> None:
    """The extent is the size in EMU; the alt text goes in docPr/@descr, escaped."""
    picture = Picture("rId7", None, 3, "Figure 3", 'Chart "A" & <B>', 170.0, 85.0)
    root = fragment(inline_picture(picture))
    extent = root.find(f".//{WP}extent")
    assert extent is not None
    assert (extent.get("cx"), extent.get("cy")) == (str(emu(170.0)), str(emu(85.0)))
    described = root.find(f".//{WP}docPr")
    assert described is not None and described.get("descr") == 'Chart "A" & <B>'
    assert root.find(f".//{A}extLst") is None


def test_an_svg_rides_in_the_office_extension_of_the_png_blip() -> None:
    """With an SVG, the blip names the PNG and carries the SVG in Office 2016's extension."""
    root = fragment(inline_picture(Picture("rId1", "rId2", 1, "Logo", "House", 10, 5)))
    extension = root.find(f".//{A}ext")
    assert extension is not None and extension.get("uri") == SVG_EXTENSION_URI
    svg_blip = next(e for e in extension.iter() if e.tag.endswith("svgBlip"))
    assert [v for k, v in svg_blip.attrib.items() if k.endswith("embed")] == ["rId2"]
