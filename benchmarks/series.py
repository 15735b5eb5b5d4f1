"""Measure a series of briefs: build time and peak memory for 1, 10 and 50 briefs at --jobs 1
and 2, an unchanged rebuild and a one-brief edit of the largest series, and a 4-shard build.

    .venv/bin/python benchmarks/series.py [--sizes 1 10 50] [--jobs 1 2]

The series is synthetic: clones of the real brief under new ids (each with its four
one-pagers), sharing the real library of sources. Figures are printed, never asserted.
Targets (the series issue): per-document time at the largest series within 10 % of that at
one brief; --jobs 2 at least 1.7× faster than --jobs 1; an unchanged rebuild ≤ 0.5 s; a
one-brief edit re-typesets that brief's documents only; peak memory flat in the number of
briefs.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import ENV, compile_briefwright

ROOT = Path(__file__).resolve().parent.parent
BRIEFWRIGHT = str(Path(sys.executable).with_name("briefwright"))
BRIEF_FILES = ("brief.yaml", "timeline.yaml", "actors.yaml", "glossary.yaml", "topics")


def make_series(folder: Path, count: int, distinct: bool = False) -> Path:
    """Write a series of `count` clones of the real brief, sharing its sources; when
    `distinct`, each title ends in its own letter (ā, ă, ą…), so that no two briefs ask
    for the same web-font subsets, as briefs of a real series mostly would not."""
    content = folder / "content"
    shutil.copytree(ROOT / "content" / "sources", content / "sources")
    shutil.copy(ROOT / "content" / "brand.yaml", content / "brand.yaml")
    for brand_file in (ROOT / "content").glob("*.svg"):  # the brand's logo
        shutil.copy(brand_file, content / brand_file.name)
    for number in range(1, count + 1):
        brief = content / "briefs" / f"brief-{number:03d}"
        brief.mkdir(parents=True)
        for name in BRIEF_FILES:
            source = ROOT / "content" / name
            if source.is_dir():
                shutil.copytree(source, brief / name)
            else:
                shutil.copy(source, brief / name)
        text = (brief / "brief.yaml").read_text()
        text = re.sub(r"product_id: \S+", f"product_id: BW-SERIES-{number:03d}", text)
        if distinct:  # one letter of each case pair: Ā and ā would ask for the same subsets
            letter = chr(0x101 + 2 * (number - 1))
            text = re.sub(r"(\n\s*title: )(.+)", rf"\g<1>\g<2> {letter}", text, count=1)
        (brief / "brief.yaml").write_text(text)
    return content


def timed(args: list[str], cwd: Path, sample: bool = False) -> tuple[float, float]:
    """Run briefwright; return (seconds, peak memory in MiB summed over its process tree,
    or 0 when not `sample`d).

    The tree (the build, the fork server, its workers) is sampled every 20 ms; each
    process counts its proportional set size (PSS: a page shared by n processes counts
    1/n in each), so pages the workers share with the fork server are counted once.
    Reading smaps_rollup walks each process's page tables: sampling costs a good part of
    a core, which a build on every core would lose. Time and memory are therefore taken
    in separate runs (`sample` for memory only); sampled, `--jobs 2` at 50 briefs ran
    ~15 % slower.
    """
    started = time.perf_counter()
    process = subprocess.Popen([BRIEFWRIGHT, *args], cwd=cwd, env=ENV,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    peak = 0
    while process.poll() is None:
        if sample:
            peak = max(peak, sum(_pss_kib(pid) for pid in _tree(process.pid)))
        time.sleep(0.02)
    wall = time.perf_counter() - started
    if process.returncode != 0:
        assert process.stderr is not None
        problem = process.stderr.read().decode("utf-8", "replace")
        raise SystemExit(f"briefwright {' '.join(args)} failed: {problem}")
    return wall, peak / 1024


def _tree(root: int) -> list[int]:
    """Return a process and all its descendants."""
    found, index = [root], 0
    while index < len(found):
        pid = found[index]
        with contextlib.suppress(OSError):
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text()
            found += [int(child) for child in children.split()]
        index += 1
    return found


def _pss_kib(pid: int) -> int:
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    found = re.search(r"^Pss:\s+(\d+) kB", rollup, re.M)
    return int(found.group(1)) if found else 0


def _largest_document_alone(scratch: Path) -> float:
    """Return the peak memory of typesetting the largest document, the brief, on its own."""
    folder = scratch / "alone"
    make_series(folder, 1)
    out = str(folder / "build")
    command = ["build", "--only", "brief", "--jobs", "1", "--out", out, "-q"]
    return timed(command, folder, sample=True)[1]


def back_to_back(scratch: Path, size: int, pairs: int, distinct: bool) -> None:
    """Print `pairs` back-to-back --jobs 1 / --jobs 2 builds of one series, each pair's
    speed-up and their median, with the load average before each run."""
    folder = scratch / f"series-{size}"
    make_series(folder, size, distinct)
    ratios = []
    for number in range(1, pairs + 1):
        seconds = {}
        for jobs in (1, 2):
            load = os.getloadavg()[0]
            command = ["build", "--jobs", str(jobs), "--force", "--out",
                       str(folder / f"build-{jobs}"), "-q"]  # fmt: skip
            seconds[jobs] = timed(command, folder)[0]
            print(f"  pair {number}, --jobs {jobs}: {seconds[jobs]:6.1f} s (load {load:.2f})")
        ratios.append(seconds[1] / seconds[2])
        print(f"  pair {number}: --jobs 2 {ratios[-1]:.2f}× faster   target ≥ 1.7×")
    print(f"  median of {pairs} pairs: {statistics.median(ratios):.2f}×")
    shutil.rmtree(scratch, ignore_errors=True)


def documents(out: Path) -> int:
    return len(json.loads((out / "manifest.json").read_text())["documents"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--distinct", action="store_true", help="a letter of its own per title")
    parser.add_argument("--pairs", type=int, default=0,
                        help="only time this many back-to-back --jobs 1 / --jobs 2 pairs at the "
                             "largest size")  # fmt: skip
    args = parser.parse_args()
    compile_briefwright()
    scratch = Path(tempfile.mkdtemp(prefix="briefwright-series-"))
    # Removed however the run ends (an error, Ctrl-C, or --pairs returning early).
    atexit.register(shutil.rmtree, scratch, True)
    if args.pairs:
        back_to_back(scratch, max(args.sizes), args.pairs, args.distinct)
        return
    print(f"{os.cpu_count()} CPUs; briefs of 5 documents each (the brief and 4 one-pagers)")
    per_document: dict[tuple[int, int], float] = {}
    peaks: dict[tuple[int, int], float] = {}
    alone = _largest_document_alone(scratch)
    print(f"  the largest document alone (brief.pdf, --only brief --jobs 1): peak {alone:.0f} MiB")
    for size in args.sizes:
        folder = scratch / f"series-{size}"
        make_series(folder, size, args.distinct)
        for jobs in args.jobs:
            out = folder / f"build-{jobs}"
            command = ["build", "--jobs", str(jobs), "--force", "--out", str(out), "-q"]
            seconds = timed(command, folder)[0]
            peak = timed(command, folder, sample=True)[1]
            count = documents(out)
            per_document[(size, jobs)] = seconds / count
            peaks[(size, jobs)] = peak
            print(f"  {size:3d} briefs, --jobs {jobs}: {seconds:7.1f} s, {seconds / count:5.2f} "
                  f"s a document, peak {peak:4.0f} MiB (whole tree)")  # fmt: skip
    largest, smallest = max(args.sizes), min(args.sizes)
    for jobs in args.jobs:
        ratio = per_document[(largest, jobs)] / per_document[(smallest, jobs)]
        print(f"  per-document time, {largest} against {smallest} briefs, --jobs {jobs}: "
              f"{ratio:.2f}×   target ≤ 1.10×")  # fmt: skip
    for jobs in args.jobs:
        bound = alone + 100 * jobs
        print(f"  peak at {largest} briefs, --jobs {jobs}: {peaks[(largest, jobs)]:.0f} MiB "
              f"against {peaks[(smallest, jobs)]:.0f} at {smallest}   target ≤ {bound:.0f} "
              "(the largest document alone + 100 MiB a worker)")  # fmt: skip
    if 1 in args.jobs and 2 in args.jobs:
        speedup = per_document[(largest, 1)] / per_document[(largest, 2)]
        print(
            f"  --jobs 2 against --jobs 1 at {largest} briefs: {speedup:.2f}× faster   "
            "target ≥ 1.7×"
        )
    folder, jobs = scratch / f"series-{largest}", max(args.jobs)
    out = folder / f"build-{jobs}"
    seconds, _ = timed(["build", "--jobs", str(jobs), "--out", str(out), "-q"], folder)
    print(f"  unchanged rebuild of {largest} briefs: {seconds:.2f} s   target ≤ 0.5 s")
    topic = folder / "content" / "briefs" / "brief-001" / "brief.yaml"
    topic.write_text(topic.read_text().replace("India is offering", "India offers", 1))
    command = [BRIEFWRIGHT, "build", "--jobs", str(jobs), "--out", str(out)]
    result = subprocess.run(
        command, cwd=folder, env=ENV, capture_output=True, text=True, check=True
    )
    found = re.search(r"typeset (\d+) document", result.stdout)
    count_typeset = found.group(1) if found else "?"
    print(
        f"  one-brief edit in {largest} briefs: typeset {count_typeset} document(s)   "
        "target: that brief's only"
    )
    whole, _ = timed(["build", "--jobs", "1", "--force", "--out", str(folder / "one")], folder)
    shares = [timed(["build", "--jobs", "1", "--shard", f"{k}/4", "--out",
                     str(folder / f"shard-{k}")], folder)[0] for k in range(1, 5)]  # fmt: skip
    print(f"  4 shards of {largest} briefs (--jobs 1): "
          + ", ".join(f"{s:.1f} s" for s in shares)
          + f" against {whole:.1f} s for one build (longest share "
          f"{max(shares) / whole:.0%} of it)")  # fmt: skip
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
