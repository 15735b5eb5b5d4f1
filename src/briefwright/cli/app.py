"""The `briefwright` command: one Typer app made of the command modules' own apps.

Each command module declares its commands on an app of its own and imports only the leaf
modules `options` and `messages`; this module merges them, so no command module imports
another, and the order here is the order `--help` lists them in.
"""

from __future__ import annotations

import typer

from briefwright.cli import (
    build,
    check,
    diff,
    init,
    new,
    review,
    schema,
    serve,
    sources,
    translate,
)

app = typer.Typer(
    help="Build policy briefs in which every factual sentence cites a verified quote.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
)
app.add_typer(init.app)
app.add_typer(build.app)
app.add_typer(check.app)
app.add_typer(diff.app)
app.add_typer(serve.app)
app.add_typer(schema.app)
app.add_typer(sources.app, name="sources")
app.add_typer(new.app, name="new")
app.add_typer(review.app, name="review")
app.add_typer(translate.app, name="translate")
