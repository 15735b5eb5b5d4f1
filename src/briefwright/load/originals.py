"""Turn the originals a brief republishes (a source's archived fetch or PDF, with
`publish: full`) into the bytes the build copies beside the source pages, each checked
against the SHA-256 its source's front matter records."""

from __future__ import annotations

import hashlib
from pathlib import Path

from briefwright.errors import BriefError, Diagnostic, Location
from briefwright.files import read_regular
from briefwright.model.brief import Brief

#: Largest original read, in bytes: the build's limit for any input.
MAX_ORIGINAL_BYTES = 50_000_000


def read_published_originals(brief: Brief, content_dir: Path) -> dict[str, bytes]:
    """Return `sources/<file>` → bytes for every original the brief republishes; raise one
    BriefError naming each that is missing or changed since it was added (BW016)."""
    found: dict[str, bytes] = {}
    problems: list[Diagnostic] = []
    for source in brief.sources:
        name = source.published_original
        if name is None or source.original is None:
            continue
        where = source.where("original") or Location(str(content_dir / "sources"))
        path = content_dir / "sources" / name
        try:
            data = read_regular(path, content_dir, MAX_ORIGINAL_BYTES)
        except BriefError as error:
            problems += [
                Diagnostic("BW016", f"{name}: {d.message}", where) for d in error.diagnostics
            ]
            continue
        if hashlib.sha256(data).hexdigest() != source.original.sha256:
            message = (
                f"{name} has changed since it was added: its SHA-256 is not the one "
                f"source '{source.id}' records; restore it, or add the source again"
            )
            problems.append(Diagnostic("BW016", message, where))
            continue
        found[f"sources/{name}"] = data
    if problems:
        raise BriefError(problems)
    return found
