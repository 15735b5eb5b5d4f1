"""Measure briefwright's speed and memory against raw WeasyPrint, and print the ratios.

Run with `make bench` (or `.venv/bin/python benchmarks/bench.py [--quick]`). Every figure is
a median of interleaved runs of real commands in fresh processes; nothing is asserted.
Targets (from the project's issue on speed) are printed beside each ratio.
"""

from __future__ import annotations

import argparse
import atexit
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from briefwright.evidence.quotes import SCORE_BUDGET, WINDOW_BUDGET, closest_passage

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
BRIEFWRIGHT = str(BIN / "briefwright")
# Without PYTHONDONTWRITEBYTECODE (this machine sets it): see compile_briefwright.
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
       "SOURCE_DATE_EPOCH": "1679270400"}  # fmt: skip


def compile_briefwright() -> None:
    """Compile briefwright's modules to bytecode, as pip does when it installs a package.
    An editable install under PYTHONDONTWRITEBYTECODE (set on this machine) otherwise
    compiles its ~200 modules from source in every run: 0.2-0.4 s no installed
    briefwright pays, and raw WeasyPrint, compiled at install, does not pay either."""
    import compileall

    import briefwright

    compileall.compile_dir(str(Path(briefwright.__file__).parent), quiet=1)


RAW_WEASYPRINT = """
import sys, time
from pathlib import Path
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
fonts = FontConfiguration()
for name in sys.argv[2:]:
    path = Path(sys.argv[1]) / name
    HTML(filename=str(path), base_url=str(path.parent) + "/").write_pdf(
        font_config=fonts, pdf_tags=True)
"""


# Raw WeasyPrint in two processes: the documents shared longest (largest HTML) first, each
# to the process with less so far; both start at once, and the command ends with the later.
RAW_IN_TWO = f"""
import subprocess, sys
from pathlib import Path
site, names = Path(sys.argv[1]), sys.argv[2:]
shares, sizes = ([], []), [0, 0]
for name in sorted(names, key=lambda n: -(site / n).stat().st_size):
    less = sizes.index(min(sizes))
    shares[less].append(name)
    sizes[less] += (site / name).stat().st_size
processes = [subprocess.Popen([sys.executable, "-c", {RAW_WEASYPRINT!r}, str(site), *share])
             for share in shares if share]
sys.exit(max(process.wait() for process in processes))
"""


# Runs a command and prints the peak RSS (KiB) of the largest process in its tree and the CPU
# seconds (user + system) of the whole tree: a fresh process, so the figures belong to this
# command alone (RUSAGE_CHILDREN only grows). It is a child subreaper and reaps every orphan,
# so processes that outlive their parent (the fork server briefwright's typesetting workers
# come from) are counted too.
MEASURE = """
import ctypes, os, resource, subprocess, sys, time
PR_SET_CHILD_SUBREAPER = 36
ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
started = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, capture_output=True)
wall = time.perf_counter() - started
while True:
    try:
        os.wait()
    except ChildProcessError:
        break
used = resource.getrusage(resource.RUSAGE_CHILDREN)
print(wall, used.ru_maxrss, used.ru_utime + used.ru_stime)
"""


def run(command: list[str], cwd: Path = ROOT) -> tuple[float, float]:
    """Run a command; return (wall seconds, peak RSS in MiB of its largest process)."""
    wall, peak, _ = measure(command, cwd)
    return wall, peak


def measure(command: list[str], cwd: Path = ROOT) -> tuple[float, float, float]:
    """Run a command; return (wall seconds, peak RSS in MiB of its largest process, CPU
    seconds of every process it started).

    All are measured by a small wrapper process around the command, so none includes the
    wrapper's own start-up.
    """
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, *command],
        cwd=cwd, env=ENV, check=True, capture_output=True, text=True,
    )  # fmt: skip
    wall, peak, cpu = result.stdout.split()[-3:]
    return float(wall), int(peak) / 1024, float(cpu)


def wall_times(
    commands: dict[str, list[str]], repeats: int, prepare: Callable[[str], None] | None = None
) -> dict[str, list[float]]:
    """Run the commands interleaved `repeats` times; return each one's wall times, in order."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeats):
        for name, command in commands.items():
            if prepare:
                prepare(name)
            times[name].append(run(command)[0])
    return times


def median_time(
    commands: dict[str, list[str]], repeats: int, prepare: Callable[[str], None] | None = None
) -> dict[str, float]:
    """Run the commands interleaved `repeats` times; return each one's median wall time."""
    times = wall_times(commands, repeats, prepare)
    return {name: statistics.median(values) for name, values in times.items()}


def build_command(content: Path, out: Path, *extra: str) -> list[str]:
    return [BRIEFWRIGHT, "build", "--content", str(content), "--templates",
            str(ROOT / "templates"), "--out", str(out), *extra]  # fmt: skip


def raw_command(out: Path, names: list[str]) -> list[str]:
    return [sys.executable, "-c", RAW_WEASYPRINT, str(out), *names]


def typesetting_site(built: Path, site: Path) -> Path:
    """Return a copy of a build whose assets are those typesetting reads (the full TTF
    faces, fonts.css pointing at them), not the HTML edition's WOFF2 subsets: raw WeasyPrint
    gets the same HTML and the same fonts as briefwright's workers."""
    from briefwright.pipeline.checked import Checked
    from briefwright.pipeline.prepare import render_site
    from briefwright.render.brand import FALLBACK_FACES, Face
    from briefwright.settings import Project
    from briefwright.translate.apply import translated

    shutil.copytree(built, site, ignore=shutil.ignore_patterns("*.pdf", "assets"))
    project = Project(ROOT / "content", ROOT / "templates")
    epoch = int(ENV["SOURCE_DATE_EPOCH"])
    original = render_site(project, None, epoch)
    editions = {"": original}
    for language in original.checked.brief.metadata.translations:
        edition = Checked(translated(original.checked.brief, language), ())
        editions[f"{language}/"] = render_site(project, None, epoch, edition)
    # Typesetting finds the theme's script fallbacks (the Japanese faces) through fontconfig;
    # raw WeasyPrint is given them as @font-face rules in a translated edition's fonts.css.
    fallbacks = "\n".join(
        Face(f, f"fonts/{file}", w, style).rule() for f, file, w, style in FALLBACK_FACES
    )
    for folder, rendered in editions.items():
        for name, data in rendered.assets.items():
            if folder and name == "assets/fonts.css":
                data += fallbacks.encode()
            (site / folder / name).parent.mkdir(parents=True, exist_ok=True)
            (site / folder / name).write_bytes(data)
    return site


def html_weight(site: Path, page: str) -> int:
    """Return the bytes a browser loads for a page: the HTML, its stylesheets, and every
    font face their @font-face rules name (what Lighthouse's total byte weight counts)."""
    html = (site / page).read_text(encoding="utf-8")
    total = len(html.encode())
    for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', html):
        sheet = (site / page).parent / href
        css = sheet.read_text(encoding="utf-8")
        total += len(css.encode())
        for face in re.findall(r'url\("([^"]+)"\)', css):
            total += (sheet.parent / face).stat().st_size
    return total


def documents(out: Path) -> list[str]:
    """Return the HTML of every PDF the build typesets: the brief and its one-pagers, in
    each edition (the Japanese one in ja/ too), the brief first."""
    pdfs = sorted(p.relative_to(out).with_suffix(".html").as_posix() for p in out.rglob("*.pdf"))
    return sorted(pdfs, key=lambda name: (name != "brief.html", name))


def synthetic_content(scratch: Path, copies: int) -> Path:
    """Return a copy of the real content with `copies` extra clones of each topic."""
    content = scratch / f"content-{copies}"
    shutil.copytree(ROOT / "content", content)
    for topic in sorted((ROOT / "content" / "topics").glob("*.yaml")):
        text = topic.read_text()
        ids = set(re.findall(r"^\s*-?\s*id: ([a-z0-9-]+)$", text, re.M))
        for copy in range(1, copies + 1):
            clone = text
            # A letter suffix, not a digit: an id also met in the prose ("a co-development")
            # would otherwise put an ungrounded number in a statement (BW160).
            for item_id in sorted(ids, key=len, reverse=True):
                clone = re.sub(
                    rf"(?<![a-z0-9-]){item_id}(?![a-z0-9-])", f"{item_id}-z{_letters(copy)}", clone
                )
            clone = re.sub(r"^order: (\d+)$", partial(_later, 10 * copy), clone, flags=re.M)
            clone = re.sub(
                r'^title: "?(.*?)"?$', rf'title: "\1 (copy {copy})"', clone, count=1, flags=re.M
            )
            (content / "topics" / f"{topic.stem}-z{_letters(copy)}.yaml").write_text(clone)
    return content


def _letters(number: int) -> str:
    """Return 1 → a, 26 → z, 27 → aa: a copy's suffix without digits."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def _later(offset: int, match: re.Match[str]) -> str:
    return f"order: {int(match.group(1)) + offset}"


#: The words of strategic-context.yaml the incremental and preview figures edit (a judgment's
#: last words: an edit of words alone keeps the grounding check quiet).
EDITED = "the official silence on China is deliberate."


def preview_latency(scratch: Path, edits: int) -> list[float]:
    """Start `briefwright serve`, then time edit → SSE event → refreshed HTML fetched."""
    import socket
    import threading
    import urllib.request

    content = scratch / "preview-content"
    shutil.copytree(ROOT / "content", content)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [BRIEFWRIGHT, "serve", "--port", str(port), "--content", str(content), "--templates",
         str(ROOT / "templates")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV, start_new_session=True,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        time.sleep(12)  # let the first background PDF build finish
        topic = content / "topics" / "strategic-context.yaml"
        original = topic.read_text()
        results = []
        for number in range(edits):
            arrived = threading.Event()

            def listen(arrived: threading.Event = arrived) -> None:
                with urllib.request.urlopen(url + "/__events", timeout=30) as stream:
                    for line in stream:
                        if line.startswith(b"data:"):
                            arrived.set()
                            return

            listener = threading.Thread(target=listen, daemon=True)
            listener.start()
            time.sleep(0.3)
            marker = f"edit number {_letters(number + 1)}"  # no digit: it would be ungrounded
            started = time.perf_counter()
            topic.write_text(original.replace(EDITED, f"{EDITED[:-1]} {marker}."))
            arrived.wait(30)
            while marker not in urllib.request.urlopen(url + "/brief.html").read().decode():
                if time.perf_counter() - started > 30:
                    raise SystemExit(f"the preview never showed {marker!r}; run `check`")
                time.sleep(0.005)
            results.append(time.perf_counter() - started)
            time.sleep(8)  # the PDFs follow in the background; measure an idle preview
        return results
    finally:
        os.killpg(server.pid, 15)
        server.wait()


def pages_of(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def ratio_line(label: str, value: float, base: float, target: str) -> str:
    return f"  {label:<52} {value:7.2f} s  {value / base:6.2f}×   target {target}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="one run each, 12 and 50 pages")
    parser.add_argument("--parts", default="1-11", help="which figures, e.g. 1,3 (default: all)")
    args = parser.parse_args()
    compile_briefwright()
    parts = _parts(args.parts)
    repeats = 1 if args.quick else 3
    scratch = Path(tempfile.mkdtemp(prefix="briefwright-bench-"))
    # Removed however the run ends (an error, Ctrl-C, or --pairs returning early).
    atexit.register(shutil.rmtree, scratch, True)
    content = ROOT / "content"
    python = platform.python_version()
    print(f"machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {python}")

    # (1) overhead against raw WeasyPrint on the same final HTML, one process
    full = scratch / "full"
    run(build_command(content, full, "--jobs", "1", "--force"))
    names = documents(full)
    raw_site = typesetting_site(full, scratch / "raw")
    # Back-to-back pairs, more of them than elsewhere: this machine's speed drifts by ±20 %
    # over minutes, and the ratio of two runs taken seconds apart drifts far less.
    pairs = wall_times({
        "build": build_command(content, full, "--jobs", "1", "--force"),
        "raw": raw_command(raw_site, names),
    }, repeats + 2)  # fmt: skip
    t = {name: statistics.median(values) for name, values in pairs.items()}
    paired = statistics.median(b / r for b, r in zip(pairs["build"], pairs["raw"], strict=True))
    print("\n(1) full build against raw WeasyPrint (same HTML, one process, all documents)")
    label = f"raw WeasyPrint: import + typeset {len(names)} documents"
    print(ratio_line(label, t["raw"], t["raw"], ""))
    print(ratio_line("briefwright build --jobs 1 --force", t["build"], t["raw"], "≤ 1.15×"))
    ratios = " ".join(f"{b / r:.2f}" for b, r in zip(pairs["build"], pairs["raw"], strict=True))
    print(f"  {'median of the back-to-back ratios':<52} {paired:14.2f}×   ({ratios})")

    if 2 in parts:
        incremental_figures(content, scratch, repeats, t["build"])
    if 3 in parts:
        parallel_figures(content, scratch, full, names, repeats, t["raw"])
    if 4 in parts:
        scaling_figures(content, scratch, args.quick)
    if 6 in parts:
        preview_figures(scratch, args.quick)
    if 5 in parts:
        startup_figures(repeats)
    if 8 in parts or 11 in parts:
        weight_figures(full, raw_site, names)
    if 9 in parts:
        word_figures(full)
    if 10 in parts:
        figure_seconds, source_seconds = reader_edition_figures()
        print("\n(10) reader edition: drawing the figures and rendering the source pages")
        print(
            f"  figures (timeline, print and screen)  {figure_seconds:6.3f} s   "
            f"source pages {source_seconds:6.3f} s   target ≤ 10% of a build ({t['build']:.1f} s)"
        )
        print("  Lighthouse: benchmarks/lighthouse.py (npm ci --prefix benchmarks/lighthouse)")
    if 7 in parts:
        print("\n(7) near-miss search: a 1.5 MB source and a quote that is not in it")
        for label, seconds, windows in near_miss_figures():
            print(f"  {label:<52} {seconds:6.2f} s   {windows:,} windows (budget "
                  f"{WINDOW_BUDGET + SCORE_BUDGET:,})")  # fmt: skip
    shutil.rmtree(scratch, ignore_errors=True)


def _parts(text: str) -> set[int]:
    """Return the figure numbers `--parts` names: "1,3", "1-11"."""
    numbers: set[int] = set()
    for piece in text.split(","):
        first, _, last = piece.partition("-")
        numbers |= set(range(int(first), int(last or first) + 1))
    return numbers


def incremental_figures(content: Path, scratch: Path, repeats: int, full_build: float) -> None:
    """(2) an unchanged rebuild and one with a topic edited, against a full build."""
    edit = scratch / "edit"
    shutil.copytree(content, edit)
    run(build_command(edit, scratch / "inc", "--jobs", "1"))
    topic = edit / "topics" / "strategic-context.yaml"
    original = topic.read_text()
    if EDITED not in original:
        raise SystemExit(f"{topic.name} no longer says {EDITED!r}: change EDITED")
    toggle = {"n": 0}

    def flip(name: str) -> None:
        # Words only: a number or a name in the edit would be ungrounded (BW160/BW162).
        if name == "one topic edited":
            toggle["n"] += 1
            words = ("so far", "as yet")[toggle["n"] % 2]
            topic.write_text(original.replace(EDITED, f"{EDITED[:-1]} {words}."))

    t2 = median_time({
        "unchanged": build_command(edit, scratch / "inc", "--jobs", "1"),
        "one topic edited": build_command(edit, scratch / "inc", "--jobs", "1"),
    }, repeats, flip)  # fmt: skip
    print("\n(2) incremental rebuilds against a full build")
    print(ratio_line("unchanged rebuild", t2["unchanged"], full_build, "≤ 0.2 s and ≤ 0.05×"))
    print(
        ratio_line(
            "one topic edited (brief + its one-pager)", t2["one topic edited"], full_build, "< 1×"
        )
    )


def parallel_figures(
    content: Path, scratch: Path, full: Path, names: list[str], repeats: int, raw_all: float
) -> None:
    """(3) --jobs 2 against --jobs 1, the brief alone, and raw WeasyPrint in two processes."""
    raw_site = full.parent / "raw"  # typesetting_site(): the full faces, as the workers use
    critical = [sys.executable, "-c", RAW_WEASYPRINT, str(raw_site), "brief.html"]
    commands = {
        "jobs 1": build_command(content, scratch / "j", "--jobs", "1", "--force"),
        "jobs 2": build_command(content, scratch / "j", "--jobs", "2", "--force"),
        "critical": critical,
        "raw 2": [sys.executable, "-c", RAW_IN_TWO, str(raw_site), *names],
    }
    runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in commands}
    for _ in range(repeats):
        for name, command in commands.items():
            runs[name].append(measure(command))
    t3 = {name: statistics.median(wall for wall, _, _ in r) for name, r in runs.items()}
    cpu = {name: statistics.median(used for _, _, used in r) for name, r in runs.items()}
    print("\n(3) parallel typesetting")
    print(ratio_line("--jobs 1", t3["jobs 1"], t3["jobs 1"], ""))
    print(ratio_line("--jobs 2 (against --jobs 1)", t3["jobs 2"], t3["jobs 1"], "≤ 1×"))
    print(
        ratio_line(
            "critical path: import WeasyPrint + brief alone", t3["critical"], t3["critical"], ""
        )
    )
    print(
        ratio_line("--jobs 2 (against the critical path)", t3["jobs 2"], t3["critical"], "≤ 1.10×")
    )
    # With two editions the work no longer fits under the brief alone: two workers cannot
    # finish before half of raw WeasyPrint's whole run either.
    bound = max(t3["critical"], raw_all / 2)
    print(ratio_line("--jobs 2 (against max(critical, raw all / 2))", t3["jobs 2"], bound, ""))
    # The fair match: raw WeasyPrint given two processes too, the documents shared longest
    # first, each process importing WeasyPrint (as each of briefwright's workers need not).
    print(ratio_line("raw WeasyPrint in two processes", t3["raw 2"], t3["raw 2"], ""))
    print(ratio_line("--jobs 2 (against raw in two processes)", t3["jobs 2"], t3["raw 2"], ""))
    # On two cores a CPU-bound build ends no sooner than half the CPU it uses: what is left
    # beyond that floor is waiting; the floor itself is the build's work.
    print(
        f"  CPU, every process: --jobs 2 {cpu['jobs 2']:.2f} s, --jobs 1 {cpu['jobs 1']:.2f} s,"
        f" raw in two {cpu['raw 2']:.2f} s: the build {cpu['jobs 2'] / cpu['raw 2']:.2f}× raw"
    )
    cores = min(2, os.cpu_count() or 1)
    floor = cpu["jobs 2"] / cores
    print(ratio_line(f"--jobs 2 (against its CPU / {cores}: the floor)", t3["jobs 2"], floor, ""))


def scaling_figures(content: Path, scratch: Path, quick: bool) -> None:
    """(4) seconds per page and peak memory on synthetic briefs of growing size."""
    print(
        "\n(4) scaling (--only brief: the brief of each edition): seconds per page (of the "
        "English brief) and peak RSS, briefwright against raw"
    )
    sizes = {"~12": 0, "~50": 8, "~200": 40} if not quick else {"~12": 0, "~50": 8}
    rows = []
    for label, copies in sizes.items():
        synthetic = synthetic_content(scratch, copies) if copies else content
        out = scratch / f"scale-{copies}"
        wall, rss = run(build_command(synthetic, out, "--jobs", "1", "--only", "brief", "--force"))
        pages = pages_of(out / "brief.pdf")
        raw_wall, raw_rss = run(raw_command(out, documents(out)))  # the brief, each edition
        rows.append((label, pages, wall, rss, raw_wall, raw_rss))
        print(f"  {label:>5} pages: {pages:4d} pages  briefwright {wall:6.2f} s "
              f"({wall / pages:.3f} s/page, {rss:5.0f} MiB)   raw {raw_wall:6.2f} s "
              f"({raw_wall / pages:.3f} s/page, {raw_rss:5.0f} MiB)")  # fmt: skip
    if len(rows) > 1:
        (_, p0, w0, *_), (_, p1, w1, *_) = rows[0], rows[-1]
        print(f"  marginal cost per extra page: {(w1 - w0) / (p1 - p0):.3f} s   target ≤ 0.2 s;"
              "  peak RSS targets ≤ 150 MiB at brief size, ≤ 400 MiB at 200 pages")  # fmt: skip


def preview_figures(scratch: Path, quick: bool) -> None:
    """(6) live preview: edit → reload event → refreshed HTML."""
    print("\n(6) live preview: from saving a topic to the refreshed HTML in the browser")
    latencies = preview_latency(scratch, 5 if not quick else 3)
    print(f"  median {statistics.median(latencies):.3f} s, worst {max(latencies):.3f} s "
          f"over {len(latencies)} edits   target ≤ 0.3 s (Typst watch: ~0.05 s)")  # fmt: skip


def startup_figures(repeats: int) -> None:
    """(5) briefwright --help."""
    t5 = median_time({"help": [BRIEFWRIGHT, "--help"]}, max(repeats, 5))
    print("\n(5) startup")
    print(f"  briefwright --help {t5['help']:.3f} s   target ≤ 0.25 s")


def weight_figures(full: Path, raw_site: Path, names: list[str]) -> None:
    """(8) the HTML edition's weight, WOFF2 subsets against the full faces; (11) each .docx."""
    print("\n(8) HTML edition: HTML + stylesheets + every font face they reference")
    for page in names:
        subset, whole = html_weight(full, page), html_weight(raw_site, page)
        print(f"  {page:<52} {subset / 1000:8,.0f} kB   {subset / whole:5.1%} of the "
              f"{whole / 1e6:.2f} MB with full faces   target ≤ 10%")  # fmt: skip
    assets = sum(p.stat().st_size for p in (full / "assets").rglob("*") if p.is_file())
    print(f"  build/assets/ {assets / 1000:,.0f} kB")
    print("\n(11) Word edition: the size of each .docx the build wrote")
    for docx in sorted(full.rglob("*.docx")):
        target = "350" if docx.name == "brief.docx" else "150"
        print(f"  {docx.relative_to(full).as_posix():<52} {docx.stat().st_size / 1000:8,.0f} kB"
              f"   target ≤ {target} kB")  # fmt: skip


def word_figures(full: Path) -> None:
    """(9) the Word edition, made in the build's main process while the PDFs typeset."""
    cold, warm = word_edition_figures()
    print(
        "\n(9) Word edition, figures drawn and fonts cut (after loading the brief; cold: a "
        "fresh process, warm: fonts read, the figure's PNG memoised)"
    )
    for label, seconds in cold.items():
        print(f"  {label:<52} {seconds:6.3f} s cold   {warm[label]:6.3f} s warm")
    print("  targets: brief ≤ 0.5 s, a one-pager ≤ 0.1 s")


WORD_TIMES = """
import json, sys, time
from briefwright.load.content import load_brief
from briefwright.docx.writer import write_docx
from briefwright.render.figures import draw_figures
from briefwright.render.labels import english
from briefwright.render.word.brief import brief_document
from briefwright.render.word.edition import Edition
from briefwright.render.word.fonts import read_fonts
from briefwright.render.word.onepager import onepager_document
from datetime import UTC, datetime
from pathlib import Path
root = Path(sys.argv[1])
brief, built, labels = load_brief(root / "content"), datetime(2023, 3, 20, tzinfo=UTC), english()
layers = (root / "templates",)
times = {}
for round in ("cold", "warm"):
    started = time.perf_counter()
    figures = draw_figures(brief, labels, layers)
    edition = Edition(read_fonts(layers), figures=figures,
                      fonts_dir=root / "templates" / "assets" / "fonts")
    write_docx(brief_document(brief, built, edition, labels))
    times[f"{round} brief.docx"] = time.perf_counter() - started
    started = time.perf_counter()
    topic = brief.topics[0]
    write_docx(onepager_document(brief, topic, built, edition, labels))
    times[f"{round} one-pager .docx"] = time.perf_counter() - started
print(json.dumps(times))
"""


def word_edition_figures() -> tuple[dict[str, float], dict[str, float]]:
    """Time the Word edition's brief and one one-pager, in a fresh process and again."""
    import json

    result = subprocess.run([sys.executable, "-c", WORD_TIMES, str(ROOT)], check=True,
                            capture_output=True, text=True, env=ENV)  # fmt: skip
    times = json.loads(result.stdout)
    labels = ("brief.docx", "one-pager .docx")
    return ({k: times[f"cold {k}"] for k in labels}, {k: times[f"warm {k}"] for k in labels})


def reader_edition_figures() -> tuple[float, float]:
    """Time drawing the brief's figures and rendering its source pages, in this process."""
    from briefwright.load.content import load_brief
    from briefwright.render.figures import draw_figures
    from briefwright.render.labels import english
    from briefwright.render.notes import NoteIndex
    from briefwright.render.sources import render_source_page

    brief, layers, t = load_brief(ROOT / "content"), (ROOT / "templates",), english()
    started = time.perf_counter()
    draw_figures(brief, t, layers)
    drawn = time.perf_counter() - started
    notes = NoteIndex(brief, t)
    started = time.perf_counter()
    for source in brief.sources:
        render_source_page(brief, source, notes, layers, datetime.now(UTC), source.publish, t)
    return drawn, time.perf_counter() - started


def near_miss_figures() -> list[tuple[str, float, int]]:
    """Time `closest_passage` on a ~1.5 MB source: a near miss, and a long absent quote."""
    filler = ("the", "minister", "said", "that", "the", "talks", "covered", "trade", "and",
              "the", "region", "and", "more")  # fmt: skip
    text = " ".join(filler[n % len(filler)] for n in range(270_000))
    text += " Japanese companies are not only invited but also encouraged to invest."
    quotes = {
        "short quote with a changed word (found)": (
            "Japanese firms are not only invited but also encouraged"
        ),
        "1,900-character quote, absent": " ".join(f"unusual{n} the" for n in range(150)),
    }
    figures = []
    for label, quote in quotes.items():
        started = time.perf_counter()
        miss = closest_passage(quote, text)
        figures.append((label, time.perf_counter() - started, miss.windows))
    return figures


if __name__ == "__main__":
    main()
