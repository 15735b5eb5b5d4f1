"""Turn a brief's brand into diagnostics: text colours that pass WCAG AA, and fonts and a
logo the theme can use.
"""

from __future__ import annotations

from collections.abc import Iterator

from briefwright.check.where import located
from briefwright.errors import Diagnostic
from briefwright.model.brand import brand_problems, contrast_failures
from briefwright.model.brief import Brief


def check_brand(brief: Brief) -> Iterator[Diagnostic]:
    """BW170: the brand's text colours pass WCAG AA on their backgrounds; BW171: its fonts
    and logo are ones the theme can use."""
    brand = brief.brand
    schemes = (
        (brand.color, "", "darken the text colour or lighten its background"),
        (brand.dark, " in the dark scheme", "lighten the text colour or darken its background"),
    )
    for palette, scheme, remedy in schemes:
        for what, pair, ratio, required in contrast_failures(palette):
            message = (
                f"{what} ({pair}){scheme} have a contrast of {ratio:.2f}:1; WCAG AA needs "
                f"{required:g}:1: {remedy}"
            )
            yield Diagnostic("BW170", message, located(palette, pair.split()[0]))
    for message, where in brand_problems(brand):
        yield Diagnostic("BW171", message, where or located(brand))
