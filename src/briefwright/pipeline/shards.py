"""Split a build's documents into N shares that N machines typeset at once, and put the
shares' outputs back together into the tree one build writes.

A document's share is decided from the inputs alone: brief by brief, in the series' order,
documents are taken largest HTML first (ties by path) and each is given to the share with
the least HTML so far. Never from timings, which differ between machines and would make two
shards disagree on who typesets what. Every shard renders everything else (HTML, Word, web
fonts, source pages, the series pages): those are cheap and the same on every machine.

A shard writes its tree without the other shards' PDFs, and shard.json: the share, the
fingerprint of the inputs, and the records of the documents it typeset. `assemble` checks
that the shards are of one build (same fingerprint, shares 1..N each once, every document
typeset once) and that every file of every shard is the one its manifests record (a file
changed, added or missing since the build is refused, as is an entry leading out of the
shard), takes each PDF from its shard and completes the manifests with the records the
other shards hold: byte for byte the tree a single build writes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from briefwright.errors import BriefError, Location
from briefwright.files import regular_files
from briefwright.output.manifest import MANIFEST, ArtifactRecord, Manifest
from briefwright.output.spool import Payload, Spooled
from briefwright.output.write import Artifacts, write_artifacts
from briefwright.pipeline.outcome import RunOptions
from briefwright.typeset.worker import Job

if TYPE_CHECKING:
    from briefwright.pipeline.incremental import Snapshot
    from briefwright.pipeline.prepare import Prepared
    from briefwright.settings import PdfSettings

SHARD_FILE = "shard.json"
#: The most shards a build splits into: far more machines than any build has documents to
#: share, and few enough that the table of shares stays small.
MAX_SHARDS = 1000


class Shares:
    """N shares filled as documents come, brief by brief in the series' order: within a
    brief, largest HTML first (ties by path), each document to the share with the least HTML
    so far. Every shard renders every brief in that order, so all agree; and a series build
    can assign each brief's documents as soon as it is rendered."""

    def __init__(self, count: int) -> None:
        if not 1 <= count <= MAX_SHARDS:
            raise ValueError(f"a build splits into 1 to {MAX_SHARDS} shards, not {count}")
        self.loads = [0] * count

    def take(self, sizes: dict[str, int]) -> dict[str, int]:
        """Return the share (1..N) of each of these documents, by its HTML size."""
        shares: dict[str, int] = {}
        for stem in sorted(sizes, key=lambda stem: (-sizes[stem], stem)):
            share = min(range(len(self.loads)), key=lambda index: (self.loads[index], index))
            self.loads[share] += sizes[stem]
            shares[stem] = share + 1
        return shares


class Share:
    """What one run typesets of a build: every document, or (`--shard K/N`) those of share
    K; and the record a shard writes beside its files. One per build: a series asks it for
    each brief's jobs in turn, in the series' order."""

    def __init__(self, shard: tuple[int, int] | None) -> None:
        self.shard = shard
        self._shares = Shares(shard[1]) if shard is not None else None

    def jobs(self, ready: Prepared) -> list[Job]:
        """Return those of a rendered brief's jobs (its translated editions' too) this run
        typesets."""
        if self.shard is None or self._shares is None:
            return ready.all_jobs()
        sizes = {f"{edition.prefix}{stem}": len(html.encode("utf-8"))
                 for edition in ready.editions()
                 for stem, html in edition.rendered.pages.items()}  # fmt: skip
        shares = self._shares.take(sizes)
        return [job for job in ready.all_jobs() if shares[job.stem] == self.shard[0]]

    def record(
        self, snapshot: Snapshot, pdf: PdfSettings, typeset: Iterable[str]
    ) -> dict[str, bytes]:
        """Return the files a shard adds to its output (shard.json); none for a whole build."""
        if self.shard is None:
            return {}
        return {SHARD_FILE: shard_record(self.shard, snapshot, pdf, typeset)}


def for_shard(run: RunOptions) -> RunOptions:
    """Return the options a run goes by: a shard starts afresh, its share being of the whole
    build, never of what a previous build left."""
    return replace(run, force=True) if run.shard is not None else run


def fingerprint(snapshot: Snapshot, pdf: PdfSettings, count: int) -> str:
    """Return what every shard of one build shares: its inputs, settings, clock and N."""
    data = {"inputs": snapshot.inputs, "options": pdf.recorded(), "epoch": snapshot.epoch,
            "shards": count}  # fmt: skip
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def shard_record(
    shard: tuple[int, int], snapshot: Snapshot, pdf: PdfSettings, typeset: Iterable[str]
) -> bytes:
    """Return shard.json: which share this is, of which build, and what it typeset."""
    data = {"shard": shard[0], "of": shard[1], "fingerprint": fingerprint(snapshot, pdf, shard[1]),
            "typeset": sorted(typeset)}  # fmt: skip
    return (json.dumps(data, indent=2, sort_keys=True) + "\n").encode()


def assemble(shards: list[Path], out_dir: Path) -> list[Path]:
    """Merge the shards' trees into out_dir, as one build writes it; refuse shards of
    different builds, a share missing or given twice, a document typeset twice or never,
    and any file that is not the one its shard's manifests record."""
    records = [_read_shard(folder) for folder in shards]
    _refuse_mismatch(records, shards)
    owner = {stem: folder for folder, record in zip(shards, records, strict=True)
             for stem in record["typeset"]}  # fmt: skip
    files: dict[str, Spooled] = {}  # each file where a shard wrote it, not in memory
    for folder in shards:
        for name, found in verified_files(folder).items():
            if name.endswith(MANIFEST):  # verified; a brief's is completed below
                continue
            if name.endswith(".pdf") and owner.get(name.removesuffix(".pdf")) != folder:
                _refuse(f"{folder}: {name} was typeset by another shard", folder)
            if files.setdefault(name, found).sha256 != found.sha256:
                _refuse(f"{name} differs between the shards: they are not of one build", folder)
    missing = sorted(stem for stem in _documents(shards[0]) if f"{stem}.pdf" not in files)
    if missing:
        _refuse(f"no shard typeset {missing[0]}; assemble every shard of the build", shards[0])
    merged: dict[str, Payload] = {**files, **_manifests(shards, owner, files)}
    artifacts = Artifacts()
    for name in sorted(merged):
        artifacts.add(name, merged[name], "the shards")
    return write_artifacts(out_dir, artifacts)


def verified_files(folder: Path) -> dict[str, Spooled]:
    """Return a shard's files (but its manifests and shard.json) by path, each checked to be
    the file its manifests record: the same SHA-256 and size, nothing listed missing, nothing
    there that no manifest lists, and no entry leading out of the shard (BW014)."""
    expected = _expected(folder)
    found: dict[str, Spooled] = {}
    for path in regular_files(folder):
        name = path.relative_to(folder).as_posix()
        if name in (SHARD_FILE, MANIFEST):
            continue
        record = expected.pop(name, None)
        if record is None:
            _refuse(f"{folder}: {name} is in no manifest of the shard; it was added after "
                    "the build", path)  # fmt: skip
        spooled = Spooled.of_file(path)
        if (spooled.sha256, spooled.size) != (record.sha256, record.size):
            _refuse(f"{folder}: {name} is not the file the shard's manifest records (SHA-256 "
                    "or size differ): it was changed after the build; build the shard again",
                    path)  # fmt: skip
        found[name] = spooled
    if expected:
        _refuse(f"{folder}: {min(expected)} is recorded in the shard's manifest but missing",
                folder)  # fmt: skip
    return found


def _expected(folder: Path) -> dict[str, ArtifactRecord]:
    """Return every file a shard's manifests record, by its path in the shard; a brief's
    manifest and the series' must agree on each file they both record."""
    expected: dict[str, ArtifactRecord] = {}
    for path in regular_files(folder):
        if path.name != MANIFEST:
            continue
        prefix = path.parent.relative_to(folder).as_posix().removeprefix(".")
        prefix = f"{prefix}/" if prefix else ""
        manifest = Manifest.read(path.parent)
        if manifest is None:
            _refuse(f"{path} is not a manifest briefwright can read", path)
        for entry, record in manifest.artifacts.items():
            if not is_inside(entry):
                _refuse(f"{path} records {entry[:80]!r}, a path leading out of the shard", path)
            name = f"{prefix}{entry}"
            if expected.setdefault(name, record) != record:
                _refuse(f"{folder}: the shard's manifests disagree on {name}", path)
    return expected


def is_inside(entry: str) -> bool:
    """Return True for a relative path of plain names (no `..`, `.`, empty part, backslash
    or absolute start): an entry that can only name a file inside its folder."""
    parts = entry.split("/")
    return bool(entry) and "\\" not in entry and all(p not in ("", ".", "..") for p in parts)


def _read_shard(folder: Path) -> dict[str, Any]:
    try:
        data = json.loads((folder / SHARD_FILE).read_text(encoding="utf-8"))
        record: dict[str, Any] = {
            "shard": int(data["shard"]),
            "of": int(data["of"]),
            "fingerprint": str(data["fingerprint"]),
            "typeset": [str(stem) for stem in data["typeset"]],
        }
    except (OSError, ValueError, KeyError, TypeError):
        _refuse(f"{folder} holds no {SHARD_FILE}: build it with --shard K/N", folder)
    outside = [stem for stem in record["typeset"] if not is_inside(f"{stem}.pdf")]
    if outside or not 1 <= record["of"] <= MAX_SHARDS:
        _refuse(f"{folder / SHARD_FILE} is not a shard record briefwright wrote", folder)
    return record


def _refuse_mismatch(records: list[dict[str, Any]], shards: list[Path]) -> None:
    """Refuse shards of different builds, or a set that is not shares 1..N once each."""
    first = records[0]
    for folder, record in zip(shards, records, strict=True):
        if record["fingerprint"] != first["fingerprint"] or record["of"] != first["of"]:
            _refuse(f"{folder} was built from other inputs than {shards[0]}", folder)
    numbers = sorted(record["shard"] for record in records)
    if numbers != list(range(1, first["of"] + 1)):
        _refuse(f"the shards are {numbers}, not 1 to {first['of']} once each", shards[0])
    stems = [stem for record in records for stem in record["typeset"]]
    if len(stems) != len(set(stems)):
        twice = sorted({stem for stem in stems if stems.count(stem) > 1})
        _refuse(f"{twice[0]} was typeset by two shards", shards[0])


def _documents(folder: Path) -> list[str]:
    """Return every document of the build, by stem, from a shard's manifests."""
    top = Manifest.read(folder)
    return sorted(top.documents) if top is not None else []


def _manifests(
    shards: list[Path], owner: dict[str, Path], files: dict[str, Spooled]
) -> dict[str, bytes]:
    """Return the build's manifests, each completed with the records of the documents the
    other shards typeset; a series' manifest last, over its briefs' completed manifests."""
    folder = shards[0]
    names = sorted(
        (p.relative_to(folder).as_posix() for p in regular_files(folder) if p.name == MANIFEST),
        key=lambda name: (-name.count("/"), name),  # the briefs' before the series'
    )
    made: dict[str, bytes] = {}
    for name in names:
        prefix = name.removesuffix(MANIFEST)
        manifest = Manifest.read((folder / name).parent)
        assert manifest is not None, f"{name} was read by verified_files"
        documents, artifacts = dict(manifest.documents), dict(manifest.artifacts)
        for stem in documents:
            holder = owner.get(f"{prefix}{stem}")
            if holder is None:
                continue
            theirs = Manifest.read((holder / name).parent)
            if theirs is None or stem not in theirs.documents:
                _refuse(
                    f"{holder / name} does not record {prefix}{stem}, which it typeset", holder
                )
            documents[stem] = theirs.documents[stem]
            pdf = f"{stem}.pdf"
            typeset = files[f"{prefix}{pdf}"]
            artifacts[pdf] = ArtifactRecord(typeset.sha256, typeset.size)
        for other, data in made.items():  # a series' manifest records its briefs' manifests
            inner = other.removeprefix(prefix)
            if other.startswith(prefix) and inner in artifacts:
                artifacts[inner] = ArtifactRecord.of(data)
        completed = replace(manifest, documents=documents, artifacts=dict(artifacts))
        made[name] = completed.to_json()
    return made


def _refuse(message: str, where: Path) -> NoReturn:
    raise BriefError.of("BW014", message, Location(str(where)))
