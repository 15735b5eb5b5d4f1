"""Turn the files an authoring command makes (`init`, `new topic`, `sources add`) into files
on disk, all or none: never over an existing file, and on any failure every file and
folder it had made removed again and the failure one located line.

A command given a path under a file, a symlink to nothing, a read-only folder or a full
disk says so at the path (BW006, BW010) instead of leaving a traceback and half a project.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from briefwright.errors import BriefError, Location

#: What to do about an operating-system error, by its errno.
_REASONS = {
    errno.ENOSPC: "the disk is full: free space",
    errno.EDQUOT: "the disk quota is exhausted: free space",
    errno.EFBIG: "the file is larger than the file system allows",
    errno.EROFS: "the file system is read-only: choose a folder on another",
    errno.EACCES: "permission denied: choose a folder you can write",
    errno.EPERM: "the operation is not permitted here: choose another folder",
    errno.ENOTDIR: "a file is in the way of a folder: choose another path",
    errno.EISDIR: "a folder is in the way of a file: choose another path",
    errno.ENAMETOOLONG: "the name is too long for the file system: choose a shorter one",
    errno.ELOOP: "too many symlinks lead to it: choose another path",
}


class NewFiles:
    """The files and folders one command has made so far, to remove if it fails."""

    def __init__(self) -> None:
        self.made: list[Path] = []

    def write(self, path: Path, data: bytes) -> Path:
        """Write a new file (its missing folders first); refuse one that exists (BW010)."""
        self.folder(path.parent)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o644)
        except FileExistsError:
            message = f"{path} already exists; choose another name (nothing is overwritten)"
            raise BriefError.of("BW010", message, Location(str(path))) from None
        self.made.append(path)
        with os.fdopen(descriptor, "wb") as opened:
            opened.write(data)
        return path

    def folder(self, path: Path) -> None:
        """Make a folder and any missing parents, remembering each one made."""
        missing = [p for p in (path, *path.parents) if not p.is_dir()]
        for folder in reversed(missing):
            if folder.is_symlink() and not folder.exists():
                message = f"{folder} is a symlink to nothing; remove it, or choose another path"
                raise BriefError.of("BW010", message, Location(str(folder)))
            if folder.exists():
                message = f"{folder} is a file, where a folder is needed; choose another path"
                raise BriefError.of("BW006", message, Location(str(folder)))
            folder.mkdir()
            self.made.append(folder)

    def undo(self) -> None:
        """Remove what was made, newest first (a folder only once it is empty)."""
        for path in reversed(self.made):
            # Best effort: the failure being reported is the one that matters.
            with suppress(OSError):
                path.rmdir() if path.is_dir() and not path.is_symlink() else path.unlink()
        self.made.clear()


@contextmanager
def new_files() -> Iterator[NewFiles]:
    """Give a command its NewFiles; on any failure remove them, and turn an operating-system
    error into BW006 at its path."""
    files = NewFiles()
    try:
        yield files
    except OSError as error:
        files.undo()
        raise cannot_write(error) from None
    except BaseException:
        files.undo()
        raise


def cannot_write(error: OSError) -> BriefError:
    """Return BW006 for an operating-system error while writing, at the path it names."""
    reason = _REASONS.get(error.errno or 0, f"{error.strerror or error}: choose another path")
    path = str(error.filename or ".")
    return BriefError.of("BW006", f"cannot write {path}: {reason}", Location(path))
