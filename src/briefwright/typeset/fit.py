"""Typeset a one-pager so that it provably fits one page, or say by how much it does not.

The page is typeset at the stylesheet's own size first; if it runs over, the body size steps
down (`STEPS`, never below 8.5 pt) and the page is typeset again. If even the floor does not
fit, the error says how far the content runs over, in percent of a page and in lines.
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
    """Return a one-page PDF of html, stepping the type down as far as the floor allows."""
    for steps, size in enumerate(STEPS):
        document = typesetter.render(html, base, _size_css(size))
        if len(document.pages) == 1:
            raw = typesetter.write_pdf(document)
            del document  # before finish: see Typesetter.finish
            return Fitted(typesetter.finish(raw), size, steps)
    raise BriefError([_overflow(typesetter, html, base, topic_id, where, document)])


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
