"""Tests for briefwright.check.brand: readable colours in both schemes, usable fonts and logo."""

from __future__ import annotations

from briefwright.check.brand import check_brand
from briefwright.errors import Severity
from tests.unit.check.conftest import Minimal, found


def test_the_default_brand_passes(minimal: Minimal) -> None:
    """The theme's own palette, fonts and no logo raise nothing."""
    assert list(check_brand(minimal.brief())) == []


def test_a_dark_scheme_colour_that_fails_wcag_aa_is_bw170(minimal: Minimal) -> None:
    """A dark-scheme text colour too close to its background is BW170, said to be in the
    dark scheme, with the remedy that scheme needs: an error."""
    minimal.write("brand.yaml", "dark:\n  foreground: '#333333'\n")
    diagnostics = list(check_brand(minimal.brief()))
    assert diagnostics and {d.code for d in diagnostics} == {"BW170"}
    assert all(d.severity is Severity.ERROR for d in diagnostics)
    first = str(diagnostics[0])
    assert first.startswith(f"{minimal.at('brand.yaml', 2, 15)}: BW170 body text (foreground")
    assert "in the dark scheme" in first and "lighten the text colour" in first


def test_a_logo_the_theme_cannot_use_is_bw171(minimal: Minimal) -> None:
    """A logo that is neither SVG nor PNG is BW171 at its path."""
    minimal.write("brand.yaml", "logo: {path: logo.gif, alt: Fixture org}\n")
    assert found(check_brand, minimal.brief()) == [
        f"{minimal.at('brand.yaml', 1, 14)}: BW171 the logo must be an SVG or PNG file"
    ]
