"""Tests for the Word writer's package: the same bytes every time, nothing from the machine."""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import os
import socket
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from briefwright.docx.package import dos_timestamp
from briefwright.docx.writer import write_docx
from tests.conftest import ROOT
from tests.unit.docx import samples
from tests.unit.docx.conftest import Package

_WRITE = (
    "import hashlib, sys\n"
    "from briefwright.docx.writer import write_docx\n"
    "from tests.unit.docx import samples\n"
    "for build in (samples.sample_brief, samples.sample_onepager):\n"
    "    sys.stdout.write(hashlib.sha256(write_docx(build())).hexdigest() + '\\n')\n"
)


def _digests(seed: str, cwd: Path, zone: str) -> str:
    """Return the samples' SHA-256s, written in a fresh interpreter with this hash seed,
    working folder and time zone."""
    environment = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT), "TZ": zone}
    result = subprocess.run(
        [sys.executable, "-c", _WRITE],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_output_is_identical_across_hash_seeds_folders_and_zones(
    tmp_path: Path, brief: Package
) -> None:
    """Two fresh processes (other seed, folder, zone) write byte-identical packages."""
    first = _digests("1", tmp_path, "Pacific/Auckland")
    second = _digests("4242", ROOT, "UTC")
    assert first == second
    assert first.splitlines()[0] == hashlib.sha256(brief.data).hexdigest()


def test_writing_twice_in_one_process_gives_the_same_bytes(brief: Package) -> None:
    """A second write (warm caches) gives the bytes of the first."""
    assert write_docx(samples.sample_brief()) == brief.data


def test_zip_entries_are_ordered_and_stamped_with_the_build_clock(brief: Package) -> None:
    """Entries come in a fixed order, all with the build's time, made on "MS-DOS"."""
    assert brief.names[:4] == [
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "docProps/app.xml",
    ]
    assert {info.date_time for info in brief.zip.infolist()} == {(2023, 3, 20, 0, 0, 0)}
    assert {info.create_system for info in brief.zip.infolist()} == {0}
    assert {info.extra for info in brief.zip.infolist()} == {b""}
    assert brief.zip.testzip() is None


def test_a_date_zip_cannot_hold_is_refused() -> None:
    """Zip timestamps start in 1980: an earlier build clock is an error, not a wrong date."""
    with pytest.raises(ValueError, match="1980"):
        dos_timestamp(datetime(1979, 12, 31))


def _machine_strings() -> list[str]:
    """Return strings that would betray the build machine if a package held them."""
    strings = [
        str(ROOT),
        os.getcwd(),
        str(Path.home()),
        "/tmp/",  # looked for, not used
        "/home/",
        "/root",
        "/work/",
        "/usr/",
        "C:\\",
        "file:",
        sys.executable,
        socket.gethostname(),
    ]
    with contextlib.suppress(OSError, KeyError):
        strings.append(getpass.getuser())
    return [s for s in strings if len(s) > 2]


@pytest.mark.parametrize("fixture", ["brief", "onepager"])
def test_no_local_path_or_environment_value_in_any_part(
    fixture: str, request: pytest.FixtureRequest
) -> None:
    """No part holds a path, user name, host name or interpreter of the build machine."""
    package: Package = request.getfixturevalue(fixture)
    suspects = _machine_strings()
    for name in package.xml_parts():
        text = package.text(name)
        for suspect in suspects:
            assert suspect not in text, (name, suspect)
