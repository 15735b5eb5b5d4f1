"""Turn a content folder into the brief's artifacts: load, check, render, typeset, write.

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
from typing import Any

from briefwright.check import check_brief
from briefwright.clock import build_time
from briefwright.errors import BriefError, Diagnostic, Severity
from briefwright.incremental import (
    MANIFEST,
    Previous,
    fingerprint_inputs,
    is_up_to_date,
    recorded_options,
    sha256,
    typeset_key,
)
from briefwright.isolate import Job, Limits, Progress, Settings, typeset_isolated, warm_up
from briefwright.load import load_brief
from briefwright.manifest import make_manifest, tool_versions
from briefwright.models import Brief
from briefwright.render import render_brief, render_onepager
from briefwright.targets import Target, select_targets
from briefwright.write import write_artifacts

ASSETS = "assets"


@dataclass(frozen=True)
class Checked:
    """A brief that passed its checks, with the warnings and information they raised."""

    brief: Brief
    notices: tuple[Diagnostic, ...]

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        """Return the notices that are warnings."""
        return tuple(d for d in self.notices if d.severity is Severity.WARNING)


@dataclass(frozen=True)
class Options:
    """How to build: paper, which documents, how many processes, limits, reuse."""

    paper: str = "a4"
    pdf_variant: str = "pdf/ua-1"
    only: str | None = None
    jobs: int = 1
    limits: Limits = field(default_factory=Limits)
    force: bool = False
    progress: Progress | None = None


@dataclass(frozen=True)
class Produced:
    """A build made in memory: every artifact by path, and what the reader should know."""

    checked: Checked
    built_at: datetime
    artifacts: dict[str, bytes]
    typeset: tuple[str, ...]
    reused: tuple[str, ...]
    remarks: tuple[str, ...]
    documents: dict[str, dict[str, Any]]
    seconds: dict[str, float]
    timings: dict[str, float]


@dataclass(frozen=True)
class Built:
    """What a build wrote (nothing, when the output was already up to date)."""

    out_dir: Path
    written: tuple[Path, ...]
    produced: Produced | None

    @property
    def brief(self) -> Brief:
        """Return the brief this build made (only when it made one)."""
        assert self.produced is not None, "an up-to-date build loads no content"
        return self.produced.checked.brief

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        """Return the warnings the content raised (none when nothing was rebuilt)."""
        return self.produced.checked.warnings if self.produced else ()

    @property
    def remarks(self) -> tuple[str, ...]:
        """Return remarks for the build output, e.g. a one-pager that needed a smaller size."""
        return self.produced.remarks if self.produced else ()


def load_and_check(content_dir: Path, strict: bool = False) -> Checked:
    """Load and check the content; raise every error (and, if strict, warning) at once."""
    brief = load_brief(content_dir)
    diagnostics = check_brief(brief)
    failing_severities = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    failing = [d for d in diagnostics if d.severity in failing_severities]
    if failing:
        raise BriefError(failing)
    return Checked(brief, tuple(d for d in diagnostics if d.severity is not Severity.ERROR))


def build(
    content_dir: Path, templates_dir: Path, out_dir: Path, options: Options | None = None
) -> Built:
    """Build the brief and the one-pagers (or only those options.only names) into out_dir."""
    options = options or Options()
    unforced_full = not options.force and options.only is None
    if unforced_full and is_up_to_date(content_dir, templates_dir, out_dir, recorded(options)):
        return Built(out_dir, (), None)
    warm_up()
    inputs = fingerprint_inputs(content_dir, templates_dir)
    previous = None if options.force else Previous.read(out_dir)
    produced = produce(content_dir, templates_dir, options, inputs, previous)
    started = time.perf_counter()
    written = tuple(write_artifacts(out_dir, produced.artifacts))
    produced.timings["write"] = time.perf_counter() - started
    return Built(out_dir, written, produced)


def produce(
    content_dir: Path,
    templates_dir: Path,
    options: Options,
    inputs: dict[str, str],
    previous: Previous | None = None,
    checked: Checked | None = None,
) -> Produced:
    """Make every artifact and the manifest in memory, reusing unchanged PDFs of `previous`."""
    laps = Stopwatch()
    checked = checked or load_and_check(content_dir)
    brief = checked.brief
    laps.lap("load and check")
    built_at = build_time(brief.metadata.as_of, (content_dir, templates_dir))
    targets = select_targets(brief, options.only, content_dir)
    pages = {t.stem: render_target(brief, t, templates_dir, built_at) for t in targets}
    laps.lap("render HTML")
    assets = read_assets(templates_dir)
    settings = Settings(templates_dir, options.paper, options.pdf_variant)
    keys = {stem: typeset_key(html, settings, assets) for stem, html in pages.items()}
    kept = {s: r for s in pages if previous and (r := previous.reusable_pdf(s, keys[s]))}
    work = [make_job(t, pages[t.stem]) for t in targets if t.stem not in kept]
    # Done while the fork server may still be importing WeasyPrint: it reads the fonts.
    versions = tool_versions(assets)
    fresh = typeset_isolated(work, settings, options.jobs, options.limits, options.progress)
    laps.lap("typeset PDFs")

    documents: dict[str, dict[str, Any]] = {}
    artifacts: dict[str, bytes] = {}
    for stem, html in pages.items():
        pdf, entry = (kept[stem][0], dict(kept[stem][1])) if stem in kept else _fresh(fresh[stem])
        entry |= {"html_sha256": sha256(html.encode()), "pdf_sha256": sha256(pdf)}
        documents[stem] = entry | {"typeset_key": keys[stem]}
        artifacts |= {f"{stem}.html": html.encode("utf-8"), f"{stem}.pdf": pdf}
    _carry_over(previous, brief, content_dir, documents, artifacts)
    artifacts |= assets
    artifacts[MANIFEST] = make_manifest(
        brief, built_at, recorded(options), inputs, documents, artifacts, versions
    )
    laps.lap("manifest")
    remarks = tuple(r for entry in documents.values() if (r := entry.get("remark")))
    seconds = {stem: result.seconds for stem, result in fresh.items()}
    return Produced(
        checked, built_at, artifacts, tuple(fresh), tuple(kept), remarks,
        documents, seconds, laps.laps,
    )  # fmt: skip


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


def _fresh(result: Any) -> tuple[bytes, dict[str, Any]]:
    return result.pdf, {"pages": result.pages, "remark": result.remark}


def _carry_over(
    previous: Previous | None,
    brief: Brief,
    content_dir: Path,
    documents: dict[str, dict[str, Any]],
    artifacts: dict[str, bytes],
) -> None:
    """Keep, in the manifest and the output, documents a partial (--only) build did not make."""
    if previous is None:
        return
    for target in select_targets(brief, None, content_dir):
        entry = previous.manifest.get("documents", {}).get(target.stem)
        if target.stem in documents or not isinstance(entry, dict):
            continue
        try:
            html = (previous.out_dir / f"{target.stem}.html").read_bytes()
            pdf = (previous.out_dir / f"{target.stem}.pdf").read_bytes()
        except OSError:
            continue
        if sha256(pdf) == entry.get("pdf_sha256") and sha256(html) == entry.get("html_sha256"):
            documents[target.stem] = entry
            artifacts |= {f"{target.stem}.html": html, f"{target.stem}.pdf": pdf}


def recorded(options: Options) -> dict[str, Any]:
    """Return the options that change the output, as the manifest records them."""
    return recorded_options(options.paper, options.pdf_variant)


def make_job(target: Target, html: str) -> Job:
    """Describe one target's typesetting for a worker process."""
    topic = target.topic
    if topic is None:
        return Job(target.stem, html)
    where = topic.onepager.where("key_points") or topic.where()
    return Job(target.stem, html, topic.id, where)


def render_target(brief: Brief, target: Target, templates_dir: Path, built: datetime) -> str:
    """Render one target's HTML."""
    if target.topic is None:
        return render_brief(brief, templates_dir, built)
    return render_onepager(brief, target.topic, templates_dir, built)


def read_assets(templates_dir: Path) -> dict[str, bytes]:
    """Return the stylesheets and fonts the HTML links to, keyed by their path in out_dir."""
    root = templates_dir / ASSETS
    return {
        str(path.relative_to(templates_dir)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }
