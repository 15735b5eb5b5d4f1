"""Tests for briefwright.authoring.writing: an authoring command's files, all or none."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from briefwright.authoring.writing import new_files
from briefwright.errors import BriefError


def test_a_failure_removes_every_file_and_folder_made(tmp_path: Path) -> None:
    """A full disk after two files: BW006 at the path, and the files and the folders made
    for them are gone; a folder that was there before stays."""
    (tmp_path / "kept").mkdir()
    with pytest.raises(BriefError) as raised, new_files() as files:
        files.write(tmp_path / "kept" / "new" / "a.yaml", b"a")
        files.write(tmp_path / "kept" / "new" / "deeper" / "b.yaml", b"b")
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "kept" / "c"))
    assert str(raised.value) == (
        f"{tmp_path}/kept/c:1:1: BW006 cannot write {tmp_path}/kept/c: the disk is full: "
        "free space"
    )
    assert [p.name for p in tmp_path.rglob("*")] == ["kept"]


def test_nothing_is_written_over_and_a_file_in_the_way_is_said(tmp_path: Path) -> None:
    """An existing file is BW010 (never overwritten); a file where a folder must be, BW006;
    either way what the command had made is removed."""
    (tmp_path / "taken.yaml").write_text("mine")
    (tmp_path / "afile").write_text("a file")
    for path, code in ((tmp_path / "taken.yaml", "BW010"), (tmp_path / "afile" / "x", "BW006")):
        with pytest.raises(BriefError) as raised, new_files() as files:
            files.write(tmp_path / "first" / "one.yaml", b"1")
            files.write(path, b"2")
        assert raised.value.diagnostics[0].code == code
        assert not (tmp_path / "first").exists()
    assert (tmp_path / "taken.yaml").read_text() == "mine"


def test_a_permission_error_names_the_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder the user may not write (as a non-root user sees it): BW006, one line."""

    def refuse(*args: object, **kwargs: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "x.yaml"))

    monkeypatch.setattr("briefwright.authoring.writing.os.open", refuse)
    with pytest.raises(BriefError) as raised, new_files() as files:
        files.write(tmp_path / "x.yaml", b"x")
    assert "BW006 cannot write" in str(raised.value) and "permission denied" in str(raised.value)
