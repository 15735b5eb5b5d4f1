"""Print what the library returns: one line per diagnostic on stderr, and the exit codes.

Exit codes: 0 success, 1 content or build error, 2 usage error (Typer's own), 130
interrupted. Only the CLI turns a BriefError into text.
"""

from __future__ import annotations

import json
import signal
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import NoReturn

import typer

from briefwright.cli.interrupts import interrupted
from briefwright.errors import BriefError, Diagnostic, Interrupted


def fail(error: BriefError) -> NoReturn:
    """Print every diagnostic of the error, one a line, and exit with code 1."""
    for diagnostic in error.diagnostics:
        typer.echo(str(diagnostic), err=True)
    sys.stderr.flush()
    raise typer.Exit(code=1)


def print_notices(notices: Iterable[Diagnostic]) -> None:
    """Print warnings and information, one a line with their severity, on stderr."""
    for notice in notices:
        typer.echo(f"{notice} ({notice.severity.value})", err=True)


def as_json(diagnostics: Iterable[Diagnostic]) -> str:
    """Return diagnostics as a JSON array, for editors and CI."""
    rows = [
        {
            "code": d.code,
            "severity": d.severity.value,
            "message": d.message,
            "path": d.location.path,
            "line": d.location.line,
            "column": d.location.column,
        }
        for d in diagnostics
    ]
    return json.dumps(rows, indent=2, ensure_ascii=False)


@contextmanager
def interruptible() -> Iterator[None]:
    """Turn SIGINT and SIGTERM into exit code 130 with one line; the output stays as it was.

    The console entry point already turns both signals into `Interrupted`; SIGTERM is
    caught here too for the library's other callers (tests drive the app directly).
    """

    def terminate(signum: int, frame: object) -> None:
        raise Interrupted(signum)

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    except (Interrupted, KeyboardInterrupt):
        message, code = interrupted()
        typer.echo(message, err=True)
        raise typer.Exit(code=code) from None
    finally:
        signal.signal(signal.SIGTERM, previous)
