"""Tests for briefwright.output.spool: artifacts wait on disk, not in memory."""

from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path

import pytest

from briefwright.output.spool import Spooled, digest, spooling
from briefwright.output.write import Artifacts, write_artifacts


def test_a_spooled_artifact_keeps_only_its_place_digest_and_size(tmp_path: Path) -> None:
    """Bytes added to spooled artifacts go to a file; reading them back gives the same."""
    with spooling(tmp_path) as spool:
        artifacts = Artifacts(spool)
        artifacts.add("brief.docx", b"word bytes", "document brief")
        held = artifacts.payload("brief.docx")
        assert isinstance(held, Spooled) and held.path.parent == spool.folder
        assert held.size == 10 and held.sha256 == hashlib.sha256(b"word bytes").hexdigest()
        assert artifacts["brief.docx"] == b"word bytes"
        assert artifacts.sha256("brief.docx") == digest(b"word bytes")
    assert list(tmp_path.iterdir()) == []  # the spool folder goes, files and all


def test_spooled_artifacts_are_written_and_then_read_from_the_output(tmp_path: Path) -> None:
    """The write links spooled files into place; afterwards the artifacts read the output
    folder's files, so they stay readable once the spool is gone."""
    out = tmp_path / "out"
    with spooling(tmp_path) as spool:
        artifacts = Artifacts(spool)
        artifacts.add("a/brief.pdf", b"pdf", "document brief")
        artifacts.add("index.html", spool.put(b"html"), "series pages")
        write_artifacts(out, artifacts)
    assert (out / "a" / "brief.pdf").read_bytes() == b"pdf"
    assert oct((out / "index.html").stat().st_mode & 0o777) == "0o644"
    assert artifacts["index.html"] == b"html"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_a_spool_on_another_file_system_is_copied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where a hard link cannot be made (another file system), the file is copied."""

    def cross_device(source: Path, target: Path) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", cross_device)
    with spooling(tmp_path) as spool:
        artifacts = Artifacts(spool)
        artifacts.add("brief.pdf", b"pdf", "document brief")
        write_artifacts(tmp_path / "out", artifacts)
    assert (tmp_path / "out" / "brief.pdf").read_bytes() == b"pdf"
