"""A build split over machines: `build --shard K/N` typesets a share of the documents
decided from the inputs alone, and `assemble` puts the shares back together into the tree
one build writes, byte for byte; it refuses shards that are not of one build."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from briefwright.errors import BriefError
from briefwright.pipeline.outcome import Built, RunOptions, UpToDate
from briefwright.pipeline.run import build_project
from briefwright.pipeline.shards import SHARD_FILE, Shares, assemble
from briefwright.settings import Project
from tests.conftest import FIXTURES, TEMPLATES


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}  # fmt: skip


def _shards(project: Project, root: Path, count: int) -> list[Path]:
    folders = []
    for number in range(1, count + 1):
        out = root / f"shard-{number}"
        made = build_project(project, out, run=RunOptions(shard=(number, count)))
        assert isinstance(made, Built)
        folders.append(out)
    return folders


@pytest.mark.parametrize("fixture", ["series", "minimal"])
def test_three_shards_assembled_equal_one_build(tmp_path: Path, fixture: str) -> None:
    """A series (three briefs, six documents) and a brief of one topic (two documents, so
    one shard typesets nothing), each built in 3 shards and assembled, are byte-identical to
    a single build; the assembled folder is then up to date."""
    shutil.copytree(FIXTURES / fixture, tmp_path / "content")
    project = Project(tmp_path / "content", tmp_path / "templates", theme=TEMPLATES)
    single = build_project(project, tmp_path / "single")
    assert isinstance(single, Built)
    shards = _shards(project, tmp_path, 3)
    shares = [json.loads((s / SHARD_FILE).read_text())["typeset"] for s in shards]
    typeset = [stem for share in shares for stem in share]
    assert sorted(typeset) == sorted(single.produced.typeset)  # each document once
    for share, folder in zip(shares, shards, strict=True):  # and only its own PDFs
        assert {p.relative_to(folder).as_posix().removesuffix(".pdf")
                for p in folder.rglob("*.pdf")} == set(share)  # fmt: skip
    assemble(shards, tmp_path / "assembled")
    assert _tree(tmp_path / "assembled") == _tree(tmp_path / "single")
    assert isinstance(build_project(project, tmp_path / "assembled"), UpToDate)


def test_shares_come_from_the_inputs_alone() -> None:
    """Largest HTML first, each to the least-loaded share, ties by path: the same sizes
    always give the same shares, on any machine."""
    sizes = {"a/brief": 90, "b/brief": 80, "a/one": 10, "b/one": 10, "c/brief": 85}
    assert Shares(2).take(sizes) == {"a/brief": 1, "c/brief": 2, "b/brief": 2, "a/one": 1,
                                     "b/one": 1}  # fmt: skip
    assert Shares(1).take(sizes) == dict.fromkeys(sizes, 1)


def test_shards_that_are_not_of_one_build_are_refused(tmp_path: Path) -> None:
    """Other inputs, a share missing, a share twice, a folder that is not a shard: BW014."""
    shutil.copytree(FIXTURES / "series", tmp_path / "content")
    project = Project(tmp_path / "content", tmp_path / "templates", theme=TEMPLATES)
    shards = _shards(project, tmp_path, 2)
    cases = {
        "not 1 to 2 once each": [shards[0]],
        "once each": [shards[0], shards[0], shards[1]],
        "holds no shard.json": [shards[0], tmp_path / "content"],
    }
    for message, given in cases.items():
        with pytest.raises(BriefError) as caught:
            assemble(given, tmp_path / "out")
        (problem,) = caught.value.diagnostics
        assert problem.code == "BW014" and message in problem.message
    source = tmp_path / "content" / "sources" / "one.txt"
    source.write_text(source.read_text() + "\nA later line.\n")
    other = build_project(project, tmp_path / "other-2", run=RunOptions(shard=(2, 2)))
    assert isinstance(other, Built)
    with pytest.raises(BriefError) as caught:
        assemble([shards[0], tmp_path / "other-2"], tmp_path / "out")
    assert "was built from other inputs" in caught.value.diagnostics[0].message
    assert not (tmp_path / "out").exists()


def _tampered(shard: Path, target: Path, how: str) -> Path:
    """Return a copy of a shard changed after its build in one way."""
    shutil.copytree(shard, target)
    if how == "appended":
        with (target / "alpha" / "brief.pdf").open("ab") as pdf:
            pdf.write(b"\n% appended after the build\n")
    elif how == "extra":
        (target / "alpha" / "sources" / "injected.html").write_text("<script>alert(1)</script>")
    elif how == "escaping":
        manifest = json.loads((target / "manifest.json").read_text())
        manifest["artifacts"]["../../escaped.txt"] = {"sha256": "0" * 64, "bytes": 1}
        (target / "manifest.json").write_text(json.dumps(manifest))
    elif how == "missing":
        (target / "alpha" / "sources" / "one.html").unlink()
    return target


def test_every_file_of_a_shard_is_verified_against_its_manifest(tmp_path: Path) -> None:
    """A PDF with bytes appended, a file no manifest lists, a manifest entry leading out of
    the shard, a listed file gone: each is BW014 naming the file, and nothing is written
    (before, the first two were assembled and the manifest took the tampered hash)."""
    shutil.copytree(FIXTURES / "series", tmp_path / "content")
    project = Project(tmp_path / "content", tmp_path / "templates", theme=TEMPLATES)
    shards = _shards(project, tmp_path, 2)
    owner = next(s for s in shards if "alpha/brief" in (s / SHARD_FILE).read_text())
    other = next(s for s in shards if s != owner)
    expected = {
        "appended": "alpha/brief.pdf is not the file the shard's manifest records",
        "extra": "alpha/sources/injected.html is in no manifest of the shard",
        "escaping": "records '../../escaped.txt', a path leading out of the shard",
        "missing": "alpha/sources/one.html is recorded in the shard's manifest but missing",
    }
    for how, message in expected.items():
        changed = _tampered(owner, tmp_path / f"tampered-{how}", how)
        with pytest.raises(BriefError) as caught:
            assemble([changed, other], tmp_path / "out")
        (problem,) = caught.value.diagnostics
        assert problem.code == "BW014" and message in problem.message, problem
        assert not (tmp_path / "out").exists()
    assemble([owner, other], tmp_path / "out")  # the shards themselves still assemble
