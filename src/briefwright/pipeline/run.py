"""Turn a command's project and options into a run of the pipeline: build, check or release
one brief, or a series of briefs.

The one module that asks whether a project is a series: pipeline/build.py builds a brief,
pipeline/series.py a series (on top of it), and each knows nothing of the choice. It is also
where a run starts what it needs besides the content, once, and only when there is work to
do: the output folder checked writable, the process's scratch folder, the fork server.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from briefwright.errors import BriefError, Diagnostic, Location
from briefwright.output.write import check_writable
from briefwright.pipeline.build import build_brief
from briefwright.pipeline.checked import ProjectChecked, check_series, load_and_check_brief
from briefwright.pipeline.incremental import RELEASES, Previous, Snapshot, take_snapshot
from briefwright.pipeline.outcome import Built, RunOptions, UpToDate
from briefwright.pipeline.scratch import enter_scratch
from briefwright.pipeline.shards import for_shard
from briefwright.settings import BRIEFS, PdfSettings, Project
from briefwright.typeset.pool import warm_up

if TYPE_CHECKING:
    from briefwright.pipeline.release import Released

# A series, a release and a review file are imported where a run meets them: a brief's
# build hands out its first document that much sooner (the series' and the release's
# modules bring the Word and web editions' with them, ~0.1 s).


def build_project(
    project: Project,
    out_dir: Path,
    pdf: PdfSettings | None = None,
    run: RunOptions | None = None,
    snapshot: Snapshot | None = None,
) -> UpToDate | Built:
    """Build the project into out_dir: its brief and one-pagers, or (a series) each brief in
    its folder and the series pages. UpToDate, before any content is parsed, when out_dir
    already holds this whole build."""
    pdf, run = pdf or PdfSettings(), for_shard(run or RunOptions())
    series = is_series(project)
    refuse_briefs_of_one(project, run.briefs, series)
    snapshot = snapshot or take_snapshot(project)
    whole = not run.briefs if series else run.only is None
    previous = _previous(out_dir, run, whole)
    if whole and previous is not None and previous.is_current(snapshot, pdf):
        return UpToDate(out_dir)
    scratch = start(out_dir)
    if series:
        from briefwright.pipeline.series import build_series

        return build_series(project, out_dir, pdf, run, snapshot, scratch)
    return build_brief(project, out_dir, pdf, run, snapshot, previous)


def _previous(out_dir: Path, run: RunOptions, whole: bool) -> Previous | None:
    """Return the previous build this one may draw on: none with --force, except for a
    partial build (--only), which carries what it does not make from it (reusing nothing),
    so that its manifest still records the whole folder and a later build can retire what
    it no longer makes."""
    if run.force and whole:
        return None
    return Previous.read(out_dir, forced=run.force)


def check_project(
    project: Project,
    briefs: tuple[str, ...] = (),
    strict: bool = False,
    out_dir: Path | None = None,
) -> ProjectChecked:
    """Load and check the project's brief, or (a series) its briefs (all, or those `briefs`
    names) and their library of sources; `out_dir` holds a series' last build. Raise every
    error (and, if strict, warning) at once."""
    if is_series(project):
        checked = check_series(project, briefs, strict, out_dir)
    else:
        refuse_briefs_of_one(project, briefs, series=False)
        checked = ProjectChecked({"": load_and_check_brief(project, strict)})
    from briefwright.review.status import open_review_items

    reviewed = tuple(checked.briefs) if is_series(project) else None
    return replace(checked, review=tuple(open_review_items(project.content, briefs=reviewed)))


def release_project(
    project: Project,
    out_dir: Path,
    pdf: PdfSettings | None = None,
    run: RunOptions | None = None,
) -> list[Released]:
    """Release the project strictly into out_dir/release/: its brief, or (a series) every
    brief and then the series pages. Everything is typeset afresh. Refused while the
    project's review file holds an open item (BW506), unless `run.allow_open_review`: then
    the first release carries each as a warning (BW507)."""
    from briefwright.pipeline.release import release_brief, release_series

    pdf, run = pdf or PdfSettings(), replace(run or RunOptions(), only=None, force=True)
    still_open = refuse_open_review(project, run.allow_open_review)
    start(out_dir / RELEASES)
    if is_series(project):
        released = release_series(project, out_dir, pdf, run)
    else:
        released = [release_brief(project, out_dir, pdf, run)]
    return [replace(released[0], notices=still_open), *released[1:]]


def refuse_open_review(project: Project, allow: bool) -> tuple[Diagnostic, ...]:
    """Return the review file's open items as warnings when `allow`; raise them (BW506)
    when not."""
    from briefwright.review.status import ALLOWED, RELEASE, open_review_items

    briefs = project.series() if is_series(project) else None
    still_open = open_review_items(project.content, ALLOWED if allow else RELEASE, briefs)
    if still_open and not allow:
        raise BriefError(still_open)
    return tuple(still_open)


def refuse_briefs_of_one(project: Project, briefs: tuple[str, ...], series: bool) -> None:
    """Refuse `--brief` in a project of one brief (BW005, a usage error): it names a brief
    of a series, and this project has none to choose from."""
    if briefs and not series:
        message = (
            f"{briefs[0]!r} names no brief: this project is one brief, not a series of "
            f"{BRIEFS}/<id>/ folders; leave out --brief"
        )
        raise BriefError.of("BW005", message, Location(str(project.content)))


def is_series(project: Project) -> bool:
    """Return True when the project value stands for a whole series, not one brief of it."""
    return project.is_series and project.brief is None


def start(out_dir: Path) -> Path:
    """Refuse an output folder that cannot be written (BW006) before any work; enter the
    process's scratch folder (its path returned) and start the fork server. Each is done
    once a process: the console entry point may have started the last two already."""
    check_writable(out_dir)
    scratch = enter_scratch()
    warm_up()
    return scratch
