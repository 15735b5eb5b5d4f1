"""Turn finished artifacts into files in the output folder; the only stage that touches build/.

`Artifacts` collects them by path and refuses one path given twice (or a path that leaves
the folder, or a file where another artifact needs a folder), as Pelican's writer does:
two documents must never silently overwrite each other.

All artifacts are first written into a staging folder inside the output folder, then moved
into place together while SIGINT and SIGTERM wait, so a reader (or an interrupted build)
sees either the previous artifacts or the new ones, never a mix or a half-written file.
A lock on the output folder makes a second build wait for the first to finish writing.

A whole build also retires what it no longer makes: a file the folder's previous manifest
recorded that the new artifacts do not hold (the one-pager of a removed topic, a dropped
translation's folder, a source page no note cites now) is removed in the same step, so a
folder published as it stands never serves a document its content has withdrawn. Files
no manifest recorded (an analyst's own, a release's folder) are never touched.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
import signal
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from types import TracebackType

from briefwright.errors import BriefError, Diagnostic, Interrupted, Location
from briefwright.output.manifest import MANIFEST, Manifest
from briefwright.output.spool import Payload, Spool, Spooled, digest, place, read_payload

STAGING_PREFIX = ".staging-"
LOCK_TIMEOUT = 300.0


class Artifacts(Mapping[str, bytes]):
    """The files a build writes, by path relative to the output folder, each given once;
    with a spool, their bytes wait in spool files rather than in memory (output/spool.py)."""

    def __init__(self, spool: Spool | None = None) -> None:
        self._files: dict[str, Payload] = {}
        self._makers: dict[str, str] = {}
        self._spool = spool

    def add(self, path: str, data: Payload, maker: str) -> None:
        """Add one artifact; `maker` says what produced it, for the message if it collides."""
        problem = self._collision(path)
        if problem is not None:
            message = f"{problem}; {maker} collides with {self._makers.get(path, 'it')}"
            raise BriefError.of("BW011", message + ": rename one of them", Location(path))
        self._files[path] = self._spool.put(data) if self._spool else data
        self._makers[path] = maker

    def update(self, files: Mapping[str, Payload], maker: str) -> None:
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
        return read_payload(self._files[path])

    def payload(self, path: str) -> Payload:
        """Return an artifact's bytes as held: in memory, or spooled."""
        return self._files[path]

    def sha256(self, path: str) -> str:
        """Return an artifact's hex SHA-256 (a spooled one is not read back)."""
        return digest(self._files[path])

    def size(self, path: str) -> int:
        """Return an artifact's size in bytes."""
        data = self._files[path]
        return data.size if isinstance(data, Spooled) else len(data)

    def settle(self, out_dir: Path) -> None:
        """Point spooled artifacts at their written files, before the spool goes."""
        for path, data in self._files.items():
            if isinstance(data, Spooled):
                self._files[path] = Spooled(out_dir / path, data.sha256, data.size)

    def __iter__(self) -> Iterator[str]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)


class Output:
    """An output folder a build writes once, at the end (`write`), timing the write.

    Used as a context around the build's last steps, it marks an interrupt that comes once
    the folder is written (while the build tidies up, or reports) with the folder: the
    interrupt stopped nothing, and the command says where the build is.
    """

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.written: tuple[Path, ...] | None = None
        self.retired: list[str] = []
        self.seconds = 0.0

    def write(self, artifacts: Mapping[str, bytes], whole: bool = False) -> tuple[Path, ...]:
        """Write every artifact at once (`write_artifacts`); return their paths. A `whole`
        build (every document of the folder, not a share or an --only) also retires the
        files it no longer makes, their names kept in `retired`."""
        started = time.perf_counter()
        retired = self.retired if whole else None
        self.written = tuple(write_artifacts(self.out_dir, artifacts, retired))
        self.seconds = time.perf_counter() - started
        return self.written

    def __enter__(self) -> Output:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if isinstance(error, Interrupted) and self.written is not None:
            error.written = error.written or self.out_dir


def written_output(out_dir: Path) -> Output:
    """Return the Output of a folder already written (a build reporting what it wrote)."""
    output = Output(out_dir)
    output.written = ()
    return output


def check_writable(out_dir: Path) -> None:
    """Refuse, before any work, an output folder that cannot be written (BW006): a file, a
    path under a file, or a folder (or its nearest existing parent) that is read-only."""
    existing = next((p for p in (out_dir, *out_dir.parents) if p.exists()), Path("/"))
    if not existing.is_dir():
        what = "is a file" if existing == out_dir else f"is under {existing}, which is a file"
        raise _cannot_write(out_dir, f"--out {out_dir} {what}; give a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        problem = "on a read-only file system" if _read_only(existing) else "not writable"
        raise _cannot_write(out_dir, f"{existing} is {problem}; give another --out")


def write_artifacts(
    out_dir: Path, artifacts: Mapping[str, bytes], retired: list[str] | None = None
) -> list[Path]:
    """Write every artifact (relative path → bytes) into out_dir at once; return their paths.

    With `retired` (a list), and a manifest among the artifacts, the files the folder's
    previous manifest recorded that the artifacts no longer hold are removed as the new
    ones move in, and their names added to `retired`.

    Any operating-system error (a full disk, a read-only file system, a file in the way)
    becomes BW006 naming the path; the folder keeps its previous artifacts.
    """
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _os_problem(error, out_dir) from None
    with _locked(out_dir):
        remove_stale_staging(out_dir)
        try:
            staging = Path(tempfile.mkdtemp(dir=out_dir, prefix=STAGING_PREFIX))
        except OSError as error:
            raise _os_problem(error, out_dir) from None
        try:
            for name in artifacts:
                held = artifacts.payload(name) if isinstance(artifacts, Artifacts) else None
                place(artifacts[name] if held is None else held, staging / name)
            _refuse_clashes(out_dir, artifacts)
            unmade = _unmade(out_dir, artifacts) if retired is not None else []
            with _signals_deferred():
                moved = [_move(staging / name, out_dir / name) for name in sorted(artifacts)]
                if retired is not None:
                    retired += _retire(out_dir, unmade)
            if isinstance(artifacts, Artifacts):
                artifacts.settle(out_dir)
            return moved
        except OSError as error:
            raise _os_problem(error, out_dir) from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _refuse_clashes(out_dir: Path, artifacts: Mapping[str, bytes]) -> None:
    """Refuse, before anything moves, an artifact whose place holds a folder (or whose
    folder is a file) in out_dir: moving would stop halfway and mix old and new files."""
    for name in artifacts:
        target = out_dir / name
        if target.is_dir() and not target.is_symlink():
            raise _cannot_write(target, f"{target} is a folder where a file must go; remove it")
        parent = target.parent
        if parent != out_dir and parent.exists() and not parent.is_dir():
            raise _cannot_write(target, f"{parent} is a file where a folder must go; remove it")


def _os_problem(error: OSError, out_dir: Path) -> BriefError:
    """Turn an operating-system error while writing into BW006 naming the path."""
    path = error.filename or out_dir
    reasons = {
        errno.ENOSPC: "the disk is full: free space, or give another --out",
        errno.EFBIG: "a file is larger than the file system allows: give another --out",
        errno.EDQUOT: "the disk quota is exhausted: free space, or give another --out",
        errno.EROFS: "the file system is read-only: give another --out",
        errno.EACCES: "permission denied: give a folder you can write, or another --out",
        errno.EEXIST: "a file is in the way of a folder: remove it, or give another --out",
        errno.ENOTDIR: "a file is in the way of a folder: remove it, or give another --out",
        errno.EISDIR: "a folder is in the way of a file: remove it, or give another --out",
    }
    reason = reasons.get(error.errno or 0, f"{error.strerror or error}; give another --out")
    message = f"cannot write {path}: {reason} (the previous build is unchanged)"
    return _cannot_write(Path(str(path)), message)


def _cannot_write(path: Path, message: str) -> BriefError:
    return BriefError.of("BW006", message, Location(str(path)))


def _read_only(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _unmade(out_dir: Path, artifacts: Mapping[str, bytes]) -> list[str]:
    """Return, sorted, what the folder's previous manifest recorded that its new one (among
    `artifacts`) does not, nor `artifacts`: nothing without a manifest either side. (A file
    kept from the previous build stays where it is, out of `artifacts`, in the new manifest.)"""
    names = set(artifacts)  # the keys alone: `in` on the mapping would read each file
    new = Manifest.parse(artifacts[MANIFEST]) if MANIFEST in names else None
    previous = Manifest.read(out_dir) if new is not None else None
    if new is None or previous is None:
        return []
    return sorted(set(previous.artifacts) - set(new.artifacts) - names)


def _retire(out_dir: Path, names: list[str]) -> list[str]:
    """Remove these files (each inside out_dir; the manifest is a file anyone may edit),
    then the folders they leave empty; return the names removed. A file already gone, or
    one that cannot go, is left: the new build is in place either way."""
    removed = []
    root = out_dir.resolve()
    for name in names:
        path = PurePosixPath(name)
        if not path.parts or path.is_absolute() or ".." in path.parts:
            continue
        target = out_dir / path
        with contextlib.suppress(OSError):
            folder = target.parent.resolve()  # a linked folder may lead out of out_dir
            if folder != root and root not in folder.parents:
                continue
            if target.is_symlink() or target.is_file():
                target.unlink()
                removed.append(name)
                _prune_empty(target.parent, out_dir)
    return removed


def _prune_empty(folder: Path, out_dir: Path) -> None:
    """Remove `folder` and its parents, up to out_dir (kept), while each is empty."""
    while folder != out_dir and out_dir in folder.parents:
        try:
            folder.rmdir()
        except OSError:  # not empty (or not ours to remove): stop here
            return
        folder = folder.parent


def remove_stale_staging(out_dir: Path) -> None:
    """Remove staging folders a killed build left behind (callers hold the lock)."""
    for stale in out_dir.glob(f"{STAGING_PREFIX}*"):
        shutil.rmtree(stale, ignore_errors=True)


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
    """Hold SIGINT and SIGTERM until the artifacts are all in place.

    One that arrives meanwhile came too late to stop the build: once every file is in
    place it is discarded, so the command ends as the complete build it is instead of
    claiming it left the folder as it was.
    """
    deferred = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, deferred)
    try:
        yield
        while signal.sigtimedwait(deferred, 0) is not None:
            pass
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
