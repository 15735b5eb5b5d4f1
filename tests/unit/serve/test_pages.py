"""Tests for serve/pages.py: the preview's own pages escape what they show."""

from __future__ import annotations

from briefwright.serve.pages import RELOAD, index_page, problems_page, typeset_banner


def test_the_index_links_each_document_percent_encoded_and_escapes_its_title() -> None:
    """A document's name is quoted in the link and escaped in the text; the title escaped."""
    page = index_page("<b>Brief</b>", ["onepagers/a b", "brief"]).decode()
    assert '<a href="onepagers/a%20b.html">onepagers/a b</a>' in page
    assert page.index('href="brief.html"') < page.index('href="onepagers/a%20b.html"')
    assert "&lt;b&gt;Brief&lt;/b&gt;" in page and "<b>" not in page


def test_problems_and_the_banner_escape_every_message() -> None:
    """A diagnostic quoting markup shows it as text on both pages."""
    message = "content/brief.yaml:3:1: BW003 <script>x</script>"
    for page in (problems_page([message]), typeset_banner([message])):
        assert b"&lt;script&gt;" in page and b"<script>" not in page


def test_the_reload_script_listens_to_the_preview_s_events() -> None:
    """The script injected into every page opens the server-sent events path."""
    assert b'new EventSource("/__events")' in RELOAD
