"""Turn a pasted article into a source file under content/sources/, hiding nothing.

The text is kept verbatim apart from site furniture that can be recognised line by line
("top of page", "bottom of page", "Also Read …"); what was dropped is listed in the source's
front matter and reported. Invalid bytes and U+FFFD replacement characters are counted and
located (the first few), never silently cleaned. What is not an article's text is refused:
binary files (PDF, images, archives, NUL bytes), HTML pages, and files with no text left.
The front matter is written by a YAML emitter, so no option can break the file; an option
holding a control or direction-changing character is refused.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from briefwright.errors import BriefError, Location
from briefwright.files import MAX_FILE_BYTES, read_file
from briefwright.model.characters import describe, forbidden_characters
from briefwright.model.vocab import SourceKind

_CHROME = re.compile(r"^\s*(top of page|bottom of page|also read\b.*)\s*$", re.IGNORECASE)
_INVALID = re.compile("[\udc80-\udcff]")
_HTML = re.compile(
    r"<\s*(!doctype\s+html|html|head|body|script|style|div|p|span|meta|link|a\s+href|img)\b",
    re.IGNORECASE,
)
_SIGNATURES = {
    b"%PDF-": "a PDF",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a zip archive (or a Word/OpenDocument file)",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "a Word 97 document",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"Rar!": "a RAR archive",
    b"{\\rtf": "an RTF document",
}
#: Above this share of undecodable bytes a file is not text in any encoding briefwright reads.
MAX_INVALID_SHARE = 0.10
#: Longest first line taken as the article's headline when --title is not given.
MAX_TITLE = 150
PLACEHOLDER = "REPLACE"
FIRST_POSITIONS = 5


@dataclass(frozen=True)
class Ingested:
    """A new source file: its id, path, text fingerprint, and what the editor should know."""

    source_id: str
    path: Path
    fingerprint: str
    removed: tuple[str, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class ArticleFacts:
    """What the editor says of an article: the options of `sources add`."""

    publisher: str
    published: date
    title: str | None = None
    url: str | None = None
    kind: SourceKind = SourceKind.NEWS_REPORT
    source_id: str | None = None
    origin: str | None = None


def add_source(article: Path, sources_dir: Path, facts: ArticleFacts) -> Ingested:
    """Write article as a new source file; refuse to overwrite an existing one."""
    _refuse_bad_options(facts)
    raw = _read(article)
    _refuse_binary(raw, article)
    text, notes = _decode(raw, str(article))
    _refuse_html(text, article)
    kept, removed = _drop_chrome(text)
    body = "\n".join(kept).strip("\n") + "\n"
    if not body.strip():
        what = "nothing but site furniture" if removed else "no text"
        message = f"the article has {what}; save the article's own text and add that"
        raise BriefError.of("BW013", message, Location(str(article)))
    title, title_note = _title(facts.title, body)
    source_id = _free_id(facts, sources_dir)
    target = sources_dir / f"{source_id}.txt"
    front = front_matter(source_id, facts, title, removed)
    sources_dir.mkdir(parents=True, exist_ok=True)
    target.write_text(front + body, encoding="utf-8")
    fingerprint = hashlib.sha256(body.encode("utf-8")).hexdigest()
    return Ingested(source_id, target, fingerprint, tuple(removed), (*notes, *title_note))


def slug(text: str) -> str:
    """Return a lowercase id made of letters, digits and hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "source"


def front_matter(source_id: str, facts: ArticleFacts, title: str, removed: list[str]) -> str:
    """Return the source file's front matter, emitted as YAML between `---` lines.

    Fields the editor must still fill in hold a `REPLACE` placeholder, which `check` lists
    (a warning) and `release` refuses.
    """
    fields: dict[str, Any] = {
        "id": source_id,
        "title": title,
        "title_supplied": title.startswith(PLACEHOLDER),
        "short_name": facts.publisher,
        "publisher": facts.publisher,
        "published": facts.published.isoformat(),
        "date_basis": "stated",
        "date_note": f"{PLACEHOLDER}: say where the date comes from (e.g. the dateline).",
        "kind": facts.kind.value,
        **({"url": facts.url} if facts.url else {}),
        **({"origin": facts.origin} if facts.origin else {}),
        "reliability": f"{PLACEHOLDER}: say how far this source can be trusted, and for what.",
        "chrome_removed": removed,
    }
    emitted = yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=10_000)
    return f"---\n{emitted}---\n"


def _refuse_bad_options(facts: ArticleFacts) -> None:
    """Refuse option values a source file cannot hold faithfully (BW154, BW003)."""
    options = {"--publisher": facts.publisher, "--title": facts.title, "--id": facts.source_id,
               "--origin": facts.origin, "--url": facts.url}  # fmt: skip
    for flag, value in options.items():
        if value is None:
            continue
        for index, char in forbidden_characters(value, multiline=False):
            message = f"{flag} holds {describe(char)} at character {index + 1}; remove it"
            raise BriefError.of("BW154", message, Location(flag))
        if not value.strip():
            raise BriefError.of("BW003", f"{flag} is empty; give a value", Location(flag))
    if facts.url is not None and not re.fullmatch(r"https?://[^\s<>\"']+", facts.url):
        message = f"--url {facts.url!r} is not an http(s) address; give the article's web address"
        raise BriefError.of("BW003", message, Location("--url"))
    if facts.source_id is not None and not re.fullmatch(r"[a-z0-9][a-z0-9-]*", facts.source_id):
        message = f"--id {facts.source_id!r} must be lowercase letters, digits and hyphens"
        raise BriefError.of("BW003", message, Location("--id"))


def _read(article: Path) -> bytes:
    """Read the article: a regular file of at most MAX_FILE_BYTES (no FIFO, no device)."""
    return read_file(article, MAX_FILE_BYTES)


def _refuse_binary(raw: bytes, article: Path) -> None:
    kind = next((kind for magic, kind in _SIGNATURES.items() if raw.startswith(magic)), None)
    if kind is None and b"\0" in raw:
        kind = "binary data (it holds NUL bytes)"
    if kind is None:
        invalid = len(_INVALID.findall(raw.decode("utf-8", errors="surrogateescape")))
        if raw and invalid / len(raw) > MAX_INVALID_SHARE:
            kind = f"not UTF-8 text ({invalid:,} of {len(raw):,} bytes cannot be decoded)"
    if kind is not None:
        message = f"the file is {kind}, not an article's text; save the text as UTF-8"
        raise BriefError.of("BW013", message, Location(str(article)))


def _refuse_html(text: str, article: Path) -> None:
    found = _HTML.search(text)
    if found is not None:
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        message = (
            f"the file is an HTML page ({found.group(0)!r}), not an article's text; open it "
            "in a browser, copy the article's text into a plain UTF-8 file, and add that"
        )
        raise BriefError.of("BW013", message, Location(str(article), line, column))


def _decode(raw: bytes, name: str) -> tuple[str, list[str]]:
    """Decode UTF-8, invalid bytes kept as U+FFFD; report their count and first places.

    One pass (surrogateescape marks each invalid byte), however many there are.
    """
    escaped = raw.decode("utf-8", errors="surrogateescape")
    notes = []
    invalid = [match.start() for match in _INVALID.finditer(escaped)]
    if invalid:
        notes.append(_summary(escaped, invalid, name, "invalid byte(s), kept as U+FFFD"))
    lost = [index for index, char in enumerate(escaped) if char == "\ufffd"]
    if lost:
        what = "U+FFFD already in the text (characters lost before it reached you), kept as is"
        notes.append(_summary(escaped, lost, name, what))
    text = _INVALID.sub("\ufffd", escaped).removeprefix("\ufeff")
    return text, notes


def _summary(text: str, indexes: list[int], name: str, what: str) -> str:
    first = ", ".join(_place(text, index) for index in indexes[:FIRST_POSITIONS])
    more = "" if len(indexes) <= FIRST_POSITIONS else ", …"
    return f"{name}: {len(indexes):,} {what}; at {first}{more}"


def _place(text: str, index: int) -> str:
    line_start = text.rfind("\n", 0, index) + 1
    return f"{text.count(chr(10), 0, index) + 1}:{index - line_start + 1}"


def _drop_chrome(text: str) -> tuple[list[str], list[str]]:
    kept, removed = [], []
    for line in text.split("\n"):
        if _CHROME.match(line):
            removed.append(line.strip())
        else:
            kept.append(line)
    return kept, removed


def _title(given: str | None, body: str) -> tuple[str, tuple[str, ...]]:
    """Return the title to record and a note saying where it came from."""
    if given is not None:
        return given.strip(), ()
    first = next((line.strip() for line in body.splitlines() if line.strip()), "")
    if 0 < len(first) <= MAX_TITLE and not list(forbidden_characters(first, multiline=False)):
        return first, (f"title taken from the article's first line: {first!r} (--title sets it)",)
    placeholder = f"{PLACEHOLDER}: the article's headline"
    return placeholder, ("no --title given and the first line is no headline: fill in `title`",)


def _free_id(facts: ArticleFacts, sources_dir: Path) -> str:
    """Return the source id to use; if it is taken, refuse and suggest one that is free."""
    wanted = facts.source_id or f"{slug(facts.publisher)}-{facts.published.isoformat()}"
    if not (sources_dir / f"{wanted}.txt").exists():
        return wanted
    free = next(
        f"{wanted}-{n}"
        for n in range(2, 10_000)
        if not (sources_dir / f"{wanted}-{n}.txt").exists()
    )
    taken = sources_dir / f"{wanted}.txt"
    message = f"source id {wanted} is taken by {taken}; pass --id {free}"
    raise BriefError.of("BW010", message, Location(str(taken)))
