"""Give each briefwright process one temporary folder, and leave nothing behind on any exit.

Everything temporary goes under `$TMPDIR/briefwright-run-*/`: `TMPDIR` is pointed there
before the fork server starts, so the server, its typesetting workers and everything they
make (WeasyPrint's font folders, briefwright's font configurations, multiprocessing's
`pymp-*` sockets) inherit it. The process holds an exclusive lock on the folder while it
lives and removes the folder when it exits, normally or by an exception or an interrupt;
after a SIGKILL, when nothing could run, the next briefwright process removes it, but only
once no live process holds its lock (a running `serve` keeps its own).
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from pathlib import Path

PREFIX = "briefwright-run-"

_current: Path | None = None


def enter_scratch() -> Path:
    """Return this process's scratch folder, made (and TMPDIR pointed at it) on first use."""
    global _current
    if _current is not None and _current.is_dir():
        return _current
    base = _base()
    sweep(base)
    root = Path(tempfile.mkdtemp(prefix=PREFIX, dir=base))
    lock = os.open(root, os.O_RDONLY | os.O_CLOEXEC)
    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    os.environ["TMPDIR"] = tempfile.tempdir = str(root)
    _remove_at_exit(root, lock)
    _current = root
    return root


#: The longest base folder that leaves room, under the 107 bytes a Unix socket path may
#: have, for the fork server's socket: <base>/briefwright-run-*/pymp-*/listener-*.
MAX_BASE = 45


def _base() -> Path:
    """Return TMPDIR, or /tmp when TMPDIR is too deep for the fork server's socket path."""
    base = Path(tempfile.gettempdir())
    if len(os.fsencode(base)) > MAX_BASE and os.access("/tmp", os.W_OK | os.X_OK):
        return Path("/tmp")
    return base


def sweep(base: Path) -> list[Path]:
    """Remove the scratch folders of processes that are gone (their lock is free)."""
    removed = []
    for folder in sorted(base.glob(f"{PREFIX}*")):
        if folder.is_dir() and not folder.is_symlink() and _owner_is_gone(folder):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _owner_is_gone(folder: Path) -> bool:
    try:
        descriptor = os.open(folder, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(descriptor)


def _remove_at_exit(root: Path, lock: int) -> None:
    """Remove the folder when the process exits, after multiprocessing's own clean-up.

    multiprocessing removes its `pymp-*` folder (inside ours) in an exit finalizer of
    priority -100, and prints a traceback if the folder is already gone; ours runs after it,
    and stops the fork server first, which would otherwise still be writing into it.
    """
    from multiprocessing.util import Finalize

    from briefwright.typeset.pool import stop_fork_server

    def remove() -> None:
        stop_fork_server()
        shutil.rmtree(root, ignore_errors=True)
        os.close(lock)

    Finalize(None, remove, exitpriority=-1000)
