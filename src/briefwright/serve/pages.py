"""Write the preview's own pages: its index, the content-problems page, the typesetting
banner, the page a PDF still being built answers with, and the script that reloads."""

from __future__ import annotations

import html
from collections.abc import Iterable
from urllib.parse import quote

#: The path of the server-sent events that tell an open page to reload.
EVENTS = "/__events"
#: What a browser is told to wait before asking again for a PDF still being built.
RETRY_SECONDS = 2
BEING_BUILT = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
    f'<meta http-equiv="refresh" content="{RETRY_SECONDS}"><title>Being built</title></head>'
    "<body><p>This PDF is being built; the page reloads by itself.</p></body></html>"
).encode()
RELOAD = (
    f'<script>new EventSource("{EVENTS}").onmessage = () => location.reload();</script>'
).encode()


def index_page(title: str, documents: Iterable[str]) -> bytes:
    """Return the preview's index: each document's HTML and its PDF (being built, until the
    first PDF build is done: the PDF link answers "being built" until then)."""
    links = "".join(
        f'<li><a href="{quote(stem)}.html">{html.escape(stem)}</a> · '
        f'<a href="{quote(stem)}.pdf">PDF</a></li>'
        for stem in sorted(documents)
    )
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Preview: '
        f"{html.escape(title)}</title></head><body><h1>Preview: {html.escape(title)}</h1>"
        f"<ul>{links}</ul></body></html>"
    ).encode()


def problems_page(problems: list[str]) -> bytes:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Content problems'
        "</title></head><body><h1>The content has problems</h1><p>Fix them and this page "
        f"reloads by itself.</p>{_listed(problems)}</body></html>"
    ).encode()


def typeset_banner(problems: list[str]) -> bytes:
    """Return a notice for the top of a page: the PDFs could not be brought up to date."""
    return (
        '<div role="alert" id="briefwright-typesetting-problems" style="background:#fff3cd;'
        'color:#1b1f24;border:2px solid #8a4b08;padding:0.5rem 1rem;font:14px sans-serif">'
        "<strong>The PDFs could not be brought up to date</strong> (the HTML below is "
        f"current):{_listed(problems)}</div>"
    ).encode()


def _listed(problems: list[str]) -> str:
    """Return the problems as an HTML list, each escaped, in code type."""
    return "<ul>" + "".join(f"<li><code>{html.escape(p)}</code></li>" for p in problems) + "</ul>"
