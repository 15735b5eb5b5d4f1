"""Decide what a build can reuse from the previous one, by fingerprints in its manifest.

Two levels. If every input file, the options and the build time are what the manifest
recorded, and every artifact is still in place, there is nothing to do: this is decided
before the content is even parsed. Otherwise each document whose HTML and typesetting
inputs are unchanged keeps its PDF, and only the others are typeset again.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefwright.clock import last_commit_time, parse_epoch

MANIFEST = "manifest.json"


def recorded_options(paper: str, pdf_variant: str) -> dict[str, Any]:
    """Return the build options that change the output, as the manifest records them."""
    return {"paper": paper, "pdf_variant": pdf_variant}


def up_to_date_notice(
    content_dir: Path, templates_dir: Path, out_dir: Path, paper: str, pdf_variant: str
) -> str | None:
    """Return what to print when out_dir already holds this exact build, else None."""
    if is_up_to_date(content_dir, templates_dir, out_dir, recorded_options(paper, pdf_variant)):
        return f"{out_dir} is up to date: nothing changed since the last build"
    return None


def is_up_to_date(
    content_dir: Path, templates_dir: Path, out_dir: Path, options: dict[str, Any]
) -> bool:
    """Return True when out_dir already holds this exact build (no content is parsed)."""
    previous = Previous.read(out_dir)
    if previous is None:
        return False
    inputs = fingerprint_inputs(content_dir, templates_dir)
    return previous.is_current(inputs, options, known_epoch(content_dir, templates_dir))


def known_epoch(content_dir: Path, templates_dir: Path) -> int | None:
    """Return the build time when it can be known without parsing the content."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value:
        return parse_epoch(value)
    return last_commit_time((content_dir, templates_dir))


def sha256(data: bytes) -> str:
    """Return the hex SHA-256 of data."""
    return hashlib.sha256(data).hexdigest()


def fingerprint_inputs(content_dir: Path, templates_dir: Path) -> dict[str, str]:
    """Return the SHA-256 of every file under content/ and templates/, by project path."""
    found = {}
    for root in (content_dir, templates_dir):
        for path in sorted(root.rglob("*")):
            if path.is_file():
                found[f"{root.name}/{path.relative_to(root).as_posix()}"] = sha256(
                    path.read_bytes()
                )
    return found


def typeset_key(html: str, settings: Any, assets: dict[str, bytes]) -> str:
    """Return what a document's PDF depends on: HTML, paper, PDF variant, assets, WeasyPrint."""
    from importlib.metadata import version  # not at import: it costs an unchanged rebuild 30 ms

    digest = hashlib.sha256()
    for part in (html, settings.paper, settings.variant, version("weasyprint")):
        digest.update(part.encode("utf-8") + b"\0")
    for name in sorted(assets):
        digest.update(name.encode("utf-8") + b"\0" + sha256(assets[name]).encode() + b"\0")
    return digest.hexdigest()


@dataclass(frozen=True)
class Previous:
    """The previous build in an output folder, as its manifest describes it."""

    out_dir: Path
    manifest: dict[str, Any]

    @classmethod
    def read(cls, out_dir: Path) -> Previous | None:
        """Return the previous build's manifest, or None when there is no usable one."""
        try:
            manifest = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return cls(out_dir, manifest) if isinstance(manifest, dict) else None

    def is_current(
        self, inputs: dict[str, str], options: dict[str, Any], epoch: int | None
    ) -> bool:
        """Return True when nothing about the build has changed and its artifacts are intact."""
        if self.manifest.get("inputs") != inputs or self.manifest.get("options") != options:
            return False
        if epoch is not None and self.manifest.get("source_date_epoch") != epoch:
            return False
        artifacts = self.manifest.get("artifacts", {})
        return bool(artifacts) and all(
            self._intact(name, entry["sha256"]) for name, entry in artifacts.items()
        )

    def reusable_pdf(self, stem: str, key: str) -> tuple[bytes, dict[str, Any]] | None:
        """Return a document's previous PDF and record when its typesetting key matches."""
        entry = self.manifest.get("documents", {}).get(stem)
        if not isinstance(entry, dict) or entry.get("typeset_key") != key:
            return None
        path = self.out_dir / f"{stem}.pdf"
        try:
            data = path.read_bytes()
        except OSError:
            return None
        return (data, entry) if sha256(data) == entry.get("pdf_sha256") else None

    def _intact(self, name: str, digest: str) -> bool:
        try:
            return sha256((self.out_dir / name).read_bytes()) == digest
        except OSError:
            return False
