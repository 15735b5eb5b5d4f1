"""Tie a child process's life to its parent's: when the parent ends, the child is killed.

A build that is killed (SIGKILL, out of memory) runs no handler; without this its fork
server and typesetting workers would go on typesetting for nobody, then fail on a closed
pipe. Linux's `prctl(PR_SET_PDEATHSIG)` has the kernel send SIGKILL instead.
"""

from __future__ import annotations

import ctypes
import os
import signal

_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Ask the kernel to send this process SIGKILL when its parent ends."""
    parent = os.getppid()
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent ended before the request was made
        os._exit(1)
