"""The brand's logo on a one-pager: inside the top band, above the title, whatever its shape
(a wide SVG, a square SVG, a PNG). Read from WeasyPrint's boxes, where the layout is decided."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from briefwright.load.content import load_brief
from briefwright.pipeline.prepare import made_assets
from briefwright.render.html import document_labels, render_onepager
from briefwright.settings import PdfSettings
from briefwright.typeset.engine import Typesetter
from tests.conftest import LAYERS, MakeProject

BUILT = datetime(2023, 3, 20, tzinfo=UTC)


def _boxes(box: Any) -> Iterator[Any]:
    """Yield a box and every box inside it."""
    yield box
    for child in getattr(box, "children", ()):
        yield from _boxes(child)


def _classes(box: Any) -> list[str]:
    element = getattr(box, "element", None)
    return (element.get("class") or "").split() if element is not None else []


def _bottom(box: Any) -> float:
    return float(box.position_y + box.margin_height())


@pytest.mark.parametrize("fixture", ["logo-wide", "logo-square", "logo-png"])
def test_the_logo_sits_in_the_band_above_the_title(project: MakeProject, fixture: str) -> None:
    """The band is as tall as the logo, and the title begins below it: never drawn over."""
    content = project(fixture)
    brief = load_brief(content)
    labels = document_labels(brief, LAYERS)
    html = render_onepager(brief, brief.topics[0], LAYERS, BUILT, labels)
    made = made_assets(brief, labels, content)
    with Typesetter(LAYERS, PdfSettings(), "only.pdf", made=made) as typesetter:
        document = typesetter.render(html, "onepagers")
        boxes = list(_boxes(document.pages[0]._page_box))
    band = next(box for box in boxes if "op-band" in _classes(box))
    (logo,) = [box for box in boxes if "op-logo" in _classes(box)]
    title = next(box for box in boxes if getattr(box, "element_tag", None) == "h1")
    assert logo.height > 5, "the logo is drawn at a visible size"
    assert band.position_y <= logo.position_y and _bottom(logo) <= _bottom(band)
    assert _bottom(logo) <= title.position_y
