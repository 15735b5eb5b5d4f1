"""Turn artifacts into files of a spool folder as soon as they are made, so that a build of
many briefs holds in memory each file's place, digest and size, not its bytes.

A series' build writes every brief at once, at the end, so that a failure anywhere leaves
the previous output as it was (output/write.py). Held in memory until then, its files grew
the build by ~17 MiB a brief (each brief's Word edition embeds its fonts: 1.7–1.9 MB a
.docx). Spooled, they cost a file each in the build's scratch folder, which every exit
removes; the final write links them into the staging folder (a copy across file systems).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Spooled:
    """An artifact's bytes kept in a spool file: where, their SHA-256 and their size."""

    path: Path
    sha256: str
    size: int

    def read(self) -> bytes:
        """Return the bytes."""
        return self.path.read_bytes()

    @classmethod
    def of_file(cls, path: Path) -> Spooled:
        """Return an existing file as a spooled artifact, its digest read in chunks."""
        with path.open("rb") as file:
            found = hashlib.file_digest(file, "sha256")
        return cls(path, found.hexdigest(), path.stat().st_size)


Payload = bytes | Spooled
"""An artifact's bytes, in memory or spooled."""


class Spool:
    """A folder of spooled artifacts; safe to fill from several threads."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def put(self, data: Payload) -> Spooled:
        """Write data to a new spool file (bytes already spooled stay where they are)."""
        if isinstance(data, Spooled):
            return data
        descriptor, name = tempfile.mkstemp(dir=self.folder)
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
        return Spooled(Path(name), hashlib.sha256(data).hexdigest(), len(data))

    def hold(self, files: Mapping[str, Payload]) -> dict[str, Payload]:
        """Spool every file of a mapping; return the mapping of their spooled forms."""
        return {name: self.put(data) for name, data in files.items()}


@contextmanager
def spooling(parent: Path) -> Iterator[Spool]:
    """Give a spool in a new folder under `parent`, removed with its files on leaving."""
    folder = Path(tempfile.mkdtemp(prefix="spool-", dir=parent))
    try:
        yield Spool(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def read_payload(data: Payload) -> bytes:
    """Return an artifact's bytes, reading them back when they are spooled."""
    return data.read() if isinstance(data, Spooled) else data


def digest(data: Payload) -> str:
    """Return an artifact's hex SHA-256, without reading back spooled bytes."""
    return data.sha256 if isinstance(data, Spooled) else hashlib.sha256(data).hexdigest()


def place(data: Payload, target: Path) -> None:
    """Put an artifact's bytes at target (its folder made), readable by all: a spooled file
    is linked there, or copied when the spool is on another file system."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, Spooled):
        try:
            os.link(data.path, target)
        except OSError:
            shutil.copyfile(data.path, target)
    else:
        target.write_bytes(data)
    os.chmod(target, 0o644)
