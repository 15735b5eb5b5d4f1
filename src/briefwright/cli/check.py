"""The `check` and `list` commands: verify the content without rendering, list its ids."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

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
    from briefwright.pipeline.checked import Checked

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
    from briefwright.pipeline.checked import check_series, load_and_check

    project = Project(content)
    try:
        if project.is_series:
            series = check_series(project, tuple(brief or ()), strict, out)
            results, library = series.briefs, series.library
        else:
            results, library = {"": load_and_check(content, strict=strict)}, ()
    except BriefError as error:
        if format is Format.JSON:
            typer.echo(as_json(error.diagnostics))
            raise typer.Exit(code=1) from None
        fail_usage_or(error, context, "--brief")
    notices = [n for result in results.values() for n in result.notices] + list(library)
    if format is Format.JSON:
        typer.echo(as_json(notices))
        return
    print_notices(notices, verbose=verbose, quiet=quiet)
    if not quiet:
        for brief_id, result in results.items():
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
