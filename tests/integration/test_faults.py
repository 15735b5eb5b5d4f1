"""Faults, second round: every operating-system error, interrupt or strange input ends in one
located line (never a traceback or a hang), and no temporary file or process outlives it.

Each case runs the installed console script with its own TMPDIR in a session of its own,
then asserts that TMPDIR is empty and that no process of that session is left.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import CONTENT, FIXTURES, TEMPLATES

BRIEFWRIGHT = str(Path(sys.executable).with_name("briefwright"))


def _session_alive(session: int) -> list[str]:
    """Return the command lines of live (not zombie) processes in a session."""
    alive = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session and fields[0] != "Z":
            alive.append((entry / "cmdline").read_bytes().replace(b"\0", b" ").decode())
    return alive


class Run:
    """A briefwright command in its own session, with its own empty TMPDIR."""

    def __init__(
        self, tmp_path: Path, *args: str, env: dict[str, str] | None = None,
        scratch: Path | None = None,
    ) -> None:  # fmt: skip
        # Short: the fork server's Unix socket lives under it, and pytest's folders are deep.
        self.scratch = scratch or Path(tempfile.mkdtemp(prefix="bw-", dir="/tmp"))
        environment = {**os.environ, "TMPDIR": str(self.scratch), **(env or {})}
        self.process = subprocess.Popen(
            [BRIEFWRIGHT, *args], env=environment, cwd=tmp_path,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
        )  # fmt: skip

    def finish(self, timeout: float = 120) -> tuple[int, str, str]:
        out, err = self.process.communicate(timeout=timeout)
        return self.process.returncode, out.decode(), err.decode()

    def assert_no_debris(self) -> None:
        """Nothing left in TMPDIR, and no process of the command still running."""
        deadline = time.monotonic() + 10
        while _session_alive(self.process.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _session_alive(self.process.pid), _session_alive(self.process.pid)
        assert sorted(p.name for p in self.scratch.iterdir()) == []
        self.scratch.rmdir()


def _build_args(out: Path, content: Path = CONTENT, *extra: str) -> list[str]:
    return ["build", "--content", str(content), "--templates", str(TEMPLATES), "--out", str(out),
            *extra]  # fmt: skip


def _unchanged(out: Path) -> bool:
    return (
        sorted(p.name for p in out.iterdir()) == ["brief.pdf"]
        and (out / "brief.pdf").read_bytes() == b"%PDF- previous"
    )


@pytest.fixture
def previous(tmp_path: Path) -> Iterator[Path]:
    """An output folder holding a previous build, which every failure must leave as it was
    (a test whose command completed empties `kept` first)."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "brief.pdf").write_bytes(b"%PDF- previous")
    yield out
    assert (out / "manifest.json").is_file() or _unchanged(out)


# -- operating-system errors in the write stage: one located line, before the work ------


@pytest.mark.parametrize("where", ["a file", "under a file"])
def test_out_that_cannot_be_a_folder_fails_before_typesetting(tmp_path: Path, where: str) -> None:
    """--out naming a file, or a path under a file: BW006 at once, nothing typeset."""
    blocker = tmp_path / "taken"
    blocker.write_text("not a folder")
    out = blocker if where == "a file" else blocker / "build"
    run = Run(tmp_path, *_build_args(out))
    code, stdout, stderr = run.finish()
    assert code == 1 and "Traceback" not in stderr, stderr
    (line,) = stderr.splitlines()
    assert line.startswith(f"{out}:1:1: BW006 ")
    assert "typeset" not in stdout
    run.assert_no_debris()


def _small_file_limit() -> None:
    """In the child: files over 1 MB cannot be written (EFBIG), as on a full disk."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (1_000_000, 1_000_000))


def test_a_full_disk_while_writing_is_one_line_and_keeps_the_build(
    tmp_path: Path, previous: Path
) -> None:
    """A write that fails (EFBIG, as ENOSPC) after typesetting is BW006 naming the path."""
    scratch = Path(tempfile.mkdtemp(prefix="bw-", dir="/tmp"))
    # The build's own files are all under the limit (web fonts are small): a project asset
    # of 1.2 MB, over it, is what fills the disk.
    own = tmp_path / "templates"
    (own / "assets").mkdir(parents=True)
    (own / "assets" / "padding.bin").write_bytes(bytes(1_200_000))
    args = [*_build_args(previous)]
    args[args.index("--templates") + 1] = str(own)
    result = subprocess.run(
        [BRIEFWRIGHT, *args], preexec_fn=_small_file_limit,
        env={**os.environ, "TMPDIR": str(scratch)}, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1, result.stdout + result.stderr
    (line,) = result.stderr.splitlines()
    assert " BW006 cannot write " in line and "larger than the file system allows" in line
    assert "previous build is unchanged" in line
    assert not list(scratch.iterdir())
    scratch.rmdir()

    # -- SOURCE_DATE_EPOCH -----------------------------------------------------------------
    assert _unchanged(previous)


@pytest.mark.parametrize(
    "value", ["\u00b9\u00b2\u00b3", "\uff11\uff16\uff17", "99999999999", "-1"]
)
def test_malformed_or_out_of_range_epoch_is_bw007(tmp_path: Path, value: str) -> None:
    """Superscript or full-width digits, or a time past 2107: BW007, one line, exit 1."""
    run = Run(tmp_path, *_build_args(tmp_path / "out"), env={"SOURCE_DATE_EPOCH": value})
    code, _, stderr = run.finish()
    assert code == 1 and stderr.startswith("SOURCE_DATE_EPOCH:1:1: BW007 ")
    assert len(stderr.splitlines()) == 1
    run.assert_no_debris()


# -- interrupts at any moment ------------------------------------------------------------


@pytest.mark.parametrize("delay", [0.15, 0.4, 0.8, 1.5, 3.0])
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupt_at_any_moment_is_one_line_and_exit_130(
    tmp_path: Path, previous: Path, delay: float, signum: int
) -> None:
    """Starting (before Typer), loading, typesetting: SIGINT or SIGTERM exits 130 in one
    line, leaves the output as it was, and leaves no temporary file and no process (the real
    brief has no warning, so a finished build prints nothing)."""
    run = Run(tmp_path, *_build_args(previous, CONTENT, "--force", "--jobs", "2"))
    time.sleep(delay)
    if run.process.poll() is not None:
        run.finish()
        run.assert_no_debris()
        pytest.skip("the build finished before the interrupt")
    run.process.send_signal(signum)
    code, _, stderr = run.finish()
    if code == 0:  # it had written a whole new build when the signal came: exit 0
        assert (previous / "manifest.json").is_file()
        assert stderr in ("", f"interrupted after the build was written to {previous}\n")
    else:
        assert code == 130, stderr
        assert stderr == "interrupted: the output folder is as it was before this build\n"
        assert _unchanged(previous)
    run.assert_no_debris()


def test_sigkill_leaves_no_process_and_the_next_run_cleans_up(
    tmp_path: Path, previous: Path
) -> None:
    """SIGKILL runs no handler: the workers die with the build (PR_SET_PDEATHSIG), and the
    next briefwright run removes the folder the killed one left."""
    run = Run(tmp_path, *_build_args(previous, CONTENT, "--force", "--jobs", "2"))
    time.sleep(2.5)
    run.process.kill()
    run.finish()
    deadline = time.monotonic() + 10
    while _session_alive(run.process.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _session_alive(run.process.pid)
    assert [p.name[:16] for p in run.scratch.iterdir()] == ["briefwright-run-"]
    after = Run(tmp_path, *_build_args(tmp_path / "again", CONTENT, "--only", "brief"),
                scratch=run.scratch)  # fmt: skip
    assert after.finish()[0] == 0
    after.assert_no_debris()
    assert _unchanged(previous)


@pytest.mark.parametrize(
    ("extra", "code"),
    [(("--timeout", "0.5"), "BW303"), (("--max-memory", "64"), "BW304")],
)
def test_a_worker_killed_for_time_or_memory_leaves_nothing(
    tmp_path: Path, previous: Path, extra: tuple[str, str], code: str
) -> None:
    """A worker killed for its deadline or its memory: the error, and no debris."""
    run = Run(tmp_path, *_build_args(previous, CONTENT, "--force", "--jobs", "2", *extra))
    status, _, stderr = run.finish()
    assert status == 1 and f" {code} " in stderr and "Traceback" not in stderr
    run.assert_no_debris()
    assert _unchanged(previous)


def test_a_failing_sibling_document_leaves_nothing(tmp_path: Path, previous: Path) -> None:
    """When one document fails (a one-pager that cannot fit) while others typeset, the
    others' workers are stopped and their temporary files removed."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    shutil.copytree(FIXTURES / "onepager-too-long", content, dirs_exist_ok=True)
    run = Run(tmp_path, *_build_args(previous, content, "--jobs", "2"))
    status, _, stderr = run.finish()
    assert status == 1 and " BW140 " in stderr
    run.assert_no_debris()
    assert _unchanged(previous)


def test_serve_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    """`serve` handles SIGTERM like Ctrl-C: "stopped", exit 0, its preview folder gone."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    run = Run(tmp_path, "serve", "--content", str(content), "--templates", str(TEMPLATES),
              "--port", str(port), "--jobs", "1")  # fmt: skip
    time.sleep(4)  # serving, and typesetting the PDFs in the background
    run.process.send_signal(signal.SIGTERM)
    code, stdout, stderr = run.finish()
    assert code == 0, stderr
    assert stdout.strip().endswith("stopped") and "Traceback" not in stderr
    run.assert_no_debris()


# -- inputs that are not regular files ---------------------------------------------------


def test_a_fifo_in_the_content_is_refused_not_waited_on(tmp_path: Path, previous: Path) -> None:
    """A FIFO among the sources stops check and build with BW012 at its path, at once, and
    the up-to-date check agrees instead of reporting "up to date"."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    os.mkfifo(content / "sources" / "pipe.txt")
    for args in (["check", "--content", str(content)], _build_args(previous, content)):
        run = Run(tmp_path, *args)
        code, _, stderr = run.finish(timeout=30)
        assert code == 1, stderr
        assert stderr.startswith(f"{content}/sources/pipe.txt:1:1: BW012 ")
        assert "FIFO" in stderr
        run.assert_no_debris()
    assert _unchanged(previous)


def test_a_source_symlinked_to_a_device_is_refused(tmp_path: Path) -> None:
    """A source that is a symlink to /dev/zero is refused (BW012), never read."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    (content / "sources" / "zero.txt").symlink_to("/dev/zero")
    run = Run(tmp_path, "check", "--content", str(content))
    code, _, stderr = run.finish(timeout=30)
    assert code == 1 and f"{content}/sources/zero.txt:1:1: BW012 " in stderr
    run.assert_no_debris()


@pytest.mark.parametrize("kind", ["template", "asset"])
def test_a_template_symlink_leading_outside_is_refused(
    tmp_path: Path, previous: Path, kind: str
) -> None:
    """A symlink in templates/ to a file outside it is BW012; nothing is copied or included."""
    secret = tmp_path / "secret.txt"
    secret.write_text("a secret that must never be published")
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    link = templates / ("_secret.html.j2" if kind == "template" else "assets/leak.css")
    link.symlink_to(secret)
    if kind == "template":
        page = templates / "brief.html.j2"
        page.write_text(
            page.read_text().replace("<main>", '<main>{% include "_secret.html.j2" %}')
        )
    args = ["build", "--content", str(CONTENT), "--templates", str(templates)]
    run = Run(tmp_path, *args, "--out", str(previous))
    code, _, stderr = run.finish()
    assert code == 1 and f"{link}:1:1: BW012 " in stderr and "leads outside" in stderr
    run.assert_no_debris()
    assert _unchanged(previous)
