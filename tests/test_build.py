"""Tests for briefwright.build: the whole pipeline, end to end, reproducibly."""

from __future__ import annotations

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
