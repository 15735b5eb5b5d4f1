"""Turn a content folder into the brief's artifacts: load, check, render, typeset, write.

Everything is read and made in memory first; only the last step writes, so a build that
fails at any stage leaves the previous output untouched.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from briefwright.check import check_brief
from briefwright.clock import build_time
from briefwright.errors import BriefError, Diagnostic, Severity
from briefwright.isolate import Job, Limits, typeset_isolated
from briefwright.load import load_brief
from briefwright.manifest import make_manifest
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
class Built:
    """What a build wrote, and what the reader should know about it."""

    checked: Checked
    out_dir: Path
    written: tuple[Path, ...]
    remarks: tuple[str, ...] = ()


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
    content_dir: Path,
    templates_dir: Path,
    out_dir: Path,
    paper: str = "a4",
    only: str | None = None,
    jobs: int = 1,
    limits: Limits | None = None,
) -> Built:
    """Build the brief and the one-pagers (or only those `only` names) into out_dir."""
    checked = load_and_check(content_dir)
    targets = select_targets(checked.brief, only, content_dir)
    built_at = build_time(checked.brief.metadata.as_of)
    pages = {t.stem: render_target(checked.brief, t, templates_dir, built_at) for t in targets}
    work = [make_job(target, pages[target.stem]) for target in targets]
    typeset = typeset_isolated(work, templates_dir, paper, jobs, limits or Limits())
    artifacts = {f"{stem}.html": html.encode("utf-8") for stem, html in pages.items()}
    artifacts |= {f"{job.stem}.pdf": typeset[job.stem].pdf for job in work}
    remarks = tuple(r for job in work if (r := typeset[job.stem].remark))
    artifacts |= read_assets(templates_dir)
    artifacts["manifest.json"] = make_manifest(checked.brief, built_at, artifacts)
    written = tuple(write_artifacts(out_dir, artifacts))
    return Built(checked, out_dir, written, remarks)


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
