"""Turn a list of typesetting jobs into results from child processes, each with a wall-clock
and a memory limit.

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

import contextlib
import multiprocessing
import os
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from briefwright.errors import BriefError, Diagnostic, Location
from briefwright.settings import Limits, PdfSettings
from briefwright.typeset.worker import Job, Typeset, work

_SERVER = multiprocessing.get_context("forkserver")
_SERVER.set_forkserver_preload(
    ["briefwright.typeset.server", "briefwright.typeset.engine", "briefwright.typeset.worker"]
)

Progress = Callable[[str, str], None]
"""Called with ("start" | "done", document stem) as workers report."""


def warm_up() -> None:
    """Start the fork server, which imports WeasyPrint in the background; returns at once."""
    from multiprocessing import forkserver

    forkserver.ensure_running()


def stop_fork_server() -> None:
    """Stop the fork server (its workers follow it), and wait until it has gone.

    At exit, before the scratch folder is removed: a server still importing WeasyPrint
    writes into TMPDIR (tempfile probes it), so removing the folder under it would race.
    multiprocessing keeps the server's pid in its module-level instance.
    """
    from multiprocessing import forkserver

    pid = getattr(getattr(forkserver, "_forkserver", None), "_forkserver_pid", None)
    if pid is None:
        return
    with contextlib.suppress(ProcessLookupError, ChildProcessError):
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)


def typeset_all(
    jobs: list[Job],
    layers: tuple[Path, ...],
    pdf: PdfSettings,
    workers: int,
    limits: Limits,
    progress: Progress | None = None,
    made: Mapping[str, bytes] | None = None,
) -> dict[str, Typeset]:
    """Typeset every job in up to `workers` child processes; raise BriefError on any failure."""
    if not jobs:
        return {}
    context = _SERVER
    running: dict[Connection, _Worker] = {}
    # The workers' temporary files (WeasyPrint's font folders, our font configuration) go
    # here, and the folder goes when they do, however they end: a worker killed for time or
    # memory, or because a sibling failed, runs no clean-up of its own.
    scratch = tempfile.mkdtemp(prefix="briefwright-typeset-")
    try:
        for group in _spread(jobs, workers):
            receive, send = context.Pipe(duplex=False)
            process = context.Process(
                target=work,
                args=(group, layers, dict(made or {}), pdf, limits, send, scratch),
                daemon=True,
            )
            with _interrupts_held():
                process.start()
                deadline = time.monotonic() + limits.timeout
                running[receive] = _Worker(process, deadline, f"{group[0].stem}.pdf")
            send.close()
        return dict(_collect(running, limits, progress or (lambda event, stem: None)))
    finally:
        for connection, worker in running.items():
            if worker.process.is_alive():
                worker.process.kill()
            worker.process.join()
            connection.close()
        shutil.rmtree(scratch, ignore_errors=True)


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM while a worker starts and is recorded, then act on them.

    An interrupt in between left a worker nobody killed: it went on typesetting into the
    folder the clean-up was removing, and fontconfig printed "Cannot load default config
    file" under the one-line message (seen at 1.5 s on a loaded machine, when starting a
    worker waits for the fork server to finish importing WeasyPrint). Python runs signal
    handlers in the main thread whichever thread the signal reaches, so the handlers are
    swapped for ones that only note the signal; off the main thread (serve's builds) the
    handlers cannot be swapped, and those builds stop by their own means.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    noted: list[int] = []
    held = (signal.SIGINT, signal.SIGTERM)
    previous = {signum: signal.signal(signum, lambda n, _: noted.append(n)) for signum in held}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)
        if noted:
            signal.raise_signal(noted[0])


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
        yield payload[0], payload[1]
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
