"""The `new` commands: scaffold content files with every field present and explained."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from briefwright.cli.messages import fail
from briefwright.cli.options import ContentOption, sub_app
from briefwright.errors import BriefError

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

    try:
        path = new_topic(content / "topics", topic_id, title)
    except BriefError as error:
        fail(error)
    typer.echo(f"wrote {path}: replace every REPLACE, then run briefwright check")
