"""Tests for briefwright.render.sources: the stored text cut into paragraphs, and source pages."""

from __future__ import annotations

import hashlib
import html
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefwright.evidence.quotes import normalise, quote_parts
from briefwright.load.content import load_brief
from briefwright.model.brief import Brief
from briefwright.render.notes import NoteIndex
from briefwright.render.sources import (
    Label,
    Mark,
    Omitted,
    Paragraph,
    Passage,
    Plain,
    Publish,
    cut_paragraphs,
    paragraph_spans,
    render_source_page,
    source_page_path,
)
from tests.conftest import CONTENT, LAYERS, MakeProject

BUILT = datetime(2023, 3, 20, tzinfo=UTC)
VARIANT_CHOICE = """
wording_choices:
  - id: minister-wording
    variant: {source: two, quote: said something quoted and much more in the end}
    preferred: {source: one, quote: said "something quoted" and more in the end}
    reason: The first source is the record.
"""


def page(brief: Brief, source_id: str, publish: Publish = "cited") -> str:
    source = brief.source(source_id)
    assert source is not None
    return render_source_page(brief, source, NoteIndex(brief), LAYERS, BUILT, publish)


def marked(html_text: str, number: int) -> list[str]:
    """Return the text of each highlight of note `number`, in page order."""
    pattern = rf'<mark [^>]*data-q="(?:[^"]* )?{number}(?: [^"]*)?"[^>]*>(.*?)</mark>'
    return [html.unescape(re.sub(r"<[^>]+>", "", m)) for m in re.findall(pattern, html_text)]


def with_source_text(content: Path, text: str) -> Brief:
    """Replace the minimal fixture's source text (its front matter kept) and load the brief."""
    path = content / "sources" / "one.txt"
    front = path.read_text(encoding="utf-8").split("---\n")[1]
    path.write_text(f"---\n{front}---\n{text}", encoding="utf-8")
    return load_brief(content)


MINIMAL_TEXT = (
    'The first sentence of the source. A. Person, the Minister, said "something quoted" and'
    " more in the end.\n\nSomething happened in March 2023."
)


# Cutting the text


def test_paragraphs_are_split_at_blank_lines_and_trimmed() -> None:
    """Paragraphs end at blank lines (spaces on them too) and carry no outer whitespace."""
    stored = "  One\nstill one.\n \nTwo.\n\n\n\nThree. "
    assert [stored[a:b] for a, b in paragraph_spans(stored)] == [
        "One\nstill one.",
        "Two.",
        "Three.",
    ]


def test_overlapping_passages_are_cut_into_marks_of_each() -> None:
    """Where two passages overlap, the shared text is one mark carrying both; each passage
    is labelled where it ends, and only its first mark bears its id."""
    stored = "aaa bbb ccc ddd"
    one, two = Passage("q-1", ((0, 7),)), Passage("q-2", ((4, 11),))
    (paragraph,) = cut_paragraphs(stored, [one, two], "full")
    assert isinstance(paragraph, Paragraph)
    shape = [
        (type(piece).__name__, getattr(piece, "anchors", None), _text(piece))
        for piece in paragraph.pieces
    ]
    assert shape == [
        ("Mark", ("q-1",), "aaa "),
        ("Mark", ("q-2",), "bbb"),
        ("Label", None, ""),
        ("Mark", (), " ccc"),
        ("Label", None, ""),
        ("Plain", None, " ddd"),
    ]
    mark = paragraph.pieces[1]
    assert isinstance(mark, Mark)
    assert mark.classes == "cited overlap"


def _text(piece: Mark | Plain | Label) -> str:
    return "" if isinstance(piece, Label) else "".join(run.text for run in piece.runs)


def test_cited_only_counts_the_paragraphs_left_out() -> None:
    """`cited` keeps only paragraphs a passage touches and says how many are left out."""
    stored = "One.\n\nTwo.\n\nThree.\n\nFour."
    passage = Passage("q-1", ((6, 10),))
    cut = cut_paragraphs(stored, [passage], "cited")
    assert [type(p).__name__ for p in cut] == ["Omitted", "Paragraph", "Omitted"]
    assert [p.count for p in cut if isinstance(p, Omitted)] == [1, 2]
    assert len(cut_paragraphs(stored, [passage], "full")) == 4


# The page


def test_real_source_page_highlights_every_note_on_it() -> None:
    """Every note quoting a real source is highlighted on its page, its text the quote's."""
    brief = load_brief(CONTENT)
    notes = NoteIndex(brief)
    for source in brief.sources:
        text = page(brief, source.id)
        for note in (n for n in notes.notes if n.source.id == source.id):
            assert f'id="q-{note.number}"' in text
            found = normalise("".join(marked(text, note.number)))
            assert found.replace(" ", "") == "".join(quote_parts(note.quote)).replace(" ", "")


def test_elided_quote_highlights_each_part(project: MakeProject) -> None:
    """A quote with an elision is two highlights, the elided words left plain between them."""
    brief = load_brief(project("minimal"))
    number = next(n.number for n in NoteIndex(brief).notes if "\u2026" in n.quote)
    assert marked(page(brief, "one"), number) == ['said "something quoted"', "in the end"]


def test_cited_only_page_says_what_it_leaves_out(project: MakeProject) -> None:
    """By default only cited paragraphs are shown and the page says so; `full` shows all;
    the fingerprint is the full stored text's either way."""
    text = MINIMAL_TEXT + "\n\nAn uncited paragraph about nothing."
    brief = with_source_text(project("minimal"), text)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    cited, full = page(brief, "one"), page(brief, "one", "full")
    assert "An uncited paragraph" not in cited
    assert "[1 paragraph not shown]" in cited
    assert "Only the paragraphs the brief quotes: 2 of the stored text\u2019s 3" in cited
    assert "An uncited paragraph" in full
    assert "The full stored text (3 paragraphs)" in full
    assert digest in cited and digest in full


def test_variant_quotation_is_marked_on_both_pages(project: MakeProject) -> None:
    """A wording choice marks the variant on its source's page and the preferred wording on
    the other's, each linking to the other and to the brief's variant quotations."""
    content = project("variant-unacknowledged")
    with (content / "brief.yaml").open("a", encoding="utf-8") as brief_file:
        brief_file.write(VARIANT_CHOICE)
    brief = load_brief(content)
    one, two = page(brief, "one"), page(brief, "two")
    assert re.search(r'<mark class="[^"]*\bvariant\b[^"]*" id="variant-minister-wording"', two)
    # The preferred wording starts where a note's passage does: its id marks the same place.
    assert re.search(
        r'id="preferred-minister-wording"></span><mark class="[^"]*\bpreferred\b', one
    )
    assert 'href="one.html#preferred-minister-wording"' in two
    assert 'href="two.html#variant-minister-wording"' in one
    assert 'href="../brief.html#s-minister-wording"' in one


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\u2069", "\u200b", "\ufeff", "\x1b"])
def test_hidden_characters_are_shown_not_obeyed(project: MakeProject, char: str) -> None:
    """An invisible or direction-changing character in the stored text reaches the page as
    a visible badge naming it, never as the character itself."""
    text = MINIMAL_TEXT.replace("and more", f"and mo{char}re")
    text += f"\n\nAn uncited{char} paragraph."
    brief = with_source_text(project("minimal"), text)
    shown = page(brief, "one", "full")
    assert char not in shown
    assert shown.count(f"\u27e8U+{ord(char):04X}\u27e9") == 2
    assert 'class="hidden-char"' in shown


def test_hostile_source_text_is_escaped(project: MakeProject) -> None:
    """Markup in a source's stored text is shown as text, never parsed as elements."""
    hostile = '<script>alert(1)</script> "><img src=x onerror="alert(2)"> &amp; </p><p>'
    brief = with_source_text(project("minimal"), MINIMAL_TEXT + "\n\n" + hostile)
    shown = page(brief, "one", "full")
    assert "<script>alert" not in shown
    assert "<img src=x" not in shown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown
    assert "&amp;amp;" in shown


def test_page_links_back_and_is_deterministic(project: MakeProject) -> None:
    """Each highlight links to the statements citing it; rendering twice gives equal bytes."""
    brief = load_brief(project("minimal"))
    first = page(brief, "one")
    assert 'href="../brief.html#s-fact-one"' in first
    assert 'href="../assets/reader.css"' in first and 'src="../assets/reader.js"' in first
    assert page(brief, "one") == first
    source = brief.source("one")
    assert source is not None
    assert source_page_path(source) == "sources/one.html"
