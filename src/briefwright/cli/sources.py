"""The `sources` commands: add an article (a text file, an HTML page, a PDF or an http(s)
address) to the content."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from briefwright.cli.messages import fail
from briefwright.cli.options import ContentOption, sub_app
from briefwright.errors import BriefError
from briefwright.model.vocab import SourceKind

if TYPE_CHECKING:
    from briefwright.authoring.ingest import Ingested

app = sub_app("Work with the source articles.")


#: Lines of dropped furniture printed; the source file lists them all.
SHOWN_REMOVED = 10


@app.command("add", short_help="Add an article (file, HTML page, PDF or URL) to content/sources/.")
def add(
    article: Annotated[
        str,
        typer.Argument(
            help="The article: a text file, an HTML page saved from a browser, a PDF, or an "
            "http(s) address to fetch once (kept as a WARC beside the text).",
            metavar="FILE_OR_URL",
        ),
    ],
    publisher: Annotated[
        str | None,
        typer.Option("--publisher", help="Outlet or publisher (default: the page's metadata)."),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="Publication date, YYYY-MM-DD (default: the page's metadata).",
            metavar="DATE",
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option("--title", help="Headline (default: the metadata, else the first line)."),
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
    """Add an article to content/sources/: its text, the metadata used and where each value
    came from, what was dropped, and the page, PDF or fetched responses kept beside it."""
    from briefwright.authoring.ingest import ArticleFacts, add_article

    day = _iso_date(published) if published is not None else None
    facts = ArticleFacts(publisher, day, title, url, kind, source_id, origin)
    try:
        added = add_article(article, content / "sources", facts)
    except BriefError as error:
        fail(error)
    _print_added(added)


def _print_added(added: Ingested) -> None:
    """Print what `sources add` wrote, kept and dropped (every dropped line is in the file)."""
    for note in added.notes:
        typer.echo(note, err=True)
    for line in added.removed[:SHOWN_REMOVED]:
        typer.echo(f"dropped site furniture: {line}")
    if len(added.removed) > SHOWN_REMOVED:
        more = len(added.removed) - SHOWN_REMOVED
        typer.echo(f"dropped {more} more (all listed under chrome_removed in {added.path})")
    typer.echo(f"added {added.source_id} as {added.path}")
    typer.echo(f"sha256 {added.fingerprint}")
    if added.kept is not None:
        typer.echo(f"kept the original as {added.kept}")


def _iso_date(text: str) -> date:
    """Return --date as a date, or a usage error (exit 2) saying how to write it."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        message = f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2023-03-20"
        raise typer.BadParameter(message, param_hint="'--date'") from None
