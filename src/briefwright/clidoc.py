"""Turn the CLI's own --help into docs/cli.md, so the reference cannot drift from the code.

Run `make docs` (python -m briefwright.clidoc) after changing a command; a test fails while
docs/cli.md is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

from typer.testing import CliRunner

from briefwright.cli import app

COMMANDS = [
    [],
    ["build"],
    ["check"],
    ["release"],
    ["serve"],
    ["list"],
    ["sources", "add"],
    ["new", "topic"],
    ["schema"],
]
_ENV = {"COLUMNS": "100", "TERMINAL_WIDTH": "100", "NO_COLOR": "1", "TERM": "dumb"}


def cli_reference() -> str:
    """Return the Markdown CLI reference: every command's --help, in order."""
    parts = [
        "# CLI reference\n\n",
        "Generated from `briefwright … --help` by `make docs`; do not edit by hand.\n",
    ]
    runner = CliRunner()
    for command in COMMANDS:
        result = runner.invoke(app, [*command, "--help"], env=_ENV, prog_name="briefwright")
        title = " ".join(["briefwright", *command])
        help_text = "\n".join(line.rstrip() for line in result.output.strip("\n").splitlines())
        parts.append(f"\n## `{title}`\n\n```text\n{help_text}\n```\n")
    return "".join(parts)


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/cli.md")
    target.write_text(cli_reference(), encoding="utf-8")
    print(f"wrote {target}")
