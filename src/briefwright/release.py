"""Turn a strict build into a release: a versioned folder, SHA256SUMS and a reproducible zip.

build/release/<product-id>-<version>/ holds the PDFs, the HTML with its stylesheets and fonts
alongside, the manifest and SHA256SUMS; build/release/<product-id>-<version>.zip holds the
same files with sorted entries and timestamps fixed to the build time, so rebuilding a
release from the same inputs gives the same bytes. A release never overwrites another.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from briefwright.build import Options, load_and_check, produce
from briefwright.errors import BriefError, Diagnostic, Location
from briefwright.incremental import fingerprint_inputs, sha256
from briefwright.isolate import warm_up
from briefwright.write import write_artifacts

RELEASES = "release"
_ZIP_EPOCH = datetime(1980, 1, 1)  # the earliest time a zip entry can carry


@dataclass(frozen=True)
class Released:
    """Where a release was written."""

    folder: Path
    archive: Path
    files: int


def release(
    content_dir: Path, templates_dir: Path, out_dir: Path, options: Options | None = None
) -> Released:
    """Build strictly (warnings fail) and write the release folder and zip into out_dir."""
    options = options or Options()
    warm_up()
    checked = load_and_check(content_dir, strict=True)
    meta = checked.brief.metadata
    name = f"{meta.product_id}-{meta.version}"
    releases = out_dir / RELEASES
    if (releases / name).exists() or (releases / f"{name}.zip").exists():
        message = (
            f"release {name} already exists in {releases}; raise `version` in brief.yaml "
            "or remove the old release"
        )
        where = Location(str(content_dir / "brief.yaml"))
        raise BriefError([Diagnostic("BW009", message, where)])
    inputs = fingerprint_inputs(content_dir, templates_dir)
    produced = produce(content_dir, templates_dir, options, inputs, checked=checked)
    files = dict(produced.artifacts)
    files["SHA256SUMS"] = checksums(files)
    archive = make_zip(name, files, produced.built_at)
    written = {f"{name}/{path}": data for path, data in files.items()}
    write_artifacts(releases, written | {f"{name}.zip": archive})
    return Released(releases / name, releases / f"{name}.zip", len(files))


def checksums(files: Mapping[str, bytes]) -> bytes:
    """Return a SHA256SUMS file (as `sha256sum -c` reads it) for files, sorted by path."""
    lines = [f"{sha256(files[path])}  {path}\n" for path in sorted(files)]
    return "".join(lines).encode("utf-8")


def make_zip(folder: str, files: Mapping[str, bytes], built: datetime) -> bytes:
    """Return a zip of files under `folder/`, byte-identical for identical inputs."""
    stamp = max(built.replace(tzinfo=None), _ZIP_EPOCH).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(files):
            entry = zipfile.ZipInfo(f"{folder}/{path}", date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3  # Unix, whatever the building machine
            entry.external_attr = 0o100644 << 16
            archive.writestr(entry, files[path], compresslevel=9)
    return buffer.getvalue()
