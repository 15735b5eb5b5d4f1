"""Hold the brand a figure is drawn in, and estimate how wide a line of its text is set.

Figures are drawn in user units at a fixed width (560 by default) and scaled to their
column: on an A4 text column (~170 mm) one unit is ~0.3 mm, so 10 units set ~8.6 pt.
The font families are the names the PDF's and the HTML's @font-face rules give the bundled
fonts ("BW Sans", "BW Serif"); text stays text, drawn by WeasyPrint or the browser.
"""

from __future__ import annotations

from dataclasses import dataclass

# Advance widths of Noto Sans Regular (the bundled "BW Sans") in thousandths of an em, for
# the characters U+0020–U+007E, read with fontTools from templates/assets/fonts.
_ASCII_TABLE = """
260 269 408 646 572 831 732 225 300 300 551 572 268 322 268 372 572 572 572 572 572 572
572 572 572 572 268 268 572 572 572 434 899 639 650 632 730 556 519 728 741 339 273 619
524 907 760 781 605 781 622 549 556 731 600 930 586 566 572 329 372 329 572 444 281 561
615 480 615 564 344 615 618 258 258 534 258 935 618 605 615 615 413 479 361 618 508 786
529 510 470 380 551 380 572
"""
_ASCII_WIDTHS = tuple(int(width) for width in _ASCII_TABLE.split())
_OTHER_WIDTHS = {
    "\u2002": 500,
    "\u00a0": 260,
    "–": 500,
    "—": 1000,
    "‘": 175,
    "’": 175,
    "“": 359,
    "”": 359,
    "·": 268,
    "…": 791,
}
_WIDEST = 1000  # any other character: as wide as an em, so an estimate never falls short
#: How much wider SemiBold and Bold set than Regular, at most (fontTools, same characters).
BOLD_FACTOR = 1.19


@dataclass(frozen=True)
class FigureStyle:
    """Colours, fonts and sizes of a figure; the defaults are the brand's."""

    primary: str = "#123a63"
    """Marks and headings."""
    accent: str = "#8a4b08"
    """What needs telling apart: inferred dates."""
    ink: str = "#1b1f24"
    """Text."""
    muted: str = "#5a6470"
    """Secondary text: dates, axis labels."""
    rule: str = "#c9ced6"
    """Separators between lanes."""
    grid: str = "#e4e7eb"
    """Gridlines at the turn of each year: lighter than a rule, since labels cross them."""
    tint: str = "#dce6f0"
    """Fill of bands (a month or a year): the primary, lightened."""
    paper: str = "#ffffff"
    """The background: fill of hollow marks."""
    sans: str = "BW Sans"
    """Font family of every label."""
    serif: str = "BW Serif"
    """Font family of the body text (captions are HTML; kept for completeness)."""
    font_size: float = 10.0
    """Size of event labels, in user units."""
    small_size: float = 8.5
    """Size of dates, ticks and the legend, in user units."""
    width: float = 560.0
    """Width of the drawing in user units; it is scaled to its column."""
    row: float = 17.0
    """Height of a row of events in the timeline, in user units (a linked event's tap
    target is the whole row high)."""

    @property
    def font_family(self) -> str:
        """Return the sans family as an SVG `font-family` value."""
        return f"'{self.sans}', sans-serif"


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Return the width of `text` set in the bundled sans at `size` (an upper estimate)."""
    thousandths = sum(_char_width(character) for character in text)
    return thousandths * size / 1000 * (BOLD_FACTOR if bold else 1.0)


def _char_width(character: str) -> int:
    code = ord(character)
    if 0x20 <= code <= 0x7E:
        return _ASCII_WIDTHS[code - 0x20]
    return _OTHER_WIDTHS.get(character, _WIDEST)
