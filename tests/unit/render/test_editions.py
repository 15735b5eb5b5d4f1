"""Tests for briefwright.render.editions: how a page names the same page in the brief's
other languages, and its own full address when the brief says where it is published."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from briefwright.load.content import load_brief
from briefwright.model.brief import Brief
from briefwright.render.editions import edition_links, page_address
from briefwright.render.html import render_brief, render_onepager
from briefwright.translate.apply import translated
from tests.conftest import CONTENT, LAYERS

BUILT = datetime(2023, 3, 21, 9, 30, tzinfo=UTC)
URL = "https://briefs.example.org/bw-2026-001/"


@pytest.fixture(scope="module")
def brief() -> Brief:
    """The real brief (English, with its Japanese translation), loaded once."""
    return load_brief(CONTENT)


@pytest.fixture(scope="module")
def published(brief: Brief) -> Brief:
    """The real brief, saying where it is published."""
    meta = brief.metadata.model_copy(update={"url": URL})
    return brief.model_copy(update={"front": brief.front.model_copy(update={"metadata": meta})})


def _head_links(html: str) -> list[tuple[str, str]]:
    head = html.split("</head>", 1)[0]
    return re.findall(r'<link rel="(canonical|alternate)"(?: hreflang="[^"]+")? href="([^"]+)"',
                      head)  # fmt: skip


def _alternates(html: str) -> dict[str, str]:
    head = html.split("</head>", 1)[0]
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', head))


def test_the_switch_links_each_edition_relative_to_the_page(brief: Brief) -> None:
    """Without an address, the links are relative to the page, both ways, in BCP 47."""
    english = edition_links(brief, "onepagers/co-development.html")
    japanese = edition_links(translated(brief, "ja"), "onepagers/co-development.html")
    assert [(e.language, e.href, e.current) for e in english] == [
        ("en-GB", "../onepagers/co-development.html", True),
        ("ja", "../ja/onepagers/co-development.html", False),
    ]
    assert [(e.language, e.href, e.current) for e in japanese] == [
        ("en-GB", "../../onepagers/co-development.html", False),
        ("ja", "../../ja/onepagers/co-development.html", True),
    ]
    assert all(e.address is None for e in english + japanese)
    assert page_address(brief, "brief.html") is None


def test_a_page_without_an_address_has_no_canonical_and_no_head_alternates(
    brief: Brief,
) -> None:
    """Search engines read `hreflang` alternates only as full addresses (and Lighthouse's
    audit fails a relative one): without `metadata.url` the head names none, and the
    language switch in the page still links both editions."""
    html = render_brief(brief, LAYERS, BUILT)
    assert _head_links(html) == []
    assert '<a href="ja/brief.html" hreflang="ja" lang="ja">日本語</a>' in html


def test_a_published_page_names_its_address_and_every_editions(published: Brief) -> None:
    """With `metadata.url`, each page's head gives its own address (canonical) and the same
    page in every language, itself included, with the original as `x-default`; a
    translated edition's pages say the same from the other side."""
    english = render_brief(published, LAYERS, BUILT)
    assert _head_links(english)[0] == ("canonical", URL + "brief.html")
    assert _alternates(english) == {
        "en-GB": URL + "brief.html", "x-default": URL + "brief.html", "ja": URL + "ja/brief.html",
    }  # fmt: skip
    ja = translated(published, "ja")
    topic = ja.topics[0]
    japanese = render_onepager(ja, topic, LAYERS, BUILT)
    page = f"onepagers/{topic.id}.html"
    assert _head_links(japanese)[0] == ("canonical", f"{URL}ja/{page}")
    assert _alternates(japanese) == {
        "en-GB": URL + page, "x-default": URL + page, "ja": f"{URL}ja/{page}",
    }  # fmt: skip


def test_the_address_is_escaped_as_a_url_and_in_html(brief: Brief) -> None:
    """A folder's address is the author's, the page's path is ours, percent-encoded; the
    template escapes both for HTML."""
    meta = brief.metadata.model_copy(update={"url": "https://example.org/a&b/"})
    odd = brief.model_copy(update={"front": brief.front.model_copy(update={"metadata": meta})})
    assert page_address(odd, "sources/x y.html") == "https://example.org/a&b/sources/x%20y.html"
    html = render_brief(odd, LAYERS, BUILT)
    assert '<link rel="canonical" href="https://example.org/a&amp;b/brief.html">' in html
