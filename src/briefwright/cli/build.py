"""The `build` and `release` commands: make the artifacts, or a reproducible release."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from briefwright.cli.messages import fail, fail_usage_or, interruptible
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
    DEFAULT_TIMEOUT,
    Limits,
    Paper,
    PdfSettings,
    PdfVariant,
    Project,
    default_jobs,
)

if TYPE_CHECKING:  # imported where used: `--help` must not pay for the pipeline's imports
    from briefwright.pipeline.incremental import Snapshot

app = sub_app()


@app.command(short_help="Check the content, then write the brief and the one-pagers.")
def build(
    context: typer.Context,
    content: ContentOption = Path("content"),
    templates: TemplatesOption = Path("templates"),
    out: OutOption = Path("build"),
    paper: PaperOption = Paper.A4,
    only: OnlyOption = None,
    brief: BriefOption = None,
    shard: Annotated[
        str | None,
        typer.Option(
            "--shard", metavar="K/N", help="Typeset only share K of N (then `assemble`)."
        ),
    ] = None,
    jobs: JobsOption = None,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    max_memory: MemoryOption = DEFAULT_MEMORY_MIB,
    force: ForceOption = False,
    pdf_variant: VariantOption = PdfVariant.UA1,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Check the content, then write the brief and the one-pagers (PDF and HTML)."""
    from briefwright.cli.report import print_outcome, progress_bars
    from briefwright.pipeline.build import RunOptions
    from briefwright.pipeline.build import build as run_build

    project = project_of(content, templates)
    try:
        with interruptible(), progress_bars(sys.stdout.isatty() and not quiet) as progress:
            limits = Limits(timeout=timeout, memory_mib=max_memory)
            run = RunOptions(only, jobs or default_jobs(), limits, force, progress)
            run = replace(run, briefs=tuple(brief or ()), shard=_shard(shard))
            pdf = PdfSettings(paper, pdf_variant)
            outcome = run_build(project, out, pdf, run, _launch_snapshot(context, project))
    except BriefError as error:
        fail_usage_or(error, context, "--brief" if brief else "--only")
    print_outcome(outcome, quiet, verbose)


def _shard(value: str | None) -> tuple[int, int] | None:
    """Return --shard K/N as (K, N), or a usage error for anything else."""
    if value is None:
        return None
    number, _, count = value.partition("/")
    if not (number.isdigit() and count.isdigit() and 1 <= int(number) <= int(count)):
        message = f"{value!r} is not K/N with 1 ≤ K ≤ N, e.g. --shard 2/3"
        raise typer.BadParameter(message, param_hint="'--shard'")
    return int(number), int(count)


def _launch_snapshot(context: typer.Context, project: Project) -> Snapshot | None:
    """Return the input snapshot the console entry point took, if it is of this project."""
    from briefwright.pipeline.incremental import Snapshot

    snapshot = context.obj
    return snapshot if isinstance(snapshot, Snapshot) and snapshot.project == project else None


@app.command(short_help="Build strictly, then write a reproducible release folder and zip.")
def release(
    content: ContentOption = Path("content"),
    templates: TemplatesOption = Path("templates"),
    out: OutOption = Path("build"),
    paper: PaperOption = Paper.A4,
    jobs: JobsOption = None,
    pdf_variant: VariantOption = PdfVariant.UA1,
) -> None:
    """Build strictly, then write OUT/release/<product>-<version>/ and its reproducible zip."""
    from briefwright.pipeline.build import RunOptions
    from briefwright.pipeline.release import release as run_release
    from briefwright.pipeline.release import release_series

    project = project_of(content, templates)
    try:
        with interruptible():
            run = RunOptions(jobs=jobs or default_jobs())
            pdf = PdfSettings(paper, pdf_variant)
            if project.is_series:
                releases = release_series(project, out, pdf, run)
            else:
                releases = [run_release(project, out, pdf, run)]
    except BriefError as error:
        fail(error)
    for released in releases:
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
