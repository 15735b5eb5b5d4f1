"""The theme's print rules, typeset: "What to watch" never opens a page alone, the bottom
line is not hyphenated, a note's number stays with its word, and a judgment's last line is
not broken early. Each test typesets the real templates' markup at many sizes, and shows
that the markup without the rule goes wrong at one of them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime
from io import BytesIO

import pytest
from pypdf import PdfReader

from briefwright.load.content import load_brief
from briefwright.render.html import render_brief
from briefwright.settings import PdfSettings
from tests.conftest import CONTENT, LAYERS, MADE, MakeProject, typeset_html

BUILT = datetime(2023, 3, 20, tzinfo=UTC)
STYLES = "".join(
    f'<link rel="stylesheet" href="assets/{name}.css">'
    for name in ("fonts", "brand", "labels", "base", "brief")
)
#: A sentence whose last line, with the quotation marks on it, WeasyPrint 70 breaks after
#: its first word when a space follows the text (the basis line on a line of its own).
QUOTED = (
    "The offer has no taker on record: India has twice asked Japanese industry to invest, yet "
    "no platform was discussed on 20 March 2023, and the one sign of interest is Financial "
    "Express’s report of unnamed defence firms “now looking to jointly work” with Indian ones."
)


def _pages(body: str) -> list[str]:
    """Typeset a body with the brief's stylesheets; return each page's text."""
    html = f'<!DOCTYPE html><html lang="en-GB"><head>{STYLES}</head><body>{body}</body></html>'
    pdf = typeset_html(html, LAYERS, PdfSettings(), "brief.pdf", MADE)
    return [page.extract_text() for page in PdfReader(BytesIO(pdf)).pages]


def _lines(body: str) -> list[str]:
    """Return the text lines of a body typeset on one page, the page furniture and a list's
    bullet left out."""
    (page,) = _pages(body)
    lines = [line.strip() for line in page.splitlines()]
    return [line for line in lines if line not in ("", "•") and not line.startswith("Page ")]


def _element(html: str, tag: str, item_id: str) -> str:
    """Return the element of the rendered brief with this id, its links to the rest of the
    brief left out (the page typeset holds only it)."""
    found = re.search(rf'<{tag} class="[^"]*" id="{item_id}">.*?</{tag}>', html, re.S)
    assert found is not None, item_id
    return re.sub(r' href="#[^"]+"', "", found.group(0))


def _watch_stranded(filler_mm: int, rule: bool) -> bool:
    """Return True when a topic's "What to watch" opens a page without the analysis above
    it, after `filler_mm` of other content (`rule`: the theme's keep-together rule)."""
    keep = "" if rule else "<style>.topic .watch { break-before: auto }</style>"
    body = (
        f'{keep}<main><section class="section topic"><div style="height: {filler_mm}mm"></div>'
        '<p class="judgment">The C-2, the only platform named, is a Japanese aircraft on offer, '
        "not a joint design; the analysis runs to a second line here.</p>"
        '<p class="watch"><span class="watch-label">What to watch</span> A first named '
        "co-development project.</p></section></main>"
    )
    return any(
        "first named" in page and "only platform named" not in page for page in _pages(body)[1:]
    )


def test_what_to_watch_never_opens_a_page_alone() -> None:
    """Whatever the space left on a page, "What to watch" goes to the next page with the
    analysis above it rather than alone; without the rule it is stranded at some point."""
    fillers = range(200, 252, 3)
    assert not any(_watch_stranded(height, rule=True) for height in fillers)
    assert any(_watch_stranded(height, rule=False) for height in fillers)


def _hyphenated(lines: Iterable[str]) -> list[str]:
    """Return the lines that end in a hyphen (the text tried has none of its own)."""
    return [line for line in lines if line.endswith(("-", "\u2010"))]


def test_the_bottom_line_is_never_hyphenated() -> None:
    """Long words that a judgment in the discussion breaks at its lines' ends stay whole in
    the bottom line on the cover."""
    words = " ".join(["interoperability, industrialisation and responsibility"] * 4) + "."
    cover = (
        '<header class="cover" style="width: 200pt"><section class="bluf">'
        f'<p class="judgment bluf-text">{words}</p></section></header>'
    )
    discussion = (
        '<main style="width: 200pt"><section class="section topic">'
        f'<p class="judgment">{words}</p></section></main>'
    )
    assert _hyphenated(_lines(discussion))
    assert not _hyphenated(_lines(cover))


@pytest.mark.parametrize("joined", [True, False])
def test_a_note_number_never_stands_alone_on_a_line(joined: bool) -> None:
    """A fact's note numbers stay on the line of its last word at every width (the word
    joiners the template puts before and between them); without them some width leaves a
    number alone."""
    item = _element(
        render_brief(load_brief(CONTENT), LAYERS, BUILT), "li", "s-co-creation-proposal"
    )
    if not joined:
        item = item.replace("&#8288;", "")
    alone = [
        width
        for width in range(300, 460, 6)
        if any(
            re.fullmatch(r"[\d,]+", line)
            for line in _lines(f'<ul class="key-points" style="width: {width}pt">{item}</ul>')
        )
    ]
    assert (alone == []) is joined, alone


@pytest.mark.parametrize("spaced", [False, True])
def test_a_judgments_last_line_is_not_broken_early(project: MakeProject, spaced: bool) -> None:
    """A judgment whose last line holds quotation marks keeps that line whole at every
    width: the template leaves no space between the text and its basis line; with one,
    WeasyPrint sets the line's first word alone at some width ("Express’s")."""
    content = project("minimal")
    brief_yaml = content / "brief.yaml"
    brief_yaml.write_text(brief_yaml.read_text().replace("text: A judgment.", f'text: "{QUOTED}"'))
    item = _element(render_brief(load_brief(content), LAYERS, BUILT), "li", "s-kj-1")
    if spaced:
        item = item.replace('<span class="basis">', '\n<span class="basis">')
    early = []
    for width in range(480, 493):  # where the last line just fits ("Express’s … ones.")
        lines = _lines(f'<ol class="key-judgments" style="width: {width}pt">{item}</ol>')
        text = [line for line in lines if not line.startswith(("ASSESSMENT", "Rests on"))]
        if any(len(line.split()) == 1 for line in text[:-1]):
            early.append(width)
    assert bool(early) is spaced, early
