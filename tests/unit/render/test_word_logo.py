"""Tests for briefwright.render.word.logo: the brand's logo in the Word edition."""

from __future__ import annotations

import struct

import pytest
import vl_convert

from briefwright.render.word.logo import (
    LOGO_PIXELS_HIGH,
    PNG_SIGNATURE,
    self_contained,
    word_logo,
)
from tests.conftest import TEMPLATES

FONTS = TEMPLATES / "assets" / "fonts"
LOGO = (
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    b'viewBox="0 0 300 100"><defs><linearGradient id="g"><stop offset="0"/></linearGradient>'
    b'</defs><rect width="300" height="100" fill="url(#g)"/>'
    b'<image href="file:///etc/passwd" width="10" height="10"/>'
    b'<use xlink:href="https://example.org/mark.svg#m"/><use href="#g"/>'
    b'<circle r="5" style="fill: url(http://example.org/x.svg#p)"/>'
    b"<style>rect { filter: url('/tmp/f.svg#f') }</style></svg>"
)


def test_an_svg_logo_keeps_its_shape_and_gains_a_png() -> None:
    """An SVG logo is embedded as SVG with a PNG drawn from it, 12 mm high, as wide as
    its viewBox says (3:1 gives 36 mm)."""
    logo = word_logo(LOGO, "House", FONTS)
    assert logo is not None and logo.svg is not None
    assert logo.data.startswith(PNG_SIGNATURE) and logo.content_type == "image/png"
    width, height = struct.unpack(">II", logo.data[16:24])
    assert abs(width / height - 3) < 0.05
    assert (logo.width_mm, logo.height_mm) == (36.0, 12.0) and logo.alt == "House"


def test_references_outside_the_svg_are_removed_before_it_is_drawn() -> None:
    """Files and URLs (href, xlink:href, url() in attributes and styles) go; references
    inside the SVG (#g) stay."""
    svg = self_contained(LOGO)
    assert svg is not None
    text = svg.decode("utf-8")
    for outside in ("/etc/passwd", "example.org", "/tmp/f.svg"):
        assert outside not in text
    assert 'fill="url(#g)"' in text and 'href="#g"' in text


def test_a_png_logo_is_kept_and_anything_else_is_left_out() -> None:
    """A PNG stays as it is; a file that is neither PNG nor SVG gives no Word logo."""
    png = PNG_SIGNATURE + b"\0\0\0\rIHDR" + struct.pack(">II", 200, 50) + b"\0" * 8
    logo = word_logo(png, "House", None)
    assert logo is not None and logo.data == png and logo.svg is None
    assert logo.width_mm == 48.0
    assert word_logo(b"<html/>", "House", None) is None
    assert word_logo(b"\x00\x01 not a picture", "House", None) is None


def test_the_png_is_drawn_at_a_bounded_size_whatever_the_svg_declares() -> None:
    """A 200-byte SVG declaring a canvas of 200,000 × 80,000 (terabytes at 600 ppi) is
    drawn LOGO_PIXELS_HIGH high and as wide as its shape, never at its declared size."""
    huge = b'<svg xmlns="http://www.w3.org/2000/svg" width="200000" height="80000"><rect/></svg>'
    boxed = huge.replace(b'height="80000"', b'height="80000" viewBox="0 0 10 10"')
    for svg, wide in ((huge, round(LOGO_PIXELS_HIGH * 2.5)), (boxed, LOGO_PIXELS_HIGH)):
        logo = word_logo(svg, "House", None)
        assert logo is not None
        assert struct.unpack(">II", logo.data[16:24]) == (wide, LOGO_PIXELS_HIGH)


def test_a_logo_drawn_once_is_not_drawn_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """The English and Japanese editions (and a series' briefs) share one drawing of the
    same SVG logo: resvg draws it once, and both get the same PNG."""
    drawn: list[str] = []
    real = vl_convert.svg_to_png

    def counted(svg: str, ppi: float) -> bytes:
        drawn.append(svg)
        return bytes(real(svg, ppi=ppi))

    monkeypatch.setattr(vl_convert, "svg_to_png", counted)
    svg = LOGO.replace(b'viewBox="0 0 300 100"', b'viewBox="0 0 301 100"')  # drawn nowhere else
    first, second = word_logo(svg, "House", FONTS), word_logo(svg, "Maison", FONTS)
    assert first is not None and second is not None
    assert len(drawn) == 1 and first.data == second.data and second.alt == "Maison"
