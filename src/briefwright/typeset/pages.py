"""Turn a typeset PDF and the names of some of its anchors into where each begins: its page
and how far down that page, read from the named destinations WeasyPrint writes for every
element with an `id`.

Read after typesetting, from the PDF's bytes, so that a PDF the build reuses is measured as
one it typesets: nothing about it needs keeping in the manifest.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass

import pikepdf


@dataclass(frozen=True, order=True)
class Spot:
    """Where an anchor begins: its page (counting from 1) and how far down the page's
    height, from 0 (the top edge) to 1 (the bottom edge)."""

    page: int
    down: float

    @property
    def position(self) -> float:
        """Return the spot in pages from the top of the first: page 3, halfway down, is 2.5."""
        return self.page - 1 + self.down


def find_anchors(pdf: bytes, names: Iterable[str]) -> dict[str, Spot]:
    """Return where each named anchor begins; an anchor the PDF does not hold is left out."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        numbers = {page.obj.objgen: number for number, page in enumerate(document.pages, 1)}
        catalog_names = document.Root.get("/Names")
        if catalog_names is None or "/Dests" not in catalog_names:
            return {}
        tree = pikepdf.NameTree(catalog_names.Dests)
        found = {}
        for name in names:
            if name in tree:
                found[name] = _spot(tree[name], numbers)
        return found


def _spot(destination: pikepdf.Object, numbers: dict[tuple[int, int], int]) -> Spot:
    """Return the spot of an `[page /XYZ left top zoom]` destination."""
    page = destination[0]
    top = float(destination[3])
    bottom, height = float(page.MediaBox[1]), float(page.MediaBox[3]) - float(page.MediaBox[1])
    down = min(max((bottom + height - top) / height, 0.0), 1.0) if height else 0.0
    return Spot(numbers[page.objgen], down)
