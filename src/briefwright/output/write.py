"""Turn finished artifacts into files in the output folder; the only stage that touches build/.

`Artifacts` collects them by path and refuses one path given twice (or a path that leaves
the folder, or a file where another artifact needs a folder), as Pelican's writer does:
two documents must never silently overwrite each other.

All artifacts are first written into a staging folder inside the output folder, then moved
into place together while SIGINT and SIGTERM wait, so a reader (or an interrupted build)
sees either the previous artifacts or the new ones, never a mix or a half-written file.
A lock on the output folder makes a second build wait for the first to finish writing.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from briefwright.errors import BriefError, Diagnostic, Location

STAGING_PREFIX = ".staging-"
LOCK_TIMEOUT = 300.0


class Artifacts(Mapping[str, bytes]):
    """The files a build writes, by path relative to the output folder, each given once."""

    def __init__(self) -> None:
        self._files: dict[str, bytes] = {}
        self._makers: dict[str, str] = {}

    def add(self, path: str, data: bytes, maker: str) -> None:
        """Add one artifact; `maker` says what produced it, for the message if it collides."""
        problem = self._collision(path)
        if problem is not None:
            message = f"{problem}; {maker} collides with {self._makers.get(path, 'it')}"
            raise BriefError.of("BW011", message + ": rename one of them", Location(path))
        self._files[path] = data
        self._makers[path] = maker

    def update(self, files: Mapping[str, bytes], maker: str) -> None:
        """Add every file of a mapping, all made by one maker."""
        for path, data in files.items():
            self.add(path, data, maker)

    def _collision(self, path: str) -> str | None:
        parts = PurePosixPath(path).parts
        if not parts or PurePosixPath(path).is_absolute() or ".." in parts:
            return f"artifact path {path!r} leaves the output folder"
        if path in self._files:
            return f"two artifacts would be written at {path}"
        folders = {"/".join(parts[:n]) for n in range(1, len(parts))}
        if clash := next((f for f in folders if f in self._files), None):
            return f"{path} needs a folder where the artifact {clash} is a file"
        if any(other.startswith(path + "/") for other in self._files):
            return f"{path} is a file where other artifacts need a folder"
        return None

    def __getitem__(self, path: str) -> bytes:
        return self._files[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)


def write_artifacts(out_dir: Path, artifacts: Mapping[str, bytes]) -> list[Path]:
    """Write every artifact (relative path → bytes) into out_dir at once; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with _locked(out_dir):
        remove_stale_staging(out_dir)
        staging = Path(tempfile.mkdtemp(dir=out_dir, prefix=STAGING_PREFIX))
        try:
            for name, data in artifacts.items():
                _write_file(staging / name, data)
            with _signals_deferred():
                return [_move(staging / name, out_dir / name) for name in sorted(artifacts)]
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def remove_stale_staging(out_dir: Path) -> None:
    """Remove staging folders a killed build left behind (callers hold the lock)."""
    for stale in out_dir.glob(f"{STAGING_PREFIX}*"):
        shutil.rmtree(stale, ignore_errors=True)


def _write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    os.chmod(path, 0o644)


def _move(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)
    return target


@contextmanager
def _locked(out_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock on the output folder itself (no lock file to leave behind)."""
    descriptor = os.open(out_dir, os.O_RDONLY)
    try:
        deadline = time.monotonic() + LOCK_TIMEOUT
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    message = (
                        f"another briefwright build has been writing to {out_dir} for "
                        f"{LOCK_TIMEOUT:g} s; wait for it to finish or use --out"
                    )
                    where = Location(str(out_dir))
                    raise BriefError([Diagnostic("BW008", message, where)]) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(descriptor)  # closing the descriptor releases the lock


@contextmanager
def _signals_deferred() -> Iterator[None]:
    """Hold SIGINT and SIGTERM until the artifacts are all in place."""
    deferred = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, deferred)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
