"""Write finished artifacts into the output folder; the only stage that touches build/.

Each file is written beside its target under a temporary name and renamed into place, so a
reader (or a failed build) never sees a half-written artifact.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path


def write_artifacts(out_dir: Path, artifacts: Mapping[str, bytes]) -> list[Path]:
    """Write every artifact (relative path → bytes) atomically; return the paths written."""
    written = []
    for name in sorted(artifacts):
        target = out_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        _replace_atomically(target, artifacts[name])
        written.append(target)
    return written


def _replace_atomically(target: Path, data: bytes) -> None:
    descriptor, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
