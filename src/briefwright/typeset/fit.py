"""Typeset a one-pager so that it provably fits one page, or say by how much it does not.

The page is typeset at the stylesheet's own size first; if it runs over, the body size steps
down (`STEPS`, never below 8.5 pt) to the largest step that fits. How far the first run went
over says where to look: the search starts at the step that shrinks the text by as much, and
walks up while a step fits or down while one does not (the Japanese co-development page,
three steps down: three typesettings, not four). If even the floor does not fit, the error
says how far the content runs over, in percent of a page and in lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefwright.errors import BriefError, Diagnostic, Location
from briefwright.typeset.engine import Typesetter

#: Body sizes tried after the stylesheet's own (None); the last is the floor.
STEPS: tuple[str | None, ...] = (None, "10pt", "9.5pt", "9pt", "8.5pt")
_LINE_HEIGHT = 1.4
#: The height of the page a one-pager is measured on when it does not fit: its paper's
#: width, and room for all it holds.
_TALL_MM = 5000


@dataclass(frozen=True)
class Fitted:
    """A one-page PDF and the body size it needed (None: the stylesheet's own)."""

    pdf: bytes
    size: str | None
    steps: int


def fit_one_page(
    typesetter: Typesetter, html: str, base: str, topic_id: str, where: Location
) -> Fitted:
    """Return a one-page PDF of html at the largest of STEPS that fits."""
    document, step = _fitting(typesetter, html, base, topic_id, where)
    raw = typesetter.write_pdf(document)
    del document  # the one reference left, before finish: see Typesetter.finish
    return Fitted(typesetter.finish(raw), STEPS[step], step)


def _fitting(
    typesetter: Typesetter, html: str, base: str, topic_id: str, where: Location
) -> tuple[Any, int]:
    """Return the layout at the largest step that fits, and the step; a smaller step is
    taken never to need more room than a larger (widows and orphans rules could make one
    do so, and the search then settle a step lower than a walk from the top would)."""
    document = typesetter.render(html, base, _size_css(STEPS[0]))
    if len(document.pages) == 1:
        return document, 0
    step = _first_guess(document)
    del document
    tried = typesetter.render(html, base, _size_css(STEPS[step]))
    if len(tried.pages) == 1:
        return _largest_fitting(typesetter, html, base, step, tried)
    while step < len(STEPS) - 1:  # down until a step fits
        step += 1
        tried = typesetter.render(html, base, _size_css(STEPS[step]))
        if len(tried.pages) == 1:
            return tried, step
    raise BriefError([_overflow(typesetter, html, base, topic_id, where, tried)])


def _largest_fitting(
    typesetter: Typesetter, html: str, base: str, step: int, fitting: Any
) -> tuple[Any, int]:
    """Return the largest step that fits, and its layout, from one that fits: up while the
    next larger fits too (the stylesheet's own size, step 0, is known to run over)."""
    while step > 1:
        larger = typesetter.render(html, base, _size_css(STEPS[step - 1]))
        if len(larger.pages) != 1:
            break
        step, fitting = step - 1, larger
    return fitting, step


def _first_guess(overflowing: Any) -> int:
    """Return the step to try first after the stylesheet's size ran over: the largest whose
    size is at most the stylesheet's shrunk by the share the text ran over (the height of
    the flowing text grows about as its size), else the first step."""
    pages = overflowing.pages
    available = pages[0]._page_box.height
    needed = available + sum(_content_height(page) for page in pages[1:])
    own = _onepager_size(pages[0]._page_box)
    if own is None:
        return 1
    target_pt = own * available / needed * 3 / 4  # CSS px to pt
    sizes = [float(str(size).removesuffix("pt")) for size in STEPS[1:]]
    return next((n for n, size in enumerate(sizes, 1) if size <= target_pt), len(STEPS) - 1)


def _onepager_size(page_box: Any) -> float | None:
    """Return the font size (CSS px) of the page's `.onepager` box, breadth first."""
    boxes = [page_box]
    while boxes:
        box = boxes.pop(0)
        element = getattr(box, "element", None)
        if element is not None and "onepager" in (element.get("class") or "").split():
            return float(box.style["font_size"])
        boxes.extend(getattr(box, "children", ()))
    return None


def _size_css(size: str | None) -> str:
    # Passed stylesheets come before the document's own, so the override must be !important.
    return f".onepager {{ font-size: {size} !important; }}" if size else ""


def _overflow(
    typesetter: Typesetter, html: str, base: str, topic_id: str, where: Location, fitted: Any
) -> Diagnostic:
    """Measure how far the content at the floor size runs past one page."""
    available = fitted.pages[0]._page_box.height
    tall_page = f"@page {{ size: {typesetter.page.width_mm:g}mm {_TALL_MM}mm }}"
    tall = typesetter.render(html, base, _size_css(STEPS[-1]) + tall_page)
    needed = _content_height(tall.pages[0])
    over = max(needed - available, 0.0)
    line = float(str(STEPS[-1]).removesuffix("pt")) * _LINE_HEIGHT * 4 / 3  # pt to CSS px
    message = (
        f"one-pager '{topic_id}' does not fit one page even at {STEPS[-1]}: it runs over by "
        f"{over / available:.0%} of a page (about {over / line:.0f} lines); cut key points "
        "under `onepager: key_points:` or shorten their text"
    )
    return Diagnostic("BW140", message, where)


def _content_height(page: Any) -> float:
    """Return the height of the laid-out document (its root box) on an unbounded page."""
    return float(page._page_box.children[0].margin_height())
