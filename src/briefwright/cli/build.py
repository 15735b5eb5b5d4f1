"""The `build` and `release` commands: make the artifacts, or a reproducible release."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from briefwright.cli.messages import fail, fail_usage_or, interruptible, print_notices
from briefwright.cli.options import (
    BriefOption,
    ContentOption,
    ForceOption,
    JobsOption,
    MemoryOption,
    OnlyOption,
    OutOption,
    PaperOption,
    QuietOption,
    TemplatesOption,
    TimeoutOption,
    VariantOption,
    VerboseOption,
    project_of,
    sub_app,
)
from briefwright.errors import BriefError
from briefwright.settings import (
    DEFAULT_MEMORY_MIB,
    DEFAULT_PAPER,
    DEFAULT_TIMEOUT,
    DEFAULT_VARIANT,
    Limits,
    Project,
    default_jobs,
    pdf_settings,
)

if TYPE_CHECKING:  # imported where used: `--help` must not pay for the pipeline's imports
    from briefwright.pipeline.incremental import Snapshot
    from briefwright.pipeline.outcome import RunOptions
    from briefwright.typeset.pool import Progress

app = sub_app()

ShardOption = Annotated[
    str | None,
    typer.Option("--shard", metavar="K/N", help="Typeset only share K of N (then `assemble`)."),
]


@app.command(short_help="Check the content, then write the brief and the one-pagers.")
def build(
    context: typer.Context,
    content: ContentOption = Path("content"),
    templates: TemplatesOption = Path("templates"),
    out: OutOption = Path("build"),
    paper: PaperOption = DEFAULT_PAPER,
    only: OnlyOption = None,
    brief: BriefOption = None,
    shard: ShardOption = None,
    jobs: JobsOption = None,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    max_memory: MemoryOption = DEFAULT_MEMORY_MIB,
    force: ForceOption = False,
    pdf_variant: VariantOption = DEFAULT_VARIANT,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Check the content, then write the brief and the one-pagers (PDF and HTML)."""
    from briefwright.cli.report import print_outcome, progress_bars
    from briefwright.pipeline.run import build_project

    # --paper and --pdf-variant reach PdfSettings by name, as in the launch fast path.
    project, pdf = project_of(content, templates), pdf_settings(context.params)
    try:
        with interruptible(), progress_bars(sys.stdout.isatty() and not quiet) as progress:
            limits = Limits(timeout, max_memory)
            run = _run_options(only, brief, shard, jobs, limits, force, progress)
            outcome = build_project(project, out, pdf, run, _launch_snapshot(context, project))
    except BriefError as error:
        fail_usage_or(error, context, "--brief" if brief else "--only")
    print_outcome(outcome, quiet, verbose)


def _run_options(
    only: str | None,
    briefs: list[str] | None,
    shard: str | None,
    jobs: int | None,
    limits: Limits,
    force: bool,
    progress: Progress | None,
) -> RunOptions:
    """Return how build's command line asks the build to run (none of it changes bytes)."""
    from briefwright.pipeline.outcome import RunOptions

    return RunOptions(only, jobs or default_jobs(), limits, force, progress,
                      tuple(briefs or ()), _shard(shard))  # fmt: skip


def _shard(value: str | None) -> tuple[int, int] | None:
    """Return --shard K/N as (K, N), or a usage error for anything else: ASCII digits only,
    1 ≤ K ≤ N ≤ MAX_SHARDS (N sizes a table, so a huge N must not reach the build)."""
    from briefwright.pipeline.shards import MAX_SHARDS

    if value is None:
        return None
    found = re.fullmatch(r"([0-9]{1,9})/([0-9]{1,9})", value)
    number, count = (int(found.group(1)), int(found.group(2))) if found else (0, 0)
    if not 1 <= number <= count <= MAX_SHARDS:
        message = f"{value[:40]!r} is not K/N with 1 ≤ K ≤ N ≤ {MAX_SHARDS:,}, e.g. --shard 2/3"
        raise typer.BadParameter(message, param_hint="'--shard'")
    return number, count


def _launch_snapshot(context: typer.Context, project: Project) -> Snapshot | None:
    """Return the input snapshot the console entry point took, if it is of this project."""
    from briefwright.pipeline.incremental import Snapshot

    snapshot = context.obj
    return snapshot if isinstance(snapshot, Snapshot) and snapshot.project == project else None


@app.command(short_help="Build strictly, then write a reproducible release folder and zip.")
def release(
    context: typer.Context,
    content: ContentOption = Path("content"),
    templates: TemplatesOption = Path("templates"),
    out: OutOption = Path("build"),
    paper: PaperOption = DEFAULT_PAPER,
    jobs: JobsOption = None,
    pdf_variant: VariantOption = DEFAULT_VARIANT,
    allow_open_review: Annotated[
        bool,
        typer.Option("--allow-open-review", help="Release with review items open (warned)."),
    ] = False,
) -> None:
    """Build strictly, then write OUT/release/<product>-<version>/ and its reproducible zip.
    Refused while review.yaml (beside --content; review-<id>.yaml for each brief of a
    series) holds an open item."""
    from briefwright.pipeline.outcome import RunOptions
    from briefwright.pipeline.run import release_project

    project, pdf = project_of(content, templates), pdf_settings(context.params)
    run = RunOptions(jobs=jobs or default_jobs(), allow_open_review=allow_open_review)
    try:
        with interruptible():
            releases = release_project(project, out, pdf, run)
    except BriefError as error:
        fail(error)
    for released in releases:
        print_notices(released.notices)
        typer.echo(f"released {released.files} files in {released.folder}")
        typer.echo(f"archive {released.archive} ({released.archive.stat().st_size:,} bytes)")


@app.command(short_help="Merge the folders of a sharded build into one build's tree.")
def assemble(
    shards: Annotated[
        list[Path], typer.Argument(metavar="SHARD_DIR...", help="The shards' output folders.")
    ],
    out: OutOption = Path("build"),
) -> None:
    """Merge the output folders of `build --shard K/N` (K = 1..N, same inputs) into OUT: the
    tree one build writes, byte for byte."""
    from briefwright.pipeline.shards import assemble as run_assemble

    try:
        written = run_assemble(shards, out)
    except BriefError as error:
        fail(error)
    typer.echo(f"assembled {len(shards)} shards: {len(written)} files in {out}")
