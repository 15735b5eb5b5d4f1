"""Turn a project into the brief's artifacts: load, check, render, typeset, write.

Everything is read and made in memory first (prepare.py: load, check, render; then the
typesetting pool beside the Word and web editions; finish.py: artifacts and manifest); only
the last step writes, so a build that fails at any stage leaves the previous output
untouched. A build first asks the previous
manifest what it can skip: everything, when nothing changed; otherwise each PDF whose HTML
and typesetting inputs are unchanged.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from briefwright.errors import BriefError, Diagnostic
from briefwright.model.brief import Brief
from briefwright.output.manifest import (
    DocumentRecord,
)
from briefwright.output.spool import Payload, Spool
from briefwright.output.write import Artifacts, check_writable, write_artifacts
from briefwright.pipeline.checked import Checked
from briefwright.pipeline.clock import Stopwatch
from briefwright.pipeline.editions import WordEdition, web_edition_assets, word_edition
from briefwright.pipeline.finish import finish
from briefwright.pipeline.incremental import (
    Kept,
    Previous,
    Snapshot,
    take_snapshot,
    up_to_date_notice,
)
from briefwright.pipeline.length import MainText, measure_main_text
from briefwright.pipeline.locate import locate_missing_glyphs
from briefwright.pipeline.prepare import Prepared, Rendered, prepare
from briefwright.pipeline.scratch import enter_scratch
from briefwright.settings import Limits, PdfSettings, Project
from briefwright.typeset.pool import Progress, typeset_all, warm_up
from briefwright.typeset.worker import Typeset


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
    """The warnings the content raised (a series: every rebuilt brief's), and the length
    budget's (BW191) from the typeset PDF."""
    lengths: tuple[MainText, ...] = ()
    """Each typeset brief's main text: pages and words, against their budgets."""

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
    prepared = prepare(project, pdf, run.only, snapshot, previous, checked, laps)
    fresh, editions = typeset_with_editions(prepared, project, pdf, run)
    laps.lap("typeset PDFs, web fonts and Word")
    documents, artifacts = finish(prepared, pdf, fresh, *editions)
    rendered = prepared.rendered
    length = measure_main_text(rendered.checked.brief, rendered.labels, artifacts)
    laps.lap("manifest")
    return Produced(
        checked=prepared.rendered.checked,
        built_at=prepared.rendered.built_at,
        artifacts=artifacts,
        documents=documents,
        typeset=tuple(fresh),
        reused=tuple(prepared.plan.kept),
        docx_reused=editions[1].kept,
        seconds={stem: result.seconds for stem, result in fresh.items()},
        timings=laps.laps,
        warnings=rendered.checked.warnings + (length.diagnostics if length else ()),
        lengths=(length,) if length else (),
    )


def typeset_with_editions(
    prepared: Prepared, project: Project, pdf: PdfSettings, run: RunOptions
) -> tuple[dict[str, Typeset], tuple[dict[str, Payload], WordEdition]]:
    """Typeset the brief's jobs in a pool of workers, longest first, and meanwhile make its
    other editions in a thread: the main thread only waits for the workers, and HarfBuzz,
    Brotli and zlib work outside the GIL. (A series streams its briefs: pipeline/stream.py.)"""
    jobs = prepared.jobs
    if run.shard is not None:
        from briefwright.pipeline.shards import Shares  # only a sharded build needs it

        jobs = Shares(run.shard[1]).jobs(prepared, jobs, run.shard[0])
    with ThreadPoolExecutor(1) as background:
        editions = background.submit(
            make_editions, prepared.rendered, prepared.carried, prepared.project.layers, pdf,
            prepared.previous, run.web_fonts,
        )  # fmt: skip
        try:
            fresh = typeset_all(jobs, project.layers, pdf, run.jobs, run.limits, run.progress)
        except BriefError as error:
            raise locate_missing_glyphs(error, project.content) from None
        return fresh, editions.result()


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
