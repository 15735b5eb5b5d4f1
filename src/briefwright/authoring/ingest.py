"""Turn a pasted article into a source file under content/sources/, hiding nothing.

The text is kept verbatim apart from site furniture that can be recognised line by line
("top of page", "bottom of page", "Also Read …"); what was dropped is listed in the source's
front matter and reported. Invalid bytes and U+FFFD replacement characters are reported
with their line and column, not silently cleaned.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from briefwright.errors import BriefError, Diagnostic, Location
from briefwright.model.vocab import SourceKind

_CHROME = re.compile(r"^\s*(top of page|bottom of page|also read\b.*)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Ingested:
    """A new source file: its id, path, text fingerprint, and what the editor should know."""

    source_id: str
    path: Path
    fingerprint: str
    removed: tuple[str, ...]
    notes: tuple[str, ...]


def add_source(
    article: Path,
    sources_dir: Path,
    publisher: str,
    published: date,
    title: str | None = None,
    url: str | None = None,
    kind: SourceKind = SourceKind.NEWS_REPORT,
) -> Ingested:
    """Write article as a new source file; refuse to overwrite an existing one."""
    if url is not None and not re.fullmatch(r"https?://[^\s<>\"']+", url):
        message = f"--url {url!r} is not an http(s) address; give the article's web address"
        raise BriefError([Diagnostic("BW003", message, Location("--url"))])
    raw = _read(article)
    text, notes = _decode(raw, str(article))
    kept, removed = _drop_chrome(text)
    source_id = f"{slug(publisher)}-{published.isoformat()}"
    target = sources_dir / f"{source_id}.txt"
    if target.exists():
        message = f"source {source_id} already exists at {target}; pass another --date or edit it"
        raise BriefError([Diagnostic("BW010", message, Location(str(target)))])
    body = "\n".join(kept).strip("\n") + "\n"
    front = _front_matter(source_id, publisher, published, title, url, kind, removed)
    sources_dir.mkdir(parents=True, exist_ok=True)
    target.write_text(front + body, encoding="utf-8")
    fingerprint = hashlib.sha256(body.encode("utf-8")).hexdigest()
    return Ingested(source_id, target, fingerprint, tuple(removed), tuple(notes))


def slug(text: str) -> str:
    """Return a lowercase id made of letters, digits and hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "source"


def _read(article: Path) -> bytes:
    try:
        return article.read_bytes()
    except OSError as error:
        message = f"cannot read the article: {error.strerror}"
        raise BriefError([Diagnostic("BW004", message, Location(str(article)))]) from None


def _decode(raw: bytes, name: str) -> tuple[str, list[str]]:
    """Decode UTF-8, replacing invalid bytes, and report each one and each U+FFFD found."""
    notes = []
    start = 0
    while True:
        try:
            raw[start:].decode("utf-8")
            break
        except UnicodeDecodeError as error:
            offset = start + error.start
            notes.append(
                f"{name}:{_place(raw, offset)}: invalid byte 0x{raw[offset]:02x}, kept as U+FFFD"
            )
            start = offset + max(1, error.end - error.start)
    for found in re.finditer("\ufffd".encode(), raw):
        notes.append(
            f"{name}:{_place(raw, found.start())}: U+FFFD already in the text (a character "
            "lost before it reached you), kept as is"
        )
    text = raw.decode("utf-8", errors="replace").removeprefix("\ufeff")
    return text, sorted(notes, key=_note_order)


def _place(raw: bytes, offset: int) -> str:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    line = raw.count(b"\n", 0, offset) + 1
    return f"{line}:{column}"


def _note_order(note: str) -> tuple[int, int]:
    line, column = note.split(": ", 1)[0].rsplit(":", 2)[-2:]
    return int(line), int(column)


def _drop_chrome(text: str) -> tuple[list[str], list[str]]:
    kept, removed = [], []
    for line in text.split("\n"):
        if _CHROME.match(line):
            removed.append(line.strip())
        else:
            kept.append(line)
    return kept, removed


def _front_matter(
    source_id: str,
    publisher: str,
    published: date,
    title: str | None,
    url: str | None,
    kind: SourceKind,
    removed: list[str],
) -> str:
    def quoted(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = [
        "---",
        f"id: {source_id}",
        f"title: {quoted(title or 'Untitled article')}",
        f"title_supplied: {'false' if title else 'true'}",
        f"short_name: {quoted(publisher)}",
        f"publisher: {quoted(publisher)}",
        f"published: {published.isoformat()}",
        "date_basis: stated",
        f"date_note: {quoted('Given by the editor who added the source.')}",
        f"kind: {kind.value}",
        *([f"url: {quoted(url)}"] if url else []),
        f"reliability: {quoted('Not yet assessed: say how far this source can be trusted.')}",
        "chrome_removed:" + ("" if removed else " []"),
        *(f"  - {quoted(line)}" for line in removed),
        "---",
    ]
    return "\n".join(lines) + "\n"
