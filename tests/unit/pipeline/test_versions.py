"""Tests for briefwright.pipeline.versions: a version read from a content folder, a release
(zip or folder) or a git revision, each as the same record; `previous` confined to the
project; the temporary folder of a revision always removed."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from briefwright.errors import BriefError
from briefwright.pipeline.checked import load_and_check
from briefwright.pipeline.scratch import enter_scratch
from briefwright.pipeline.versions import changes_since_previous, opened_version
from briefwright.settings import Project
from tests.conftest import FIXTURES, TEMPLATES


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(folder), "-c", "user.name=t", "-c", "user.email=t@t",
                    *args], check=True, capture_output=True)  # fmt: skip


@pytest.fixture
def repository(tmp_path: Path) -> Project:
    """A project in a git repository: the minimal brief committed and tagged v0.1, then its
    first key judgment re-rated and committed as v0.2; the work tree is v0.2."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "minimal", root / "content")
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "0.1")
    _git(root, "tag", "v0.1")
    brief = root / "content" / "brief.yaml"
    brief.write_text(
        brief.read_text().replace(
            "confidence: high, basis: [fact-one]}", "confidence: low, basis: [fact-one]}", 1
        )
    )
    _git(root, "commit", "-qam", "0.2")
    _git(root, "tag", "v0.2")
    return Project(root / "content", TEMPLATES)


def _leftovers() -> list[Path]:
    return sorted(enter_scratch().glob("version-*"))


def test_a_revision_is_read_as_its_content_and_removed_after(repository: Project) -> None:
    """v0.1 is the brief as first committed; its temporary copy is gone after the block."""
    with opened_version("v0.1", repository) as version:
        assert version.checked is not None and version.project is not None
        assert version.project.content.is_dir() and _leftovers()
        kj = next(s for s in version.record.statements if s.id == "kj-1")
        assert kj.confidence == "high" and version.epoch is not None
    assert _leftovers() == []


def test_the_temporary_copy_goes_on_an_error_and_an_interrupt(repository: Project) -> None:
    """An exception or Ctrl-C inside the block leaves no temporary folder behind."""
    for stop in (RuntimeError("boom"), KeyboardInterrupt()):
        with pytest.raises(type(stop)), opened_version("v0.1", repository):
            raise stop
        assert _leftovers() == []


def test_folder_zip_and_revision_give_one_record(repository: Project, tmp_path: Path) -> None:
    """The work tree, the project folder, a release's folder and zip of its content.json,
    and the revision v0.2 all read as the same record."""
    with opened_version(str(repository.content), repository) as folder:
        record = folder.record
    with opened_version(str(repository.content.parent), repository) as project:
        assert project.record == record
    release = tmp_path / "T-001-0.2"
    release.mkdir()
    (release / "content.json").write_bytes(record.to_json())
    zipped = tmp_path / "T-001-0.2.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("T-001-0.2/content.json", record.to_json())
    for spec in (str(release), str(zipped), "v0.2"):
        with opened_version(spec, repository) as version:
            assert version.record == record, spec


def test_a_revision_that_fails_its_check_names_revision_and_path(repository: Project) -> None:
    """A committed brief that fails its check is reported at `<revision>:content/…`."""
    brief = repository.content / "brief.yaml"
    brief.write_text(brief.read_text().replace("basis: [kj-1]", "basis: [kj-9]"))
    _git(repository.content.parent, "commit", "-qam", "broken")
    _git(repository.content.parent, "tag", "broken")
    with pytest.raises(BriefError) as caught, opened_version("broken", repository):
        pass
    problems = [d for d in caught.value.diagnostics if d.code == "BW104"]
    assert [str(d.location) for d in problems] == [
        "broken:content/brief.yaml:19:67",
        "broken:content/brief.yaml:28:66",
    ]
    assert _leftovers() == []


@pytest.mark.parametrize(
    ("spec", "code"),
    [("no-such-tag", "BW402"), ("--output=/tmp/x", "BW402"), ("HEAD~99", "BW402")],
)
def test_what_is_no_version_is_bw402(repository: Project, spec: str, code: str) -> None:
    """A name that is no folder, no zip and no revision (nor an option smuggled to git) is
    BW402, one line."""
    with pytest.raises(BriefError) as caught, opened_version(spec, repository):
        pass
    assert [d.code for d in caught.value.diagnostics] == [code]


def test_a_zip_without_a_record_is_bw403(repository: Project, tmp_path: Path) -> None:
    """A zip that is not a release (no `<release>/content.json`) is BW403."""
    other = tmp_path / "other.zip"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    other.write_bytes(buffer.getvalue())
    with pytest.raises(BriefError) as caught, opened_version(str(other), repository):
        pass
    assert [d.code for d in caught.value.diagnostics] == ["BW403"]


def test_previous_is_a_release_inside_the_project_or_a_revision(
    repository: Project, tmp_path: Path
) -> None:
    """`previous: v0.1` gives the changes since; a zip outside the project folder is
    refused (content names no file elsewhere), a missing one is BW402 at `previous`."""
    brief = repository.content / "brief.yaml"
    text = brief.read_text()
    brief.write_text(text.replace('version: "0.1"', 'version: "0.2"\n  previous: v0.1'))
    checked = load_and_check(repository.content)
    from briefwright.compare.record import record_brief

    record = record_brief(checked.brief, {})
    changes = changes_since_previous(repository, checked.brief, record)
    assert changes is not None
    assert [(c.kind, c.id) for c in changes.changes] == [
        ("metadata-changed", "version"), ("rating-changed", "kj-1"),
    ]  # fmt: skip
    for spec, code in (("../../outside.zip", "BW012"), ("build/none.zip", "BW402")):
        (tmp_path / "outside.zip").write_bytes(b"PK")
        brief.write_text(text.replace('version: "0.1"', f'version: "0.2"\n  previous: {spec}'))
        checked = load_and_check(repository.content)
        with pytest.raises(BriefError) as caught:
            changes_since_previous(repository, checked.brief, record)
        lead, *rest = caught.value.diagnostics
        assert lead.code == "BW402" and lead.location.path.endswith("brief.yaml")
        assert [d.code for d in rest] == [code]
