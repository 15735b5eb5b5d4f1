"""Turn a project into the brief's artifacts: load, check, render, typeset, write.

Everything is read and made in memory first; only the last step writes, so a build that
fails at any stage leaves the previous output untouched. A build first asks the previous
manifest what it can skip: everything, when nothing changed; otherwise each PDF whose HTML
and typesetting inputs are unchanged.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from briefwright.errors import BriefError, Diagnostic
from briefwright.files import read_regular, regular_files
from briefwright.model.brief import Brief
from briefwright.output.manifest import (
    MANIFEST,
    ArtifactRecord,
    DocumentRecord,
    Manifest,
    sha256,
    tool_versions,
)
from briefwright.output.spool import Payload, Spool, digest
from briefwright.output.write import Artifacts, check_writable, write_artifacts
from briefwright.pipeline.checked import Checked, load_and_check
from briefwright.pipeline.clock import build_time
from briefwright.pipeline.editions import WordEdition, web_edition_assets, word_edition
from briefwright.pipeline.incremental import (
    MAX_INPUT_BYTES,
    Kept,
    Plan,
    Previous,
    Snapshot,
    plan_reuse,
    take_snapshot,
    up_to_date_notice,
)
from briefwright.pipeline.locate import locate_missing_glyphs
from briefwright.pipeline.scratch import enter_scratch
from briefwright.pipeline.targets import Target, render_pages, select_targets
from briefwright.render.brand import brand_assets
from briefwright.render.html import document_labels
from briefwright.render.labels import LABELS_CSS, Labels
from briefwright.render.notes import NoteIndex
from briefwright.render.sources import render_source_page, source_page_path
from briefwright.settings import Limits, PdfSettings, Project
from briefwright.typeset.pool import Progress, typeset_all, warm_up
from briefwright.typeset.worker import Job, Typeset

ASSETS = "assets"


@dataclass(frozen=True)
class RunOptions:
    """How to run a build, none of which changes the bytes: which documents, how many
    processes, their limits, whether to reuse previous PDFs, whom to tell of progress."""

    only: str | None = None
    jobs: int = 1
    limits: Limits = field(default_factory=Limits)
    force: bool = False
    progress: Progress | None = None
    briefs: tuple[str, ...] = ()
    """In a series, the briefs to build (all when empty)."""
    shard: tuple[int, int] | None = None
    """(K, N): typeset only the K-th of N shares of the documents (pipeline/shards.py)."""
    web_fonts: bool = True
    """Cut the HTML edition's fonts to WOFF2 subsets; `serve` keeps the full faces, so an
    edit that brings a new character needs no new subset."""


@dataclass(frozen=True)
class Rendered:
    """A checked brief's documents as HTML, with the assets they link to: the templates'
    files and the ones made from the brand and labels (`made`, also in `assets`)."""

    checked: Checked
    built_at: datetime
    targets: list[Target]
    pages: dict[str, str]
    assets: dict[str, bytes]
    made: dict[str, bytes]
    labels: Labels
    source_pages: dict[str, str]
    """The HTML edition's page of each source, by path (`sources/<id>.html`)."""


@dataclass(frozen=True)
class Produced:
    """A build made in memory: every artifact by path, and what the reader should know."""

    checked: Checked | None
    """The brief's checked content (a series: its first rebuilt brief's, if any)."""
    built_at: datetime | None
    artifacts: Artifacts
    documents: dict[str, DocumentRecord]
    typeset: tuple[str, ...]
    reused: tuple[str, ...]
    docx_reused: tuple[str, ...]
    seconds: dict[str, float]
    timings: dict[str, float]
    warnings: tuple[Diagnostic, ...] = ()
    """The warnings the content raised (a series: every rebuilt brief's)."""

    @property
    def remarks(self) -> tuple[str, ...]:
        """Return remarks for the build output, e.g. a one-pager that needed a smaller size."""
        return tuple(record.remark for record in self.documents.values() if record.remark)


@dataclass(frozen=True)
class UpToDate:
    """A build that had nothing to do: the output folder already holds it."""

    out_dir: Path

    @property
    def notice(self) -> str:
        """Return what to tell the reader."""
        return up_to_date_notice(self.out_dir)


@dataclass(frozen=True)
class Built:
    """What a build made and wrote."""

    out_dir: Path
    written: tuple[Path, ...]
    produced: Produced

    @property
    def brief(self) -> Brief:
        """Return the brief this build made (a series: its first rebuilt brief)."""
        assert self.produced.checked is not None, "this build loaded no brief"
        return self.produced.checked.brief

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        """Return the warnings the content raised."""
        return self.produced.warnings


def build(
    project: Project,
    out_dir: Path,
    pdf: PdfSettings | None = None,
    run: RunOptions | None = None,
    snapshot: Snapshot | None = None,
) -> UpToDate | Built:
    """Build the brief and the one-pagers (or only those `run.only` names) into out_dir."""
    pdf, run = pdf or PdfSettings(), run or RunOptions()
    if run.shard is not None:  # a shard starts afresh: its share is of the whole build
        run = replace(run, force=True)
    snapshot = snapshot or take_snapshot(project)
    if project.is_series and project.brief is None:
        from briefwright.pipeline.series import build_series  # it builds on this module

        return build_series(project, out_dir, pdf, run, snapshot, run.briefs)
    previous = None if run.force else Previous.read(out_dir)
    if run.only is None and previous is not None and previous.is_current(snapshot, pdf):
        return UpToDate(out_dir)
    check_writable(out_dir)
    enter_scratch()
    warm_up()
    produced = produce(project, pdf, run, snapshot, previous)
    if run.shard is not None:
        from briefwright.pipeline.shards import SHARD_FILE, shard_record

        record = shard_record(run.shard, snapshot, pdf, produced.typeset)
        produced.artifacts.add(SHARD_FILE, record, "the shard record")
    started = time.perf_counter()
    written = tuple(write_artifacts(out_dir, produced.artifacts))
    produced.timings["write"] = time.perf_counter() - started
    return Built(out_dir, written, produced)


def produce(
    project: Project,
    pdf: PdfSettings,
    run: RunOptions,
    snapshot: Snapshot,
    previous: Previous | None = None,
    checked: Checked | None = None,
) -> Produced:
    """Make every artifact and the manifest in memory, reusing unchanged PDFs of `previous`."""
    laps = Stopwatch()
    prepared = prepare(project, pdf, run, snapshot, previous, checked, laps)
    fresh, editions = typeset_with_editions([prepared], project, pdf, run)
    laps.lap("typeset PDFs, web fonts and Word")
    documents, artifacts = finish(prepared, pdf, fresh, *editions[0])
    laps.lap("manifest")
    return Produced(
        checked=prepared.rendered.checked,
        built_at=prepared.rendered.built_at,
        artifacts=artifacts,
        documents=documents,
        typeset=tuple(fresh),
        reused=tuple(prepared.plan.kept),
        docx_reused=editions[0][1].kept,
        seconds={stem: result.seconds for stem, result in fresh.items()},
        timings=laps.laps,
        warnings=prepared.rendered.checked.warnings,
    )


@dataclass(frozen=True)
class Prepared:
    """One brief ready to typeset: rendered, its reuse planned, its typesetting jobs (their
    stems under `prefix`, the brief's folder in a series), and what it carries over."""

    project: Project
    snapshot: Snapshot
    rendered: Rendered
    plan: Plan
    jobs: list[Job]
    carried: dict[str, Kept]
    previous: Previous | None
    versions: dict[str, object]
    prefix: str = ""


def prepare(
    project: Project,
    pdf: PdfSettings,
    run: RunOptions,
    snapshot: Snapshot,
    previous: Previous | None = None,
    checked: Checked | None = None,
    laps: Stopwatch | None = None,
    prefix: str = "",
    theme_assets: dict[str, bytes] | None = None,
) -> Prepared:
    """Load, check and render one brief, and plan which of its PDFs to typeset again
    (`theme_assets`: the templates' assets, when the caller has read them already)."""
    rendered = render_site(project, run.only, snapshot.epoch, checked, laps, theme_assets)
    plan = plan_reuse(rendered.pages, pdf, rendered.assets, previous)
    # Read while the fork server may still be importing WeasyPrint: it reads the fonts.
    versions = tool_versions(rendered.assets)
    jobs = [
        replace(t.job(rendered.pages[t.stem]), stem=prefix + t.stem, made=rendered.made)
        for t in rendered.targets
        if t.stem in plan.to_typeset
    ]
    carried = carry_over(previous, rendered, project.content)
    if laps is not None:
        laps.lap("source pages and reuse plan")
    return Prepared(project, snapshot, rendered, plan, jobs, carried, previous, versions, prefix)


def typeset_with_editions(
    prepared: list[Prepared],
    project: Project,
    pdf: PdfSettings,
    run: RunOptions,
    spool: Spool | None = None,
) -> tuple[dict[str, Typeset], list[tuple[dict[str, Payload], WordEdition]]]:
    """Typeset every brief's jobs in one pool of workers, longest first, and meanwhile make
    each brief's other editions in a thread (into `spool`, when given, as each is made):
    the main thread only waits for the workers, and HarfBuzz, Brotli and zlib work outside
    the GIL."""
    jobs = [job for brief in prepared for job in brief.jobs]
    if run.shard is not None:
        from briefwright.pipeline.shards import shard_jobs  # only a sharded build needs it

        jobs = shard_jobs(prepared, jobs, run.shard)
    with ThreadPoolExecutor(1) as background:
        editions = [
            background.submit(
                make_editions, p.rendered, p.carried, p.project.layers, pdf, p.previous,
                run.web_fonts, spool,
            )
            for p in prepared
        ]  # fmt: skip
        try:
            fresh = typeset_all(jobs, project.layers, pdf, run.jobs, run.limits, run.progress)
        except BriefError as error:
            raise locate_missing_glyphs(error, project.content) from None
        return fresh, [future.result() for future in editions]


def finish(
    prepared: Prepared,
    pdf: PdfSettings,
    fresh: dict[str, Typeset],
    web: dict[str, Payload],
    word: WordEdition,
    summary: dict[str, Any] | None = None,
) -> tuple[dict[str, DocumentRecord], Artifacts]:
    """Return one brief's manifest records and artifacts (paths inside its folder), with
    its manifest (and, in a series, the summary the index lists)."""
    prefix, rendered = prepared.prefix, prepared.rendered
    own = {stem.removeprefix(prefix): result for stem, result in fresh.items()
           if stem.startswith(prefix)}  # fmt: skip
    documents, artifacts = record_documents(rendered.pages, prepared.plan, own, word)
    keep_carried(prepared.carried, documents, artifacts)
    artifacts.update(web, "the HTML edition's assets")
    pages = {path: html.encode("utf-8") for path, html in rendered.source_pages.items()}
    artifacts.update(pages, "the source pages")
    manifest = make_manifest(
        rendered, pdf, prepared.snapshot, documents, artifacts, prepared.versions
    )
    if summary:
        manifest = replace(manifest, summary=summary)
    artifacts.add(MANIFEST, manifest.to_json(), "the manifest")
    return documents, artifacts


def render_site(
    project: Project,
    only: str | None,
    epoch: int | None,
    checked: Checked | None = None,
    laps: Stopwatch | None = None,
    theme_assets: dict[str, bytes] | None = None,
) -> Rendered:
    """Load and check the content (unless given), then render the documents `only` names;
    the templates' assets are read, unless given."""
    laps = laps or Stopwatch()
    checked = checked or load_and_check(project.content, brief_dir=_brief_dir(project))
    laps.lap("load and check")
    brief = checked.brief
    built_at = build_time(brief.metadata.as_of, epoch)
    targets = select_targets(brief, only, project.content)
    t = document_labels(brief, project.layers)
    pages = render_pages(brief, targets, project.layers, built_at, t)
    made = made_assets(brief, t, project.content)
    laps.lap("render HTML")
    theme_assets = read_assets(project.layers) if theme_assets is None else theme_assets
    assets = dict(sorted((theme_assets | made).items()))
    notes = NoteIndex(brief, t)
    sources = {
        source_page_path(source): render_source_page(
            brief, source, notes, project.layers, built_at, source.publish, t
        )
        for source in brief.sources
    }
    return Rendered(checked, built_at, targets, pages, assets, made, t, sources)


def make_editions(
    rendered: Rendered,
    carried: dict[str, Kept],
    layers: tuple[Path, ...],
    pdf: PdfSettings,
    previous: Previous | None,
    web_fonts: bool,
    spool: Spool | None = None,
) -> tuple[dict[str, Payload], WordEdition]:
    """Return the HTML edition's assets and the Word edition (pipeline/editions.py), their
    files spooled when a spool is given."""
    brief = rendered.checked.brief
    pages = [*rendered.pages.values(), *rendered.source_pages.values()]
    pages += [kept.html.decode("utf-8") for kept in carried.values() if kept.html is not None]
    web = web_edition_assets(brief, pages, rendered.assets, web_fonts)
    word = word_edition(brief, rendered.targets, rendered.pages, rendered.labels, rendered.made,
                        layers, pdf, rendered.built_at, previous)  # fmt: skip
    if spool is None:
        return dict(web), word
    return spool.hold(web), replace(word, files=spool.hold(word.files))


def _brief_dir(project: Project) -> Path | None:
    """Return a series brief's folder, or None for a project of one brief."""
    return project.brief_root if project.brief else None


def made_assets(brief: Brief, t: Labels, content: Path) -> dict[str, bytes]:
    """Return the assets the build makes rather than copies: the brand's stylesheets and
    files, and labels.css in the brief's language."""
    return brand_assets(brief.brand, content) | {LABELS_CSS: t.stylesheet().encode("utf-8")}


def record_documents(
    pages: dict[str, str], plan: Plan, fresh: dict[str, Typeset], word: WordEdition
) -> tuple[dict[str, DocumentRecord], Artifacts]:
    """Return each document's manifest record, and its HTML, PDF and .docx as artifacts."""
    documents: dict[str, DocumentRecord] = {}
    artifacts = Artifacts()
    for stem, html in pages.items():
        kept = plan.kept.get(stem)
        made = fresh.get(stem)
        if kept is not None:
            pdf, pages_count, remark = kept.pdf, kept.record.pages, kept.record.remark
        elif made is not None:
            pdf, pages_count, remark = made.pdf, made.pages, made.remark
        else:  # another shard's document: its PDF and what it says come from that shard
            pdf, pages_count, remark = None, 0, None
        data, docx = html.encode("utf-8"), word.files[stem]
        documents[stem] = DocumentRecord(
            pages_count, remark, sha256(data), sha256(pdf) if pdf is not None else "",
            plan.keys[stem], digest(docx), word.keys[stem],
        )  # fmt: skip
        artifacts.add(f"{stem}.html", data, f"document {stem}")
        if pdf is not None:
            artifacts.add(f"{stem}.pdf", pdf, f"document {stem}")
        artifacts.add(f"{stem}.docx", docx, f"document {stem}")
    return documents, artifacts


def carry_over(
    previous: Previous | None, rendered: Rendered, content_dir: Path
) -> dict[str, Kept]:
    """Return, by stem, the documents of the previous build that a partial (--only) build
    did not make and keeps as they are."""
    if previous is None:
        return {}
    carried = {}
    for target in select_targets(rendered.checked.brief, None, content_dir):
        kept = None if target.stem in rendered.pages else previous.carried(target.stem)
        if kept is not None and kept.html is not None:
            carried[target.stem] = kept
    return carried


def keep_carried(
    carried: dict[str, Kept], documents: dict[str, DocumentRecord], artifacts: Artifacts
) -> None:
    """Put the carried documents in the manifest and the output."""
    for stem, kept in carried.items():
        assert kept.html is not None, "carry_over keeps only documents with their HTML"
        documents[stem] = kept.record
        artifacts.add(f"{stem}.html", kept.html, f"document {stem}")
        artifacts.add(f"{stem}.pdf", kept.pdf, f"document {stem}")
        if kept.docx is not None:
            artifacts.add(f"{stem}.docx", kept.docx, f"document {stem}")


def make_manifest(
    rendered: Rendered,
    pdf: PdfSettings,
    snapshot: Snapshot,
    documents: dict[str, DocumentRecord],
    artifacts: Artifacts,
    versions: dict[str, object],
) -> Manifest:
    """Describe the build: what went in (inputs, sources, settings), what came out."""
    brief = rendered.checked.brief
    return Manifest(
        product_id=brief.metadata.product_id,
        version=brief.metadata.version,
        built=rendered.built_at.isoformat(),
        source_date_epoch=int(rendered.built_at.timestamp()),
        options=pdf.recorded(),
        inputs=snapshot.inputs,
        sources={
            source.id: {"sha256": source.fingerprint, "published": source.published.isoformat()}
            for source in brief.sources
        },
        documents=documents,
        artifacts=artifact_records(artifacts),
        versions=versions,
    )


def artifact_records(artifacts: Artifacts) -> dict[str, ArtifactRecord]:
    """Return each artifact's record (digest and size), without reading back spooled ones."""
    return {n: ArtifactRecord(artifacts.sha256(n), artifacts.size(n)) for n in artifacts}


class Stopwatch:
    """Time the stages of a build, for `--verbose`."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        """Record the time since the previous lap under `stage`."""
        now = time.perf_counter()
        self.laps[stage] = self.laps.get(stage, 0.0) + now - self._last
        self._last = now


def read_assets(layers: tuple[Path, ...]) -> dict[str, bytes]:
    """Return the stylesheets and fonts the HTML links to, keyed by their path in out_dir;
    a file of the project's own templates/assets/ replaces the theme's of the same path.

    Only regular files inside the templates are read: a symlink leading out is refused,
    never copied into the output.
    """
    assets: dict[str, bytes] = {}
    for layer in reversed(layers):
        for path in regular_files(layer / ASSETS):
            data = read_regular(path, layer, MAX_INPUT_BYTES)
            assets[path.relative_to(layer).as_posix()] = data
    return dict(sorted(assets.items()))
