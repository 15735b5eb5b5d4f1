"""The analyst's commands: preview, list, add a source, scaffold a topic, write schemas.

They register on the same Typer app as build, check and release (see cli.py).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from briefwright.cli import ContentOption, JobsOption, TemplatesOption, app, fail, workers
from briefwright.errors import BriefError, Diagnostic, Location
from briefwright.vocab import SourceKind

sources_app = typer.Typer(
    help="Work with the source articles.", no_args_is_help=True, rich_markup_mode=None
)
new_app = typer.Typer(
    help="Scaffold new content files.", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(sources_app, name="sources")
app.add_typer(new_app, name="new")


@app.command(short_help="Preview the brief in a browser, rebuilt on every edit.")
def serve(
    content: ContentOption = Path("content"),
    templates: TemplatesOption = Path("templates"),
    port: Annotated[int, typer.Option("--port", help="Port on 127.0.0.1.")] = 8000,
    jobs: JobsOption = None,
) -> None:
    """Preview the brief in a browser; rebuild and reload on every edit (Ctrl-C stops)."""
    import tempfile
    import threading

    from briefwright.serve import Preview, make_server

    with tempfile.TemporaryDirectory(prefix="briefwright-preview-") as folder:
        preview = Preview(content, templates, Path(folder), workers(jobs))
        preview.refresh()
        for problem in preview.problems:
            typer.echo(problem, err=True)
        server = make_server(preview, port)
        watcher = threading.Thread(
            target=preview.watch_forever,
            args=(lambda seconds: typer.echo(f"rebuilt the HTML in {seconds:.2f} s"),),
            daemon=True,
        )
        watcher.start()
        preview.watching.wait(timeout=10)  # serve nothing an unwatched edit could make stale
        threads = [
            watcher,
            threading.Thread(target=server.serve_forever, daemon=True),
            threading.Thread(target=preview.typeset_forever, daemon=True),
        ]
        for thread in threads[1:]:
            thread.start()
        typer.echo(f"serving http://127.0.0.1:{port}/ (Ctrl-C to stop)")
        try:
            while True:
                threading.Event().wait(3600)
        except KeyboardInterrupt:
            preview.stop.set()
            server.shutdown()
            for thread in threads:
                thread.join(timeout=10)
            typer.echo("stopped")


@app.command(short_help="Write a JSON Schema for every kind of content file.")
def schema(
    out: Annotated[Path, typer.Option("--out", help="Folder for the JSON Schema files.")] = Path(
        "docs/schemas"
    ),
) -> None:
    """Write a JSON Schema for every kind of content file (for editors' YAML support)."""
    from briefwright.schema import content_schemas
    from briefwright.write import write_artifacts

    for path in write_artifacts(out, content_schemas()):
        typer.echo(f"wrote {path}")


@app.command(name="list")
def list_content(content: ContentOption = Path("content")) -> None:
    """List the topics and the sources, with their ids."""
    from briefwright.build import load_and_check

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


@sources_app.command("add", short_help="Add an article to content/sources/, verbatim.")
def sources_add(
    article: Annotated[Path, typer.Argument(help="The article as a text file.")],
    publisher: Annotated[str, typer.Option("--publisher", help="Outlet or publisher.")],
    published: Annotated[
        str, typer.Option("--date", help="Publication date, YYYY-MM-DD.", metavar="DATE")
    ],
    title: Annotated[str | None, typer.Option("--title", help="Headline, if any.")] = None,
    url: Annotated[str | None, typer.Option("--url", help="Web address, if known.")] = None,
    kind: Annotated[SourceKind, typer.Option("--kind", help="Kind of source.")] = (
        SourceKind.NEWS_REPORT
    ),
    content: ContentOption = Path("content"),
) -> None:
    """Add an article to content/sources/, verbatim, reporting what it drops or finds."""
    from briefwright.ingest import add_source

    try:
        when = _iso_date(published)
        added = add_source(article, content / "sources", publisher, when, title, url, kind)
    except BriefError as error:
        fail(error)
    for note in added.notes:
        typer.echo(note, err=True)
    for line in added.removed:
        typer.echo(f"dropped site furniture: {line}")
    typer.echo(f"added {added.source_id} as {added.path}")
    typer.echo(f"sha256 {added.fingerprint}")


@new_app.command("topic", short_help="Scaffold a topic file with every field explained.")
def new_topic(
    topic_id: Annotated[
        str, typer.Argument(metavar="ID", help="Topic id, e.g. space-cooperation.")
    ],
    title: Annotated[str, typer.Option("--title", help="The topic's heading.")],
    content: ContentOption = Path("content"),
) -> None:
    """Scaffold content/topics/ID.yaml with every field present and explained."""
    from briefwright.scaffold import new_topic as scaffold

    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", topic_id):
        message = f"topic id {topic_id!r} must be lowercase letters, digits and hyphens"
        fail(BriefError([Diagnostic("BW003", message, Location("ID"))]))
    try:
        path = scaffold(content / "topics", topic_id, title)
    except BriefError as error:
        fail(error)
    typer.echo(f"wrote {path}: replace every REPLACE, then run briefwright check")


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        message = f"--date {text!r} is not a date; give YYYY-MM-DD"
        raise BriefError([Diagnostic("BW003", message, Location("--date"))]) from None
