"""Decide what a build can reuse from the previous one, by the fingerprints in its manifest.

Two levels. If every input file, the PDF settings and the build time are what the manifest
recorded, and every artifact is still in place, there is nothing to do: this is decided
before the content is even parsed, from one `Snapshot` of the inputs. Otherwise `plan_reuse`
keeps each PDF whose HTML and typesetting inputs are unchanged, and only the others are
typeset again (like Sphinx's `get_outdated_files`, the decision is a value).
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from briefwright.errors import BriefError, Diagnostic
from briefwright.files import read_regular, regular_files
from briefwright.output.manifest import (
    MANIFEST,
    ArtifactRecord,
    DocumentRecord,
    Manifest,
    sha256,
)
from briefwright.pipeline.clock import known_epoch
from briefwright.settings import PdfSettings, Project

#: Largest input file of any kind (fonts included), in bytes.
MAX_INPUT_BYTES = 50_000_000
#: Where `release` writes, inside the output folder: one folder per released version.
RELEASES = "release"
#: A release folder's name: `<product-id>-<version>`.
RELEASE_NAME = re.compile(r"^[A-Z0-9][A-Z0-9-]*-\d+\.\d+(\.\d+)?$")


@dataclass(frozen=True)
class Snapshot:
    """The inputs of a build as they are now: every file's SHA-256 and the known build time.

    Taken once per build (the console entry point hands its snapshot to the command), so
    the inputs are fingerprinted, and git asked for the time, once.
    """

    project: Project
    inputs: dict[str, str]
    epoch: int | None


def take_snapshot(project: Project) -> Snapshot:
    """Fingerprint every input file and read the build time, if it is known without parsing."""
    return Snapshot(project, fingerprint_inputs(project), known_epoch(project.roots))


def fingerprint_inputs(project: Project) -> dict[str, str]:
    """Return the SHA-256 of every file under content/ and templates/, by project path.

    The files are listed and read as the loader reads them (`files.regular_files`): a FIFO
    or a symlink leading out of the project fails here too, instead of reading as "up to
    date" while the build would hang on it; every such file at once.
    """
    found: dict[str, str] = {}
    problems: list[Diagnostic] = []
    for name, root in project.named_roots:
        try:  # regular_files raises for every bad file of the folder once its walk ends
            for path in regular_files(root):
                _fingerprint(f"{name}/{path.relative_to(root).as_posix()}", path, root, found,
                             problems)  # fmt: skip
        except BriefError as error:
            problems += error.diagnostics
    if problems:
        raise BriefError(problems)
    return found


def _fingerprint(
    key: str, path: Path, root: Path, found: dict[str, str], problems: list[Diagnostic]
) -> None:
    """Record an input's SHA-256 under its key, or why it cannot be read."""
    try:
        found[key] = sha256(read_regular(path, root, limit=MAX_INPUT_BYTES))
    except BriefError as error:
        problems += error.diagnostics


def typeset_key(html: str, pdf: PdfSettings, assets: dict[str, bytes]) -> str:
    """Return what a document's PDF depends on: HTML, PDF settings, assets, WeasyPrint and
    pikepdf (whose qpdf writes the final bytes)."""
    return _typeset_key(html, _fixed_part(pdf, assets))


def _fixed_part(pdf: PdfSettings, assets: dict[str, bytes]) -> tuple[str, bytes]:
    """Return the parts of the typesetting key that all of a brief's documents share:
    their digests are taken once a brief, not once a document (the fonts are MBs)."""
    from importlib.metadata import version  # not at import: it costs an unchanged rebuild 30 ms

    settings = "".join(f"{part}\0" for part in (pdf.key(), version("weasyprint"),
                                                  version("pikepdf")))  # fmt: skip
    listed = b"".join(name.encode("utf-8") + b"\0" + sha256(assets[name]).encode() + b"\0"
                      for name in sorted(assets))  # fmt: skip
    return settings, listed


def _typeset_key(html: str, fixed: tuple[str, bytes]) -> str:
    digest = hashlib.sha256(f"{html}\0{fixed[0]}".encode())
    digest.update(fixed[1])
    return digest.hexdigest()


@dataclass(frozen=True)
class Kept:
    """A document carried over from the previous build: its files and its record."""

    pdf: bytes
    record: DocumentRecord
    html: bytes | None = None
    docx: bytes | None = None


@dataclass(frozen=True)
class Previous:
    """The previous build in an output folder, as its manifest describes it."""

    out_dir: Path
    manifest: Manifest
    forced: bool = False
    """--only --force: the documents this build makes are made afresh (none is reused); the
    others are still carried, so the manifest stays whole."""

    @classmethod
    def read(cls, out_dir: Path, forced: bool = False) -> Previous | None:
        """Return the previous build, or None when the folder holds no usable manifest."""
        manifest = Manifest.read(out_dir)
        return cls(out_dir, manifest, forced) if manifest is not None else None

    def is_current(self, snapshot: Snapshot, pdf: PdfSettings) -> bool:
        """Return True when nothing about the build has changed and its artifacts are intact."""
        manifest = self.manifest
        if manifest.inputs != snapshot.inputs or manifest.options != pdf.recorded():
            return False
        if snapshot.epoch is not None and manifest.source_date_epoch != snapshot.epoch:
            return False
        if not manifest.artifacts:
            return False
        if "releases" in manifest.summary and manifest.summary["releases"] != release_folders(
            self.out_dir
        ):
            return False  # a series' index lists the releases: one was made since
        # Hashing is most of an unchanged rebuild of a large series (~800 MB of files at 50
        # briefs): hashlib releases the GIL, so threads hash files side by side.
        records = list(manifest.artifacts.items())
        with ThreadPoolExecutor(min(4, os.cpu_count() or 1)) as pool:
            return all(pool.map(lambda item: self._intact(item[0], item[1]), records))

    def _intact(self, name: str, record: ArtifactRecord) -> bool:
        """Return True when an artifact still has its recorded size and SHA-256."""
        path = self.out_dir / name
        try:
            found = path.stat()
            if not stat.S_ISREG(found.st_mode) or found.st_size != record.size:
                return False  # a FIFO put there would block the read
            with path.open("rb") as file:
                return hashlib.file_digest(file, "sha256").hexdigest() == record.sha256
        except OSError:
            return False

    def reusable_pdf(self, stem: str, key: str) -> Kept | None:
        """Return a document's previous PDF and record when its typesetting key matches."""
        record = self.manifest.documents.get(stem)
        if self.forced or record is None or record.typeset_key != key:
            return None
        data = self._read(f"{stem}.pdf", record.pdf_sha256)
        return Kept(data, record) if data is not None else None

    def reusable_docx(self, stem: str, key: str) -> bytes | None:
        """Return a document's previous .docx when its Word edition's key matches."""
        record = self.manifest.documents.get(stem)
        if self.forced or record is None or record.docx_key != key or record.docx_sha256 is None:
            return None
        return self._read(f"{stem}.docx", record.docx_sha256)

    def carried(self, stem: str) -> Kept | None:
        """Return a document this build did not make (--only), if its files are intact."""
        record = self.manifest.documents.get(stem)
        if record is None:
            return None
        html = self._read(f"{stem}.html", record.html_sha256)
        data = self._read(f"{stem}.pdf", record.pdf_sha256)
        docx = self._read(f"{stem}.docx", record.docx_sha256) if record.docx_sha256 else None
        return Kept(data, record, html, docx) if html is not None and data is not None else None

    def _read(self, name: str, digest: str) -> bytes | None:
        """Return an artifact's bytes when they still have the recorded SHA-256."""
        path = self.out_dir / name
        try:
            if not stat.S_ISREG(path.stat().st_mode):
                return None  # a FIFO put there would block the read
            data = path.read_bytes()
        except OSError:
            return None
        return data if sha256(data) == digest else None


def release_folders(out_dir: Path) -> list[str]:
    """Return the names of the releases in out_dir/release/ (`<product-id>-<version>`
    folders holding a manifest), sorted."""
    folder = out_dir / RELEASES
    if not folder.is_dir():
        return []
    found = (p.parent.name for p in folder.glob(f"*/{MANIFEST}"))
    return sorted(name for name in found if RELEASE_NAME.match(name))


def up_to_date_notice(out_dir: Path) -> str:
    """Return what to tell the reader when a build had nothing to do."""
    return f"{out_dir} is up to date: nothing changed since the last build"


def is_up_to_date(snapshot: Snapshot, out_dir: Path, pdf: PdfSettings) -> bool:
    """Return True when out_dir already holds this exact build (no content is parsed)."""
    previous = Previous.read(out_dir)
    return previous is not None and previous.is_current(snapshot, pdf)


@dataclass(frozen=True)
class Plan:
    """Which documents keep their previous PDF and which are typeset again, with their keys."""

    keys: dict[str, str]
    kept: dict[str, Kept]

    @property
    def to_typeset(self) -> tuple[str, ...]:
        """Return the stems of the documents to typeset, in the order they were rendered."""
        return tuple(stem for stem in self.keys if stem not in self.kept)


def plan_reuse(
    pages: dict[str, str], pdf: PdfSettings, assets: dict[str, bytes], previous: Previous | None
) -> Plan:
    """Decide, from each page's typesetting key, which previous PDFs can be kept."""
    fixed = _fixed_part(pdf, assets)
    keys = {stem: _typeset_key(html, fixed) for stem, html in pages.items()}
    if previous is None:
        return Plan(keys, {})
    reusable = {stem: previous.reusable_pdf(stem, key) for stem, key in keys.items()}
    return Plan(keys, {stem: kept for stem, kept in reusable.items() if kept is not None})
