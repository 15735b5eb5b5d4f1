"""Write finished artifacts into the output folder; the only stage that touches build/.

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
from pathlib import Path

from briefwright.errors import BriefError, Diagnostic, Location

STAGING_PREFIX = ".staging-"
LOCK_TIMEOUT = 300.0


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
