"""Describe problems as values with a place, so the CLI can print every one of them at once.

Every diagnostic code is registered in `codes.CODES` with its severity, what it means and
what to do; a diagnostic takes its severity from there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from briefwright.codes import CODES, Code, Severity

__all__ = [
    "CODES",
    "BriefError",
    "Code",
    "Diagnostic",
    "Interrupted",
    "Location",
    "Severity",
]


@dataclass(frozen=True, order=True)
class Location:
    """A place in a file; line and column count from 1."""

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Diagnostic:
    """One problem: a stable code, a one-line message, and where it is.

    The severity is always the code's own, from `CODES`: an unregistered code is a bug.
    """

    code: str
    message: str
    location: Location
    severity: Severity = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "severity", CODES[self.code].severity)

    def __str__(self) -> str:
        return f"{self.location}: {self.code} {self.message}"


class BriefError(Exception):
    """One or more problems that stop a build; the CLI prints each on its own line."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = tuple(diagnostics)
        super().__init__("\n".join(str(d) for d in self.diagnostics))

    @classmethod
    def of(cls, code: str, message: str, location: Location) -> BriefError:
        """Return an error holding one diagnostic: `raise BriefError.of(code, message, where)`."""
        return cls([Diagnostic(code, message, location)])


class Interrupted(BaseException):
    """SIGINT or SIGTERM arrived (see cli/launch.py): stop, leaving the output as it was.

    A BaseException, like KeyboardInterrupt, so no `except Exception` swallows it; unlike
    KeyboardInterrupt, Click does not turn it into "Aborted!" and exit code 1. `written` is
    the output folder when the build had already written it whole: the interrupt then
    stopped nothing (output/write.py `Output` marks it).
    """

    def __init__(self, signum: int = 0, written: Path | None = None) -> None:
        super().__init__(signum)
        self.signum = signum
        self.written = written
