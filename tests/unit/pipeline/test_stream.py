"""Tests for briefwright.pipeline.stream: briefs rendered a few at a time, each given back
once its documents are typeset and its editions made."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, cast

import pytest

from briefwright.errors import BriefError, Diagnostic, Location
from briefwright.pipeline.editions import Editions
from briefwright.pipeline.prepare import Prepared
from briefwright.pipeline.stream import stream
from briefwright.settings import Limits, PdfSettings
from briefwright.typeset.pool import Pool
from briefwright.typeset.worker import Job
from tests.conftest import LAYERS

PAGE = '<html lang="en"><head><title>t</title></head><body><p>{}</p></body></html>'


@dataclass
class _Brief:
    """What the stream needs of a prepared brief: its folder and its jobs."""

    prefix: str
    jobs: list[Job] = field(default_factory=list)


class _Series:
    """Fake rendering that counts the briefs in flight (rendered, not yet given back)."""

    def __init__(self, count: int) -> None:
        self.ids = [f"b{n}" for n in range(count)]
        self.lock = threading.Lock()
        self.in_flight = 0
        self.most = 0

    def prepare(self, brief_id: str) -> Prepared:
        with self.lock:
            self.in_flight += 1
            self.most = max(self.most, self.in_flight)
        jobs = [Job(f"{brief_id}/{stem}", PAGE.format(f"{brief_id} {stem}")) for stem in "xy"]
        return cast(Prepared, _Brief(f"{brief_id}/", jobs))

    def editions(self, ready: Prepared) -> Any:
        return Editions({"web": ready.prefix.encode()}, cast(Any, ready.prefix))

    def given_back(self) -> None:
        with self.lock:
            self.in_flight -= 1


def test_every_brief_comes_back_once_with_its_pdfs_and_editions_few_at_a_time() -> None:
    """Six briefs, two ahead: each comes back once, with both its PDFs and its editions,
    and never more than two are rendered and not yet given back."""
    series = _Series(6)
    seen: dict[str, list[str]] = {}
    with Pool(LAYERS, PdfSettings(), 2, Limits()) as pool:
        for done in stream(series.ids, series.prepare, series.editions,
                           lambda ready: ready.jobs, pool, ahead=2):  # fmt: skip
            seen[done.ready.prefix] = sorted(done.typeset)
            assert all(r.pdf.startswith(b"%PDF-") for r in done.typeset.values())
            assert done.editions.web == {"web": done.ready.prefix.encode()}
            series.given_back()
    assert seen == {f"b{n}/": [f"b{n}/x", f"b{n}/y"] for n in range(6)}
    assert series.most <= 2


def test_a_brief_that_fails_to_render_fails_the_build_and_stops_the_rendering() -> None:
    """An error while rendering the second brief reaches the caller as it is; the
    rendering thread stops without rendering the rest."""
    rendered: list[str] = []

    def prepare(brief_id: str) -> Prepared:
        rendered.append(brief_id)
        if brief_id == "b1":
            raise BriefError([Diagnostic("BW012", "bad", Location("b1/brief.yaml", 3, 1))])
        return cast(Prepared, _Brief(f"{brief_id}/"))

    with Pool(LAYERS, PdfSettings(), 1, Limits()) as pool, pytest.raises(BriefError) as caught:
        for _ in stream(["b0", "b1", "b2", "b3"], prepare, _Series(0).editions,
                        lambda ready: ready.jobs, pool, ahead=4):  # fmt: skip
            pass
    assert caught.value.diagnostics[0].location == Location("b1/brief.yaml", 3, 1)
    assert rendered == ["b0", "b1"]
    assert not [t for t in threading.enumerate() if t.name == "briefwright-render"]
