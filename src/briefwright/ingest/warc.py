"""Turn a fetch's exchanges into a WARC file (gzip-compressed records, by warcio): a
warcinfo record, then each request and its response as sent and received, dated when the
document was retrieved; and read one back."""

from __future__ import annotations

import io
from dataclasses import dataclass
from importlib.metadata import version

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from briefwright.ingest.fetch import Fetched


@dataclass(frozen=True)
class Archived:
    """A response read back from a WARC: its address, date, status and body."""

    url: str
    date: str
    status: str
    body: bytes


def write_warc(fetched: Fetched, filename: str) -> bytes:
    """Return the WARC of a fetch: every exchange, redirects included. (Each record's
    length is given, so warcio digests the payload in memory, in no temporary file.)"""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    info = {"software": f"briefwright/{version('briefwright')}", "format": "WARC File Format 1.0"}
    writer.write_record(writer.create_warcinfo_record(filename, info))
    date = fetched.retrieved.strftime("%Y-%m-%dT%H:%M:%SZ")
    for exchange in fetched.exchanges:
        http = StatusAndHeaders(exchange.status_line, list(exchange.headers), protocol="HTTP/1.1")
        response = writer.create_warc_record(
            exchange.url, "response", payload=io.BytesIO(exchange.body),
            length=len(exchange.body), http_headers=http, warc_headers_dict={"WARC-Date": date},
        )  # fmt: skip
        sent = StatusAndHeaders(
            exchange.request_line, list(exchange.request_headers), is_http_request=True
        )
        request = writer.create_warc_record(
            exchange.url, "request", payload=io.BytesIO(b""), length=0, http_headers=sent,
            warc_headers_dict={
                "WARC-Date": date,
                "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID"),
            },
        )  # fmt: skip
        writer.write_record(request)
        writer.write_record(response)
    return out.getvalue()


def read_responses(warc: bytes) -> list[Archived]:
    """Return every response a WARC holds, in order, with its body as stored."""
    found = []
    for record in ArchiveIterator(io.BytesIO(warc)):
        if record.rec_type == "response":
            found.append(
                Archived(
                    record.rec_headers.get_header("WARC-Target-URI"),
                    record.rec_headers.get_header("WARC-Date"),
                    record.http_headers.statusline,
                    record.content_stream().read(),
                )
            )
    return found
