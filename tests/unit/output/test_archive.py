"""Tests for briefwright.output.archive: SHA256SUMS and a zip that is the same every time."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

from briefwright.output.archive import checksums, make_zip
from briefwright.output.manifest import sha256


def test_zip_is_reproducible() -> None:
    """The same files give the same zip bytes, whatever order they come in."""
    files = {"b.txt": b"b", "a/c.txt": b"c"}
    built = datetime(2023, 3, 20, tzinfo=UTC)
    assert make_zip("r", files, built) == make_zip("r", dict(reversed(files.items())), built)


def test_zip_entries_are_sorted_and_stamped_with_the_build_time() -> None:
    """Entries sit under the folder, sorted, with the build's time and 0644 permissions."""
    data = make_zip("r", {"b.txt": b"b", "a.txt": b"a"}, datetime(2023, 3, 20, tzinfo=UTC))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = archive.infolist()
    assert [entry.filename for entry in entries] == ["r/a.txt", "r/b.txt"]
    assert {entry.date_time for entry in entries} == {(2023, 3, 20, 0, 0, 0)}
    assert {entry.external_attr >> 16 for entry in entries} == {0o100644}


def test_a_time_before_zip_could_record_is_clamped() -> None:
    """A build time before 1980 (e.g. SOURCE_DATE_EPOCH=0) becomes 1 January 1980."""
    data = make_zip("r", {"a": b""}, datetime(1970, 1, 1, tzinfo=UTC))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.infolist()[0].date_time == (1980, 1, 1, 0, 0, 0)


def test_checksums_read_as_sha256sum_writes_them() -> None:
    """SHA256SUMS lists `digest  path` lines sorted by path."""
    text = checksums({"b": b"2", "a": b"1"}).decode()
    assert text == f"{sha256(b'1')}  a\n{sha256(b'2')}  b\n"
