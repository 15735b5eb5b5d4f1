"""Tests for briefwright.pipeline.shards: the share of a build one run typesets, and what a
shard records (tests/integration/test_shards.py assembles real shards)."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import cast

from briefwright.pipeline.incremental import Snapshot
from briefwright.pipeline.outcome import RunOptions
from briefwright.pipeline.prepare import Prepared
from briefwright.pipeline.shards import SHARD_FILE, Share, for_shard
from briefwright.settings import PdfSettings, Project
from briefwright.typeset.worker import Job


def _rendered(prefix: str, sizes: dict[str, int]) -> Prepared:
    """Return a rendered brief as Share reads it: its pages (of these sizes) and jobs."""
    pages = {stem: "x" * size for stem, size in sizes.items()}
    jobs = [Job(f"{prefix}{stem}", html) for stem, html in pages.items()]
    rendered = SimpleNamespace(pages=pages)
    ready = SimpleNamespace(prefix=prefix, rendered=rendered, jobs=jobs)
    ready.editions = lambda: (ready,)
    ready.all_jobs = lambda: jobs
    return cast(Prepared, ready)


def test_a_whole_build_typesets_every_job_and_records_nothing() -> None:
    """Without --shard a run takes every job and writes no shard.json."""
    share, ready = Share(None), _rendered("", {"brief": 90, "onepagers/a": 10})
    assert share.jobs(ready) == ready.jobs
    snapshot = Snapshot(Project(Path("c")), {}, None)
    assert share.record(snapshot, PdfSettings(), ["brief"]) == {}


def test_the_shares_of_a_series_are_dealt_brief_by_brief() -> None:
    """Two shards deal the same briefs alike: each brief's largest document to the least
    loaded share, loads carried from one brief to the next; the two takes add up to all."""
    briefs = [("a/", {"brief": 90, "one": 10}), ("b/", {"brief": 80, "one": 10})]
    taken = {}
    for number in (1, 2):
        share = Share((number, 2))
        taken[number] = [job.stem for prefix, sizes in briefs
                         for job in share.jobs(_rendered(prefix, sizes))]  # fmt: skip
    assert taken == {1: ["a/brief", "b/one"], 2: ["a/one", "b/brief"]}


def test_a_shard_records_its_share_and_starts_afresh() -> None:
    """A shard's record names its share, the build's fingerprint and what it typeset; a
    shard never reuses a previous build's PDFs."""
    snapshot = Snapshot(Project(Path("c")), {"content/brief.yaml": "0" * 64}, 1679270400)
    files = Share((2, 3)).record(snapshot, PdfSettings(), ["b", "a"])
    record = json.loads(files[SHARD_FILE])
    assert (record["shard"], record["of"], record["typeset"]) == (2, 3, ["a", "b"])
    assert for_shard(RunOptions(shard=(2, 3))).force
    assert not for_shard(RunOptions()).force
