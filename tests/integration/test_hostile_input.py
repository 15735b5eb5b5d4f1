"""Hostile and broken content: a clear one-line error, exit 1, and the previous build intact.

Each case starts from the minimal fixture, breaks it the way pasted or malicious content
would, and runs `briefwright build` into a folder that holds a previous build.
"""

from __future__ import annotations

import hashlib
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefwright.cli.app import app
from tests.conftest import CONTENT, TEMPLATES, MakeProject

Breakage = Callable[[Path], None]


def _replace(relative: str, old: str, new: str) -> Breakage:
    def breaks(content: Path) -> None:
        path = content / relative
        text = path.read_text()
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1))

    return breaks


def _write(relative: str, data: bytes) -> Breakage:
    def breaks(content: Path) -> None:
        (content / relative).write_bytes(data)

    return breaks


def _delete(relative: str) -> Breakage:
    def breaks(content: Path) -> None:
        (content / relative).unlink()

    return breaks


def _empty_folder(content: Path) -> None:
    for path in sorted(content.rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()


_ALIAS_BOMB = b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
_TOPIC = "topics/only.yaml"
_SOURCE = "sources/one.txt"

CASES: dict[str, tuple[Breakage, str, str]] = {
    "malformed yaml": (_write("timeline.yaml", b"events: [\n"), "timeline.yaml:", "BW002"),
    "wrong type": (_replace(_TOPIC, "order: 1", "order: first"), f"{_TOPIC}:2:", "BW003"),
    "unknown field": (_replace(_TOPIC, "order: 1", "order: 1\ncolour: red"), _TOPIC, "BW003"),
    "duplicate id": (_replace("timeline.yaml", "event-one", "fact-one"), "timeline", "BW103"),
    "missing source": (_replace(_TOPIC, "source: one\n", "source: gone\n"), _TOPIC, "BW102"),
    "deleted source file": (_delete(_SOURCE), "brief.yaml:", "BW102"),
    "invalid utf-8": (_write("actors.yaml", b"actors:\n  - id: caf\xe9\n"), "actors", "BW001"),
    "empty file": (_write("actors.yaml", b""), "actors.yaml:1:1", "BW003"),
    "empty content folder": (_empty_folder, "brief.yaml:1:1", "BW004"),
    "50 MB file": (_write("glossary.yaml", b"#" * 50_000_000), "glossary.yaml:1:1", "BW001"),
    "alias bomb": (_write("glossary.yaml", _ALIAS_BOMB), "glossary.yaml:1:", "BW002"),
    "script in text": (
        _replace(_TOPIC, "title: The only topic", "title: x<script>alert(1)</script>"),
        f"{_TOPIC}:3:",
        "BW150",
    ),
    "event handler attribute": (
        _replace(_TOPIC, "It matters.", "It <img src=x onerror=alert(1)> matters."),
        _TOPIC,
        "BW150",
    ),
    "javascript link": (
        _replace(_SOURCE, "kind:", "url: 'javascript:alert(1)'\nkind:"),
        f"{_SOURCE}:",
        "BW003",
    ),
    "file url": (_replace(_SOURCE, "kind:", "url: file:///etc/passwd\nkind:"), _SOURCE, "BW003"),
    "relative path": (
        _replace(_SOURCE, "kind:", "url: ../../etc/passwd\nkind:"),
        _SOURCE,
        "BW003",
    ),
    "file reference in text": (
        _replace(_TOPIC, "It matters.", '<link rel=stylesheet href="file:///etc/passwd">'),
        _TOPIC,
        "BW150",
    ),
    "http reference in text": (
        _replace(_TOPIC, "It matters.", '<img src="http://127.0.0.1:9/x.png">'),
        _TOPIC,
        "BW150",
    ),
    "10,000-character word": (
        _replace(_TOPIC, "The source has a first sentence.", "x" * 10_000),
        f"{_TOPIC}:16:",
        "BW151",
    ),
}


def _previous_build(out: Path) -> dict[str, str]:
    out.mkdir()
    (out / "brief.pdf").write_bytes(b"%PDF- previous")
    (out / "brief.html").write_text("<p>previous</p>")
    return _digest(out)


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_content_fails_cleanly(case: str, project: MakeProject, tmp_path: Path) -> None:
    """Each hostile input exits 1 with located one-line errors and leaves build/ unchanged."""
    breaks, place, code = CASES[case]
    content = project("minimal")
    breaks(content)
    out = tmp_path / "out"
    before = _previous_build(out)
    started = time.monotonic()
    result = CliRunner().invoke(
        app, ["build", "--content", str(content), "--templates", str(TEMPLATES), "--out", str(out)]
    )
    assert result.exit_code == 1, result.output
    assert time.monotonic() - started < 20, "hostile input must fail fast"
    lines = result.stderr.splitlines()
    assert lines and all(line.startswith(str(content)) for line in lines), lines
    assert any(f" {code} " in line and place in line for line in lines), lines
    assert "Traceback" not in result.output
    assert _digest(out) == before


def _start_build(out: Path, *extra: str) -> subprocess.Popen[bytes]:
    command = [str(Path(sys.executable).with_name("briefwright")), "build", "--out", str(out)]
    return subprocess.Popen(
        [*command, "--content", str(CONTENT), "--templates", str(TEMPLATES), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_interrupted_build_keeps_previous_artifacts(signum: int, tmp_path: Path) -> None:
    """A build interrupted mid-typesetting exits 130, leaving build/ as it was and no debris."""
    out = tmp_path / "out"
    before = _previous_build(out)
    process = _start_build(out, "--jobs", "1")
    time.sleep(2.0)  # loading and rendering take well under a second; typesetting ~5 s
    assert process.poll() is None, "the build finished before it could be interrupted"
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert stderr.decode().strip() == (
        "interrupted: the output folder is as it was before this build"
    )
    assert _digest(out) == before
    assert sorted(p.name for p in out.iterdir()) == ["brief.html", "brief.pdf"]


def test_typesetting_timeout_is_an_error(tmp_path: Path) -> None:
    """A document that takes longer than --timeout fails with BW303 naming it."""
    result = CliRunner().invoke(
        app,
        ["build", "--out", str(tmp_path), "--timeout", "0.5", "--jobs", "1", "--only", "brief"],
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("brief.pdf:1:1: BW303 typesetting timed out after 0.5 s")


def test_typesetting_out_of_memory_is_an_error(tmp_path: Path) -> None:
    """A typesetting process over --max-memory fails with BW304 naming the document."""
    result = CliRunner().invoke(
        app, ["build", "--out", str(tmp_path), "--max-memory", "64", "--only", "brief"]
    )
    assert result.exit_code == 1
    assert "BW304 typesetting ran out of memory or crashed" in result.stderr
    assert "brief.pdf" in result.stderr


def test_weasyprint_is_never_imported_by_the_parent(tmp_path: Path) -> None:
    """Typesetting happens only in child processes; `build` itself never imports WeasyPrint."""
    code = (
        "import sys; from typer.testing import CliRunner; from briefwright.cli.app import app; "
        f"r = CliRunner().invoke(app, ['build', '--out', {str(tmp_path)!r}, '--only', "
        "'strategic-context']); assert r.exit_code == 0, r.output; "
        "assert 'weasyprint' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(CONTENT).parent)


def test_no_stray_files_after_a_build(tmp_path: Path) -> None:
    """A successful build leaves no staging folder or temporary file in the output folder."""
    result = CliRunner().invoke(app, ["build", "--out", str(tmp_path), "--only", "co-development"])
    assert result.exit_code == 0, result.output
    assert not [p for p in tmp_path.rglob("*") if p.name.startswith(".")]
