"""The `check` and `list` commands: verify the content without rendering, list its ids."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from briefwright.cli.messages import as_json, fail, fail_usage_or, print_notices
from briefwright.cli.options import (
    BriefOption,
    ContentOption,
    Format,
    FormatOption,
    QuietOption,
    StrictOption,
    sub_app,
)
from briefwright.errors import BriefError
from briefwright.settings import Project

if TYPE_CHECKING:
    from briefwright.pipeline.checked import Checked, ProjectChecked

app = sub_app()


@app.command()
def check(
    context: typer.Context,
    content: ContentOption = Path("content"),
    strict: StrictOption = False,
    format: FormatOption = Format.TEXT,
    quiet: QuietOption = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List every notice, one a paragraph.")
    ] = False,
    brief: BriefOption = None,
    out: Annotated[
        Path,
        typer.Option(
            "--out", metavar="<path>", help="A series' last build (sources changed since)."
        ),
    ] = Path("build"),
) -> None:
    """Load and check the content without rendering anything (a series: every brief, or
    those --brief names, and the library of sources they share)."""
    from briefwright.pipeline.run import check_project

    try:
        checked = check_project(Project(content), tuple(brief or ()), strict, out)
    except BriefError as error:
        _fail(error, format, context)
    _report(checked, format, verbose, quiet)


def _fail(error: BriefError, format: Format, context: typer.Context) -> NoReturn:
    """Print what failed the check (as JSON, or one line each) and exit with code 1 (2 for
    a --brief that names no brief)."""
    if format is Format.JSON:
        typer.echo(as_json(error.diagnostics))
        raise typer.Exit(code=1)
    fail_usage_or(error, context, "--brief")


def _report(checked: ProjectChecked, format: Format, verbose: bool, quiet: bool) -> None:
    """Print the notices of a passed check (as JSON, or one line each) and what each brief's
    check verified."""
    if format is Format.JSON:
        typer.echo(as_json(checked.notices))
        return
    print_notices(checked.notices, verbose=verbose, quiet=quiet)
    if not quiet:
        for brief_id, result in checked.briefs.items():
            _print_summary(brief_id, result)


def _print_summary(brief_id: str, checked: Checked) -> None:
    """Print what a brief's check verified, and how it uses each source."""
    from briefwright.pipeline.checked import summarise

    summary = summarise(checked.brief)
    lead = f"{brief_id}: ok" if brief_id else "ok"
    typer.echo(
        f"{lead}: {summary.statements} cited statements, {summary.quotes} quotes verified "
        f"against {summary.sources} sources, {summary.judgments} judgments"
    )
    typer.echo(
        f"  main text: {summary.words:,} words (budget {summary.word_budget:,}; pages are "
        "counted by `build`)"
    )
    for use in summary.uses:
        typer.echo(
            f"  {use.source_id}: cited by {use.statements} statements; "
            f"{use.cited_paragraphs} of {use.paragraphs} paragraphs cited"
        )


@app.command(name="list")
def list_content(content: ContentOption = Path("content")) -> None:
    """List the topics and the sources, with their ids."""
    from briefwright.pipeline.checked import load_and_check

    try:
        brief = load_and_check(content).brief
    except BriefError as error:
        fail(error)
    typer.echo("topics:")
    for topic in brief.topics:
        typer.echo(f"  {topic.id:<32} {topic.title}")
    typer.echo("sources:")
    for source in brief.sources:
        typer.echo(f"  {source.id:<32} {source.short_name}, {source.published.isoformat()}")
