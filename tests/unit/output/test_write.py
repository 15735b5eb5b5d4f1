"""Tests for briefwright.output.write: artifacts appear whole or not at all."""

from __future__ import annotations

import errno
import fcntl
import os
import threading
import time
from pathlib import Path

import pytest

from briefwright.errors import BriefError, Interrupted
from briefwright.output.write import (
    Artifacts,
    Output,
    check_writable,
    write_artifacts,
    written_output,
)


def test_writes_nested_artifacts(tmp_path: Path) -> None:
    """Every artifact is written under the output folder, creating folders as needed."""
    written = write_artifacts(tmp_path / "out", {"a.txt": b"a", "assets/fonts/b.ttf": b"b"})
    assert [p.relative_to(tmp_path / "out").as_posix() for p in written] == [
        "a.txt",
        "assets/fonts/b.ttf",
    ]
    assert (tmp_path / "out" / "assets" / "fonts" / "b.ttf").read_bytes() == b"b"


def test_failed_staging_keeps_the_previous_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If writing the new artifacts fails, none of the old ones changes and nothing is left."""
    (tmp_path / "brief.pdf").write_bytes(b"old pdf")
    (tmp_path / "brief.html").write_bytes(b"old html")
    real_write = Path.write_bytes

    def full_disk(path: Path, data: bytes) -> int:
        if path.name == "brief.pdf":
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real_write(path, data)

    monkeypatch.setattr(Path, "write_bytes", full_disk)
    with pytest.raises(BriefError) as caught:
        write_artifacts(tmp_path, {"brief.html": b"new html", "brief.pdf": b"new pdf"})
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "BW006" and diagnostic.location.path.endswith("brief.pdf")
    assert "the disk is full" in diagnostic.message
    monkeypatch.undo()
    assert (tmp_path / "brief.pdf").read_bytes() == b"old pdf"
    assert (tmp_path / "brief.html").read_bytes() == b"old html"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.html", "brief.pdf"]


def test_stale_staging_is_removed(tmp_path: Path) -> None:
    """A staging folder left by a killed build is removed by the next one."""
    stale = tmp_path / ".staging-killed"
    stale.mkdir()
    (stale / "brief.pdf").write_bytes(b"half")
    write_artifacts(tmp_path, {"brief.pdf": b"whole"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.pdf"]


def test_second_writer_waits_for_the_lock(tmp_path: Path) -> None:
    """While one build holds the output folder, another waits, then writes."""
    descriptor = os.open(tmp_path, os.O_RDONLY)
    fcntl.flock(descriptor, fcntl.LOCK_EX)
    threading.Timer(0.3, os.close, [descriptor]).start()
    started = time.monotonic()
    write_artifacts(tmp_path, {"brief.pdf": b"after the lock"})
    assert time.monotonic() - started >= 0.25
    assert (tmp_path / "brief.pdf").read_bytes() == b"after the lock"


def test_lock_timeout_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build that cannot get the output folder in time fails with BW008, writing nothing."""
    monkeypatch.setattr("briefwright.output.write.LOCK_TIMEOUT", 0.1)
    descriptor = os.open(tmp_path, os.O_RDONLY)
    fcntl.flock(descriptor, fcntl.LOCK_EX)
    try:
        with pytest.raises(BriefError, match="BW008 another briefwright build"):
            write_artifacts(tmp_path, {"brief.pdf": b"x"})
    finally:
        os.close(descriptor)
    assert list(tmp_path.iterdir()) == []


def test_artifacts_refuse_one_path_twice() -> None:
    """Two artifacts at one path are BW011 naming both makers, never a silent overwrite."""
    artifacts = Artifacts()
    artifacts.add("onepagers/a.pdf", b"1", "document onepagers/a")
    with pytest.raises(BriefError) as caught:
        artifacts.add("onepagers/a.pdf", b"2", "templates/assets")
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "BW011" and diagnostic.location.path == "onepagers/a.pdf"
    assert "templates/assets collides with document onepagers/a" in diagnostic.message
    assert artifacts["onepagers/a.pdf"] == b"1"


@pytest.mark.parametrize(
    ("first", "second"),
    [("onepagers", "onepagers/a.pdf"), ("onepagers/a.pdf", "onepagers"), ("x", "../x"),
     ("x", "/etc/x"), ("x", "")],
)  # fmt: skip
def test_artifacts_refuse_paths_that_cannot_both_exist(first: str, second: str) -> None:
    """A file where a folder is needed (or the reverse), or a path outside out/, is BW011."""
    artifacts = Artifacts()
    artifacts.add(first, b"1", "first")
    with pytest.raises(BriefError, match="BW011"):
        artifacts.add(second, b"2", "second")


def test_a_read_only_file_system_is_refused_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An output folder on a read-only file system is BW006 saying so, checked up front."""
    monkeypatch.setattr("os.access", lambda path, mode: False)
    monkeypatch.setattr("os.statvfs", lambda path: type("S", (), {"f_flag": os.ST_RDONLY})())
    with pytest.raises(BriefError, match=r"BW006 .* is on a read-only file system"):
        check_writable(tmp_path / "build")


def test_a_folder_in_the_way_stops_before_anything_moves(tmp_path: Path) -> None:
    """If a folder stands where an artifact goes, nothing is replaced (no half-new build)."""
    (tmp_path / "brief.html").write_bytes(b"old html")
    (tmp_path / "brief.pdf").mkdir()
    with pytest.raises(BriefError, match=r"BW006 .* is a folder where a file must go"):
        write_artifacts(tmp_path, {"brief.html": b"new html", "brief.pdf": b"new pdf"})
    assert (tmp_path / "brief.html").read_bytes() == b"old html"


def test_an_interrupt_after_the_write_carries_the_folder(tmp_path: Path) -> None:
    """An interrupt inside an Output once it has written (the build tidying up) carries the
    output folder, so the command can say the build is complete; one before the write
    does not, and the folder is as it was."""
    output = Output(tmp_path / "out")
    with pytest.raises(Interrupted) as before, output:
        raise Interrupted(2)
    assert before.value.written is None and not (tmp_path / "out").exists()
    with pytest.raises(Interrupted) as after, output:
        output.write({"a.txt": b"a"})
        raise Interrupted(15)
    assert after.value.written == tmp_path / "out" and after.value.signum == 15
    assert output.written == (tmp_path / "out" / "a.txt",) and output.seconds > 0


def test_reporting_a_written_build_marks_an_interrupt_too(tmp_path: Path) -> None:
    """While a written build is reported, an interrupt carries its folder; other errors
    pass through untouched."""
    with pytest.raises(Interrupted) as caught, written_output(tmp_path):
        raise Interrupted(2)
    assert caught.value.written == tmp_path
    with pytest.raises(ValueError), written_output(tmp_path):
        raise ValueError("not an interrupt")


def _manifest(*names: str) -> bytes:
    """Return a manifest recording these artifacts (the fields Manifest.read requires)."""
    import json

    record = {"sha256": "0" * 64, "bytes": 1}
    data = {"product_id": "BW-1", "version": "1.0", "built": "2026-01-01T00:00:00+00:00",
            "source_date_epoch": 0, "options": {}, "inputs": {}, "sources": {}, "documents": {},
            "artifacts": {name: record for name in names}}  # fmt: skip
    return json.dumps(data).encode()


def test_a_whole_build_retires_what_it_no_longer_makes(tmp_path: Path) -> None:
    """Files the previous manifest recorded and the new artifacts lack are removed, with
    the folders they leave empty; files no manifest recorded stay, as do the others'."""
    old = ["brief.pdf", "onepagers/gone.pdf", "ja/brief.pdf", "ja/manifest.json"]
    write_artifacts(tmp_path, {**{n: b"old" for n in old}, "manifest.json": _manifest(*old)})
    (tmp_path / "onepagers" / "mine.txt").write_bytes(b"an analyst's own file")
    retired: list[str] = []
    new = {"brief.pdf": b"new", "manifest.json": _manifest("brief.pdf")}
    write_artifacts(tmp_path, new, retired)
    assert retired == ["ja/brief.pdf", "ja/manifest.json", "onepagers/gone.pdf"]
    assert not (tmp_path / "ja").exists()
    assert (tmp_path / "onepagers" / "mine.txt").exists()
    assert not (tmp_path / "onepagers" / "gone.pdf").exists()
    assert (tmp_path / "brief.pdf").read_bytes() == b"new"


def test_a_file_kept_in_place_is_not_retired(tmp_path: Path) -> None:
    """A file the new manifest records but the write does not carry (kept from the previous
    build, as a series' unchanged brief is) stays."""
    old = ["kept/brief.pdf", "gone/brief.pdf"]
    write_artifacts(tmp_path, {**{n: b"old" for n in old}, "manifest.json": _manifest(*old)})
    retired: list[str] = []
    write_artifacts(tmp_path, {"manifest.json": _manifest("kept/brief.pdf")}, retired)
    assert retired == ["gone/brief.pdf"]
    assert (tmp_path / "kept" / "brief.pdf").read_bytes() == b"old"


def test_only_a_whole_build_retires(tmp_path: Path) -> None:
    """A write without `retired` (a share, an --only build), or without a manifest of its
    own, removes nothing."""
    old = ["brief.pdf", "onepagers/a.pdf"]
    write_artifacts(tmp_path, {**{n: b"old" for n in old}, "manifest.json": _manifest(*old)})
    write_artifacts(tmp_path, {"brief.pdf": b"new", "manifest.json": _manifest("brief.pdf")})
    retired: list[str] = []
    write_artifacts(tmp_path, {"brief.pdf": b"newer"}, retired)
    assert retired == []
    write_artifacts(tmp_path, {"brief.pdf": b"newest", "manifest.json": b"{}"}, retired)
    assert retired == []
    assert (tmp_path / "onepagers" / "a.pdf").read_bytes() == b"old"


def test_retiring_never_leaves_the_folder(tmp_path: Path) -> None:
    """A manifest naming a path outside the output folder (it is a file anyone may edit),
    or inside a folder linked to one outside, retires nothing there."""
    out = tmp_path / "out"
    outside = tmp_path / "precious.txt"
    outside.write_bytes(b"keep")
    names = ["../precious.txt", str(outside), "linked/precious.txt"]
    write_artifacts(out, {"manifest.json": _manifest(*names)})
    (out / "linked").symlink_to(tmp_path, target_is_directory=True)
    retired: list[str] = []
    write_artifacts(out, {"manifest.json": _manifest()}, retired)
    assert retired == []
    assert outside.read_bytes() == b"keep"


def test_output_keeps_what_a_whole_write_retired(tmp_path: Path) -> None:
    """Output.write(whole=True) records the names it removed; a partial write does not remove."""
    write_artifacts(tmp_path, {"a.pdf": b"a", "manifest.json": _manifest("a.pdf")})
    partial = Output(tmp_path)
    partial.write({"manifest.json": _manifest()})
    assert partial.retired == [] and (tmp_path / "a.pdf").exists()
    write_artifacts(tmp_path, {"a.pdf": b"a", "manifest.json": _manifest("a.pdf")})
    whole = Output(tmp_path)
    whole.write({"manifest.json": _manifest()}, whole=True)
    assert whole.retired == ["a.pdf"] and not (tmp_path / "a.pdf").exists()
