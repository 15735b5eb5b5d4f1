"""Turn a build's inputs and outputs into build/manifest.json, and read one back: what went
in, what came out.

The manifest records the SHA-256 of every input file (content, sources, templates, fonts) and
of every artifact, each document's page count and typesetting key (what incremental builds
compare), each source's fingerprint, and the versions of the tools that made the PDFs. Keys
are sorted and no absolute path is written, so the same build gives the same bytes.

`Manifest` is the one typed value the writer, the incremental planner and the carry-over of
documents share. Reading is tolerant: a manifest that is missing, damaged or of another
shape reads as no manifest at all, and the build simply starts afresh. No pydantic here:
an unchanged rebuild reads the manifest before anything slow is imported.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import platform
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MANIFEST = "manifest.json"


def sha256(data: bytes) -> str:
    """Return the hex SHA-256 of data."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class DocumentRecord:
    """One typeset document: its pages, a remark, the hashes of its HTML and PDF, its key;
    and its Word edition's hash and key (what an incremental build compares to skip it)."""

    pages: int
    remark: str | None
    html_sha256: str
    pdf_sha256: str
    typeset_key: str
    docx_sha256: str | None = None
    docx_key: str | None = None

    @classmethod
    def from_json(cls, data: Any) -> DocumentRecord | None:
        """Return the record a manifest holds, or None when it is not one."""
        try:
            record = cls(**data)
        except TypeError:
            return None
        valid = isinstance(record.pages, int) and isinstance(record.pdf_sha256, str)
        return record if valid and isinstance(record.typeset_key, str) else None


@dataclass(frozen=True)
class ArtifactRecord:
    """One artifact's SHA-256 and size in bytes."""

    sha256: str
    size: int

    @classmethod
    def of(cls, data: bytes) -> ArtifactRecord:
        """Return the record of an artifact's bytes."""
        return cls(sha256(data), len(data))


@dataclass(frozen=True)
class Manifest:
    """What a build in an output folder was made from, and what it made."""

    product_id: str
    version: str
    built: str
    source_date_epoch: int
    options: dict[str, str]
    inputs: dict[str, str]
    sources: dict[str, dict[str, str]]
    documents: dict[str, DocumentRecord]
    artifacts: dict[str, ArtifactRecord]
    versions: dict[str, Any] = field(default_factory=dict)
    summary: dict[str, Any] = field(default_factory=dict)
    """In a series, what the index and the feed say of the brief (title, date, bottom line,
    one-pagers), so an unchanged brief is listed without being loaded again."""

    def to_json(self) -> bytes:
        """Return the manifest as UTF-8 JSON bytes (sorted keys, so the same build gives the
        same bytes); a PDF's entry also gives its pages."""
        data = {
            "product_id": self.product_id,
            "version": self.version,
            "built": self.built,
            "source_date_epoch": self.source_date_epoch,
            "options": self.options,
            "inputs": self.inputs,
            "sources": self.sources,
            "documents": {stem: vars(record) for stem, record in self.documents.items()},
            "artifacts": {
                name: self._artifact(name, record) for name, record in self.artifacts.items()
            },
            "versions": self.versions,
        }
        if self.summary:
            data["summary"] = self.summary
        return (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()

    def _artifact(self, name: str, record: ArtifactRecord) -> dict[str, Any]:
        entry: dict[str, Any] = {"sha256": record.sha256, "bytes": record.size}
        document = self.documents.get(name.removesuffix(".pdf"))
        if name.endswith(".pdf") and document is not None:
            entry["pages"] = document.pages
        return entry

    @classmethod
    def read(cls, out_dir: Path) -> Manifest | None:
        """Return the manifest in out_dir, or None when there is no usable one."""
        try:
            return cls.parse((out_dir / MANIFEST).read_bytes())
        except OSError:
            return None

    @classmethod
    def parse(cls, data: bytes) -> Manifest | None:
        """Return the manifest these bytes hold, or None when they hold no usable one."""
        try:
            return cls._from_json(json.loads(data.decode("utf-8")))
        except (ValueError, TypeError, KeyError, AttributeError):
            return None

    @classmethod
    def _from_json(cls, data: dict[str, Any]) -> Manifest:
        documents = {
            stem: DocumentRecord.from_json(entry) for stem, entry in data["documents"].items()
        }
        return cls(
            product_id=str(data["product_id"]),
            version=str(data["version"]),
            built=str(data["built"]),
            source_date_epoch=int(data["source_date_epoch"]),
            options=dict(data["options"]),
            inputs=dict(data["inputs"]),
            sources=dict(data["sources"]),
            documents={stem: record for stem, record in documents.items() if record is not None},
            artifacts={
                name: ArtifactRecord(str(entry["sha256"]), int(entry["bytes"]))
                for name, entry in data["artifacts"].items()
            },
            versions=dict(data.get("versions", {})),
            summary=dict(data.get("summary", {})),
        )


def tool_versions(assets: Mapping[str, bytes]) -> dict[str, Any]:
    """Return the versions of Python, WeasyPrint, pikepdf, Pango and every bundled font."""
    from importlib.metadata import version  # not at import: an unchanged rebuild skips it

    return {
        "python": platform.python_version(),
        "weasyprint": version("weasyprint"),
        "pikepdf": version("pikepdf"),
        "pango": pango_version(),
        "fonts": {
            Path(name).name: font_version(data)
            for name, data in sorted(assets.items())
            if name.endswith((".ttf", ".otf"))
        },
    }


def pango_version() -> str:
    """Return the version of the Pango library WeasyPrint lays text out with."""
    try:
        pango = ctypes.CDLL("libpango-1.0.so.0")
    except OSError:
        return "unknown"
    pango.pango_version_string.restype = ctypes.c_char_p
    return str(pango.pango_version_string().decode("ascii"))


def font_version(data: bytes) -> str:
    """Return a font's version string (name table, name id 5)."""
    from io import BytesIO

    from fontTools.ttLib import TTFont  # a WeasyPrint dependency; only needed here

    name = TTFont(BytesIO(data), lazy=True)["name"].getDebugName(5)
    return str(name or "unknown")
