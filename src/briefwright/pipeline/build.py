"""Turn a project of one brief into its artifacts: load, check, render, typeset, write.

Everything is read and made in memory first (prepare.py: load, check, render; then the
typesetting pool beside the Word and web editions; finish.py: artifacts and manifest); only
the last step writes, so a build that fails at any stage leaves the previous output
untouched. Each PDF whose HTML and typesetting inputs are unchanged since the previous
build is kept rather than typeset again. Whether there is anything to build at all, and
whether the project is a series (pipeline/series.py), pipeline/run.py decides first.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefwright.errors import BriefError
from briefwright.output.write import Output
from briefwright.pipeline.checked import Checked
from briefwright.pipeline.clock import Stopwatch
from briefwright.pipeline.cutter import EDITIONS_NICENESS, behind, cutter
from briefwright.pipeline.finish import finish
from briefwright.pipeline.incremental import Previous, Snapshot
from briefwright.pipeline.locate import locate_missing_glyphs
from briefwright.pipeline.outcome import Built, Produced, RunOptions
from briefwright.pipeline.prepare import Prepared, prepare
from briefwright.pipeline.shards import Share
from briefwright.render.brand import WebFonts
from briefwright.settings import PdfSettings, Project
from briefwright.typeset.pool import Pool
from briefwright.typeset.worker import Typeset

if TYPE_CHECKING:
    from briefwright.pipeline.cutter import Cutter
    from briefwright.pipeline.editions import Editions


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
        whole = run.only is None and run.shard is None
        written = output.write(produced.artifacts, whole)
    return Built(out_dir, written, produced, output.seconds, tuple(output.retired))


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
    with Pool(project.layers, pdf, run.jobs, run.limits, run.progress) as pool:
        # A whole build hands each edition's jobs to the workers as soon as it is rendered,
        # the next edition rendered meanwhile; a shard must see them all.
        early = pool.submit if run.shard is None else None
        fonts = WebFonts.OWN if run.web_fonts else WebFonts.FULL
        prepared = prepare(project, pdf, run.only, snapshot, previous, checked, laps,
                           submit=early, fonts=fonts)  # fmt: skip
        if early is None:
            pool.submit(share.jobs(prepared))
        try:
            fresh, editions = typeset_with_editions(prepared, pool, pdf, run)
        except BriefError as error:
            raise locate_missing_glyphs(error, project.content) from None
    laps.lap("typeset PDFs, web fonts and Word")
    from briefwright.pipeline.editions import docx_reused  # imported by now: _make_editions
    from briefwright.pipeline.length import measure_main_text

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
    prepared: Prepared, pool: Pool, pdf: PdfSettings, run: RunOptions
) -> tuple[dict[str, Typeset], Editions]:
    """Collect what the pool typesets (the jobs handed to it, longest first) while the
    brief's other editions are made, a step behind: the Word edition in a thread and the
    web fonts in a process of their own, both niced (pipeline/cutter.py), so that they take
    the cores the workers leave, little of the longest document's. The main thread
    only waits. (A series streams its briefs: pipeline/stream.py.)"""
    fresh: dict[str, Typeset] = {}
    niceness = run.limits.niceness + EDITIONS_NICENESS
    with cutter(run.limits) as cuts:
        editions = behind(niceness, _make_editions, prepared, pdf, run.web_fonts, cuts)
        while pool.busy:
            fresh.update(pool.collect())
        return fresh, editions.result()


def _make_editions(
    prepared: Prepared, pdf: PdfSettings, web_fonts: bool, cuts: Cutter
) -> Editions:
    """Return the brief's Word and web editions (editions.make_editions), imported here, in
    the editions' thread, with what the build needs once the PDFs are typeset (pikepdf, to
    find the main text's pages): the Word writer, Pillow, fontTools and pikepdf (~0.15 s)
    load beside the typesetting, not before the first document is handed out, nor after
    the last."""
    import briefwright.pipeline.length  # noqa: F401
    from briefwright.pipeline.editions import make_editions

    return make_editions(prepared, pdf, web_fonts, cutter=cuts)
