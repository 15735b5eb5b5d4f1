"""Tests for briefwright.write: artifacts appear whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefwright.write import write_artifacts


def test_writes_nested_artifacts(tmp_path: Path) -> None:
    """Every artifact is written under the output folder, creating folders as needed."""
    written = write_artifacts(tmp_path / "out", {"a.txt": b"a", "assets/fonts/b.ttf": b"b"})
    assert [p.relative_to(tmp_path / "out").as_posix() for p in written] == [
        "a.txt",
        "assets/fonts/b.ttf",
    ]
    assert (tmp_path / "out" / "assets" / "fonts" / "b.ttf").read_bytes() == b"b"


def test_failed_write_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If renaming into place fails, the old artifact is intact and no temporary file remains."""
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"old")

    def broken_replace(source: str, destination: Path) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("briefwright.write.os.replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_artifacts(tmp_path, {"brief.pdf": b"new"})
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.pdf"]
