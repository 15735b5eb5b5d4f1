"""Tests for briefwright.cli.app: exit codes, one line per problem, never a traceback."""

from __future__ import annotations

import ast
import hashlib
import inspect
import json
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from briefwright.cli.app import app
from tests.conftest import CONTENT, ROOT, TEMPLATES, MakeProject

runner = CliRunner()


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_check_real_content() -> None:
    """`briefwright check --strict` on the real content exits 0 (it has no warning) and
    summarises what it verified."""
    result = runner.invoke(app, ["check", "--strict", "--content", str(CONTENT)])
    assert result.exit_code == 0, result.output
    assert re.match(
        r"ok: \d+ cited statements, \d+ quotes verified against 5 sources", result.stdout
    )
    assert re.search(r"\n  main text: \d,\d{3} words \(budget \d,\d{3}; pages are counted by ",
                     result.stdout)  # fmt: skip


def test_check_reports_every_problem_on_its_own_line(project: MakeProject) -> None:
    """Content errors exit 1 with one `path:line:column: CODE message` line each."""
    content = project("unknown-basis")
    result = runner.invoke(app, ["check", "--content", str(content)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert all(line.startswith(f"{content}/brief.yaml:") and " BW104 " in line for line in lines)
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("fixture", "place", "code"),
    [
        ("unknown-source", "topics/only.yaml:13:17", "BW102"),
        ("bad-quote", "topics/only.yaml:14:16", "BW101"),
        ("malformed-yaml", "timeline.yaml:4:9", "BW002"),
        ("missing-field", "topics/only.yaml:1:1", "BW003"),
    ],
)
def test_bad_content_fails_with_its_place(
    project: MakeProject, fixture: str, place: str, code: str
) -> None:
    """Each broken fixture exits 1 with one line naming file:line:column and the code."""
    content = project(fixture)
    result = runner.invoke(app, ["check", "--content", str(content)])
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"{content}/{place}: {code} ")
    assert "Traceback" not in result.output


def test_check_json_output(project: MakeProject) -> None:
    """`--format json` prints the diagnostics as JSON for editors and CI."""
    content = project("bad-quote")
    result = runner.invoke(app, ["check", "--content", str(content), "--format", "json"])
    assert result.exit_code == 1
    (row,) = json.loads(result.stdout)
    assert row["code"] == "BW101"
    assert (row["line"], row["column"]) == (14, 16)
    assert row["path"].endswith("topics/only.yaml")


def test_strict_fails_on_warnings(project: MakeProject) -> None:
    """A warning is printed but passes; with --strict it fails."""
    content = project("uncited-source")
    relaxed = runner.invoke(app, ["check", "--content", str(content)])
    assert relaxed.exit_code == 0
    assert "BW106" in relaxed.stderr
    strict = runner.invoke(app, ["check", "--content", str(content), "--strict"])
    assert strict.exit_code == 1


def test_usage_error_exits_2() -> None:
    """An unknown option or paper size is a usage error: exit code 2."""
    assert runner.invoke(app, ["build", "--paper", "a3"]).exit_code == 2
    assert runner.invoke(app, ["check", "--no-such-option"]).exit_code == 2


def test_failed_build_leaves_previous_build_intact(project: MakeProject, tmp_path: Path) -> None:
    """A build that fails on bad content exits 1 and changes nothing in the output folder."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "brief.pdf").write_bytes(b"previous pdf")
    (out / "brief.html").write_text("previous html")
    before = _digest(out)
    content = project("bad-quote")
    args = ["build", "--content", str(content), "--templates", str(TEMPLATES), "--out", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert " BW101 " in result.stderr
    assert _digest(out) == before


def test_build_minimal_project(project: MakeProject, tmp_path: Path) -> None:
    """`briefwright build` writes brief.pdf, brief.html and the assets the HTML links to."""
    out = tmp_path / "out"
    content = project("minimal")
    args = ["build", "--content", str(content), "--templates", str(TEMPLATES), "--out", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert (out / "brief.pdf").read_bytes().startswith(b"%PDF-")
    assert (out / "assets" / "brief.css").is_file()
    assert "wrote" in result.stdout


def test_console_script_help_does_not_import_weasyprint() -> None:
    """`briefwright --help` and `check` never import WeasyPrint (it is slow to import)."""
    code = (
        "import sys; from typer.testing import CliRunner; from briefwright.cli.app import app; "
        "r = CliRunner().invoke(app, ['check', '--content', sys.argv[1]]); "
        "assert r.exit_code == 0, r.output; "
        "assert 'weasyprint' not in sys.modules, 'weasyprint imported'"
    )
    subprocess.run([sys.executable, "-c", code, str(CONTENT)], check=True, cwd=ROOT)


def test_list_shows_topics_and_sources() -> None:
    """`briefwright list` prints every topic and source id."""
    result = runner.invoke(app, ["list", "--content", str(CONTENT)])
    assert result.exit_code == 0
    assert "  co-development" in result.stdout and "  sputnik-2023-03-20" in result.stdout


def test_build_summary_and_stage_timings(project: MakeProject, tmp_path: Path) -> None:
    """A build ends with a table of documents, pages, size and time; --verbose adds stages."""
    args = ["build", "--content", str(project("minimal")), "--out", str(tmp_path), "-j", "1"]
    result = runner.invoke(app, [*args, "--verbose"])
    assert result.exit_code == 0, result.output
    assert "document" in result.stdout and "brief.pdf" in result.stdout
    assert "onepagers/only.pdf" in result.stdout
    assert re.search(r"brief.pdf: main text \d pages? \(budget 5\), 51 words \(budget 1,600\); "
                     r"recommendations begin on page 1", result.stdout)  # fmt: skip
    assert "typeset PDFs" in result.stdout and "check, beside typesetting" in result.stdout
    quiet = runner.invoke(app, [*args, "--quiet", "--force"])
    assert quiet.exit_code == 0 and quiet.stdout == ""


def test_unknown_only_is_a_usage_error(tmp_path: Path) -> None:
    """`--only` naming no document is a usage error in Typer's format, exit 2, and lists
    what can be built."""
    result = runner.invoke(app, ["build", "--only", "nope", "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "Usage: " in result.stderr and " build [OPTIONS]" in result.stderr
    assert (
        "Error: Invalid value for '--only': 'nope' names no document or topic; use one of: "
        "brief, onepagers, co-development" in result.stderr
    )
    assert not (tmp_path / "out").exists()


def test_check_quiet_prints_only_problems(project: MakeProject) -> None:
    """`check -q` prints nothing for clean content; the uncited-paragraph notices are one
    line per source unless --verbose lists each, and a source's only one is itself."""
    quiet = runner.invoke(app, ["check", "-q", "--content", str(project("minimal"))])
    assert quiet.exit_code == 0 and quiet.stdout == "" and quiet.stderr == ""
    content = project("uncited-source")
    alone = runner.invoke(app, ["check", "--content", str(content)])
    lines = [line for line in alone.stderr.splitlines() if " BW120 " in line]
    assert len(lines) == 1 and "--verbose" not in lines[0] and " 1 paragraphs" not in lines[0]
    cited = content / "sources" / "one.txt"
    more = "A paragraph that no statement of the brief cites, however long it runs on.\n"
    cited.write_text(cited.read_text() + f"\n{more}\nAnd another, {more}")
    summary = runner.invoke(app, ["check", "--content", str(content)])
    lines = [line for line in summary.stderr.splitlines() if " BW120 2 " in line]
    assert len(lines) == 1 and "--verbose lists each (info)" in lines[0], summary.stderr
    verbose = runner.invoke(app, ["check", "--content", str(content), "--verbose"])
    each = [line for line in verbose.stderr.splitlines() if " BW120 " in line]
    assert len(each) == 3 and all("--verbose" not in line for line in each)


#: The most lines a command's body may take: parse, call the library, print (STYLE.md).
MAX_BODY_LINES = 15


def _commands(typer_app: typer.Typer, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Yield every command of a Typer app and of the apps merged into it, by its name."""
    for info in typer_app.registered_commands:
        assert info.callback is not None
        yield f"{prefix}{info.name or info.callback.__name__}", info.callback
    for group in typer_app.registered_groups:
        assert group.typer_instance is not None
        yield from _commands(
            group.typer_instance, f"{prefix}{group.name} " if group.name else prefix
        )


def body_lines(function: Any) -> int:
    """Return how many lines a function's body takes after its docstring, blank lines in."""
    source = textwrap.dedent(inspect.getsource(function))
    (definition,) = ast.parse(source).body
    assert isinstance(definition, ast.FunctionDef)
    body = definition.body
    if isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]  # the docstring
    if not body:
        return 0
    last = body[-1].end_lineno
    assert last is not None
    return last - body[0].lineno + 1


def test_every_command_body_is_short() -> None:
    """Every command, found by walking the Typer app, only parses, calls the library and
    prints: its body (after the docstring) is at most MAX_BODY_LINES lines."""
    commands = dict(_commands(app))
    assert {"build", "release", "check", "init", "sources add"} <= set(commands)
    long = {name: body_lines(f) for name, f in commands.items() if body_lines(f) > MAX_BODY_LINES}
    assert long == {}


def test_the_body_measure_counts_what_a_command_does() -> None:
    """The measure counts every line from the first statement after the docstring to the
    last, blank lines included, and nothing of the signature or the docstring."""

    def command(value: int = 1) -> None:
        """A docstring
        over two lines."""
        first = value

        print(first)

    assert body_lines(command) == 3
