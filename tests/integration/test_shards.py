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
