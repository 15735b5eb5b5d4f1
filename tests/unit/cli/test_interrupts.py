"""Tests for briefwright.cli.interrupts: what an interrupt says, and the exit code it earns."""

from __future__ import annotations

from pathlib import Path

from briefwright.cli.interrupts import interrupted


def test_an_interrupt_before_the_write_leaves_the_output_as_it_was() -> None:
    """Exit code 130, and a build is said to have left the output folder alone."""
    assert interrupted() == (
        "interrupted: the output folder is as it was before this build",
        130,
    )
    assert interrupted(building=False) == ("interrupted", 130)


def test_an_interrupt_that_carries_the_written_folder_says_the_build_is_complete() -> None:
    """When the interrupt came after the build was written, the command succeeded: exit 0,
    and the line names the folder."""
    message, code = interrupted(written=Path("out"))
    assert (message, code) == ("interrupted after the build was written to out", 0)
