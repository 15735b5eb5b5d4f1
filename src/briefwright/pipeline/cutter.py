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

import multiprocessing
import os
import resource
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
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


class Cutter:
    """One child process that cuts web fonts, started on first use and stopped on leaving.

    The editions' thread submits while the main thread may stop it (a failure, an
    interrupt): a lock keeps a child from being started, or handed a cut, after the stop
    looked for one to kill."""

    def __init__(self, limits: Limits) -> None:
        self._limits = limits
        self._executor: ProcessPoolExecutor | None = None
        self._stopped = False
        self._lock = threading.Lock()

    @property
    def stopped(self) -> bool:
        """Return True once the build has stopped the cutter: its editions are not wanted."""
        return self._stopped

    def submit(
        self,
        pages: list[str],
        assets: Mapping[str, bytes],
        fonts_css: str,
        fonts_css_path: str,
        fallbacks: Iterable[str],
    ) -> Future[dict[str, bytes]]:
        """Return the future HTML edition assets of `web_assets` for these arguments."""
        with self._lock:
            if self._stopped:  # the build failed while the editions' thread went on
                raise Stopped("the web fonts' process has been stopped")
            if self._executor is None:
                self._executor = ProcessPoolExecutor(
                    1,
                    mp_context=multiprocessing.get_context("forkserver"),
                    initializer=_step_back,
                    initargs=(self._limits.memory_mib, self._limits.niceness + EDITIONS_NICENESS),
                )
            return self._executor.submit(
                _web_assets, pages, dict(assets), fonts_css, fonts_css_path, tuple(fallbacks)
            )

    def result(self, future: Future[dict[str, bytes]]) -> dict[str, bytes]:
        """Return a cut's assets; a child that died (out of memory, killed) is a located
        error, as a typesetting worker's is."""
        try:
            return future.result()
        except (BrokenProcessPool, MemoryError):
            message = (
                "cutting the web fonts ran out of memory or crashed; the limit is "
                f"{self._limits.memory_mib} MiB per process (--max-memory)"
            )
            where = Location("assets/fonts.css")
            raise BriefError([Diagnostic("BW304", message, where)]) from None

    def stop(self, failed: bool) -> None:
        """Wait for the child to end, or (after a failure or an interrupt) kill it: the
        executor would otherwise finish the cut it is on before the process may exit."""
        with self._lock:
            executor, self._executor, self._stopped = self._executor, None, True
            if executor is not None and failed:
                # ProcessPoolExecutor has no way to end a running task before Python 3.14
                # (terminate_workers); its processes are the one handle on them.
                for process in list(executor._processes.values()):
                    process.kill()
        if executor is not None:
            executor.shutdown(wait=not failed, cancel_futures=True)


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


def _web_assets(
    pages: list[str],
    assets: dict[str, bytes],
    fonts_css: str,
    fonts_css_path: str,
    fallbacks: tuple[str, ...],
) -> dict[str, bytes]:
    """In the child: output.webfonts.web_assets, imported there (HarfBuzz, fontTools), so
    the build process need not before it hands out its first document."""
    from briefwright.output.webfonts import web_assets

    return web_assets(pages, assets, fonts_css, fonts_css_path, fallbacks)


def _step_back(memory_mib: int, niceness: int) -> None:
    """In the child: the typesetting workers' memory limit, a lower priority, and death with
    the fork server (and so with the build), as a worker's."""
    die_with_parent()
    limit = memory_mib * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    os.nice(niceness)
