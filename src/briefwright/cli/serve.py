"""The `serve` command: a live preview of the brief, rebuilt on every edit."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from briefwright.cli.messages import fail_usage_or
from briefwright.cli.options import (
    ContentOption,
    JobsOption,
    TemplatesOption,
    project_of,
    sub_app,
)
from briefwright.errors import BriefError
from briefwright.settings import default_jobs

app = sub_app()


@app.command(short_help="Preview the brief in a browser, rebuilt on every edit.")
def serve(
    context: typer.Context,
    content: ContentOption = Path("content"),
    templates: TemplatesOption = Path("templates"),
    port: Annotated[
        int, typer.Option("--port", min=1, max=65535, help="Port on 127.0.0.1.")
    ] = 8000,
    jobs: JobsOption = None,
) -> None:
    """Preview the brief in a browser; rebuild and reload on every edit (Ctrl-C stops)."""
    from briefwright.serve.preview import serve as run_preview

    try:
        run_preview(project_of(content, templates), port, jobs or default_jobs(), _say)
    except BriefError as error:
        fail_usage_or(error, context, "--port")


def _say(line: str) -> None:
    typer.echo(line)
