"""The `schema` command: JSON Schemas of the content files, for editors."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from briefwright.cli.options import sub_app

app = sub_app()


@app.command(short_help="Write a JSON Schema for every kind of content file and record.")
def schema(
    out: Annotated[Path, typer.Option("--out", help="Folder for the JSON Schema files.")] = Path(
        "docs/schemas"
    ),
) -> None:
    """Write a JSON Schema for every kind of content file (for editors' YAML support), and
    for content.json and `diff --format json` (for tools)."""
    from briefwright.authoring.schema import all_schemas
    from briefwright.output.write import write_artifacts

    for path in write_artifacts(out, all_schemas()):
        typer.echo(f"wrote {path}")
