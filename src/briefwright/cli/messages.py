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
from briefwright.errors import BriefError, Diagnostic, Interrupted, Severity


def fail(error: BriefError, code: int = 1) -> NoReturn:
    """Print every diagnostic of the error, one a line (a warning marked so), and exit with
    `code` (1; `diff` exits 2 for trouble, as diff(1) does)."""
    for diagnostic in error.diagnostics:
        mark = "" if diagnostic.severity is Severity.ERROR else f" ({diagnostic.severity.value})"
        typer.echo(f"{diagnostic}{mark}", err=True)
    sys.stderr.flush()
    raise typer.Exit(code=code)


#: Notices that come one per paragraph: summarised per file unless --verbose.
SUMMARISED = {
    "BW120": "paragraphs no citation touches",
    "BW125": "texts not translated yet (`briefwright translate status` lists them)",
}


#: Codes that report a bad command-line value only the content or the machine can judge (an
#: `--only` that names no topic, a `--port` in use): usage errors, exit code 2, in Typer's
#: usage format.
USAGE_CODES = {"BW005", "BW017"}


def fail_usage_or(error: BriefError, context: typer.Context, option: str) -> NoReturn:
    """Exit as a usage error (code 2) when the error is about an option's value; otherwise
    print it and exit with code 1."""
    usage = [d for d in error.diagnostics if d.code in USAGE_CODES]
    if usage:
        raise typer.BadParameter(usage[0].message, ctx=context, param_hint=f"'{option}'")
    fail(error)


def print_notices(
    notices: Iterable[Diagnostic], verbose: bool = False, quiet: bool = False
) -> None:
    """Print warnings and information, one a line with their severity, on stderr: with
    `quiet`, only warnings; unless `verbose`, per-paragraph notices one line per file (a
    file's only one as itself: "1 texts … (lines 1)" said less than its own message)."""
    grouped: dict[tuple[str, str], list[Diagnostic]] = {}
    for notice in notices:
        if quiet and notice.severity is Severity.INFO:
            continue
        if notice.code in SUMMARISED and not verbose:
            grouped.setdefault((notice.code, notice.location.path), []).append(notice)
            continue
        typer.echo(f"{notice} ({notice.severity.value})", err=True)
    for (code, path), group in grouped.items():
        if len(group) == 1:
            typer.echo(f"{group[0]} ({group[0].severity.value})", err=True)
            continue
        lines = ", ".join(dict.fromkeys(str(n.location.line) for n in group if n.location.line))
        typer.echo(
            f"{path}: {code} {len(group)} {SUMMARISED[code]} (lines {lines}); "
            "--verbose lists each (info)",
            err=True,
        )


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
    except (Interrupted, KeyboardInterrupt) as stop:
        message, code = interrupted(written=getattr(stop, "written", None))
        typer.echo(message, err=True)
        raise typer.Exit(code=code) from None
    finally:
        signal.signal(signal.SIGTERM, previous)
