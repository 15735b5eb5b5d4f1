"""Declare the command-line options the commands share, once, with their help and limits.

A leaf of the CLI package: the command modules import it, it imports none of them.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from briefwright.settings import MIN_MEMORY_MIB, MIN_TIMEOUT, Paper, PdfVariant, Project


class Format(StrEnum):
    """How `check` prints its diagnostics."""

    TEXT = "text"
    JSON = "json"


ContentOption = Annotated[Path, typer.Option("--content", help="Folder of content files.")]
TemplatesOption = Annotated[
    Path, typer.Option("--templates", help="Folder of Jinja2 templates and assets.")
]
OutOption = Annotated[Path, typer.Option("--out", help="Output folder.")]
PaperOption = Annotated[Paper, typer.Option("--paper", help="Paper size of the PDF.")]
VariantOption = Annotated[
    PdfVariant,
    typer.Option(
        "--pdf-variant",
        help=(
            "PDF/UA or archival PDF/A flavour, each validated by an independent validator; "
            "+ua-1: PDF/A and PDF/UA-1 at once. "
            + ", ".join(v.value for v in PdfVariant if v.experimental)
            + ": experimental (no validator profile: not proven to conform)."
        ),
    ),
]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs", "-j", min=1, help="Typesetting processes (default: the number of CPUs)."
    ),
]
StrictOption = Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")]
OnlyOption = Annotated[
    str | None,
    typer.Option(
        "--only", help="Build only `brief`, `onepagers`, or the one-pager of one topic (by id)."
    ),
]
BriefOption = Annotated[
    list[str] | None,
    typer.Option(
        "--brief", metavar="ID", help="In a series, build this brief (repeat for several)."
    ),
]
TimeoutOption = Annotated[
    float, typer.Option("--timeout", min=MIN_TIMEOUT, help="Seconds one document may take.")
]
MemoryOption = Annotated[
    int,
    typer.Option(
        "--max-memory", min=MIN_MEMORY_MIB, help="MiB a typesetting (or web-font) process may map."
    ),
]
ForceOption = Annotated[
    bool,
    typer.Option(
        "--force",
        help="Typeset everything it builds, even what is up to date (with --only, the rest "
        "is kept as it is).",
    ),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print only problems.")]
VerboseOption = Annotated[bool, typer.Option("--verbose", "-v", help="Show stage timings.")]
FormatOption = Annotated[Format, typer.Option("--format", help="Output format.")]


def project_of(content: Path, templates: Path) -> Project:
    """Return the project the --content and --templates options name."""
    return Project(content, templates)


def sub_app(help_text: str | None = None) -> typer.Typer:
    """Return a Typer app for one command module, formatted like the others.

    rich_markup_mode=None on every app: plain help and usage errors. Rich's formatting
    imports ~0.1 s of modules for each `--help`, half of its time. Rich still draws the
    table of `build --verbose`.
    """
    return typer.Typer(
        help=help_text, no_args_is_help=help_text is not None, rich_markup_mode=None
    )
