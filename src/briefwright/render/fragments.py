"""Turn a passage of a source into a link to it on the publisher's page: a URL text
fragment (`#:~:text=prefix-,start,end,-suffix`, WICG Scroll to Text Fragment) for a web
page, `#page=N` (RFC 8118) for a PDF; never for a quote that matches more than once."""

from __future__ import annotations

import re

from briefwright.evidence.passages import CONTEXT, Passage, pages_of
from briefwright.model.source import Source

#: Characters a text directive may hold unencoded (the spec's text-directive-explicit-char);
#: every other one, `-`, `,` and `&` among them, is percent-encoded as UTF-8.
_EXPLICIT = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!$'()*+./:;=?@_~"
)
#: A quote longer than this many words is linked by its first and last words (start,end).
MAX_EXACT_WORDS = 10
#: Words of a start, an end, a prefix or a suffix.
EDGE_WORDS = 4
_SPACE = re.compile(r"\s+")


def encode_term(term: str) -> str:
    """Percent-encode one term of a text directive."""
    return "".join(
        char if char in _EXPLICIT else "".join(f"%{byte:02X}" for byte in char.encode("utf-8"))
        for char in term
    )


def text_directive(passage: Passage) -> str:
    """Return the text directive for a passage: its words (or its first and last words),
    with up to four words either side from its own line, to tell it from another match."""
    lines = passage.exact.split("\n")
    words = _words(passage.exact)
    if len(lines) == 1 and len(words) <= MAX_EXACT_WORDS:
        terms = [" ".join(words)]
    else:
        terms = [
            " ".join(_words(lines[0])[:EDGE_WORDS]),
            " ".join(_words(lines[-1])[-EDGE_WORDS:]),
        ]
    prefix = _whole_words(passage.prefix.rsplit("\n", 1)[-1], passage.prefix, at_start=True)
    suffix = _whole_words(passage.suffix.split("\n", 1)[0], passage.suffix, at_start=False)
    parts = [encode_term(term) for term in terms]
    if prefix:
        parts.insert(0, encode_term(" ".join(prefix)) + "-")
    if suffix:
        parts.append("-" + encode_term(" ".join(suffix)))
    return "text=" + ",".join(parts)


def _words(text: str) -> list[str]:
    return [word for word in _SPACE.split(text) if word]


def _whole_words(line: str, context: str, at_start: bool) -> list[str]:
    """Return up to EDGE_WORDS words of a prefix's (or suffix's) line next to the passage,
    leaving out a word the 32-character context cut in two: the page has it whole."""
    words = _words(line)
    cut = len(context) == CONTEXT and not (context[0] if at_start else context[-1]).isspace()
    if at_start:
        return (words[1:] if cut and line == context else words)[-EDGE_WORDS:]
    return (words[:-1] if cut and line == context else words)[:EDGE_WORDS]


def publisher_link(source: Source, passage: Passage | None) -> str | None:
    """Return the link to a passage on the publisher's page, or None without an address or
    for a quote that matches more than once (a link would guess which)."""
    if source.url is None or passage is None or passage.ambiguous:
        return None
    base = source.url.split("#", 1)[0]
    if source.pages:
        # RFC 8118 counts pages from 1 in the file; a page labelled otherwise ("iv") is
        # linked to the document only.
        pages = pages_of(source, passage)
        return f"{base}#page={pages[0]}" if pages and pages[0].isdigit() else base
    return f"{base}#:~:{text_directive(passage)}"
