"""The `new` commands: scaffold content files with every field present and explained."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import typer

from briefwright.cli.messages import fail
from briefwright.cli.options import ContentOption, sub_app
from briefwright.errors import BriefError, Location

app = sub_app("Scaffold new content files.")


@app.command("topic", short_help="Scaffold a topic file with every field explained.")
def topic(
    topic_id: Annotated[
        str, typer.Argument(metavar="ID", help="Topic id, e.g. space-cooperation.")
    ],
    title: Annotated[str, typer.Option("--title", help="The topic's heading.")],
    content: ContentOption = Path("content"),
) -> None:
    """Scaffold content/topics/ID.yaml with every field present and explained."""
    from briefwright.authoring.scaffold import new_topic

    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", topic_id):
        message = f"topic id {topic_id!r} must be lowercase letters, digits and hyphens"
        fail(BriefError.of("BW003", message, Location("ID")))
    try:
        path = new_topic(content / "topics", topic_id, title)
    except BriefError as error:
        fail(error)
    typer.echo(f"wrote {path}: replace every REPLACE, then run briefwright check")
