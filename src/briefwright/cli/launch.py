"""The console entry point: answer an unchanged `briefwright build` before loading the CLI.

Typer builds a pydantic validator for every option when it parses a command line, and with
its imports that costs ~0.15 s: more than the whole up-to-date check (~0.03 s). So a plain
`build` whose every argument this module understands is checked here first. Anything else
(another command, --help, --force, --only, an unknown, abbreviated or malformed option, an
error, a build that is not up to date) goes to the Typer app untouched, which parses and
reports it as always; a build that is not up to date also hands the app the snapshot of its
inputs it took, so they are fingerprinted (and git asked for the time) only once.
tests/unit/cli/test_launch.py holds the two parsers to the same answers.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from types import FrameType

#: How long an interrupt that came during an import waits before it is delivered again.
REDELIVER_SECONDS = 0.05


def _deferred(signum: int, frame: FrameType | None) -> bool:
    """Deliver the signal again shortly, and return True, when it interrupted an import.

    An exception raised inside a native extension's initialisation can abort the whole
    process (pikepdf's nanobind calls abort() when its enums fail to build: exit -6, no
    message, no clean-up); any import is over within moments, and the interrupt then lands
    on ordinary Python code.
    """
    while frame is not None:
        if frame.f_code.co_filename.startswith("<frozen importlib"):
            timer = threading.Timer(REDELIVER_SECONDS, os.kill, (os.getpid(), signum))
            timer.daemon = True
            timer.start()
            return True
        frame = frame.f_back
    return False


def _stop_starting(signum: int, frame: FrameType | None) -> None:
    """Say what an interrupt did while this module is still being imported, and exit: an
    exception raised now would escape the console script as a traceback, and nothing has
    started yet (no scratch folder, no fork server) that needs cleaning up."""
    if _deferred(signum, frame):
        return
    from briefwright.cli.interrupts import interrupted

    message, code = interrupted(building=sys.argv[1:2] in (["build"], ["release"]))
    print(message, file=sys.stderr)
    raise SystemExit(code)


# First of all, before every import below (multiprocessing and the settings are slow): from
# here on SIGINT and SIGTERM, at any moment, end in one line and exit code 130, never a
# traceback (`main` turns them into Interrupted once it runs).
signal.signal(signal.SIGINT, _stop_starting)
signal.signal(signal.SIGTERM, _stop_starting)

from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from briefwright.cli.interrupts import interrupted  # noqa: E402
from briefwright.errors import Interrupted  # noqa: E402
from briefwright.pipeline.scratch import enter_scratch  # noqa: E402
from briefwright.settings import (  # noqa: E402
    MIN_MEMORY_MIB,
    MIN_TIMEOUT,
    Paper,
    PdfVariant,
    Project,
    pdf_settings,
)
from briefwright.typeset.pool import warm_up  # noqa: E402


def _interrupt(signum: int, frame: FrameType | None) -> None:
    if not _deferred(signum, frame):
        raise Interrupted(signum)


def _at_least(kind: Callable[[str], Any], least: float) -> Callable[[str], Any]:
    def convert(text: str) -> Any:
        value = kind(text)
        if value < least:
            raise ValueError(text)
        return value

    return convert


# build's options as cli/build.py declares them: flag → (parameter, converter; None: a switch)
BUILD_OPTIONS: dict[str, tuple[str, Callable[[str], Any] | None]] = {
    "--content": ("content", Path),
    "--templates": ("templates", Path),
    "--out": ("out", Path),
    "--paper": ("paper", Paper),
    "--pdf-variant": ("pdf_variant", PdfVariant),
    "--jobs": ("jobs", _at_least(int, 1)),
    "-j": ("jobs", _at_least(int, 1)),
    "--timeout": ("timeout", _at_least(float, MIN_TIMEOUT)),
    "--max-memory": ("max_memory", _at_least(int, MIN_MEMORY_MIB)),
    "--quiet": ("quiet", None),
    "-q": ("quiet", None),
    "--verbose": ("verbose", None),
    "-v": ("verbose", None),
}


def main() -> None:
    """Run `briefwright`: print the up-to-date notice, or hand the command line to Typer."""
    args = sys.argv[1:]
    try:
        signal.signal(signal.SIGINT, _interrupt)
        signal.signal(signal.SIGTERM, _interrupt)
        run(args)
    except (Interrupted, KeyboardInterrupt) as stop:
        building = args[:1] in (["build"], ["release"])
        message, code = interrupted(building, getattr(stop, "written", None))
        print(message, file=sys.stderr)
        raise SystemExit(code) from None
    finally:
        # The work is done (or reported): an interrupt now would only land while Python
        # shuts down, which restores the default handlers and dies with a signal instead
        # of the exit code the command earned.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})


def run(args: list[str]) -> None:
    """Answer an unchanged build at once; otherwise start what the command needs, then Typer."""
    notice, snapshot = unchanged_build(args) if args[:1] == ["build"] else (None, None)
    if notice is not None:
        print(notice)
        return
    if args[:1] in (["build"], ["release"], ["serve"]) and "--help" not in args:
        enter_scratch()  # before the fork server starts: it and its workers inherit TMPDIR
    if args[:1] in (["build"], ["release"]) and "--help" not in args:
        # Typesetting will follow: the fork server's WeasyPrint import (~0.6 s) now overlaps
        # loading the CLI as well as loading and checking the content.
        warm_up()
    from briefwright.cli.app import app

    app(obj=snapshot)


def unchanged_build(args: list[str]) -> tuple[str | None, Any]:
    """Return the notice for a `build` that is up to date (else None) and the input snapshot
    taken to decide it (None when the CLI must decide)."""
    values = parse_build(args)
    if values is None:
        return None, None
    from briefwright.errors import BriefError
    from briefwright.pipeline.incremental import is_up_to_date, take_snapshot, up_to_date_notice

    project = Project(
        values.get("content", Path("content")), values.get("templates", Path("templates"))
    )
    pdf = pdf_settings(values)
    out = values.get("out", Path("build"))
    try:
        snapshot = take_snapshot(project)
    except BriefError:
        return None, None  # the CLI reports it, with its location
    if is_up_to_date(snapshot, out, pdf):
        return up_to_date_notice(out), snapshot
    return None, snapshot


def parse_build(args: list[str]) -> dict[str, Any] | None:
    """Return build's option values, or None when args are anything but a plain build."""
    if not args or args[0] != "build":
        return None
    values: dict[str, Any] = {}
    rest = iter(args[1:])
    for token in rest:
        flag, attached, value = token.partition("=")
        if flag not in BUILD_OPTIONS or (attached and not flag.startswith("--")):
            return None
        name, convert = BUILD_OPTIONS[flag]
        if convert is None:
            if attached:
                return None
            values[name] = True
            continue
        text = value if attached else next(rest, None)
        if text is None:
            return None
        try:
            values[name] = convert(text)
        except ValueError:
            return None
    return values
