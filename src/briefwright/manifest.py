"""Turn a build's inputs and outputs into build/manifest.json: what went in, what came out.

The manifest records the SHA-256 of every input file (content, sources, templates, fonts) and
of every artifact, each document's page count and typesetting key (what incremental builds
compare), each source's fingerprint, and the versions of the tools that made the PDFs. Keys
are sorted and no absolute path is written, so the same build gives the same bytes.
"""

from __future__ import annotations

import ctypes
import json
import platform
from collections.abc import Mapping
from datetime import datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

from briefwright.incremental import sha256
from briefwright.models import Brief


def make_manifest(
    brief: Brief,
    built: datetime,
    options: Mapping[str, Any],
    inputs: Mapping[str, str],
    documents: Mapping[str, Mapping[str, Any]],
    artifacts: Mapping[str, bytes],
    versions: Mapping[str, Any],
) -> bytes:
    """Return the manifest of a build as UTF-8 JSON bytes; `versions` from tool_versions."""
    manifest = {
        "product_id": brief.metadata.product_id,
        "version": brief.metadata.version,
        "built": built.isoformat(),
        "source_date_epoch": int(built.timestamp()),
        "options": dict(options),
        "inputs": dict(inputs),
        "sources": {
            source.id: {"sha256": source.fingerprint, "published": source.published.isoformat()}
            for source in brief.sources
        },
        "documents": {stem: dict(entry) for stem, entry in documents.items()},
        "artifacts": {
            name: _artifact(name, data, documents) for name, data in sorted(artifacts.items())
        },
        "versions": dict(versions),
    }
    return (json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


def _artifact(
    name: str, data: bytes, documents: Mapping[str, Mapping[str, Any]]
) -> dict[str, Any]:
    entry: dict[str, Any] = {"sha256": sha256(data), "bytes": len(data)}
    if name.endswith(".pdf") and name[: -len(".pdf")] in documents:
        entry["pages"] = documents[name[: -len(".pdf")]]["pages"]
    return entry


def tool_versions(assets: Mapping[str, bytes]) -> dict[str, Any]:
    """Return the versions of Python, WeasyPrint, Pango and every bundled font in assets."""
    return {
        "python": platform.python_version(),
        "weasyprint": version("weasyprint"),
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
