"""Tests for briefwright.pipeline.outcome: what a run returns says what it did."""

from __future__ import annotations

from pathlib import Path

from briefwright.output.manifest import DocumentRecord
from briefwright.output.write import Artifacts
from briefwright.pipeline.outcome import Built, Produced, UpToDate


def _produced(remark: str | None = None) -> Produced:
    record = DocumentRecord(1, remark, "h", "p", "k")
    return Produced(None, None, Artifacts(), {"brief": record}, ("brief",), (), (),
                    {"brief": 1.0}, {"load and check": 0.5})  # fmt: skip


def test_a_build_times_its_stages_and_then_the_write() -> None:
    """A build's timings are its stages' and, last, the write's: none is added to the
    produced build after it was made."""
    produced = _produced()
    built = Built(Path("out"), (), produced, write_seconds=0.25)
    assert list(built.timings.items()) == [("load and check", 0.5), ("write", 0.25)]
    assert produced.timings == {"load and check": 0.5}


def test_remarks_come_from_the_documents() -> None:
    """A document's remark (a one-pager set smaller) is the build's to report."""
    assert _produced("fits at 10pt").remarks == ("fits at 10pt",)
    assert _produced().remarks == ()


def test_up_to_date_names_the_folder() -> None:
    """An up-to-date build says which folder holds it."""
    assert (
        UpToDate(Path("out")).notice == "out is up to date: nothing changed since the last build"
    )
