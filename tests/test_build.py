"""Tests for briefwright.build: the whole pipeline, end to end, reproducibly."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from briefwright.build import Built, build
from tests.conftest import CONTENT, TEMPLATES


def test_build_writes_brief_and_assets(built: Built) -> None:
    """A build writes brief.pdf, brief.html, the stylesheet and the fonts with their licences."""
    names = {p.relative_to(built.out_dir).as_posix() for p in built.written}
    assert {"brief.pdf", "brief.html", "assets/brief.css"} <= names
    assert {n for n in names if n.startswith("assets/fonts/OFL-")}


def test_html_has_no_local_paths(built: Built) -> None:
    """Neither artifact contains an absolute local path or a file: URL."""
    for name in ("brief.html", "brief.pdf"):
        data = (built.out_dir / name).read_bytes()
        assert b"file://" not in data
        assert str(Path.cwd()).encode() not in data
        assert str(built.out_dir).encode() not in data


def test_same_inputs_give_identical_bytes(built: Built, tmp_path: Path) -> None:
    """Building again, elsewhere, gives byte-identical PDF and HTML."""
    again = build(CONTENT, TEMPLATES, tmp_path / "again")
    for name in ("brief.pdf", "brief.html"):
        assert (again.out_dir / name).read_bytes() == (built.out_dir / name).read_bytes()


def test_manifest_records_fingerprints(built: Built) -> None:
    """manifest.json records each source's SHA-256 and each artifact's hash and size."""
    manifest = json.loads((built.out_dir / "manifest.json").read_text())
    brief = built.checked.brief
    assert manifest["sources"] == {
        s.id: {"sha256": s.fingerprint, "published": s.published.isoformat()}
        for s in brief.sources
    }
    pdf = (built.out_dir / "brief.pdf").read_bytes()
    assert manifest["artifacts"]["brief.pdf"] == {
        "sha256": hashlib.sha256(pdf).hexdigest(),
        "bytes": len(pdf),
    }
