"""The `diff` command: what changed between two versions of a brief, statement by statement."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from briefwright.cli.messages import fail, interruptible
from briefwright.cli.options import (
    ContentOption,
    Format,
    FormatOption,
    TemplatesOption,
    project_of,
    sub_app,
)
from briefwright.errors import BriefError

app = sub_app()

VersionArgument = Annotated[
    str,
    typer.Argument(
        metavar="VERSION",
        help="A content folder, a release (its zip, or its folder), or a git revision.",
        show_default=False,
    ),
]


@app.command(short_help="Compare two versions of a brief, statement by statement.")
def diff(
    old: VersionArgument,
    new: VersionArgument,
    content: ContentOption = Path("content"),
    templates: TemplatesOption = Path("templates"),
    format: FormatOption = Format.TEXT,
    docx: Annotated[
        Path | None,
        typer.Option(
            "--docx", metavar="FILE", help="Also write NEW's Word edition, the changes tracked."
        ),
    ] = None,
    brief: Annotated[
        str | None, typer.Option("--brief", metavar="ID", help="In a series, the brief.")
    ] = None,
) -> None:
    """Compare OLD with NEW by the ids of their statements: statements added, removed or
    reworded, judgments re-rated, recommendations re-addressed, quotes, sources,
    corrections and metadata changed. Renumbered notes, reordered files and re-wrapped YAML
    are not changes. A git revision is one of the project's repository (--content).

    Exit status as diff(1): 0 when the versions are the same, 1 when they differ (not an
    error, unlike every other command's 1), 2 for trouble: a version that cannot be read
    or checked, or a usage error.
    """
    from briefwright.compare.summary import summarise_changes
    from briefwright.pipeline.diff import diff_versions

    project = replace(project_of(content, templates), brief=brief)
    try:
        with interruptible():
            changes = diff_versions(project, old, new, docx)
    except BriefError as error:
        fail(error, code=2)
    typer.echo(
        changes.to_json() if format is Format.JSON else summarise_changes(changes), nl=False
    )
    raise typer.Exit(code=0 if changes.equal else 1)
