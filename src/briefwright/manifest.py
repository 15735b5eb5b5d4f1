"""Turn a build's sources and artifacts into build/manifest.json: what went in, what came out.

The manifest records each source's SHA-256 fingerprint, so a changed source is visible
between two builds, and each artifact's SHA-256 and size. Keys are sorted and no absolute
path is written, so the same inputs give the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import datetime

from briefwright.models import Brief


def make_manifest(brief: Brief, built: datetime, artifacts: Mapping[str, bytes]) -> bytes:
    """Return the manifest of a build as UTF-8 JSON bytes."""
    manifest = {
        "product_id": brief.metadata.product_id,
        "version": brief.metadata.version,
        "built": built.isoformat(),
        "sources": {
            source.id: {"sha256": source.fingerprint, "published": source.published.isoformat()}
            for source in brief.sources
        },
        "artifacts": {
            name: {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
            for name, data in sorted(artifacts.items())
        },
    }
    return (json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
