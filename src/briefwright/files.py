"""Turn paths inside a project folder into bytes, opening nothing but regular files there.

Every input briefwright reads (content, sources, templates, assets, fonts) goes through
here, so the loader, the input fingerprint, the template loader and the typesetter's
fetcher agree on what an input is: a regular file whose real path lies inside its folder.
A FIFO would block a reader forever, a device (`/dev/zero`) would be read until memory
runs out, and a symlink leading out of the folder would copy a file the author never meant
to publish: each is refused with its path. Files are opened without blocking and checked
on the open descriptor, so a file swapped for a FIFO after it was listed cannot hang a
read either.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from briefwright.errors import BriefError, Diagnostic, Location

#: Largest file briefwright reads as an input, in bytes.
MAX_FILE_BYTES = 2_000_000
#: What a template's asset may weigh: a font is larger than any content file (the bundled
#: Japanese faces are 2.2 MB each); typesetting reads assets with the same bound.
MAX_ASSET_BYTES = 50_000_000

_KINDS = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a folder",
}


def read_regular(path: Path, root: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """Return the bytes of a regular file inside root; refuse anything else with its path."""
    refuse_outside(path, root)
    return read_file(path, limit)


def read_file(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """Return the bytes of a regular file of at most `limit` bytes, wherever it is."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise BriefError.of("BW004", "file not found; create it", Location(str(path))) from None
    except OSError as error:
        message = f"cannot read the file: {error.strerror}; check its permissions"
        raise BriefError.of("BW012", message, Location(str(path))) from None
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode):  # before fdopen, which refuses a folder by raising
        os.close(descriptor)
        raise _not_regular(path, info.st_mode)
    with os.fdopen(descriptor, "rb") as opened:
        if info.st_size > limit:
            message = f"file is {info.st_size:,} bytes; the limit is {limit:,} bytes: split it"
            raise BriefError.of("BW001", message, Location(str(path)))
        return opened.read(limit + 1)[:limit]


def refuse_outside(path: Path, root: Path) -> None:
    """Raise BW012 when path, with every symlink followed, leads out of root."""
    real = path.resolve()
    if not real.is_relative_to(root.resolve()):
        message = f"leads outside {root} (to {real}); replace the symlink with the file itself"
        raise BriefError.of("BW012", message, Location(str(path)))


def regular_files(root: Path) -> Iterator[Path]:
    """Yield every file under root in sorted order; refuse each one that is not a regular
    file inside root (a FIFO, a device, a symlink leading out or to nothing), all of them
    in one error once the walk is done, so a user fixes them in one pass.

    Symlinked folders are not descended into, as `Path.rglob` does not.
    """
    problems: list[Diagnostic] = []
    for path in sorted(root.rglob("*")):
        try:
            if _is_regular_file(path, root):
                yield path
        except BriefError as error:
            problems += error.diagnostics
    if problems:
        raise BriefError(problems)


def _is_regular_file(path: Path, root: Path) -> bool:
    """Return True for a regular file inside root, False for a folder; refuse the rest."""
    mode = path.lstat().st_mode
    if stat.S_ISDIR(mode):
        return False
    if stat.S_ISLNK(mode):
        refuse_outside(path, root)
        try:
            mode = path.stat().st_mode
        except OSError:
            message = "is a symlink to nothing; remove it or point it at a file"
            raise BriefError.of("BW012", message, Location(str(path))) from None
        if stat.S_ISDIR(mode):
            return False
    if not stat.S_ISREG(mode):
        raise _not_regular(path, mode)
    return True


def _not_regular(path: Path, mode: int) -> BriefError:
    kind = _KINDS.get(stat.S_IFMT(mode), "not a regular file")
    message = f"is {kind}, not a regular file; only regular files can be inputs: remove it"
    return BriefError.of("BW012", message, Location(str(path)))
