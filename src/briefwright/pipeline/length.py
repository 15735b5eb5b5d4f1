"""Turn a built brief's PDF into the length of its main text: the pages before the source
notes, where the recommendations begin, each section's share in pages, and BW191 when the
pages exceed the brief's budget (check/length.py counts the words)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise

from briefwright.check.length import Part, main_text_words, pages_over_budget
from briefwright.errors import Diagnostic
from briefwright.model.brief import Brief
from briefwright.render.html import ANNEX, NOTES, brief_sections
from briefwright.render.labels import Labels
from briefwright.typeset.pages import Spot, find_anchors

BRIEF_PDF = "brief.pdf"
#: The anchors that end the cover and open the contents (partials/cover, contents).
_COVER, _CONTENTS = "cover", "toc-heading"


@dataclass(frozen=True)
class MainText:
    """The main text of a typeset brief: its pages and words against their budgets, where
    the recommendations begin, and what the budget's check found."""

    stem: str
    pages: int
    page_budget: int
    words: int
    word_budget: int
    recommendations_page: int | None
    diagnostics: tuple[Diagnostic, ...]

    @property
    def remark(self) -> str:
        """Return the line the build prints about it."""
        where = ""
        if self.recommendations_page is not None:
            where = f"; recommendations begin on page {self.recommendations_page}"
        pages = f"{self.pages} page{'' if self.pages == 1 else 's'}"
        return (
            f"{self.stem}.pdf: main text {pages} (budget {self.page_budget}), "
            f"{self.words:,} words (budget {self.word_budget:,}){where}"
        )


def measure_main_text(
    brief: Brief, t: Labels, files: Mapping[str, bytes], prefix: str = ""
) -> MainText | None:
    """Return the main text of the brief PDF among `files` (under `prefix` in a series), or
    None when the build made none or its notes carry no anchor (a theme without them)."""
    path = f"{prefix}{BRIEF_PDF}"
    if path not in files:
        return None
    sections = [s for s in brief_sections(brief, t) if s.part not in (NOTES, ANNEX)]
    names = [_COVER, *(s.id for s in sections), _CONTENTS, "notes"]
    spots = find_anchors(files[path], names)
    if "notes" not in spots:
        return None
    pages = spots["notes"].page - 1  # the notes open a page of their own (brief.css)
    headings = {_COVER: "cover and bottom line", _CONTENTS: "contents"}
    headings |= {section.id: section.heading for section in sections}
    parts = _parts(spots, headings)
    meta = brief.metadata
    recommendations = spots.get("recommendations")
    return MainText(
        stem=path.removesuffix(".pdf"),
        pages=pages,
        page_budget=meta.length.pages,
        words=main_text_words(brief),
        word_budget=meta.length.words,
        recommendations_page=recommendations.page if recommendations else None,
        diagnostics=tuple(pages_over_budget(brief, pages, parts)),
    )


def _parts(spots: dict[str, Spot], headings: dict[str, str]) -> list[Part]:
    """Return each anchored part's length in pages: from where it begins to where the next
    one does (the last, to the page the notes open)."""
    ordered = sorted((spot, name) for name, spot in spots.items())
    return [
        Part(headings[name], after.position - spot.position)
        for (spot, name), (after, _) in pairwise(ordered)
        if name in headings
    ]
