"""Profile a full build of the flagship with py-spy, every process of it, and print where the
CPU goes, stage by stage: the build process's main thread and its editions thread, the fork
server, each typesetting worker.

    .venv/bin/pip install py-spy        # a benchmark tool: not a dependency of briefwright
    .venv/bin/python benchmarks/profile.py [--jobs 1 2] [--rate 200] [--out benchmarks]
                                           [--stacks DIR]

Each build is `briefwright build --force --jobs N` of this repository's content, recorded by
`py-spy record --subprocesses` (on-CPU samples only: a thread waiting on a lock, a pipe or the
workers is not sampled). The summary is written to OUT/profile-jobs-N.txt; the raw stacks
(a few MB, for a flame graph) are kept only in the folder --stacks names, and the temporary
folder goes however the run ends. Nothing is asserted. On a busy
machine a runnable thread that waits for a core is still sampled: compare shares, not seconds.
"""

from __future__ import annotations

import argparse
import atexit
import collections
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1679270400"}

#: Stages by the first of these functions a sample's stack holds (checked in this order).
STAGES: tuple[tuple[str, str], ...] = (
    ("_drawn_png", "Word: the figures' PNG"),
    ("embed_fonts", "Word: fonts cut"),
    ("word_edition", "Word: the documents"),
    ("web_edition_assets", "web fonts (WOFF2)"),
    ("web_assets", "web fonts (WOFF2)"),
    ("fit_one_page", "one-pagers (fit to one page)"),
    ("Typesetter.finish", "PDF/UA fix-up (pikepdf)"),
    ("Typesetter.write_pdf", "PDF writing"),
    ("Typesetter.render", "layout"),
    ("load_and_check", "load and check"),
    ("render_pages", "render HTML"),
    ("render_site", "render (source pages, assets)"),
    ("plan_reuse", "reuse plan"),
    ("finish", "finish (records, manifest)"),
    ("Output.write", "write build/"),
    ("measure_main_text", "the main text's pages (reads the PDF)"),
    ("take_snapshot", "input digests"),
    ("_find_and_load", "imports"),
    ("ForkServer.ensure_running", "start the fork server"),
    ("Typer.__call__", "command line (Typer, the summary)"),
)


def record(jobs: int, rate: int, folder: Path) -> Path:
    """Run one profiled build; return the raw stacks' file."""
    raw = folder / f"jobs-{jobs}.txt"
    command = [str(BIN / "py-spy"), "record", "--subprocesses", "--rate", str(rate), "--format",
               "raw", "--output", str(raw), "--", str(BIN / "briefwright"), "build", "--force",
               "--jobs", str(jobs), "-q", "--out", str(folder / f"build-{jobs}")]  # fmt: skip
    subprocess.run(command, cwd=ROOT, env=ENV, check=True, capture_output=True)
    return raw


def summarise(raw: Path, rate: int) -> str:
    """Return the samples of each process and thread, by stage, as a table."""
    by_process: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for line in raw.read_text().splitlines():
        stack, count = line.rsplit(" ", 1)
        frames = [frame.split(" (")[0] for frame in stack.split(";")]
        by_process[_process(frames)][_stage(frames)] += int(count)
    total = sum(sum(stages.values()) for stages in by_process.values())
    lines = [f"{total} samples at {rate} Hz ({total / rate:.2f} s on a CPU, all processes)"]
    for process, stages in sorted(by_process.items(), key=lambda item: -sum(item[1].values())):
        subtotal = sum(stages.values())
        lines.append(f"\n{process}: {subtotal / rate:.2f} s ({subtotal / total:.0%})")
        for stage, samples in stages.most_common():
            lines.append(f"  {stage:<40} {samples / rate:6.2f} s  {samples / subtotal:5.0%}")
    return "\n".join(lines) + "\n"


def _process(frames: list[str]) -> str:
    """Return which process and thread a sample is of: the build is the root process, a
    worker is one that typesets (forked from the fork server, a child of the build)."""
    depth = max(i for i, frame in enumerate(frames) if frame.startswith("process "))
    if depth == 0:
        editions = "_make_editions" in frames or "make_editions" in frames
        thread = "editions thread" if editions else "main thread"
        return f"build process, {thread}"
    if "typeset_job" in frames:
        return f"worker {frames[depth].split(':')[0].removeprefix('process ')}"
    if "_cut_web_fonts" in frames:
        return "web fonts' process (pipeline/cutter.py)"
    return "fork server (imports WeasyPrint, forks the workers)"


def _stage(frames: list[str]) -> str:
    for function, stage in STAGES:
        if function in frames:
            return stage
    return "other"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--rate", type=int, default=200, help="samples a second")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks")
    parser.add_argument("--stacks", type=Path, help="keep the raw stacks in this folder")
    args = parser.parse_args()
    if shutil.which(str(BIN / "py-spy")) is None:
        raise SystemExit("py-spy is not installed: .venv/bin/pip install py-spy")
    folder = Path(tempfile.mkdtemp(prefix="briefwright-profile-"))
    atexit.register(shutil.rmtree, folder, True)
    machine = f"{platform.platform()}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}"
    for jobs in args.jobs:
        raw = record(jobs, args.rate, folder)
        heading = f"briefwright build --force --jobs {jobs}; {machine}\n"
        summary = heading + summarise(raw, args.rate)
        (args.out / f"profile-jobs-{jobs}.txt").write_text(summary)
        print(summary)
        if args.stacks:
            args.stacks.mkdir(parents=True, exist_ok=True)
            print(f"raw stacks (for a flame graph): {shutil.copy(raw, args.stacks)}\n")


if __name__ == "__main__":
    main()
