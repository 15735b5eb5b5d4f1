"""Turn a release's files into SHA256SUMS and a reproducible zip.

The zip has sorted entries, Unix permissions and timestamps fixed to the build time, so the
same files always give the same archive bytes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from datetime import datetime

from briefwright.output.manifest import sha256

_ZIP_EPOCH = datetime(1980, 1, 1)  # the earliest time a zip entry can carry


def checksums(files: Mapping[str, bytes]) -> bytes:
    """Return a SHA256SUMS file (as `sha256sum -c` reads it) for files, sorted by path."""
    lines = [f"{sha256(files[path])}  {path}\n" for path in sorted(files)]
    return "".join(lines).encode("utf-8")


def make_zip(folder: str, files: Mapping[str, bytes], built: datetime) -> bytes:
    """Return a zip of files under `folder/`, byte-identical for identical inputs."""
    stamp = max(built.replace(tzinfo=None), _ZIP_EPOCH).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(files):
            entry = zipfile.ZipInfo(f"{folder}/{path}", date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3  # Unix, whatever the building machine
            entry.external_attr = 0o100644 << 16
            archive.writestr(entry, files[path], compresslevel=9)
    return buffer.getvalue()
