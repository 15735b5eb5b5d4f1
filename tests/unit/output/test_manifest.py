"""Tests for briefwright.output.manifest, and its round trip through incremental builds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefwright.output.manifest import (
    MANIFEST,
    ArtifactRecord,
    DocumentRecord,
    Manifest,
    sha256,
)
from briefwright.pipeline.incremental import Previous, Snapshot, plan_reuse, typeset_key
from briefwright.settings import Paper, PdfSettings, Project

HTML = "<p>brief</p>"
PDF = b"%PDF- brief"
ASSETS = {"assets/base.css": b"p {}"}


def _write_build(out: Path, pdf: PdfSettings, inputs: dict[str, str]) -> Manifest:
    """Write a small build and its manifest into out, as the build stage would."""
    files = {"brief.html": HTML.encode(), "brief.pdf": PDF, **ASSETS}
    key = typeset_key(HTML, pdf, ASSETS)
    record = DocumentRecord(1, None, sha256(HTML.encode()), sha256(PDF), key)
    manifest = Manifest(
        product_id="BW-1", version="1.0", built="2023-03-20T00:00:00+00:00",
        source_date_epoch=1679270400, options=pdf.recorded(), inputs=inputs,
        sources={"one": {"sha256": "ab", "published": "2023-03-20"}},
        documents={"brief": record},
        artifacts={name: ArtifactRecord.of(data) for name, data in files.items()},
        versions={"weasyprint": "70.0"},
    )  # fmt: skip
    for name, data in files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)
    (out / MANIFEST).write_bytes(manifest.to_json())
    return manifest


def _snapshot(inputs: dict[str, str], epoch: int | None = 1679270400) -> Snapshot:
    return Snapshot(Project(), inputs, epoch)


def test_a_written_manifest_reads_back_the_same(tmp_path: Path) -> None:
    """What the writer records is exactly what the incremental planner reads."""
    written = _write_build(tmp_path, PdfSettings(), {"content/brief.yaml": "1"})
    assert Manifest.read(tmp_path) == written


def test_the_json_is_sorted_and_gives_pdf_pages(tmp_path: Path) -> None:
    """Keys are sorted (the same build, the same bytes) and a PDF's entry has its pages."""
    _write_build(tmp_path, PdfSettings(), {})
    text = (tmp_path / MANIFEST).read_text()
    data = json.loads(text)
    assert text == json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert data["artifacts"]["brief.pdf"] == {"bytes": len(PDF), "pages": 1, "sha256": sha256(PDF)}
    assert "pages" not in data["artifacts"]["brief.html"]


def test_an_unchanged_build_is_current(tmp_path: Path) -> None:
    """Same inputs, settings and time, artifacts intact: there is nothing to do."""
    inputs = {"content/brief.yaml": "1"}
    _write_build(tmp_path, PdfSettings(), inputs)
    previous = Previous.read(tmp_path)
    assert previous is not None and previous.is_current(_snapshot(inputs), PdfSettings())


@pytest.mark.parametrize(
    "change", ["input", "settings", "time", "damaged artifact", "missing artifact"]
)
def test_any_change_makes_the_build_stale(tmp_path: Path, change: str) -> None:
    """A changed input, setting or build time, or a damaged artifact, means rebuilding."""
    inputs = {"content/brief.yaml": "1"}
    _write_build(tmp_path, PdfSettings(), inputs)
    snapshot, pdf = _snapshot(inputs), PdfSettings()
    if change == "input":
        snapshot = _snapshot({"content/brief.yaml": "2"})
    elif change == "settings":
        pdf = PdfSettings(Paper.LETTER)
    elif change == "time":
        snapshot = _snapshot(inputs, 0)
    elif change == "damaged artifact":
        (tmp_path / "assets/base.css").write_bytes(b"p { color: red }")
    else:
        (tmp_path / "brief.html").unlink()
    previous = Previous.read(tmp_path)
    assert previous is not None and not previous.is_current(snapshot, pdf)


def test_the_plan_keeps_a_pdf_whose_key_matches(tmp_path: Path) -> None:
    """The planner reuses a PDF when its HTML, settings and assets are unchanged, else not."""
    _write_build(tmp_path, PdfSettings(), {})
    previous = Previous.read(tmp_path)
    kept = plan_reuse({"brief": HTML}, PdfSettings(), ASSETS, previous)
    assert kept.to_typeset == () and kept.kept["brief"].pdf == PDF
    changed = plan_reuse({"brief": HTML + " "}, PdfSettings(), ASSETS, previous)
    assert changed.to_typeset == ("brief",)
    letter = plan_reuse({"brief": HTML}, PdfSettings(Paper.LETTER), ASSETS, previous)
    assert letter.to_typeset == ("brief",)


@pytest.mark.parametrize("damage", ["", "not json", "[]", '{"documents": 1}'])
def test_a_damaged_manifest_reads_as_none(tmp_path: Path, damage: str) -> None:
    """A missing, garbled or strangely shaped manifest means starting afresh, not a crash."""
    if damage:
        (tmp_path / MANIFEST).write_text(damage)
    assert Manifest.read(tmp_path) is None
    assert Previous.read(tmp_path) is None
