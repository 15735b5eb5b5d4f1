"""Tests for the series' index and Atom feed: the links they build from folder names."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from briefwright.model.brand import Brand
from briefwright.model.series import Series
from briefwright.render.labels import english
from briefwright.render.series import SeriesEntry, atom_feed, render_index
from briefwright.settings import default_theme

BUILT = datetime(2023, 3, 20, tzinfo=UTC)
#: A folder name of each kind a link can be broken or hijacked by: a scheme, a space, a
#: fragment, a query and an escape.
HOSTILE = ("javascript:alert(document.domain)", "q3 #2?a=1%20")


def _entries() -> list[SeriesEntry]:
    summary = {
        "title": "T", "subtitle": "S", "as_of": "2023-03-20", "version": "1.0",
        "marking": "PUBLIC", "product_id": "P-1", "bottom_line": "B.", "language": "en",
        "onepagers": [["topic one", "Topic"]],
    }  # fmt: skip
    return [SeriesEntry(name, summary) for name in HOSTILE]


def test_index_links_percent_encode_every_folder_and_file_name() -> None:
    """Every href the index builds from a name is percent-encoded: no name becomes a scheme,
    a query or a fragment (defence in depth: brief ids are refused before this)."""
    html = render_index(
        Series(title="S"), Brand(), _entries(), (default_theme(),), english(), BUILT,
        ("brief.pdf", "brief.html"),
    )  # fmt: skip
    hrefs = re.findall(r'<a href="([^"]*)"', html)
    assert "javascript%3Aalert%28document.domain%29/brief.html" in hrefs
    assert "q3%20%232%3Fa%3D1%2520/brief.pdf" in hrefs
    assert "q3%20%232%3Fa%3D1%2520/onepagers/topic%20one.pdf" in hrefs
    assert not [href for href in hrefs if re.search(r"[ #?:]", href)]


def test_feed_links_percent_encode_every_folder_name() -> None:
    """The feed's entry links and ids percent-encode the folder, below the series' base."""
    series = Series(title="S", base_url="https://briefs.example.org/")
    feed = atom_feed(series, _entries(), english(), BUILT).decode()
    assert "https://briefs.example.org/javascript%3Aalert%28document.domain%29/brief.html" in feed
    assert "https://briefs.example.org/q3%20%232%3Fa%3D1%2520/brief.html" in feed
    assert "q3 #2" not in feed and "javascript:" not in feed


def test_index_lists_each_briefs_translated_editions() -> None:
    """A brief published in Japanese too is listed with its Japanese edition: the title,
    the editions and one-pagers in `<brief>/ja/`, marked lang="ja"."""
    from briefwright.load.content import load_brief
    from briefwright.render.series import brief_summary
    from tests.conftest import CONTENT

    entry = SeriesEntry("india-japan", brief_summary(load_brief(CONTENT)))
    html = render_index(Series(title="S"), Brand(), [entry], (default_theme(),), english(),
                        BUILT, ("brief.pdf", "brief.html", "brief.docx"))  # fmt: skip
    japanese = html.split('<div class="series-translation" lang="ja">', 1)[1].split("</div>")[0]
    assert '<a href="india-japan/ja/brief.html">日印防衛産業協力</a>' in japanese
    assert 'href="india-japan/ja/brief.docx"' in japanese
    assert 'href="india-japan/ja/onepagers/co-development.pdf">共同開発と技術</a>' in japanese
