"""Turn a series' briefs into finished ones a few at a time, so that a build's memory does
not grow with the series and its workers start on the first brief's documents at once.

A thread loads, checks and renders each brief in turn and then makes its Word and web
editions; the main thread hands each rendered brief's documents to the typesetting pool as
soon as they come, and gives back each brief whose documents and editions are all made.
At most `ahead` briefs are in flight: the thread waits for a finished brief before it
renders another. Before, a series rendered every brief first and held them all (~3 MiB a
brief) until the last PDF came back, while the workers waited for the rendering.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from briefwright.pipeline.editions import Editions
from briefwright.pipeline.prepare import Prepared
from briefwright.typeset.pool import Pool
from briefwright.typeset.worker import Job, Typeset

Item = TypeVar("Item")

#: How long the main thread waits on the workers before it looks for rendered briefs.
POLL_SECONDS = 0.01


@dataclass(frozen=True)
class Finished:
    """A brief with all it needs to be written: rendered, typeset, its editions made."""

    ready: Prepared
    typeset: dict[str, Typeset]
    editions: Editions


@dataclass
class _InFlight:
    ready: Prepared
    waiting: set[str]
    typeset: dict[str, Typeset] = field(default_factory=dict)
    editions: Editions | None = None


class _Renderer(threading.Thread, Generic[Item]):
    """The thread that renders each brief and makes its editions, `ahead` at most in flight;
    what it makes, and any error it meets, goes to the main thread as events."""

    def __init__(
        self,
        items: Iterable[Item],
        prepare: Callable[[Item], Prepared],
        editions: Callable[[Prepared], Editions],
        ahead: int,
    ) -> None:
        super().__init__(name="briefwright-render", daemon=True)
        self.items, self.prepare, self.editions = list(items), prepare, editions
        self.events: queue.SimpleQueue[tuple[str, Any]] = queue.SimpleQueue()
        self.slots = threading.Semaphore(max(1, ahead))
        self.stopping = threading.Event()

    def run(self) -> None:
        try:
            for item in self.items:
                if not self._slot():
                    return
                ready = self.prepare(item)
                self.events.put(("ready", ready))
                if self.stopping.is_set():
                    return
                self.events.put(("editions", (ready.prefix, self.editions(ready))))
        except BaseException as error:  # the main thread raises it
            self.events.put(("error", error))
        finally:
            self.events.put(("end", None))

    def _slot(self) -> bool:
        """Wait for room for one more brief; False when the build is stopping."""
        while not self.slots.acquire(timeout=0.1):
            if self.stopping.is_set():
                return False
        return not self.stopping.is_set()


def stream(
    items: Iterable[Item],
    prepare: Callable[[Item], Prepared],
    editions: Callable[[Prepared], Editions],
    choose: Callable[[Prepared], list[Job]],
    pool: Pool,
    ahead: int,
) -> Iterator[Finished]:
    """Yield each brief as it is finished: rendered by `prepare`, the jobs `choose` picks
    typeset by `pool`, its editions made by `editions`. Briefs come in no fixed order."""
    renderer = _Renderer(items, prepare, editions, ahead)
    renderer.start()
    flights: dict[str, _InFlight] = {}
    owners: dict[str, str] = {}
    ended = False
    try:
        while not ended or flights:
            if pool.busy:
                for stem, result in pool.collect(timeout=POLL_SECONDS):
                    flight = flights[owners.pop(stem)]
                    flight.typeset[stem] = result
                    flight.waiting.discard(stem)
            for kind, data in _events(renderer.events, wait=not (pool.busy or ended)):
                if kind == "ready":
                    jobs = choose(data)
                    flights[data.prefix] = _InFlight(data, {job.stem for job in jobs})
                    owners |= dict.fromkeys((job.stem for job in jobs), data.prefix)
                    pool.submit(jobs)
                elif kind == "editions":
                    flights[data[0]].editions = data[1]
                elif kind == "error":
                    raise data
                else:
                    ended = True
            for prefix in [p for p, f in flights.items() if f.editions and not f.waiting]:
                flight = flights.pop(prefix)
                assert flight.editions is not None
                yield Finished(flight.ready, flight.typeset, flight.editions)
                renderer.slots.release()
    finally:
        renderer.stopping.set()
        renderer.join()  # it writes into the spool, which goes after this


def _events(events: queue.SimpleQueue[tuple[str, Any]], wait: bool) -> list[tuple[str, Any]]:
    """Return the events waiting; when `wait`, wait for one first."""
    found = [events.get()] if wait else []
    while True:
        try:
            found.append(events.get_nowait())
        except queue.Empty:
            return found
