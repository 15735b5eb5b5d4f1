"""Set up the fork server: it dies with the process that started it, and its children are
born deaf to Ctrl-C and quiet about a build that has gone.

Imported only by the fork server itself (the first module `pool` asks it to preload), never
by a build. From then on the kernel kills the server when the build ends, even when the
build was killed and no handler ran, and the server's workers follow it (`worker.work`).
"""

from __future__ import annotations

import pickle
import signal
import sys
from types import TracebackType

from briefwright.typeset.lifeline import die_with_parent


def _quiet_when_orphaned(
    kind: type[BaseException], error: BaseException, traceback: TracebackType | None
) -> None:
    """Print a child's uncaught exception, unless it only says the build went away.

    A worker forked just as the build stops (an interrupt, a sibling's failure) finds its
    pipe closed, or the job it was being sent cut off, before our code runs: in
    multiprocessing's own start-up, which prints the traceback through this hook. The
    build reports what happened; the worker has nobody to tell.
    """
    cut_off = issubclass(kind, pickle.UnpicklingError) and "truncated" in str(error)
    if cut_off or issubclass(kind, EOFError | ConnectionError):
        return
    sys.__excepthook__(kind, error, traceback)


die_with_parent()
# The server's children inherit the handlers it has now: SIGINT (which a terminal's Ctrl-C
# sends to every process of the build) is the build's to handle, not a worker's.
signal.signal(signal.SIGINT, signal.SIG_IGN)
sys.excepthook = _quiet_when_orphaned
