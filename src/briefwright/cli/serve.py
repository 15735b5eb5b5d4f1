"""The `serve` command: a live preview of the brief, rebuilt on every edit."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from briefwright.cli.options import (
    ContentOption,
    JobsOption,
    TemplatesOption,
    project_of,
    sub_app,
)
from briefwright.settings import default_jobs

app = sub_app()


@app.command(short_help="Preview the brief in a browser, rebuilt on every edit.")
def serve(
    content: ContentOption = Path("content"),
    templates: TemplatesOption = Path("templates"),
    port: Annotated[int, typer.Option("--port", help="Port on 127.0.0.1.")] = 8000,
    jobs: JobsOption = None,
) -> None:
    """Preview the brief in a browser; rebuild and reload on every edit (Ctrl-C stops)."""
    from briefwright.serve.preview import serve as run_preview

    def say(line: str) -> None:
        typer.echo(line)

    run_preview(project_of(content, templates), port, jobs or default_jobs(), say)
