"""The `init` command: start a project in a new folder, blank or from the example brief."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from briefwright.cli.messages import fail
from briefwright.cli.options import sub_app
from briefwright.errors import BriefError

if TYPE_CHECKING:
    from briefwright.authoring.init import Starter

LANGUAGE_PATTERN = r"[a-z]{2,3}(-[A-Za-z0-9]+)*"

app = sub_app()


@app.command(short_help="Start a project: every content file explained, ready to fill in.")
def init(
    folder: Annotated[
        Path, typer.Argument(metavar="DIR", help="A new or empty folder for the project.")
    ],
    title: Annotated[str | None, typer.Option("--title", help="The brief's title.")] = None,
    organisation: Annotated[
        str | None, typer.Option("--organisation", help="Who publishes it.")
    ] = None,
    language: Annotated[
        str, typer.Option("--language", help="BCP 47 language of the brief, e.g. en-GB, ja.")
    ] = "en",
    example: Annotated[
        bool,
        typer.Option("--example", help="Write the India–Japan example brief instead."),
    ] = False,
) -> None:
    """Write a project into DIR: content files with every field explained and placeholders
    marked REPLACE, editor schemas, a README, a .gitignore and a CI workflow."""
    from briefwright.authoring.init import init_project

    try:
        written = init_project(folder, _starter(title, organisation, language, example), example)
    except BriefError as error:
        fail(error)
    typer.echo(f"wrote {len(written)} files into {folder}")
    if example:
        typer.echo(f"next: cd {folder} && briefwright build")
    else:
        typer.echo(f"next: cd {folder}, read README.md, then run briefwright check")


def _starter(title: str | None, organisation: str | None, language: str, example: bool) -> Starter:
    """Return what the new project's files say, dated today; a usage error (exit 2) for
    options that contradict each other or a language that is not a BCP 47 tag."""
    from briefwright.authoring.init import Starter
    from briefwright.pipeline.clock import today

    if example and (title or organisation):
        message = "--example writes the example's own title and organisation"
        raise typer.BadParameter(message, param_hint="'--example'")
    if not re.fullmatch(LANGUAGE_PATTERN, language):
        message = f"{language!r} is not a BCP 47 tag; give e.g. en, en-GB or ja"
        raise typer.BadParameter(message, param_hint="'--language'")
    given = {"title": title, "organisation": organisation}
    return Starter(today(), language=language, **{k: v for k, v in given.items() if v})
