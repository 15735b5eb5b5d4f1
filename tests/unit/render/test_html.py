"""Tests for briefwright.render.html: escaped, strict templates and the brief's HTML snapshot."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefwright.errors import BriefError
from briefwright.load.content import load_brief
from briefwright.render.html import render_brief, render_onepager
from briefwright.render.notes import NoteIndex
from tests.conftest import CONTENT, LAYERS, TEMPLATES

BUILT = datetime(2023, 3, 20, tzinfo=UTC)


def test_brief_html_snapshot(html_snapshot) -> None:  # type: ignore[no-untyped-def]
    """The real brief renders to the reviewed HTML (update with `make snapshots`)."""
    assert render_brief(load_brief(CONTENT), LAYERS, BUILT) == html_snapshot


@pytest.mark.parametrize("number", range(4))
def test_onepager_html_snapshot(number: int, html_snapshot) -> None:  # type: ignore[no-untyped-def]
    """Each real topic's one-pager renders to the reviewed HTML."""
    brief = load_brief(CONTENT)
    assert render_onepager(brief, brief.topics[number], LAYERS, BUILT) == html_snapshot


def test_every_link_resolves_both_ways() -> None:
    """Every in-page link has a target, and every note links back to its statements."""
    html = render_brief(load_brief(CONTENT), LAYERS, BUILT)
    ids = set(re.findall(r' id="([^"]+)"', html))
    targets = set(re.findall(r' href="#([^"]+)"', html))
    assert targets <= ids
    notes = {i for i in ids if i.startswith("note-")}
    assert notes and notes <= targets
    assert all(f"s-{i}" in ids for i in re.findall(r'href="#s-([^"]+)"', html))


def test_content_is_escaped(project: Callable[[str], Path]) -> None:
    """Markup in content reaches the HTML as text, never as elements or attributes."""
    content = project("minimal")
    topic = content / "topics" / "only.yaml"
    hostile = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    topic.write_text(topic.read_text().replace("title: The only topic", f"title: '{hostile}'"))
    html = render_brief(load_brief(content), LAYERS, BUILT)
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_undefined_name_names_template_and_line(tmp_path: Path) -> None:
    """A misspelt variable in an overriding partial is an error naming that file and line."""
    partial = tmp_path / "templates" / "partials" / "cover.html.j2"
    partial.parent.mkdir(parents=True)
    lines = (TEMPLATES / "partials" / "cover.html.j2").read_text().splitlines()
    lines[12] += "{{ meta.titel }}"
    partial.write_text("\n".join(lines) + "\n")
    with pytest.raises(BriefError) as caught:
        render_brief(load_brief(CONTENT), (tmp_path / "templates", TEMPLATES), BUILT)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "BW202"
    assert diagnostic.location.path == str(partial)
    assert diagnostic.location.line == 13
    assert "titel" in diagnostic.message


def test_template_syntax_error_is_located(tmp_path: Path) -> None:
    """A template syntax error names the template file and line."""
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    (templates / "brief.html.j2").write_text("line one\n{% if %}\n")
    with pytest.raises(BriefError) as caught:
        render_brief(load_brief(CONTENT), (templates,), BUILT)
    assert str(caught.value.diagnostics[0]).startswith(f"{templates}/brief.html.j2:2:1: BW201")


def test_judgments_show_their_qualifier(project: Callable[[str], Path]) -> None:
    """A judgment is labelled with its confidence, or with its likelihood and range."""
    content = project("minimal")
    brief_file = content / "brief.yaml"
    brief_file.write_text(
        brief_file.read_text().replace(
            "text: It follows., confidence: moderate", "text: It follows., likelihood: likely"
        )
    )
    html = render_brief(load_brief(content), LAYERS, BUILT)
    assert "Assessment · moderate confidence" in html
    assert "Assessment · likely (55–80%)" in html


def _rendered() -> tuple[str, NoteIndex]:
    """Return the real brief's HTML and its notes."""
    brief = load_brief(CONTENT)
    return render_brief(brief, LAYERS, BUILT), NoteIndex(brief)


def test_a_note_names_each_citing_section_once() -> None:
    """A note cited by several statements of one section names that section once, with a
    letter linking to each statement ("↑ 2. Investment… a b"), never "↑ X · ↑ X"."""
    html, index = _rendered()
    grouped = 0
    for note in index.notes:
        item = re.search(rf'<li id="{note.anchor}".*?</li>', html, re.S)
        assert item is not None
        backrefs = re.search(r'<span class="backrefs">(.*?)</span>\s*</li>', item.group(0), re.S)
        assert backrefs is not None
        shown = re.sub(r'<span class="annex-text">.*', "", backrefs.group(1), flags=re.S)
        sections = re.findall(r"↑ ([^<]+?)(?:</a>|\s*<a class=\"backref-nth\")", shown)
        assert len(sections) == len(set(sections)), (note.number, sections)
        assert set(re.findall(r'href="#s-([^"]+)"', shown)) == set(note.cited_by), note.number
        grouped += '"backref-nth"' in shown
    assert grouped, "the real brief has a note cited twice in one section"


def test_key_actors_give_the_role_most_of_the_width() -> None:
    """The actors table has two columns: the name with the office and country under it, and
    the role, which gets the rest of the width."""
    html, _ = _rendered()
    table = re.search(r'<table class="actors">.*?</table>', html, re.S)
    assert table is not None
    assert len(re.findall(r'<th scope="col">', table.group(0))) == 2
    assert re.search(r'<th scope="row">Narendra Modi<span class="actor-office">Prime Minister, '
                     r"India</span></th>", table.group(0))  # fmt: skip


def test_the_covers_date_is_never_broken_across_lines() -> None:
    """The cover's dates are set with no-break spaces ("20 March 2023" on one line)."""
    html, _ = _rendered()
    cover = html.split('<section class="bluf"')[0]
    assert "20\u00a0March\u00a02023" in cover and "20 March 2023" not in cover


def test_note_numbers_are_joined_to_their_word_and_basis_lines_follow_the_text() -> None:
    """Every superscript of note numbers follows a word joiner, so no line starts with one;
    no white space lies between a judgment's text and its basis line (WeasyPrint 70 breaks
    such a last line badly when it holds quotation marks)."""
    html, _ = _rendered()
    sups = html.count('<sup class="note-refs">')
    assert sups > 50 and html.count('&#8288;<sup class="note-refs">') == sups
    assert html.count('<span class="basis">') > 10
    assert not re.search(r'\s<span class="basis">', html)


def test_the_timeline_figure_is_drawn_for_paper_only_where_the_annex_prints() -> None:
    """The timeline (an annex section) carries its paper drawing with `annex: pdf` only: with
    the annex left to the HTML edition no medium shows it, and it weighed 16 kB."""
    from briefwright.model.vocab import AnnexPlace

    brief = load_brief(CONTENT)
    screen_only = render_brief(brief, LAYERS, BUILT)
    meta = brief.metadata.model_copy(update={"annex": AnnexPlace.PDF})
    front = brief.front.model_copy(update={"metadata": meta})
    printed = render_brief(brief.model_copy(update={"front": front}), LAYERS, BUILT)
    for html in (screen_only, printed):
        assert 'id="figure-timeline"' in html and 'class="figure-screen"' in html
    assert 'class="figure-print"' not in screen_only
    assert printed.count('class="figure-print"') == 1
