"""Turn a strict build into a release: a versioned folder, SHA256SUMS and a reproducible zip.

build/release/<product-id>-<version>/ holds the PDFs, the HTML with its stylesheets and fonts
alongside, the manifest and SHA256SUMS; build/release/<product-id>-<version>.zip holds the
same files with sorted entries and timestamps fixed to the build time, so rebuilding a
release from the same inputs gives the same bytes. A release never overwrites another. A
series releases each brief so, then its own pages (`release_series`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from briefwright.errors import BriefError, Diagnostic, Location
from briefwright.load.content import series_address, with_address
from briefwright.output.archive import checksums, make_zip
from briefwright.output.write import Output
from briefwright.pipeline.build import produce
from briefwright.pipeline.checked import check_series, load_and_check_brief
from briefwright.pipeline.clock import series_time
from briefwright.pipeline.incremental import RELEASES, take_snapshot
from briefwright.pipeline.outcome import RunOptions
from briefwright.pipeline.series import released_versions, series_pages
from briefwright.render.series import SeriesEntry, brief_summary
from briefwright.settings import PdfSettings, Project


@dataclass(frozen=True)
class Released:
    """Where a release was written, and the build time it carries."""

    folder: Path
    archive: Path
    files: int
    built: datetime
    notices: tuple[Diagnostic, ...] = ()
    """What the release warns of: review items released open (`--allow-open-review`)."""


def release_brief(project: Project, out_dir: Path, pdf: PdfSettings, run: RunOptions) -> Released:
    """Build strictly (warnings fail) and write the release folder and zip into out_dir.

    Everything is typeset afresh (`run.force`): a release never reuses a previous build's
    PDFs.
    """
    checked = load_and_check_brief(project, strict=True)
    meta = checked.brief.metadata
    name = f"{meta.product_id}-{meta.version}"
    releases = out_dir / RELEASES
    if (releases / name).exists() or (releases / f"{name}.zip").exists():
        message = (
            f"release {name} already exists in {releases}; raise `version` in brief.yaml "
            "or remove the old release"
        )
        raise BriefError.of("BW009", message, Location(str(project.brief_root / "brief.yaml")))
    if project.brief and meta.url == series_address(project.content, project.brief):
        # A series' release writes the brief to its release folder: its default address is
        # there, as the release's feed links it, not the live build's folder.
        at = series_address(project.content, name)
        checked = replace(checked, brief=with_address(checked.brief, at))
    produced = produce(project, pdf, run, take_snapshot(project), checked=checked)
    assert produced.built_at is not None, "a release builds its brief"
    if over_budget := [d for length in produced.lengths for d in length.diagnostics]:
        raise BriefError(over_budget)  # strict: the page budget's warning (BW191) fails it
    files = dict(produced.artifacts)
    files["SHA256SUMS"] = checksums(files)
    archive = make_zip(name, files, produced.built_at)
    written = {f"{name}/{path}": data for path, data in files.items()}
    with Output(releases) as output:
        output.write(written | {f"{name}.zip": archive})
    return Released(releases / name, releases / f"{name}.zip", len(files), produced.built_at)


def release_series(
    project: Project, out_dir: Path, pdf: PdfSettings, run: RunOptions
) -> list[Released]:
    """Release every brief of a series, each as one brief is released (its folder and zip),
    then the series: its index, feed and assets with SHA256SUMS, in a folder and a zip of
    their own. Every brief is checked strictly first: a series is released whole or not."""
    checked = check_series(project, strict=True)
    released = [release_brief(replace(project, brief=brief_id), out_dir, pdf, run)
                for brief_id in checked.briefs]  # fmt: skip
    entries = [SeriesEntry(i, brief_summary(c.brief)) for i, c in checked.briefs.items()]
    folders = {
        brief_id: r.folder.name for brief_id, r in zip(checked.briefs, released, strict=True)
    }
    built = series_time(r.built for r in released)
    name = f"series-{built.date().isoformat()}"
    versions = released_versions(out_dir, entries, "../")  # each a sibling of this folder
    files = series_pages(project, entries, built, folders, versions)
    files |= {f"../{r.archive.name}": r.archive.read_bytes() for r in released}
    sums = checksums(files)
    files = {path: data for path, data in files.items() if not path.startswith("../")}
    files["SHA256SUMS"] = sums
    archive = make_zip(name, files, built)
    releases = out_dir / RELEASES
    with Output(releases) as output:
        output.write({f"{name}/{p}": d for p, d in files.items()} | {f"{name}.zip": archive})
    return [*released, Released(releases / name, releases / f"{name}.zip", len(files), built)]
