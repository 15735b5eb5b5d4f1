"""The `check` and `list` commands: verify the content without rendering, list its ids."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from briefwright.cli.messages import as_json, fail, print_notices
from briefwright.cli.options import (
    ContentOption,
    Format,
    FormatOption,
    QuietOption,
    StrictOption,
    sub_app,
)
from briefwright.errors import BriefError

app = sub_app()


@app.command()
def check(
    content: ContentOption = Path("content"),
    strict: StrictOption = False,
    format: FormatOption = Format.TEXT,
    quiet: QuietOption = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List every notice, one a paragraph.")
    ] = False,
) -> None:
    """Load and check the content without rendering anything."""
    from briefwright.pipeline.checked import load_and_check, summarise

    try:
        checked = load_and_check(content, strict=strict)
    except BriefError as error:
        if format is Format.JSON:
            typer.echo(as_json(error.diagnostics))
            raise typer.Exit(code=1) from None
        fail(error)
    if format is Format.JSON:
        typer.echo(as_json(checked.notices))
        return
    print_notices(checked.notices, verbose=verbose, quiet=quiet)
    if quiet:
        return
    summary = summarise(checked.brief)
    typer.echo(
        f"ok: {summary.statements} cited statements, {summary.quotes} quotes verified against "
        f"{summary.sources} sources, {summary.judgments} judgments"
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
