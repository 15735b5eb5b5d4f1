"""The `sources` commands: add an article to the content, verbatim."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from briefwright.cli.messages import fail
from briefwright.cli.options import ContentOption, sub_app
from briefwright.errors import BriefError
from briefwright.model.vocab import SourceKind

app = sub_app("Work with the source articles.")


@app.command("add", short_help="Add an article to content/sources/, verbatim.")
def add(
    article: Annotated[Path, typer.Argument(help="The article as a text file.")],
    publisher: Annotated[str, typer.Option("--publisher", help="Outlet or publisher.")],
    published: Annotated[
        str, typer.Option("--date", help="Publication date, YYYY-MM-DD.", metavar="DATE")
    ],
    title: Annotated[
        str | None,
        typer.Option("--title", help="Headline (default: the article's first line)."),
    ] = None,
    url: Annotated[str | None, typer.Option("--url", help="Web address, if known.")] = None,
    kind: Annotated[SourceKind, typer.Option("--kind", help="Kind of source.")] = (
        SourceKind.NEWS_REPORT
    ),
    source_id: Annotated[
        str | None, typer.Option("--id", help="Source id (default: publisher-date).")
    ] = None,
    origin: Annotated[
        str | None,
        typer.Option("--origin", help="The briefing or statement it reports, if shared."),
    ] = None,
    content: ContentOption = Path("content"),
) -> None:
    """Add an article to content/sources/, verbatim, reporting what it drops or finds."""
    from briefwright.authoring.ingest import ArticleFacts, add_source

    facts = ArticleFacts(publisher, _iso_date(published), title, url, kind, source_id, origin)
    try:
        added = add_source(article, content / "sources", facts)
    except BriefError as error:
        fail(error)
    for note in added.notes:
        typer.echo(note, err=True)
    for line in added.removed:
        typer.echo(f"dropped site furniture: {line}")
    typer.echo(f"added {added.source_id} as {added.path}")
    typer.echo(f"sha256 {added.fingerprint}")


def _iso_date(text: str) -> date:
    """Return --date as a date, or a usage error (exit 2) saying how to write it."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        message = f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2023-03-20"
        raise typer.BadParameter(message, param_hint="'--date'") from None
