"""Turn a project of one brief into its artifacts: load, check, render, typeset, write.

Everything is read and made in memory first (prepare.py: load, check, render; then the
typesetting pool beside the Word and web editions; finish.py: artifacts and manifest); only
the last step writes, so a build that fails at any stage leaves the previous output
untouched. Each PDF whose HTML and typesetting inputs are unchanged since the previous
build is kept rather than typeset again. Whether there is anything to build at all, and
whether the project is a series (pipeline/series.py), pipeline/run.py decides first.
"""

from __future__ import annotations

import os
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from pathlib import Path

from briefwright.errors import BriefError
from briefwright.output.write import Output
from briefwright.pipeline.checked import Checked
from briefwright.pipeline.clock import Stopwatch
from briefwright.pipeline.editions import Editions, docx_reused, make_editions
from briefwright.pipeline.finish import finish
from briefwright.pipeline.incremental import Previous, Snapshot
from briefwright.pipeline.length import measure_main_text
from briefwright.pipeline.locate import locate_missing_glyphs
from briefwright.pipeline.outcome import Built, Produced, RunOptions
from briefwright.pipeline.prepare import Prepared, prepare
from briefwright.pipeline.shards import Share
from briefwright.settings import PdfSettings, Project
from briefwright.typeset.pool import Pool
from briefwright.typeset.worker import Job, Typeset


def build_brief(
    project: Project,
    out_dir: Path,
    pdf: PdfSettings,
    run: RunOptions,
    snapshot: Snapshot,
    previous: Previous | None,
) -> Built:
    """Build the brief and the one-pagers (or those `run.only` names) into out_dir, keeping
    what `previous` holds unchanged."""
    with Output(out_dir) as output:
        produced = produce(project, pdf, run, snapshot, previous)
        written = output.write(produced.artifacts)
    return Built(out_dir, written, produced, output.seconds)


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
    share = Share(run.shard)
    prepared = prepare(project, pdf, run.only, snapshot, previous, checked, laps)
    fresh, editions = typeset_with_editions(prepared, share.jobs(prepared), project, pdf, run)
    laps.lap("typeset PDFs, web fonts and Word")
    documents, artifacts = finish(prepared, pdf, fresh, editions)
    artifacts.update(share.record(snapshot, pdf, fresh), "the shard record")
    rendered = prepared.rendered
    length = measure_main_text(rendered.checked.brief, rendered.labels, artifacts)
    laps.lap("manifest")
    return Produced(
        checked=prepared.rendered.checked,
        built_at=prepared.rendered.built_at,
        artifacts=artifacts,
        documents=documents,
        typeset=tuple(fresh),
        reused=prepared.kept_pdfs(),
        docx_reused=docx_reused(prepared, editions),
        seconds={stem: result.seconds for stem, result in fresh.items()},
        timings=laps.laps,
        warnings=rendered.checked.warnings + (length.diagnostics if length else ()),
        lengths=(length,) if length else (),
    )


def typeset_with_editions(
    prepared: Prepared, jobs: list[Job], project: Project, pdf: PdfSettings, run: RunOptions
) -> tuple[dict[str, Typeset], Editions]:
    """Typeset the brief's jobs in a pool of workers, longest first, and make its other
    editions in a thread once a core is free of typesetting: at once when the workers are
    fewer than the cores, else when a worker has no job left. A thread beside as many
    workers as cores took a core's share from each, the longest document's included: with
    two workers on two cores, the editions now fit in the time the one-pagers leave before
    the brief is done. The main thread only waits; HarfBuzz, Brotli and zlib work outside
    the GIL. (A series streams its briefs: pipeline/stream.py.)"""
    make = partial(make_editions, prepared, pdf, run.web_fonts)
    fresh: dict[str, Typeset] = {}
    with ThreadPoolExecutor(1) as background:
        editions: Future[Editions] | None = None
        try:
            with Pool(project.layers, pdf, run.jobs, run.limits, run.progress) as pool:
                pool.submit(jobs)
                while pool.busy:
                    if editions is None and pool.working < _cores():
                        editions = background.submit(make)
                    fresh.update(pool.collect())
        except BriefError as error:
            raise locate_missing_glyphs(error, project.content) from None
        return fresh, (editions or background.submit(make)).result()


def _cores() -> int:
    """Return how many cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
