"""Turn a project into the brief's artifacts: load, check, render, typeset, write.

Everything is read and made in memory first; only the last step writes, so a build that
fails at any stage leaves the previous output untouched. A build first asks the previous
manifest what it can skip: everything, when nothing changed; otherwise each PDF whose HTML
and typesetting inputs are unchanged.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from briefwright.errors import Diagnostic
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
from briefwright.output.write import Artifacts, check_writable, write_artifacts
from briefwright.pipeline.checked import Checked, load_and_check
from briefwright.pipeline.clock import build_time
from briefwright.pipeline.incremental import (
    MAX_INPUT_BYTES,
    Plan,
    Previous,
    Snapshot,
    plan_reuse,
    take_snapshot,
    up_to_date_notice,
)
from briefwright.pipeline.scratch import enter_scratch
from briefwright.pipeline.targets import Target, render_pages, select_targets
from briefwright.settings import Limits, PdfSettings, Project
from briefwright.typeset.pool import Progress, typeset_all, warm_up
from briefwright.typeset.worker import Typeset

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


@dataclass(frozen=True)
class Rendered:
    """A checked brief's documents as HTML, with the template assets they link to."""

    checked: Checked
    built_at: datetime
    targets: list[Target]
    pages: dict[str, str]
    assets: dict[str, bytes]


@dataclass(frozen=True)
class Produced:
    """A build made in memory: every artifact by path, and what the reader should know."""

    checked: Checked
    built_at: datetime
    artifacts: Artifacts
    documents: dict[str, DocumentRecord]
    typeset: tuple[str, ...]
    reused: tuple[str, ...]
    seconds: dict[str, float]
    timings: dict[str, float]

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
        """Return the brief this build made."""
        return self.produced.checked.brief

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        """Return the warnings the content raised."""
        return self.produced.checked.warnings


def build(
    project: Project,
    out_dir: Path,
    pdf: PdfSettings | None = None,
    run: RunOptions | None = None,
    snapshot: Snapshot | None = None,
) -> UpToDate | Built:
    """Build the brief and the one-pagers (or only those `run.only` names) into out_dir."""
    pdf, run = pdf or PdfSettings(), run or RunOptions()
    snapshot = snapshot or take_snapshot(project)
    previous = None if run.force else Previous.read(out_dir)
    if run.only is None and previous is not None and previous.is_current(snapshot, pdf):
        return UpToDate(out_dir)
    check_writable(out_dir)
    enter_scratch()
    warm_up()
    produced = produce(project, pdf, run, snapshot, previous)
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
    rendered = render_site(project, run.only, snapshot.epoch, checked, laps)
    plan = plan_reuse(rendered.pages, pdf, rendered.assets, previous)
    # Read while the fork server may still be importing WeasyPrint: it reads the fonts.
    versions = tool_versions(rendered.assets)
    jobs = [t.job(rendered.pages[t.stem]) for t in rendered.targets if t.stem in plan.to_typeset]
    fresh = typeset_all(jobs, project.templates, pdf, run.jobs, run.limits, run.progress)
    laps.lap("typeset PDFs")
    documents, artifacts = record_documents(rendered.pages, plan, fresh)
    carry_over(previous, rendered, project.content, documents, artifacts)
    artifacts.update(rendered.assets, f"{project.templates.name}/{ASSETS}")
    manifest = make_manifest(rendered, pdf, snapshot, documents, artifacts, versions)
    artifacts.add(MANIFEST, manifest.to_json(), "the manifest")
    laps.lap("manifest")
    return Produced(
        checked=rendered.checked,
        built_at=rendered.built_at,
        artifacts=artifacts,
        documents=documents,
        typeset=tuple(fresh),
        reused=tuple(plan.kept),
        seconds={stem: result.seconds for stem, result in fresh.items()},
        timings=laps.laps,
    )


def render_site(
    project: Project,
    only: str | None,
    epoch: int | None,
    checked: Checked | None = None,
    laps: Stopwatch | None = None,
) -> Rendered:
    """Load and check the content (unless given), then render the documents `only` names."""
    laps = laps or Stopwatch()
    checked = checked or load_and_check(project.content)
    laps.lap("load and check")
    brief = checked.brief
    built_at = build_time(brief.metadata.as_of, epoch)
    targets = select_targets(brief, only, project.content)
    pages = render_pages(brief, targets, project.templates, built_at)
    laps.lap("render HTML")
    return Rendered(checked, built_at, targets, pages, read_assets(project.templates))


def record_documents(
    pages: dict[str, str], plan: Plan, fresh: dict[str, Typeset]
) -> tuple[dict[str, DocumentRecord], Artifacts]:
    """Return each document's manifest record, and its HTML and PDF as artifacts."""
    documents: dict[str, DocumentRecord] = {}
    artifacts = Artifacts()
    for stem, html in pages.items():
        kept = plan.kept.get(stem)
        pdf, pages_count, remark = (
            (kept.pdf, kept.record.pages, kept.record.remark)
            if kept is not None
            else (fresh[stem].pdf, fresh[stem].pages, fresh[stem].remark)
        )
        data = html.encode("utf-8")
        documents[stem] = DocumentRecord(
            pages_count, remark, sha256(data), sha256(pdf), plan.keys[stem]
        )
        artifacts.add(f"{stem}.html", data, f"document {stem}")
        artifacts.add(f"{stem}.pdf", pdf, f"document {stem}")
    return documents, artifacts


def carry_over(
    previous: Previous | None,
    rendered: Rendered,
    content_dir: Path,
    documents: dict[str, DocumentRecord],
    artifacts: Artifacts,
) -> None:
    """Keep, in the manifest and the output, documents a partial (--only) build did not make."""
    if previous is None:
        return
    for target in select_targets(rendered.checked.brief, None, content_dir):
        kept = None if target.stem in documents else previous.carried(target.stem)
        if kept is not None and kept.html is not None:
            documents[target.stem] = kept.record
            artifacts.add(f"{target.stem}.html", kept.html, f"document {target.stem}")
            artifacts.add(f"{target.stem}.pdf", kept.pdf, f"document {target.stem}")


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
        artifacts={name: ArtifactRecord.of(data) for name, data in artifacts.items()},
        versions=versions,
    )


class Stopwatch:
    """Time the stages of a build, for `--verbose`."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        """Record the time since the previous lap under `stage`."""
        now = time.perf_counter()
        self.laps[stage] = now - self._last
        self._last = now


def read_assets(templates_dir: Path) -> dict[str, bytes]:
    """Return the stylesheets and fonts the HTML links to, keyed by their path in out_dir.

    Only regular files inside templates/ are read: a symlink leading out of it is refused,
    never copied into the output.
    """
    return {
        path.relative_to(templates_dir).as_posix(): read_regular(
            path, templates_dir, MAX_INPUT_BYTES
        )
        for path in regular_files(templates_dir / ASSETS)
    }
