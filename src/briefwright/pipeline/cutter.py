"""Cut the HTML edition's web fonts in a process of their own, beside the typesetting workers
and the Word edition's thread.

Cutting a face to WOFF2 is HarfBuzz, fontTools' glyf transform and Brotli, and each holds
the GIL: in the build's editions thread the cuts ran after the Word edition, on one core,
long after two workers had finished typesetting on two (the flagship: 2.0 s of editions,
1.2 s of it web fonts, after 2.3 s of typesetting). A child of the fork server, which has
WeasyPrint and so fontTools imported, takes them to another core. It is niced, as the Word
edition's thread is (`give_way`): both take the cores the typesetting workers leave, and
little of the longest document's share.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import resource
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from briefwright.errors import BriefError, Diagnostic, Location
from briefwright.settings import Limits
from briefwright.typeset.lifeline import die_with_parent

Made = TypeVar("Made")

#: How far the editions step back from typesetting, in nice(1) steps. At 5 a busy worker
#: outweighs them three to one on a core they share; at 10 any other program on a busy
#: machine would outweigh them ten to one as well. (On a quiet 2-CPU machine 0, 5 and 10
#: timed the same, within ±0.3 s over three runs each.)
EDITIONS_NICENESS = 5


class Stopped(RuntimeError):
    """The build ended (it failed, or was interrupted) before its editions were made."""


WebTask = tuple[list[str], dict[str, bytes], str, str, tuple[str, ...]]
"""The arguments of one edition's `output.webfonts.web_assets`: its pages, its assets, the
fonts.css rules before subsetting, fonts.css's path and the fallback families."""


class Cutter:
    """One child process that cuts web fonts, started on first use and stopped on leaving.

    A plain process and a pipe, as the typesetting workers are, not a ProcessPoolExecutor:
    killed mid-reply, the executor's child left its manager thread reading half a message
    for ever, and Python joins that thread at exit (a build interrupted ~3 s in hung). The
    editions' thread submits and reads while the main thread may stop it (a failure, an
    interrupt): a lock keeps a child from being started, or handed work, after the stop
    looked for one to kill."""

    def __init__(self, limits: Limits) -> None:
        self._limits = limits
        self._lock = threading.Lock()
        self._stopped = False
        self._process: Any = None
        self._connection: Connection | None = None
        self._asked = 0
        self._answers: list[dict[str, bytes] | Exception] = []

    @property
    def stopped(self) -> bool:
        """Return True once the build has stopped the cutter: its editions are not wanted."""
        return self._stopped

    def submit(self, tasks: list[WebTask]) -> list[int]:
        """Hand the child these editions' web fonts to cut, in one message (one at a time,
        the second would wait for the child to read it while the child waits to send the
        first's answer); return a ticket for each, for `result`."""
        with self._lock:
            if self._stopped:  # the build failed while the editions' thread went on
                raise Stopped("the web fonts' process has been stopped")
            if self._connection is None:
                self._start()
            assert self._connection is not None
            self._connection.send(tasks)
            first, self._asked = self._asked, self._asked + len(tasks)
        return list(range(first, first + len(tasks)))

    def result(self, ticket: int) -> dict[str, bytes]:
        """Return the assets of a submitted edition, reading the child's answers in order; a
        child that died (out of memory, killed) is a located error, as a worker's is."""
        while len(self._answers) <= ticket:
            self._answers.append(self._answer())
        answer = self._answers[ticket]
        if isinstance(answer, Exception):
            raise answer
        return answer

    def stop(self, failed: bool) -> None:
        """Let the child end once its work is done, or (after a failure or an interrupt)
        kill it at once."""
        with self._lock:
            self._stopped = True
            process, connection = self._process, self._connection
            if process is None or connection is None:
                return
            if failed:
                process.kill()
            else:
                with contextlib.suppress(OSError):
                    connection.send(None)
        process.join()
        connection.close()

    def _start(self) -> None:
        mine, theirs = multiprocessing.get_context("forkserver").Pipe(duplex=True)
        niceness = self._limits.niceness + EDITIONS_NICENESS
        self._process = multiprocessing.get_context("forkserver").Process(
            target=_cut_web_fonts, args=(theirs, self._limits.memory_mib, niceness), daemon=True
        )
        self._process.start()
        theirs.close()  # the child's end is the child's alone: its death is our end of file
        self._connection = mine

    def _answer(self) -> dict[str, bytes] | Exception:
        """Return the child's next answer: an edition's assets, or the error it met."""
        connection = self._connection
        if self._stopped or connection is None:
            raise Stopped("the web fonts' process has been stopped")
        try:
            kind, value = connection.recv()
        except (EOFError, OSError):
            message = (
                "cutting the web fonts ran out of memory or crashed; the limit is "
                f"{self._limits.memory_mib} MiB per process (--max-memory)"
            )
            where = Location("assets/fonts.css")
            raise BriefError([Diagnostic("BW304", message, where)]) from None
        assert isinstance(value, dict | Exception), kind
        return value


@contextmanager
def cutter(limits: Limits) -> Iterator[Cutter]:
    """Yield a Cutter, stopped however the block ends."""
    made = Cutter(limits)
    try:
        yield made
    except BaseException:
        made.stop(failed=True)
        raise
    made.stop(failed=False)


def behind(niceness: int, work: Callable[..., Made], *args: Any) -> Future[Made]:
    """Return the future result of `work(*args)`, run in a thread of its own niced by
    `niceness` (`give_way`). A daemon thread: a build that fails or is interrupted does not
    wait for it (a ThreadPoolExecutor's thread is joined at exit), and it writes nothing."""
    future: Future[Made] = Future()

    def run() -> None:
        give_way(niceness)
        try:
            future.set_result(work(*args))
        except BaseException as error:  # the build raises it from future.result()
            future.set_exception(error)

    threading.Thread(target=run, name="briefwright-editions", daemon=True).start()
    return future


def give_way(niceness: int = EDITIONS_NICENESS) -> None:
    """Lower the calling thread's priority by `niceness` steps (Linux's nice is a thread's
    own) so that the typesetting workers, at the build's, come first. Elsewhere nice would
    apply to the whole build, the main thread that feeds the workers included: there the
    thread is left as it is."""
    if sys.platform == "linux":
        thread = threading.get_native_id()
        now = os.getpriority(os.PRIO_PROCESS, thread)
        os.setpriority(os.PRIO_PROCESS, thread, min(19, now + niceness))


def _cut_web_fonts(connection: Connection, memory_mib: int, niceness: int) -> None:
    """The child: the typesetting workers' memory limit, a lower priority and death with
    the fork server (and so with the build); then each edition's web fonts, as asked."""
    die_with_parent()
    limit = memory_mib * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    os.nice(niceness)
    from briefwright.output.webfonts import web_assets  # HarfBuzz: here, not in the build

    with contextlib.suppress(EOFError, OSError):  # the build went: nobody is left to tell
        while (tasks := connection.recv()) is not None:
            for task in tasks:
                try:
                    answer: tuple[str, object] = ("done", web_assets(*task))
                except Exception as error:  # the build raises it where it asked
                    answer = ("failed", error)
                connection.send(answer)
