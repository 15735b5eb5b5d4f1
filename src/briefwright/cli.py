"""The `briefwright` command: parse arguments, call the library, print one line per problem.

Exit codes: 0 success, 1 content or build error, 2 usage error (Typer's own).
"""

from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from briefwright.errors import BriefError, Diagnostic
from briefwright.isolate import (
    DEFAULT_MEMORY_MIB,
    DEFAULT_TIMEOUT,
    MIN_MEMORY_MIB,
    MIN_TIMEOUT,
    Limits,
)
from briefwright.vocab import Paper, PdfVariant

# rich_markup_mode=None (here and on every sub-app): plain help and usage errors. Rich's
# formatting imports ~0.1 s of modules for each `--help`, half of its time. Rich still
# draws the table of `build --verbose`.
app = typer.Typer(
    help="Build policy briefs in which every factual sentence cites a verified quote.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
)


VariantOption = Annotated[
    PdfVariant, typer.Option("--pdf-variant", help="PDF/UA or archival PDF/A flavour.")
]


class Format(StrEnum):
    """How `check` prints its diagnostics."""

    TEXT = "text"
    JSON = "json"


ContentOption = Annotated[Path, typer.Option("--content", help="Folder of content files.")]
TemplatesOption = Annotated[
    Path, typer.Option("--templates", help="Folder of Jinja2 templates and assets.")
]
OutOption = Annotated[Path, typer.Option("--out", help="Output folder.")]
PaperOption = Annotated[Paper, typer.Option("--paper", help="Paper size of the PDF.")]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs", "-j", min=1, help="Typesetting processes (default: the number of CPUs)."
    ),
]
StrictOption = Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")]
OnlyOption = Annotated[
    str | None,
    typer.Option(
        "--only", help="Build only `brief`, `onepagers`, or the one-pager of one topic (by id)."
    ),
]
TimeoutOption = Annotated[
    float, typer.Option("--timeout", min=MIN_TIMEOUT, help="Seconds one document may take.")
]
MemoryOption = Annotated[
    int,
    typer.Option("--max-memory", min=MIN_MEMORY_MIB, help="MiB a typesetting process may map."),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Typeset everything, even what is up to date.")
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print only problems.")]
VerboseOption = Annotated[bool, typer.Option("--verbose", "-v", help="Show stage timings.")]


@app.command(short_help="Check the content, then write the brief and the one-pagers.")
def build(
    content: ContentOption = Path("content"),
    templates: TemplatesOption = Path("templates"),
    out: OutOption = Path("build"),
    paper: PaperOption = Paper.A4,
    only: OnlyOption = None,
    jobs: JobsOption = None,
    timeout: TimeoutOption = DEFAULT_TIMEOUT,
    max_memory: MemoryOption = DEFAULT_MEMORY_MIB,
    force: ForceOption = False,
    pdf_variant: VariantOption = PdfVariant.UA1,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Check the content, then write the brief and the one-pagers (PDF and HTML)."""
    from briefwright.incremental import up_to_date_notice

    # Decided before the models are even imported: an unchanged rebuild must be instant.
    # (The console entry point, briefwright.launch, asks the same before Typer is loaded.)
    try:
        notice = (
            None
            if force or only is not None
            else up_to_date_notice(content, templates, out, paper.value, pdf_variant.value)
        )
    except BriefError as error:
        fail(error)
    if notice:
        typer.echo(notice)
        return
    from briefwright.build import Options
    from briefwright.build import build as run_build
    from briefwright.report import print_outcome, progress_bars

    try:
        with _interruptible(), progress_bars(sys.stdout.isatty() and not quiet) as progress:
            limits = Limits(timeout=timeout, memory_mib=max_memory)
            options = Options(
                paper.value, pdf_variant.value, only, workers(jobs), limits, force, progress
            )
            built = run_build(content, templates, out, options)
    except BriefError as error:
        fail(error)
    _print_warnings(built.warnings)
    print_outcome(built, quiet, verbose)


def workers(jobs: int | None) -> int:
    """Return how many typesetting processes to use: --jobs, else one per CPU."""
    return jobs or os.cpu_count() or 1


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
    from briefwright.build import Options
    from briefwright.release import release as run_release

    options = Options(
        paper=paper.value, pdf_variant=pdf_variant.value, jobs=workers(jobs), force=True
    )
    try:
        with _interruptible():
            released = run_release(content, templates, out, options)
    except BriefError as error:
        fail(error)
    typer.echo(f"released {released.files} files in {released.folder}")
    typer.echo(f"archive {released.archive} ({released.archive.stat().st_size:,} bytes)")


@app.command()
def check(
    content: ContentOption = Path("content"),
    strict: StrictOption = False,
    format: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.TEXT,
) -> None:
    """Load and check the content without rendering anything."""
    from briefwright.build import load_and_check
    from briefwright.coverage import source_coverage

    try:
        checked = load_and_check(content, strict=strict)
    except BriefError as error:
        if format is Format.JSON:
            typer.echo(_as_json(error.diagnostics))
            raise typer.Exit(code=1) from None
        fail(error)
    if format is Format.JSON:
        typer.echo(_as_json(checked.notices))
        return
    _print_warnings(checked.notices)
    brief = checked.brief
    statements = sum(1 for _ in brief.cited())
    quotes = sum(1 for _ in brief.citations())
    typer.echo(
        f"ok: {statements} cited statements, {quotes} quotes verified against "
        f"{len(brief.sources)} sources, {sum(1 for _ in brief.judgments())} judgments"
    )
    for source in brief.sources:
        coverage = source_coverage(brief, source)
        cited = len(coverage.paragraphs) - len(coverage.uncited)
        typer.echo(
            f"  {source.id}: cited by {coverage.statements} statements; "
            f"{cited} of {len(coverage.paragraphs)} paragraphs cited"
        )


@contextmanager
def _interruptible() -> Iterator[None]:
    """Turn SIGINT and SIGTERM into exit code 130 with one line; the output stays as it was."""

    def terminate(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    except KeyboardInterrupt:
        typer.echo("interrupted: the output folder is as it was before this build", err=True)
        raise typer.Exit(code=130) from None
    finally:
        signal.signal(signal.SIGTERM, previous)


def _print_warnings(notices: tuple[Diagnostic, ...]) -> None:
    for notice in notices:
        typer.echo(f"{notice} ({notice.severity.value})", err=True)


def fail(error: BriefError) -> NoReturn:
    for diagnostic in error.diagnostics:
        typer.echo(str(diagnostic), err=True)
    sys.stderr.flush()
    raise typer.Exit(code=1)


def _as_json(diagnostics: tuple[Diagnostic, ...]) -> str:
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


# The authoring commands (serve, list, sources add, new topic, schema) register themselves.
from briefwright import cli_authoring  # noqa: E402, F401
