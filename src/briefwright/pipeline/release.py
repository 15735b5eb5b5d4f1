"""Turn a strict build into a release: a versioned folder, SHA256SUMS and a reproducible zip.

build/release/<product-id>-<version>/ holds the PDFs, the HTML with its stylesheets and fonts
alongside, the manifest and SHA256SUMS; build/release/<product-id>-<version>.zip holds the
same files with sorted entries and timestamps fixed to the build time, so rebuilding a
release from the same inputs gives the same bytes. A release never overwrites another.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from briefwright.errors import BriefError, Location
from briefwright.output.archive import checksums, make_zip
from briefwright.output.write import check_writable, write_artifacts
from briefwright.pipeline.build import RunOptions, produce
from briefwright.pipeline.checked import load_and_check
from briefwright.pipeline.incremental import take_snapshot
from briefwright.pipeline.scratch import enter_scratch
from briefwright.settings import PdfSettings, Project
from briefwright.typeset.pool import warm_up

RELEASES = "release"


@dataclass(frozen=True)
class Released:
    """Where a release was written."""

    folder: Path
    archive: Path
    files: int


def release(
    project: Project, out_dir: Path, pdf: PdfSettings | None = None, run: RunOptions | None = None
) -> Released:
    """Build strictly (warnings fail) and write the release folder and zip into out_dir.

    Everything is typeset afresh (`force`): a release never reuses a previous build's PDFs.
    """
    pdf, run = pdf or PdfSettings(), replace(run or RunOptions(), only=None, force=True)
    check_writable(out_dir / RELEASES)
    enter_scratch()
    warm_up()
    checked = load_and_check(project.content, strict=True)
    meta = checked.brief.metadata
    name = f"{meta.product_id}-{meta.version}"
    releases = out_dir / RELEASES
    if (releases / name).exists() or (releases / f"{name}.zip").exists():
        message = (
            f"release {name} already exists in {releases}; raise `version` in brief.yaml "
            "or remove the old release"
        )
        raise BriefError.of("BW009", message, Location(str(project.content / "brief.yaml")))
    produced = produce(project, pdf, run, take_snapshot(project), checked=checked)
    files = dict(produced.artifacts)
    files["SHA256SUMS"] = checksums(files)
    archive = make_zip(name, files, produced.built_at)
    written = {f"{name}/{path}": data for path, data in files.items()}
    write_artifacts(releases, written | {f"{name}.zip": archive})
    return Released(releases / name, releases / f"{name}.zip", len(files))
