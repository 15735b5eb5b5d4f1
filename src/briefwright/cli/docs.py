"""Turn the code into the documents that describe it, so they cannot drift from it: the CLI
reference (from `--help`), the table of diagnostic codes (from the registry in codes.py),
the table of modules in docs/architecture.md (from each module's docstring) and the import
graph between the packages (from the imports themselves, through grimp).

Run `make docs` (python -m briefwright.cli.docs) after changing a command, a code, a module
or an import; tests fail while docs/cli.md, docs/checks.md, docs/architecture.md or
docs/imports.dot is stale.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from pathlib import Path

from typer.testing import CliRunner

from briefwright.cli.app import app
from briefwright.codes import CODES

COMMANDS = [
    [],
    ["build"],
    ["release"],
    ["check"],
    ["list"],
    ["diff"],
    ["review", "import"],
    ["review", "apply"],
    ["serve"],
    ["schema"],
    ["sources", "add"],
    ["new", "topic"],
    ["translate", "status"],
    ["translate", "stub"],
]
_ENV = {"COLUMNS": "100", "TERMINAL_WIDTH": "100", "NO_COLOR": "1", "TERM": "dumb"}
_TABLE = re.compile(r"<!-- codes -->\n.*?<!-- /codes -->\n", re.DOTALL)


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


def checks_table() -> str:
    """Return the Markdown table of every diagnostic code, between its markers."""
    rows = [
        f"| {c.code} | {c.severity.value} | {c.meaning} | {c.remedy} |" for c in CODES.values()
    ]
    header = "| code | severity | meaning | what to do |\n|---|---|---|---|\n"
    return "<!-- codes -->\n" + header + "\n".join(rows) + "\n<!-- /codes -->\n"


def with_checks_table(document: str) -> str:
    """Return docs/checks.md with its table of codes regenerated from the registry."""
    return _TABLE.sub(lambda _: checks_table(), document, count=1)


_MODULES = re.compile(r"<!-- modules -->\n.*?<!-- /modules -->\n", re.DOTALL)


def module_summaries(package: Path) -> list[tuple[str, str]]:
    """Return every module of the package (its path under it) with the first sentence of
    its docstring; an empty `__init__.py` says so."""
    found = []
    for path in sorted(package.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        docstring = ast.get_docstring(ast.parse(text)) if text.strip() else None
        first = " ".join((docstring or "").split("\n\n")[0].split())
        summary = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0] if first else "(empty)"
        found.append((path.relative_to(package).as_posix(), summary))
    return found


def modules_table(package: Path) -> str:
    """Return the Markdown table of every module and what it turns into what, between its
    markers."""
    cells = ((name, summary.replace("|", "\\|")) for name, summary in module_summaries(package))
    rows = [f"| `{name}` | {summary} |" for name, summary in cells]
    header = "| module | what it does |\n|---|---|\n"
    return "<!-- modules -->\n" + header + "\n".join(rows) + "\n<!-- /modules -->\n"


def with_modules_table(document: str, package: Path) -> str:
    """Return docs/architecture.md with its table of modules regenerated from the code."""
    return _MODULES.sub(lambda _: modules_table(package), document, count=1)


def layers(pyproject: Path) -> list[list[str]]:
    """Return the layers contract of pyproject.toml, highest first, each a list of packages."""
    config = tomllib.loads(pyproject.read_text(encoding="utf-8"))["tool"]["importlinter"]
    contract = next(c for c in config["contracts"] if c["type"] == "layers")
    return [[name.strip() for name in layer.split("|")] for layer in contract["layers"]]


def package_imports() -> set[tuple[str, str]]:
    """Return (importer, imported) between briefwright's top-level packages and modules."""
    import grimp

    graph = grimp.build_graph("briefwright", cache_dir=None)
    edges = set()
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            pair = (_top(module), _top(imported))
            if pair[0] != pair[1] and pair[0] != "briefwright":
                edges.add(pair)
    return edges


def _top(module: str) -> str:
    return ".".join(module.split(".")[:2])


def import_graph(pyproject: Path) -> str:
    """Return the package import graph as Graphviz DOT, one rank per layer, sorted."""
    lines = ["digraph imports {", "  rankdir=TB;", '  node [shape=box, fontname="sans"];']
    for layer in layers(pyproject):
        names = " ".join(f'"{name.removeprefix("briefwright.")}";' for name in layer)
        lines.append(f"  {{ rank=same; {names} }}")
    for importer, imported in sorted(package_imports()):
        short = importer.removeprefix("briefwright."), imported.removeprefix("briefwright.")
        lines.append(f'  "{short[0]}" -> "{short[1]}";')
    return "\n".join([*lines, "}"]) + "\n"


def main(root: Path) -> None:
    """Write docs/cli.md, the table in docs/checks.md, the table of modules in
    docs/architecture.md and docs/imports.dot under root."""
    docs = root / "docs"
    (docs / "cli.md").write_text(cli_reference(), encoding="utf-8")
    checks = docs / "checks.md"
    checks.write_text(with_checks_table(checks.read_text(encoding="utf-8")), encoding="utf-8")
    architecture = docs / "architecture.md"
    document = architecture.read_text(encoding="utf-8")
    package = root / "src" / "briefwright"
    architecture.write_text(with_modules_table(document, package), encoding="utf-8")
    (docs / "imports.dot").write_text(import_graph(root / "pyproject.toml"), encoding="utf-8")
    print(f"wrote {docs / 'cli.md'}, {checks}, {architecture} and {docs / 'imports.dot'}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "."))
