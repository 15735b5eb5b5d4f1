"""Tests for briefwright.typeset.pool: jobs spread over workers, deadlines, crashes named."""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import signal
import time

import pytest

from briefwright.errors import BriefError, Location
from briefwright.settings import Limits, PdfSettings
from briefwright.typeset.pool import Pool, _died, _Worker, typeset_all
from briefwright.typeset.worker import Job
from tests.conftest import LAYERS

PAGE = '<html lang="en"><head><title>t</title></head><body><p>{}</p></body></html>'


def test_idle_workers_take_the_longest_waiting_job_first() -> None:
    """One worker: the jobs start longest first, whatever order they were handed in."""
    started: list[str] = []
    jobs = [Job(stem, PAGE.format(text)) for stem, text in
            [("short", "a"), ("long", "a " * 400), ("middle", "a " * 40)]]  # fmt: skip
    results = typeset_all(
        jobs, LAYERS, PdfSettings(), 1, Limits(),
        lambda event, stem: started.append(stem) if event == "start" else None,
    )  # fmt: skip
    assert started == ["long", "middle", "short"]
    assert sorted(results) == ["long", "middle", "short"]


def test_jobs_handed_in_while_others_run_go_to_idle_workers() -> None:
    """A series hands each brief's jobs in as it is rendered: two jobs on eight workers
    start two processes, and a job handed in after results came goes to one of them."""
    with Pool(LAYERS, PdfSettings(), 8, Limits()) as pool:
        pool.submit([Job("one", PAGE.format("1")), Job("two", PAGE.format("2"))])
        results = dict(pool.collect())
        pool.submit([Job("three", PAGE.format("3"))])
        while pool.busy:
            results.update(pool.collect())
        assert pool.started == 2 and pool.waiting == 0
    assert sorted(results) == ["one", "three", "two"]
    assert all(result.pdf.startswith(b"%PDF-") for result in results.values())


def test_results_come_back_by_stem_with_progress() -> None:
    """Each job's PDF comes back under its stem; progress hears of each start and end."""
    events: list[tuple[str, str]] = []
    jobs = [Job("one", PAGE.format("first")), Job("sub/two", PAGE.format("second"))]
    results = typeset_all(
        jobs, LAYERS, PdfSettings(), 2, Limits(), lambda *event: events.append(event)
    )
    assert sorted(results) == ["one", "sub/two"]
    assert all(
        result.pdf.startswith(b"%PDF-") and result.pages == 1 for result in results.values()
    )
    assert sorted(events) == [("done", "one"), ("done", "sub/two"), ("start", "one"),
                              ("start", "sub/two")]  # fmt: skip


def test_a_document_past_its_deadline_is_named() -> None:
    """A document that outlives --timeout fails with BW303 naming that document."""
    slow = PAGE.format("<br>".join(f"line {n}" for n in range(30_000)))
    with pytest.raises(BriefError) as caught:
        typeset_all([Job("slow", slow)], LAYERS, PdfSettings(), 1, Limits(timeout=0.3))
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "BW303"
    assert diagnostic.location == Location("slow.pdf")


def test_a_result_read_after_its_deadline_came_in_time() -> None:
    """A document typeset within its deadline, whose result waited unread past it (the
    build rendering the next edition meanwhile), is collected, not reported late."""
    with Pool(LAYERS, PdfSettings(), 1, Limits(timeout=3)) as pool:
        pool.submit([Job("quick", PAGE.format("1"))])
        time.sleep(4)  # the page is typeset in well under a second; nobody collects it
        results = dict(pool.collect())
    assert list(results) == ["quick"]


def test_a_worker_out_of_memory_names_the_document_it_was_on() -> None:
    """A worker that dies over --max-memory is BW304 at the document it had started."""
    with pytest.raises(BriefError) as caught:
        typeset_all(
            [Job("deep/doc", PAGE.format("x"))], LAYERS, PdfSettings(), 1,
            Limits(memory_mib=64),
        )  # fmt: skip
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "BW304"
    assert diagnostic.location == Location("deep/doc.pdf")
    assert "limit is 64 MiB" in diagnostic.message


class _Ended:
    """A stand-in for a process that has ended, as `multiprocessing` reports it."""

    def __init__(self, exitcode: int) -> None:
        self.exitcode = exitcode


@pytest.mark.parametrize(("exitcode", "how"), [(-9, "signal 9"), (3, "exit code 3")])
def test_a_crash_says_how_the_worker_ended(exitcode: int, how: str) -> None:
    """A killed worker is reported with its signal, one that exited with its exit code."""
    worker = _Worker(_Ended(exitcode), 0.0, "brief.pdf", "brief")
    diagnostic = _died(worker, Limits())
    assert f"({how})" in diagnostic.message and diagnostic.location == Location("brief.pdf")


def test_an_interrupt_while_a_worker_starts_leaves_no_worker_behind(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """SIGINT that comes while a worker is starting takes effect once the worker is
    recorded, so the clean-up kills it with the others: none goes on typesetting."""
    started: list[multiprocessing.process.BaseProcess] = []
    real_start = multiprocessing.context.ForkServerProcess.start

    def start_then_interrupt(process: multiprocessing.context.ForkServerProcess) -> None:
        real_start(process)
        started.append(process)
        signal.raise_signal(signal.SIGINT)

    monkeypatch.setattr(multiprocessing.context.ForkServerProcess, "start", start_then_interrupt)
    jobs = [Job("one", PAGE.format("first")), Job("two", PAGE.format("second"))]
    # Python's own handler: the CLI's (installed when a test imports it) raises another type.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            typeset_all(jobs, LAYERS, PdfSettings(), 2, Limits())
    finally:
        signal.signal(signal.SIGINT, previous)
    assert len(started) == 1 and not started[0].is_alive()
