"""The `review` commands: a reviewed Word edition's comments and tracked changes, item by
item against the statements they touch, and the accepted changes made in the content."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from briefwright.cli.messages import fail_usage_or, print_notices
from briefwright.cli.options import ContentOption, Format, FormatOption, sub_app
from briefwright.errors import BriefError
from briefwright.settings import Project

app = sub_app("Clear a brief: a reviewer's Word comments and tracked changes.")

ReviewFileArgument = Annotated[
    Path | None,
    typer.Argument(
        metavar="REVIEW_YAML",
        help="The review file (default: review.yaml beside --content; in a series, "
        "review-<ID>.yaml).",
    ),
]
OneBriefOption = Annotated[
    str | None, typer.Option("--brief", metavar="ID", help="In a series, the brief reviewed.")
]


@app.command("import", short_help="Report a reviewed .docx's comments and tracked changes.")
def import_(
    context: typer.Context,
    reviewed: Annotated[
        Path,
        typer.Argument(metavar="REVIEWED.docx", help="The Word edition a reviewer sent back."),
    ],
    content: ContentOption = Path("content"),
    format: FormatOption = Format.TEXT,
    write: Annotated[
        Path | None,
        typer.Option(
            "--write",
            metavar="FILE",
            help="Also write the items as a review file (check and release read review.yaml "
            "beside --content; in a series, review-<ID>.yaml).",
        ),
    ] = None,
    brief: OneBriefOption = None,
) -> None:
    """Report each comment and tracked change of REVIEWED.docx (a Word edition briefwright
    made): the statement it touches (id, file:line of its text in content/), the reviewer
    and date, the commented words and the comment, or the text before and after. A change
    inside a source note's quote is flagged: it is never applied."""
    from briefwright.review.report import review_json, review_table
    from briefwright.review.session import import_review, write_review

    try:
        review = import_review(Project(content, brief=brief), reviewed)
        if write is not None:
            write_review(review, write, brief)
    except BriefError as error:
        fail_usage_or(error, context, "--brief")
    typer.echo(review_json(review) if format is Format.JSON else review_table(review), nl=False)


@app.command("apply", short_help="Make a review file's accepted changes in content/, then check.")
def apply(
    context: typer.Context,
    review_file: ReviewFileArgument = None,
    content: ContentOption = Path("content"),
    brief: OneBriefOption = None,
) -> None:
    """Make the accepted text changes of REVIEW_YAML in the content's YAML (only those
    statements' lines change; comments, order and formatting stay), then check the content:
    an applied change that breaks grounding is reported at its line."""
    from briefwright.load.review import review_path
    from briefwright.pipeline.run import check_project
    from briefwright.review.report import applied_line
    from briefwright.review.session import apply_project_review

    project = Project(content, brief=brief)
    try:
        applied = apply_project_review(project, review_file or review_path(content, brief))
        print_notices(applied.notices)
        typer.echo(applied_line(applied.changed))
        briefs = (brief,) if brief else ()
        print_notices(check_project(Project(content), briefs).notices, quiet=True)
    except BriefError as error:
        fail_usage_or(error, context, "--brief")
