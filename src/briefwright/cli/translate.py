"""The `translate` commands: what a brief's translations still lack, and stub entries for it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from briefwright.cli.messages import fail, fail_usage_or
from briefwright.cli.options import ContentOption, sub_app
from briefwright.errors import BriefError
from briefwright.settings import Project

app = sub_app("Keep a brief's translations in step with it.")

LanguageArgument = Annotated[
    str, typer.Argument(metavar="LANG", help="The translation's language (BCP 47), e.g. ja.")
]
OneBriefOption = Annotated[
    str | None, typer.Option("--brief", metavar="ID", help="In a series, the brief to translate.")
]


@app.command("status", short_help="List the texts each translation lacks or has stale.")
def status(
    context: typer.Context,
    languages: Annotated[
        list[str] | None, typer.Argument(metavar="[LANG]...", help="Languages (default: all).")
    ] = None,
    content: ContentOption = Path("content"),
    brief: OneBriefOption = None,
) -> None:
    """List what each translation the brief declares lacks: texts not translated (BW125),
    stale ones with the word diff of their original (BW126), and the rest of BW125–BW129."""
    from briefwright.authoring.translations import translation_status

    try:
        found = translation_status(Project(content, brief=brief), tuple(languages or ()))
    except BriefError as error:
        fail_usage_or(error, context, "--brief")
    for report in found:
        for finding in report.findings:
            typer.echo(f"{finding} ({finding.severity.value})")
        typer.echo(report.summary())


@app.command("stub", short_help="Write the entries a translation lacks, to translate.")
def stub(
    language: LanguageArgument,
    content: ContentOption = Path("content"),
    brief: OneBriefOption = None,
) -> None:
    """Append to translations/LANG.yaml an entry for every text it lacks: its id and field,
    the text to translate (`original`), its fingerprint, and an empty `text:` to write."""
    from briefwright.authoring.translations import stub_translation

    try:
        path, added = stub_translation(Project(content, brief=brief), language)
    except BriefError as error:
        fail(error)
    typer.echo(f"{path}: {added} entries added; write each `text:`, then run briefwright check")
