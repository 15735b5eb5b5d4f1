"""Show a build in the terminal: a progress bar per document, then a summary table.

The progress bars appear only on a terminal and never with --quiet; the table is plain text
when the output is a file or a pipe.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from briefwright.cli.messages import print_notices
from briefwright.output.write import written_output
from briefwright.pipeline.outcome import Built, UpToDate


@contextmanager
def progress_bars(enabled: bool) -> Iterator[Callable[[str, str], None] | None]:
    """Yield a progress callback for typesetting: one bar per document while it runs."""
    if not enabled:
        yield None
        return
    bars = Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn()
    )
    tasks: dict[str, TaskID] = {}

    def report(event: str, stem: str) -> None:
        if event == "start":
            tasks[stem] = bars.add_task(f"{stem}.pdf", total=1)
        elif stem in tasks:
            bars.update(tasks[stem], completed=1)

    with bars:
        yield report


def summary_table(built: Built) -> Table:
    """Return a table of the documents built: pages, size, and typesetting time."""
    table = Table("document", "pages", "size", "time", title=f"built into {built.out_dir}")
    produced = built.produced
    for stem, record in produced.documents.items():
        pdf = built.out_dir / f"{stem}.pdf"
        size = f"{pdf.stat().st_size / 1024:,.0f} KiB" if pdf.exists() else "-"
        seconds = produced.seconds.get(stem)
        time = f"{seconds:.2f} s" if seconds is not None else "reused"
        table.add_row(f"{stem}.pdf", str(record.pages), size, time)
    return table


def _retired_line(retired: tuple[str, ...]) -> str:
    """Say which files an earlier build made that this one no longer makes, and removed."""
    more = f" and {len(retired) - 3} more" if len(retired) > 3 else ""
    return (
        f"removed {len(retired)} file(s) an earlier build made and this one no longer makes: "
        + ", ".join(retired[:3])
        + more
    )


def print_summary(built: Built, verbose: bool) -> None:
    """Print the summary table and, with --verbose, the time of each stage."""
    console = Console()
    console.print(summary_table(built))
    if verbose:
        for stage, seconds in built.timings.items():
            console.print(f"  {stage:<16} {seconds:6.2f} s")


def print_outcome(outcome: UpToDate | Built, quiet: bool, verbose: bool) -> None:
    """Say what a build did: nothing (up to date), or its warnings, what it typeset, the
    table, each brief's main text against its budget, and remarks."""
    if isinstance(outcome, UpToDate):
        print(outcome.notice)
        return
    with written_output(outcome.out_dir):  # an interrupt now stops nothing: it says so
        print_notices(outcome.warnings, verbose=verbose, quiet=quiet)
        produced = outcome.produced
        if not quiet:
            print(
                f"typeset {len(produced.typeset)} document(s), reused {len(produced.reused)} "
                f"unchanged; wrote {len(outcome.written)} files to {outcome.out_dir}"
            )
            if outcome.retired:
                print(_retired_line(outcome.retired))
            print_summary(outcome, verbose)
            for length in produced.lengths:  # pages and words against the brief's budget
                print(length.remark)
        for remark in produced.remarks:
            print(remark)
