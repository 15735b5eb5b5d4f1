"""Run typesetting jobs in child processes with a wall-clock and a memory limit.

Pathological layout must end in a clear error, not a hung or crashed build: each worker
process has an address-space limit, and each document a deadline. Jobs are spread over
`workers` processes, longest first; results come back over pipes.

Workers are forked from a fork server, not from the build process: the server is a fresh
interpreter that imports WeasyPrint once (`warm_up`, called by the console entry point
before it even loads the CLI, and again by `build` and `release` for library callers, so the
~0.6 s import overlaps loading the CLI and the content), and a worker forked from it carries
neither the build's parsed content (~90 MiB of a worker's peak memory when forked from the
build) nor the threads of `briefwright serve`.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import resource
import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from briefwright.errors import BriefError, Diagnostic, Location

_SERVER = multiprocessing.get_context("forkserver")
_SERVER.set_forkserver_preload(["briefwright.typeset_all"])

DEFAULT_TIMEOUT = 120.0
DEFAULT_MEMORY_MIB = 3072
MIN_TIMEOUT = 0.1
MIN_MEMORY_MIB = 64


@dataclass(frozen=True)
class Job:
    """One document to typeset: its HTML, and for a one-pager what to name in a fit error."""

    stem: str
    html: str
    fit_topic: str | None = None
    fit_where: Location | None = None


@dataclass(frozen=True)
class Limits:
    """How long one document may take, and how much memory a worker may map."""

    timeout: float = DEFAULT_TIMEOUT
    memory_mib: int = DEFAULT_MEMORY_MIB
    niceness: int = 0


@dataclass(frozen=True)
class Settings:
    """What every job of one build shares: where templates are, paper and PDF variant."""

    templates_dir: Path
    paper: str
    variant: str


@dataclass(frozen=True)
class Typeset:
    """A job's PDF, its page count, and a remark for the build output (a fitted one-pager)."""

    pdf: bytes
    pages: int
    remark: str | None
    seconds: float


Progress = Callable[[str, str], None]
"""Called with ("start" | "done", document stem) as workers report."""


def warm_up() -> None:
    """Start the fork server, which imports WeasyPrint in the background; returns at once."""
    from multiprocessing import forkserver

    forkserver.ensure_running()


def typeset_isolated(
    jobs: list[Job],
    settings: Settings,
    workers: int,
    limits: Limits,
    progress: Progress | None = None,
) -> dict[str, Typeset]:
    """Typeset every job in up to `workers` child processes; raise BriefError on any failure."""
    if not jobs:
        return {}
    context = _SERVER
    running: dict[Connection, _Worker] = {}
    try:
        for group in _spread(jobs, workers):
            receive, send = context.Pipe(duplex=False)
            process = context.Process(
                target=_work, args=(group, settings, limits, send), daemon=True
            )
            process.start()
            send.close()
            deadline = time.monotonic() + limits.timeout
            running[receive] = _Worker(process, deadline, f"{group[0].stem}.pdf")
        return dict(_collect(running, limits, progress or (lambda event, stem: None)))
    finally:
        for worker in running.values():
            if worker.process.is_alive():
                worker.process.kill()
            worker.process.join()


@dataclass
class _Worker:
    process: Any
    deadline: float
    document: str
    finished: bool = False


def _spread(jobs: list[Job], workers: int) -> list[list[Job]]:
    """Split jobs into at most `workers` groups of similar total size, longest first."""
    groups: list[list[Job]] = [[] for _ in range(max(1, min(workers, len(jobs))))]
    sizes = [0] * len(groups)
    for job in sorted(jobs, key=lambda job: len(job.html), reverse=True):
        smallest = sizes.index(min(sizes))
        groups[smallest].append(job)
        sizes[smallest] += len(job.html)
    return [group for group in groups if group]


def _collect(
    running: dict[Connection, _Worker], limits: Limits, progress: Progress
) -> Iterator[tuple[str, Typeset]]:
    pending = dict(running)
    while pending:
        now = time.monotonic()
        late = [w for w in pending.values() if w.deadline <= now]
        if late:
            message = (
                f"typesetting timed out after {limits.timeout:g} s for {late[0].document}; "
                "look for pathological content (a huge table, a very long unbroken word)"
            )
            raise BriefError([Diagnostic("BW303", message, Location(late[0].document))])
        ready = wait(list(pending), timeout=min(w.deadline for w in pending.values()) - now)
        for connection in ready:
            assert isinstance(connection, Connection)
            worker = pending[connection]
            yield from _receive(connection, worker, limits, progress)
            if worker.finished:
                del pending[connection]


def _receive(
    connection: Any, worker: _Worker, limits: Limits, progress: Progress
) -> Iterator[tuple[str, Typeset]]:
    try:
        kind, *payload = connection.recv()
    except EOFError:
        worker.process.join()
        raise BriefError([_died(worker, limits)]) from None
    if kind == "start":
        worker.document, worker.deadline = payload[0], time.monotonic() + limits.timeout
        progress("start", payload[0].removesuffix(".pdf"))
    elif kind == "done":
        progress("done", payload[0])
        yield payload[0], Typeset(*payload[1:])
    elif kind == "failed":
        raise BriefError(payload[0])
    elif kind == "exit":
        worker.finished = True


def _died(worker: _Worker, limits: Limits) -> Diagnostic:
    code = worker.process.exitcode
    how = f"signal {-code}" if code and code < 0 else f"exit code {code}"
    message = (
        f"typesetting ran out of memory or crashed ({how}) for {worker.document}; the "
        f"limit is {limits.memory_mib} MiB per process (--max-memory)"
    )
    return Diagnostic("BW304", message, Location(worker.document))


def _work(jobs: list[Job], settings: Settings, limits: Limits, send: Connection) -> None:
    """Child process: typeset each job in turn and report over the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what an interrupt does
    gc.freeze()  # what the fork server imported lives on: the collector need not scan it
    limit = limits.memory_mib * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    if limits.niceness:
        os.nice(limits.niceness)
    try:
        from briefwright.typeset import bundled_fonts
        from briefwright.typeset_all import typeset_job

        with bundled_fonts(settings.templates_dir) as fonts:
            for job in jobs:
                send.send(("start", f"{job.stem}.pdf"))
                started = time.perf_counter()
                pdf, pages, remark = typeset_job(
                    job, settings.templates_dir, settings.paper, settings.variant, fonts
                )
                seconds = time.perf_counter() - started
                send.send(("done", job.stem, pdf, pages, remark, seconds))
    except BriefError as error:
        send.send(("failed", list(error.diagnostics)))
    except MemoryError:
        send.close()
        raise SystemExit(3) from None
    send.send(("exit",))
    send.close()
