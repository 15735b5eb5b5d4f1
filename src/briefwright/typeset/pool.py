"""Turn typesetting jobs into results from child processes, each with a wall-clock and a
memory limit.

Pathological layout must end in a clear error, not a hung or crashed build: each worker
process has an address-space limit, and each document a deadline. Jobs may be handed in at
any time (a series submits each brief's as it is rendered); each idle worker is sent the
longest job waiting, and results come back over the same pipe. A worker holds one job at a
time, so the build decides the order and a worker never waits on jobs given to another.

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
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from types import TracebackType
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
    results: dict[str, Typeset] = {}
    with Pool(layers, pdf, workers, limits, progress, made) as pool:
        pool.submit(jobs)
        while pool.busy:
            results.update(pool.collect())
    return results


@dataclass
class _Worker:
    process: Any
    deadline: float
    document: str
    job: str | None = None
    """The stem of the job it is on; None while it waits for one."""


class Pool:
    """Up to `workers` typesetting processes, started as jobs come and stopped on leaving.

    Every exit kills what is left: a worker killed for time or memory, or because a
    sibling failed, runs no clean-up of its own, so the workers' temporary files (WeasyPrint's
    font folders, our font configuration) go in one folder that goes with the pool.
    """

    def __init__(
        self,
        layers: tuple[Path, ...],
        pdf: PdfSettings,
        workers: int,
        limits: Limits,
        progress: Progress | None = None,
        made: Mapping[str, bytes] | None = None,
    ) -> None:
        self._layers, self._pdf, self._limits = layers, pdf, limits
        self._size = max(1, workers)
        self._progress: Progress = progress or (lambda event, stem: None)
        self._made = dict(made or {})
        self._waiting: list[Job] = []
        self._workers: dict[Connection, _Worker] = {}
        self._scratch: str | None = None

    def __enter__(self) -> Pool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._stop(kill=kind is not None)

    @property
    def busy(self) -> bool:
        """Return True while a job waits or a worker is on one."""
        return bool(self._waiting) or any(w.job is not None for w in self._workers.values())

    @property
    def working(self) -> int:
        """Return how many workers are on a job."""
        return sum(w.job is not None for w in self._workers.values())

    @property
    def started(self) -> int:
        """Return how many workers the pool has started."""
        return len(self._workers)

    @property
    def waiting(self) -> int:
        """Return how many jobs wait for a worker."""
        return len(self._waiting)

    def submit(self, jobs: Iterable[Job]) -> None:
        """Queue jobs, longest first among all waiting (ties in the order given), and hand
        them to idle workers, starting workers up to the pool's size."""
        self._waiting.extend(jobs)
        self._waiting.sort(key=lambda job: len(job.html), reverse=True)
        self._hand_out()

    def collect(self, timeout: float | None = None) -> list[tuple[str, Typeset]]:
        """Wait until a result comes back (or `timeout` seconds pass) and return the results
        that came, handing out waiting jobs; raise BriefError when a document fails,
        outlives its deadline or kills its worker."""
        busy = {c: w for c, w in self._workers.items() if w.job is not None}
        if not busy:
            return []
        # A result that came in time but waited to be read (the build was rendering the
        # next edition) is not late: only a worker still on its job can be.
        done = set(wait(list(busy), timeout=0))
        now = time.monotonic()
        late = [w for c, w in busy.items() if w.deadline <= now and c not in done]
        if late:
            message = (
                f"typesetting timed out after {self._limits.timeout:g} s for "
                f"{late[0].document}; look for pathological content (a huge table, a very "
                "long unbroken word)"
            )
            raise BriefError([Diagnostic("BW303", message, Location(late[0].document))])
        until = max(min(w.deadline for w in busy.values()) - now, 0.0)
        ready = done or wait(list(busy), timeout=until if timeout is None else min(until, timeout))
        results = []
        for connection in ready:
            assert isinstance(connection, Connection)
            results.append(self._receive(connection, busy[connection]))
        self._hand_out()
        return results

    def _hand_out(self) -> None:
        idle = [(c, w) for c, w in self._workers.items() if w.job is None]
        for connection, worker in idle:
            if not self._waiting:
                return
            self._send(connection, worker, self._waiting.pop(0))
        while self._waiting and len(self._workers) < self._size:
            self._send(*self._start(), self._waiting.pop(0))

    def _start(self) -> tuple[Connection, _Worker]:
        if self._scratch is None:
            self._scratch = tempfile.mkdtemp(prefix="briefwright-typeset-")
        mine, theirs = _SERVER.Pipe(duplex=True)
        process = _SERVER.Process(
            target=work,
            args=(theirs, self._layers, self._made, self._pdf, self._limits, self._scratch),
            daemon=True,
        )
        with _interrupts_held():
            process.start()
            worker = self._workers[mine] = _Worker(process, 0.0, "")
        theirs.close()
        return mine, worker

    def _send(self, connection: Connection, worker: _Worker, job: Job) -> None:
        worker.job, worker.document = job.stem, f"{job.stem}.pdf"
        worker.deadline = time.monotonic() + self._limits.timeout
        self._progress("start", job.stem)
        try:
            connection.send(job)
        except OSError:  # it died before taking the job: say how
            worker.process.join()
            raise BriefError([_died(worker, self._limits)]) from None

    def _receive(self, connection: Connection, worker: _Worker) -> tuple[str, Typeset]:
        try:
            kind, *payload = connection.recv()
        except (EOFError, OSError):  # it died (a socket reports a reset, a pipe its end)
            worker.process.join()
            raise BriefError([_died(worker, self._limits)]) from None
        if kind == "failed":
            raise BriefError(payload[0])
        stem, result = payload
        worker.job = None
        self._progress("done", stem)
        return stem, result

    def _stop(self, kill: bool) -> None:
        """Tell idle workers to end (or kill every worker, after a failure), wait for them,
        and remove their folder."""
        try:
            for connection, worker in self._workers.items():
                if kill or worker.job is not None:
                    worker.process.kill()
                else:
                    with contextlib.suppress(OSError):
                        connection.send(None)
            for connection, worker in self._workers.items():
                worker.process.join(timeout=None if kill else 10)
                if worker.process.is_alive():
                    worker.process.kill()
                    worker.process.join()
                connection.close()
        finally:
            self._workers.clear()
            if self._scratch is not None:
                shutil.rmtree(self._scratch, ignore_errors=True)


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


def _died(worker: _Worker, limits: Limits) -> Diagnostic:
    code = worker.process.exitcode
    how = f"signal {-code}" if code and code < 0 else f"exit code {code}"
    message = (
        f"typesetting ran out of memory or crashed ({how}) for {worker.document}; the "
        f"limit is {limits.memory_mib} MiB per process (--max-memory)"
    )
    return Diagnostic("BW304", message, Location(worker.document))
