"""Turn a text file's bytes into its text: UTF-8 when it is UTF-8 (invalid bytes kept as
U+FFFD and reported), else the encoding charset-normalizer detects; recognisable site
furniture dropped line by line and listed."""

from __future__ import annotations

import re

import charset_normalizer

from briefwright.errors import BriefError, Location
from briefwright.ingest.document import Extracted

_CHROME = re.compile(r"^\s*(top of page|bottom of page|also read\b.*)\s*$", re.IGNORECASE)
_INVALID = re.compile("[\udc80-\udcff]")
_MULTIBYTE = re.compile("[\u0080-\ud7ff\ue000-\U0010ffff]")
#: Above this share of undecodable bytes a UTF-8 file is damaged beyond reading.
MAX_INVALID_SHARE = 0.10
#: Encodings read alike for the characters a file uses are one match to charset-normalizer;
#: among them Windows-1252 is what a legacy Western file almost always is (WHATWG reads
#: ISO-8859-1 as it too), and nearly as plausible a match is taken as it.
PREFERRED = "cp1252"
CHAOS_TOLERANCE = 0.02
FIRST_POSITIONS = 5


def extract_text(raw: bytes, name: str) -> Extracted:
    """Return a text file's article text, with what was dropped and what to know."""
    text, notes = decode(raw, name)
    kept, removed = drop_chrome(text)
    body = "\n".join(kept).strip("\n") + "\n"
    if not body.strip():
        what = "nothing but site furniture" if removed else "no text"
        message = f"the article has {what}; save the article's own text and add that"
        raise BriefError.of("BW013", message, Location(name))
    return Extracted(body, "text/plain", removed=tuple(removed), notes=tuple(notes))


def decode(raw: bytes, name: str) -> tuple[str, list[str]]:
    """Decode a text file; say how when it was not UTF-8."""
    escaped = raw.decode("utf-8", errors="surrogateescape")
    invalid = [match.start() for match in _INVALID.finditer(escaped)]
    if not invalid or _is_damaged_utf8(escaped, invalid, len(raw)):
        return _utf8(escaped, invalid, name)
    encoding = detect_encoding(raw)
    if encoding is None:
        message = "the file is not text in any encoding briefwright recognises; save it as UTF-8"
        raise BriefError.of("BW013", message, Location(name))
    text = raw.decode(encoding).removeprefix("\ufeff")
    return text, [f"{name}: not UTF-8; read as {encoding} (detected by charset-normalizer)"]


def _is_damaged_utf8(escaped: str, invalid: list[int], size: int) -> bool:
    """Return True for UTF-8 with a few bad bytes: it has valid multi-byte characters too."""
    has_utf8 = _MULTIBYTE.search(_INVALID.sub("", escaped)) is not None
    return has_utf8 and len(invalid) / max(size, 1) <= MAX_INVALID_SHARE


def detect_encoding(raw: bytes) -> str | None:
    """Return the encoding charset-normalizer finds most plausible, preferring Windows-1252
    among the encodings that read the file alike; None when the bytes are no text."""
    matches = list(charset_normalizer.from_bytes(raw))
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        if (
            PREFERRED in match.could_be_from_charset
            and match.chaos <= best.chaos + CHAOS_TOLERANCE
        ):
            return PREFERRED
    return str(best.encoding)


def _utf8(escaped: str, invalid: list[int], name: str) -> tuple[str, list[str]]:
    """Keep invalid bytes as U+FFFD; report their count and first places, and those of
    U+FFFD already in the text. One pass, however many there are."""
    notes = []
    if invalid:
        notes.append(_summary(escaped, invalid, name, "invalid byte(s), kept as U+FFFD"))
    lost = [index for index, char in enumerate(escaped) if char == "\ufffd"]
    if lost:
        what = "U+FFFD already in the text (characters lost before it reached you), kept as is"
        notes.append(_summary(escaped, lost, name, what))
    return _INVALID.sub("\ufffd", escaped).removeprefix("\ufeff"), notes


def _summary(text: str, indexes: list[int], name: str, what: str) -> str:
    first = ", ".join(_place(text, index) for index in indexes[:FIRST_POSITIONS])
    more = "" if len(indexes) <= FIRST_POSITIONS else ", …"
    return f"{name}: {len(indexes):,} {what}; at {first}{more}"


def _place(text: str, index: int) -> str:
    line_start = text.rfind("\n", 0, index) + 1
    return f"{text.count(chr(10), 0, index) + 1}:{index - line_start + 1}"


def drop_chrome(text: str) -> tuple[list[str], list[str]]:
    """Split lines into those kept and the site furniture dropped ("top of page", …)."""
    kept, removed = [], []
    for line in text.split("\n"):
        if _CHROME.match(line):
            removed.append(line.strip())
        else:
            kept.append(line)
    return kept, removed
