"""Tests for briefwright.ingest.sniff: what a file is, judged by its bytes."""

from __future__ import annotations

import pytest

from briefwright.ingest.sniff import media_type_of


@pytest.mark.parametrize(
    "fragment",
    [
        b"<article><section>Ministers agreed.</section></article>",
        b"Ministers agreed.\n<iframe src='https://evil.example/'></iframe>\n",
        b'<svg onload="alert(1)"><circle r="3"/></svg> Ministers agreed.',
        b"<main><h2>Corridor</h2><section hidden>instructions</section></main>",
        b"Ministers agreed.\n" * 5000 + b"<template><b>late</b></template>",
    ],
)
def test_a_fragment_of_html_is_html_whatever_its_elements(fragment: bytes) -> None:
    """Any element of HTML makes a file a page, found by parsing, not by a list of 13 tag
    names (none of these holds <p>, <div>, <body> or <script>)."""
    assert media_type_of(fragment, "article.txt") == "text/html"


@pytest.mark.parametrize(
    "text",
    [
        b"Shares rose as a < b and c > d, analysts said.",
        b"From <Reuters> and <editor@example.org>: the talks went on.",
        b"Plain text, with no markup at all.\n",
    ],
)
def test_angle_brackets_in_prose_are_plain_text(text: bytes) -> None:
    """A `<` that opens no element of HTML leaves a text file plain text."""
    assert media_type_of(text, "article.txt") == "text/plain"
