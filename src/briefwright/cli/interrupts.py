"""Say what an interrupt did: one line, and the exit code it earns.

Kept free of Typer, so the console entry point can answer an interrupt that comes while
it is still starting (before the CLI is loaded) without importing anything slow.
"""

from __future__ import annotations

from pathlib import Path


def interrupted(building: bool = True, written: Path | None = None) -> tuple[str, int]:
    """Return what to say, and the exit code, when an interrupt stops a command.

    Exit code 130, unless the build had already written its output (`written`, carried by
    the interrupt) when the interrupt came: then the build is complete, and the line says
    where.
    """
    if written is not None:
        return f"interrupted after the build was written to {written}", 0
    what = ": the output folder is as it was before this build" if building else ""
    return f"interrupted{what}", 130
