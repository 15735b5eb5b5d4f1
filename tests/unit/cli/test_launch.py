"""The console entry point's fast path agrees with the Typer CLI, and skips loading it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from briefwright.cli.app import app
from briefwright.cli.launch import BUILD_OPTIONS, parse_build, unchanged_build
from briefwright.pipeline.outcome import Built
from briefwright.settings import Paper, PdfSettings, PdfVariant, pdf_settings
from tests.conftest import CONTENT, ROOT, TEMPLATES

BUILD_COMMAND = typer.main.get_command(app).commands["build"]  # type: ignore[attr-defined]

PLAIN_BUILDS = [
    ["build"],
    ["build", "--out", "x", "--jobs", "2", "-q"],
    ["build", "--paper=letter", "--pdf-variant", "pdf/a-3u", "-v", "--quiet"],
    ["build", "-j", "1", "--timeout", "0.5", "--max-memory=64", "--content", "c"],
    ["build", "--out", "a", "--out", "b"],
]
LEFT_TO_TYPER = [
    [],
    ["check"],
    ["--help"],
    ["build", "--help"],
    ["build", "--force"],
    ["build", "--only", "brief"],
    ["build", "-qv"],
    ["build", "-j2"],
    ["build", "-j=2"],
    ["build", "--quiet=1"],
    ["build", "--out"],
    ["build", "extra"],
    ["build", "--"],
    ["build", "--ou", "x"],
]
REJECTED_BY_BOTH = [
    ["build", "--jobs", "0"],
    ["build", "--jobs", "two"],
    ["build", "--paper", "A4"],
    ["build", "--pdf-variant", "pdf/x"],
    ["build", "--timeout", "0.01"],
    ["build", "--max-memory", "63"],
    ["build", "--max-memory", "1.5"],
]


def typer_values(args: list[str]) -> dict[str, object]:
    """Return the values Typer's own parser gives build's options (defaults left out)."""
    context = BUILD_COMMAND.make_context("build", list(args[1:]))
    return {
        name: value
        for name, value in context.params.items()
        if getattr(context.get_parameter_source(name), "name", None) == "COMMANDLINE"
    }


def test_every_fast_path_flag_is_a_build_option_of_the_same_name() -> None:
    """The table in launch.py names flags exactly as cli.build declares them."""
    declared = {flag: param.name for param in BUILD_COMMAND.params for flag in param.opts}
    for flag, (name, _) in BUILD_OPTIONS.items():
        assert declared.get(flag) == name, flag


@pytest.mark.parametrize("args", PLAIN_BUILDS, ids=" ".join)
def test_plain_builds_parse_as_typer_parses_them(args: list[str]) -> None:
    """Where the fast path understands a command line, it reads the same values as Typer."""
    assert parse_build(args) == typer_values(args)


@pytest.mark.parametrize("args", LEFT_TO_TYPER + REJECTED_BY_BOTH, ids=" ".join)
def test_anything_else_is_left_to_typer(args: list[str]) -> None:
    """Other commands, help, --force, --only, odd spellings and bad values go to Typer."""
    assert parse_build(args) is None


@pytest.mark.parametrize("args", REJECTED_BY_BOTH, ids=" ".join)
def test_values_the_fast_path_refuses_typer_refuses_too(args: list[str]) -> None:
    """No value is good enough for the fast path but a usage error for the CLI."""
    with pytest.raises(typer.BadParameter):
        BUILD_COMMAND.make_context("build", list(args[1:]))


@pytest.mark.parametrize("args", PLAIN_BUILDS, ids=" ".join)
def test_both_parsers_make_the_same_pdf_settings(args: list[str]) -> None:
    """The fast path and the Typer command make PdfSettings with the one function there is,
    from the same option values: a plain build's paper and variant agree."""
    context = BUILD_COMMAND.make_context("build", list(args[1:]))
    fast = parse_build(args)
    assert fast is not None
    assert pdf_settings(fast) == pdf_settings(context.params)
    if "--paper=letter" in args:
        assert pdf_settings(fast) == PdfSettings(Paper.LETTER, PdfVariant.A3U)


def test_up_to_date_build_gets_the_same_notice_from_both(built: Built) -> None:
    """On an unchanged build the fast path prints what `briefwright build` prints."""
    args = ["build", "--content", str(CONTENT), "--templates", str(TEMPLATES)]
    args += ["--out", str(built.out_dir), "-j", "1"]
    notice, _ = unchanged_build(args)
    assert notice == f"{built.out_dir} is up to date: nothing changed since the last build"
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0 and result.stdout == notice + "\n"
    assert unchanged_build([*args, "--paper", "letter"])[0] is None


def test_console_script_answers_an_unchanged_build_without_typer(built: Built) -> None:
    """The installed `briefwright build` decides "up to date" without importing Typer."""
    args = ["build", "--content", str(CONTENT), "--templates", str(TEMPLATES)]
    args += ["--out", str(built.out_dir)]
    code = (
        "import sys; from briefwright.cli.launch import main; sys.argv[1:] = sys.argv[2:]; "
        "main(); "
        "assert not {'typer', 'pydantic', 'weasyprint'} & set(sys.modules), 'slow imports'"
    )
    result = _run_launch(code, args)
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("is up to date: nothing changed since the last build\n")


def test_malformed_build_time_on_an_existing_build_is_one_line(
    built: Built, tmp_path: Path
) -> None:
    """A bad SOURCE_DATE_EPOCH is reported as BW007, even when a previous build exists."""
    script = Path(sys.executable).parent / "briefwright"
    args = [str(script), "build", "--content", str(CONTENT), "--templates", str(TEMPLATES)]
    args += ["--out", str(built.out_dir)]
    env = {**os.environ, "SOURCE_DATE_EPOCH": "yesterday"}
    result = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.startswith("SOURCE_DATE_EPOCH:1:1: BW007 ")
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("command", "warmed"),
    [
        (["build", "--force", "--content", "no-such-folder"], [False]),
        (["release", "--content", "no-such-folder"], [False]),
        (["build", "--help"], []),
        (["check", "--content", "no-such-folder"], []),
    ],
)
def test_fork_server_starts_before_the_cli_loads(command: list[str], warmed: list[bool]) -> None:
    """build and release start WeasyPrint's import before Typer's; other commands never."""
    code = (
        "import sys, briefwright.cli.launch as launch; seen = []; "
        "launch.warm_up = lambda: seen.append('typer' in sys.modules); "
        "sys.argv[1:] = sys.argv[2:]\n"
        "try:\n    launch.main()\nexcept SystemExit:\n    pass\n"
        "print(seen)"
    )
    result = _run_launch(code, command)
    assert result.stdout.splitlines()[-1] == str(warmed), result.stderr


def _run_launch(code: str, args: list[str]) -> subprocess.CompletedProcess[str]:
    """Run `code` in a fresh interpreter whose sys.argv[2:] is a briefwright command line."""
    return subprocess.run(
        [sys.executable, "-c", code, "briefwright", *args],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip


def test_a_changed_build_takes_one_snapshot_of_its_inputs(tmp_path: Path) -> None:
    """Through the console entry point, a build that is not up to date fingerprints its
    inputs once and asks git for the time once, however many stages need them."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "actors.yaml").write_text("actors: [\n")  # fails after the snapshot is taken
    code = (
        "import sys\n"
        "import briefwright.pipeline.clock as clock, briefwright.pipeline.incremental as inc\n"
        "from briefwright.cli.launch import main\n"
        "calls = {'fingerprint': 0, 'git': 0}\n"
        "def counted(name, real):\n"
        "    def call(*args, **kwargs):\n"
        "        calls[name] += 1\n"
        "        return real(*args, **kwargs)\n"
        "    return call\n"
        "inc.fingerprint_inputs = counted('fingerprint', inc.fingerprint_inputs)\n"
        "clock.last_commit_time = counted('git', clock.last_commit_time)\n"
        "sys.argv[1:] = sys.argv[2:]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(calls)"
    )
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    args = ["build", "--content", str(content), "--templates", str(TEMPLATES)]
    result = subprocess.run(
        [sys.executable, "-c", code, "briefwright", *args, "--out", str(tmp_path / "out")],
        cwd=ROOT, capture_output=True, text=True, check=False, env=env,
    )  # fmt: skip
    assert " BW002 " in result.stderr
    assert result.stdout.splitlines()[-1] == "{'fingerprint': 1, 'git': 1}"


def test_an_interrupt_while_the_entry_point_is_imported_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before `main` runs, an interrupt cannot become Interrupted (it would escape the
    import as a traceback): it prints the usual line and exits with code 130."""
    from briefwright.cli import launch

    monkeypatch.setattr(sys, "argv", ["briefwright", "build"])
    with pytest.raises(SystemExit) as stopped:
        launch._stop_starting(2, None)
    assert stopped.value.code == 130
    assert capsys.readouterr().err == (
        "interrupted: the output folder is as it was before this build\n"
    )


_IMPORT_INTERRUPTED = """
import os, pathlib, signal, sys, tempfile, time
from briefwright.cli import launch
from briefwright.errors import Interrupted
signal.signal(signal.SIGTERM, launch._interrupt)
folder = tempfile.mkdtemp(dir=sys.argv[1])
pathlib.Path(folder, "interrupted_module.py").write_text(
    "import os, signal, time\\nos.kill(os.getpid(), signal.SIGTERM)\\ntime.sleep(0.2)\\n"
    "WHOLE = True\\n"
)
sys.path.insert(0, folder)
try:
    import interrupted_module
    print("imported whole:", interrupted_module.WHOLE)
    time.sleep(5)
    print("never interrupted")
except Interrupted as stop:
    print("interrupted after the import:", stop.signum)
"""


def test_an_interrupt_during_an_import_lands_once_the_import_is_done(tmp_path: Path) -> None:
    """A native extension's initialisation may abort the process on an exception (pikepdf:
    exit -6), so an interrupt that comes during an import is delivered after it: the module
    is imported whole, then the interrupt stops the command as usual."""
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_INTERRUPTED, str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=30,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "imported whole: True",
        "interrupted after the import: 15",
    ]


def test_an_interrupt_outside_an_import_is_not_deferred() -> None:
    """Ordinary code is interrupted at once: nothing is scheduled to deliver it again."""
    from briefwright.cli import launch

    before = threading.active_count()
    assert launch._deferred(15, sys._getframe()) is False
    assert threading.active_count() == before
