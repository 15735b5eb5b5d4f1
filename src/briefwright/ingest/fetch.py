"""Turn an http(s) address into the document it serves and an archived copy of the
exchange: fetched once, by `sources add`, with httpx (a timeout, a size limit, a few
redirects, each checked), and kept as a WARC (warcio) that records when it was retrieved.

Nothing here runs during a build: a build reads only the stored text and the archive.
"""

from __future__ import annotations

import time
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version

import httpx

from briefwright.errors import BriefError, Location
from briefwright.ingest.document import MAX_PDF_BYTES, MediaType

#: Most bytes a response may have (the largest document `sources add` accepts, a PDF).
MAX_FETCH_BYTES = MAX_PDF_BYTES
#: Seconds a fetch may take in all, redirects included; and for connecting, or for any one
#: read, at most.
FETCH_DEADLINE = 60.0
FETCH_TIMEOUT = 15.0
#: Redirects followed at most.
MAX_REDIRECTS = 5
MEDIA_TYPES: dict[str, MediaType] = {
    "text/html": "text/html",
    "application/xhtml+xml": "text/html",
    "application/pdf": "application/pdf",
    "text/plain": "text/plain",
}
#: Headers that describe the transfer rather than the content: httpx has already undone them.
_TRANSFER_HEADERS = frozenset({"transfer-encoding"})


@dataclass(frozen=True)
class Exchange:
    """One request and its response, as sent and received (the body as transferred)."""

    url: str
    request_line: str
    request_headers: tuple[tuple[str, str], ...]
    status_line: str
    headers: tuple[tuple[str, str], ...]
    body: bytes


@dataclass(frozen=True)
class Fetched:
    """What an address served in the end, when, and every exchange that led there."""

    url: str
    retrieved: datetime
    media_type: MediaType
    charset: str | None
    content: bytes
    exchanges: tuple[Exchange, ...]


def fetch(url: str, now: datetime | None = None, limit: int = MAX_FETCH_BYTES) -> Fetched:
    """Fetch an address, following redirects within limits; refuse anything but a document
    (HTML, PDF or plain text) served with a success status (BW015)."""
    _refuse_scheme(url, url)
    retrieved = (now or datetime.now(UTC)).replace(microsecond=0)
    deadline = time.monotonic() + FETCH_DEADLINE
    exchanges: list[Exchange] = []
    headers = {
        "User-Agent": f"briefwright/{version('briefwright')}",
        "Accept-Encoding": "identity",
    }
    timeout = httpx.Timeout(FETCH_TIMEOUT)
    try:
        with httpx.Client(headers=headers, timeout=timeout, follow_redirects=False) as client:
            request = client.build_request("GET", url)
            while True:
                response = client.send(request, stream=True)
                try:
                    body = _read_body(response, url, limit, deadline)
                finally:
                    response.close()
                exchanges.append(_exchange(request, response, body))
                if not response.is_redirect:
                    break
                request = _next(response, url, len(exchanges))
    except httpx.HTTPError as error:
        raise _failed(url, f"{type(error).__name__}: {error}") from None
    return _document(url, retrieved, exchanges[-1], response, tuple(exchanges))


def _refuse_scheme(address: str, given: str) -> None:
    if not address.lower().startswith(("http://", "https://")):
        raise _failed(given, f"{address!r} is not an http(s) address")


def _failed(url: str, why: str) -> BriefError:
    return BriefError.of("BW015", f"cannot fetch the address: {why}", Location(url))


def _read_body(response: httpx.Response, url: str, limit: int, deadline: float) -> bytes:
    """Read the body as transferred, refusing one over the limit or past the deadline."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _failed(url, f"it is {int(declared):,} bytes; the limit is {limit:,}")
    chunks, size = [], 0
    for chunk in response.iter_raw():
        size += len(chunk)
        if size > limit:
            raise _failed(url, f"it is over {limit:,} bytes, the limit")
        if time.monotonic() > deadline:
            raise _failed(url, f"it took over {FETCH_DEADLINE:.0f} s")
        chunks.append(chunk)
    return b"".join(chunks)


def _next(response: httpx.Response, url: str, hops: int) -> httpx.Request:
    if hops > MAX_REDIRECTS:
        raise _failed(url, f"more than {MAX_REDIRECTS} redirects")
    request = response.next_request
    if request is None:
        raise _failed(url, f"a redirect ({response.status_code}) without a Location")
    _refuse_scheme(str(request.url), url)
    return request


def _exchange(request: httpx.Request, response: httpx.Response, body: bytes) -> Exchange:
    target = request.url.raw_path.decode("ascii")
    return Exchange(
        str(request.url),
        f"{request.method} {target} HTTP/1.1",
        tuple((k.decode("latin-1"), v.decode("latin-1")) for k, v in request.headers.raw),
        f"{response.status_code} {response.reason_phrase}".strip(),
        tuple(
            (k.decode("latin-1"), v.decode("latin-1"))
            for k, v in response.headers.raw
            if k.decode("latin-1").lower() not in _TRANSFER_HEADERS
        ),
        body,
    )


def _document(
    url: str,
    retrieved: datetime,
    last: Exchange,
    response: httpx.Response,
    exchanges: tuple[Exchange, ...],
) -> Fetched:
    """Return the final response as a document; refuse an error status or another type."""
    if not response.is_success:
        raise _failed(url, f"the server answered {last.status_line}")
    kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
    media_type = MEDIA_TYPES.get(kind)
    if media_type is None:
        what = f"a {kind!r} document" if kind else "a document of no declared type"
        raise _failed(url, f"it serves {what}; add an HTML page, a PDF or plain text")
    content = _decoded(last.body, response.headers.get("content-encoding", ""), url)
    charset = response.charset_encoding if media_type != "application/pdf" else None
    return Fetched(last.url, retrieved, media_type, charset, content, exchanges)


def _decoded(body: bytes, encoding: str, url: str) -> bytes:
    """Undo a gzip or deflate content encoding (the server was asked for none)."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return body
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise _failed(url, f"it is sent {encoding}-encoded, which briefwright cannot read")
    inflater = zlib.decompressobj(wbits=zlib.MAX_WBITS | 32)  # gzip or zlib, by its header
    try:
        content = inflater.decompress(body, MAX_FETCH_BYTES + 1)
    except zlib.error as error:
        raise _failed(url, f"its {encoding} encoding is broken ({error})") from None
    if len(content) > MAX_FETCH_BYTES or inflater.unconsumed_tail:
        raise _failed(url, f"it inflates to over {MAX_FETCH_BYTES:,} bytes, the limit")
    return content
