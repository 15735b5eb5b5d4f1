"""Tests for briefwright.pipeline.release: a strict, reproducible, never-overwritten release."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from briefwright.errors import BriefError
from briefwright.pipeline.outcome import RunOptions
from briefwright.pipeline.release import Released
from briefwright.pipeline.run import release_project
from briefwright.settings import Project
from tests.conftest import PROJECT, TEMPLATES, MakeProject


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> Released:
    """Build the real brief's release once (a release refuses warnings: it has none)."""
    out = tmp_path_factory.mktemp("release")
    (released,) = release_project(PROJECT, out, run=RunOptions(jobs=2))
    return released


def test_release_folder_holds_everything(released: Released) -> None:
    """The release holds the PDFs, HTML with its assets, the manifest and valid SHA256SUMS."""
    folder = released.folder
    assert folder.name == "BW-2026-001-1.0"
    for name in ("brief.pdf", "brief.html", "assets/base.css", "manifest.json", "SHA256SUMS"):
        assert (folder / name).is_file(), name
    assert len(list((folder / "onepagers").glob("*.pdf"))) == 4
    for line in (folder / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest


def test_zip_matches_the_folder_and_is_normalised(released: Released) -> None:
    """The zip holds the same files, sorted, with fixed timestamps and permissions."""
    with zipfile.ZipFile(released.archive) as archive:
        entries = archive.infolist()
        names = [entry.filename for entry in entries]
        assert names == sorted(names)
        assert {entry.date_time for entry in entries} == {(2023, 3, 20, 0, 0, 0)}
        assert {entry.external_attr >> 16 for entry in entries} == {0o100644}
        for entry in entries:
            on_disk = released.folder.parent / entry.filename
            assert archive.read(entry) == on_disk.read_bytes()


def test_release_never_overwrites(released: Released) -> None:
    """Releasing the same version again is BW009 and leaves the first release untouched."""
    before = released.archive.read_bytes()
    with pytest.raises(BriefError, match=r"BW009 release BW-2026-001-1\.0 already exists"):
        release_project(PROJECT, released.folder.parent.parent)
    assert released.archive.read_bytes() == before


def test_release_is_strict(tmp_path: Path) -> None:
    """A warning (here, a source nothing cites) stops a release."""
    import shutil

    from tests.conftest import FIXTURES

    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    shutil.copytree(FIXTURES / "uncited-source", content, dirs_exist_ok=True)
    with pytest.raises(BriefError, match="BW106"):
        release_project(Project(content, TEMPLATES), tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_main_text_over_its_page_budget_stops_a_release(project: MakeProject) -> None:
    """The page budget is counted in the typeset PDF (BW191): a release, strict, fails on it."""
    content = project("minimal")
    brief = content / "brief.yaml"
    gap = " ".join(["The sources do not settle this question, and the brief says so."] * 40)
    text = brief.read_text().replace("  audience:", "  length: {pages: 1}\n  audience:")
    brief.write_text(text + f"information_gaps:\n  - id: gap-long\n    text: {gap}\n")
    out = content.parent / "out"
    with pytest.raises(BriefError, match=r"BW191 the main text runs to \d pages"):
        release_project(Project(content, TEMPLATES), out)
    assert not (out / "release").exists()


def test_release_carries_its_record_and_how_to_cite_it(released: Released) -> None:
    """The release zip holds content.json (every statement, source and correction), and
    CITATION.cff and citation.json; the manifest records each with its SHA-256."""
    import json

    from briefwright.errors import Location
    from briefwright.pipeline.versions import record_in_zip

    manifest = json.loads((released.folder / "manifest.json").read_text())
    for name in ("content.json", "CITATION.cff", "citation.json"):
        data = (released.folder / name).read_bytes()
        assert manifest["artifacts"][name]["sha256"] == hashlib.sha256(data).hexdigest()
    record = record_in_zip(released.archive, Location(str(released.archive)))
    statements = {record.id for record in record.statements}
    assert record.metadata.version == "1.0" and {"bottom-line", "rec-pilot-projects"} <= statements
    assert len(statements) == len(record.statements) > 50
    assert {s.id for s in record.sources} == set(manifest["sources"])
