"""Tests for briefwright.ingest.fetch and .warc: an address fetched once from 127.0.0.1,
within limits, and archived as a WARC that warcio reads back byte for byte."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime

import pytest

from briefwright.errors import BriefError
from briefwright.ingest.fetch import fetch
from briefwright.ingest.warc import read_responses, write_warc
from tests.conftest import NEWS_PAGE, Server

NOW = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)


def test_a_page_is_fetched_and_archived_with_the_same_bytes(server: Server) -> None:
    """The WARC holds the response as served, dated when it was retrieved."""
    page = NEWS_PAGE.read_bytes()
    url = server.serve("/news/india-japan.html", page, "text/html; charset=utf-8")
    fetched = fetch(url, NOW)
    assert (fetched.url, fetched.media_type, fetched.charset) == (url, "text/html", "utf-8")
    assert fetched.content == page
    (response,) = read_responses(write_warc(fetched, "a.warc.gz"))
    assert (response.url, response.date, response.status) == (
        url,
        "2026-12-07T09:30:00Z",
        "200 OK",
    )
    assert response.body == page


def test_redirects_are_followed_and_each_is_archived(server: Server) -> None:
    """A redirect is followed to the document; the WARC keeps both responses in order."""
    target = server.serve("/final.txt", b"The statement.\n", "text/plain")
    start = server.serve("/old", b"", "text/html", 301, Location="/final.txt")
    fetched = fetch(start, NOW)
    assert fetched.url == target and fetched.media_type == "text/plain"
    statuses = [r.status for r in read_responses(write_warc(fetched, "a.warc.gz"))]
    assert statuses == ["301 Moved Permanently", "200 OK"]


def test_a_pdf_is_told_by_its_content_type(server: Server, three_page_pdf: bytes) -> None:
    """application/pdf makes it a PDF, whatever its address ends with."""
    url = server.serve("/report", three_page_pdf, "application/pdf")
    assert fetch(url, NOW).media_type == "application/pdf"


def test_a_gzip_encoded_response_is_archived_as_sent(server: Server) -> None:
    """A server that gzips anyway: the WARC keeps what was sent, the text is inflated."""
    body = gzip.compress(b"Compressed statement.\n")
    url = server.serve("/z.txt", body, "text/plain", 200, **{"Content-Encoding": "gzip"})
    fetched = fetch(url, NOW)
    assert fetched.content == b"Compressed statement.\n"
    assert fetched.exchanges[-1].body == body


@pytest.mark.parametrize(
    ("path", "route", "message"),
    [
        ("/missing", None, "the server answered 404 Not Found"),
        ("/image", (b"\x89PNG....", "image/png"), "it serves a 'image/png' document"),
        ("/big", (b"x" * 2_000, "text/plain"), "the limit is 1,000"),
    ],
)
def test_what_is_no_document_is_refused(
    server: Server, path: str, route: tuple[bytes, str] | None, message: str
) -> None:
    """An error status, an image or a body over the limit is BW015, in one line."""
    if route is not None:
        server.serve(path, *route)
    with pytest.raises(BriefError) as caught:
        fetch(server.base + path, NOW, limit=1_000)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "BW015" and message in diagnostic.message


def test_redirect_loops_and_other_schemes_are_refused(server: Server) -> None:
    """A redirect loop stops after five hops; a redirect to file: and an ftp address are
    refused before anything is read."""
    server.serve("/loop", b"", "text/html", 302, Location="/loop")
    server.serve("/file", b"", "text/html", 302, Location="file:///etc/passwd")
    with pytest.raises(BriefError, match=r"BW015 .*more than 5 redirects"):
        fetch(server.base + "/loop", NOW)
    with pytest.raises(BriefError, match=r"BW015 .*'file://.*' is not an http"):
        fetch(server.base + "/file", NOW)
    with pytest.raises(BriefError, match=r"BW015 .*not an http"):
        fetch("ftp://127.0.0.1/a.txt", NOW)
