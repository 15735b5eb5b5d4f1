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
from briefwright.render.html import render_brief, render_onepager, typographic
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


def test_typographic_quotes() -> None:
    """The brief's prose gets curly quotes and apostrophes; nothing else changes."""
    assert typographic("Modi's \"co-creation\" ('x')...") == (
        "Modi\u2019s \u201cco-creation\u201d (\u2018x\u2019)\u2026"
    )


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
