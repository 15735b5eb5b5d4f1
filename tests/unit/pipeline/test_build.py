"""Tests for briefwright.pipeline.build: the whole pipeline, end to end, reproducibly."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from briefwright.output.manifest import Manifest
from briefwright.output.spool import Payload
from briefwright.pipeline import build as build_module
from briefwright.pipeline.build import typeset_with_editions
from briefwright.pipeline.cutter import EDITIONS_NICENESS, Cutter
from briefwright.pipeline.editions import WordEdition
from briefwright.pipeline.outcome import Built, RunOptions
from briefwright.pipeline.run import build_project
from briefwright.settings import PdfSettings
from briefwright.typeset.worker import Typeset
from tests.conftest import CONTENT, PROJECT, TEMPLATES, preloads_resolve


def test_build_writes_brief_and_assets(built: Built) -> None:
    """A build writes brief.pdf, brief.html, the stylesheet and the fonts with their licences."""
    names = {p.relative_to(built.out_dir).as_posix() for p in built.written}
    assert {"brief.pdf", "brief.html", "brief.docx", "assets/brief.css"} <= names
    assert {f"onepagers/{t.id}.docx" for t in built.brief.topics} <= names
    assert {n for n in names if n.startswith("assets/fonts/OFL-")}
    manifest = json.loads((built.out_dir / "manifest.json").read_text())
    docx = (built.out_dir / "brief.docx").read_bytes()
    assert manifest["documents"]["brief"]["docx_sha256"] == hashlib.sha256(docx).hexdigest()
    assert manifest["artifacts"]["brief.docx"]["bytes"] == len(docx)


def test_html_has_no_local_paths(built: Built) -> None:
    """Neither artifact contains an absolute local path or a file: URL."""
    for name in ("brief.html", "brief.pdf"):
        data = (built.out_dir / name).read_bytes()
        assert b"file://" not in data
        assert str(Path.cwd()).encode() not in data
        assert str(built.out_dir).encode() not in data


def test_same_inputs_give_identical_bytes(built: Built, tmp_path: Path) -> None:
    """Building again, elsewhere, gives byte-identical PDF and HTML, record (content.json)
    and citation files."""
    again = build_project(PROJECT, tmp_path / "again")
    assert isinstance(again, Built)
    for name in ("brief.pdf", "brief.html", "content.json", "CITATION.cff", "citation.json"):
        assert (again.out_dir / name).read_bytes() == (built.out_dir / name).read_bytes()


def test_manifest_records_fingerprints(built: Built) -> None:
    """manifest.json records each source's SHA-256 and each artifact's hash and size."""
    manifest = json.loads((built.out_dir / "manifest.json").read_text())
    brief = built.brief
    assert manifest["sources"] == {
        s.id: {"sha256": s.fingerprint, "published": s.published.isoformat()}
        for s in brief.sources
    }
    pdf = (built.out_dir / "brief.pdf").read_bytes()
    assert manifest["artifacts"]["brief.pdf"] == {
        "sha256": hashlib.sha256(pdf).hexdigest(),
        "bytes": len(pdf),
        "pages": len(PdfReader(built.out_dir / "brief.pdf").pages),
    }
    assert manifest["source_date_epoch"] == 1679270400
    assert manifest["product_id"] == "BW-2026-001" and manifest["version"] == "1.0"
    inputs = manifest["inputs"]
    assert "content/brief.yaml" in inputs and "content/sources/wire-2022-09-08.txt" in inputs
    assert "templates/brief.html.j2" in inputs
    assert "templates/assets/fonts/NotoSans-Regular.ttf" in inputs
    versions = manifest["versions"]
    assert versions["weasyprint"].startswith("70.") and versions["pango"].count(".") == 2
    assert versions["fonts"]["SourceSerif4-Regular.ttf"].startswith("Version ")


def test_every_real_one_pager_is_exactly_one_page(built: Built) -> None:
    """Each topic of the real brief has a one-pager PDF of exactly one page, and its HTML."""
    for topic in built.brief.topics:
        stem = built.out_dir / "onepagers" / topic.id
        assert len(PdfReader(f"{stem}.pdf").pages) == 1, topic.id
        assert f"{stem}.html" in {str(p) for p in built.written}


def test_one_pager_statements_and_notes_match_the_brief(built: Built) -> None:
    """A one-pager shows the brief's own sentences with the brief's own note numbers."""
    brief_html = (built.out_dir / "brief.html").read_text()
    for topic in built.brief.topics:
        page = (built.out_dir / "onepagers" / f"{topic.id}.html").read_text()
        for point in topic.onepager_points():
            sentence = re.search(rf'id="s-{point.id}">(.*?)(<sup.*?</sup>)', brief_html)
            assert sentence is not None
            text, refs = sentence.groups()
            numbers = re.findall(r">(\d+)</a>", refs)
            assert text in page
            assert (
                re.findall(
                    r">(\d+)</span>",
                    re.search(rf'id="s-{point.id}">.*?(<sup.*?</sup>)', page).group(1),  # type: ignore[union-attr]
                )
                == numbers
            )


def test_only_builds_just_what_it_names(tmp_path: Path) -> None:
    """--only with a topic id writes that one-pager and not the brief."""
    built = build_project(PROJECT, tmp_path / "one", run=RunOptions(only="strategic-context"))
    assert isinstance(built, Built)
    stems = {p.relative_to(built.out_dir).as_posix() for p in built.written}
    assert "onepagers/strategic-context.pdf" in stems
    assert "brief.pdf" not in stems
    assert "onepagers/co-development.pdf" not in stems


def test_only_retires_nothing(built: Built, tmp_path: Path) -> None:
    """--only --force over a whole build's folder keeps the documents it does not name and
    says it removed nothing; it typesets and writes afresh the one it names (no PDF or .docx
    reused), and its manifest, in each edition's folder, still records every document (the
    others carried), so a later whole build can retire what that one no longer makes."""
    import shutil

    out = tmp_path / "out"
    shutil.copytree(built.out_dir, out)
    before = {edition: Manifest.read(out / edition) for edition in ("", "ja")}
    again = build_project(PROJECT, out, run=RunOptions(only="strategic-context", force=True))
    assert isinstance(again, Built) and again.retired == ()
    assert again.produced.typeset == (
        "onepagers/strategic-context",
        "ja/onepagers/strategic-context",
    )
    assert again.produced.reused == again.produced.docx_reused == ()
    assert (out / "onepagers" / "co-development.pdf").is_file()
    assert (out / "ja" / "brief.pdf").is_file()
    for edition, manifest in before.items():
        after = Manifest.read(out / edition)
        assert manifest is not None and after is not None
        assert set(after.documents) == set(manifest.documents)
        assert set(after.artifacts) == set(manifest.artifacts)


def test_pages_preload_only_fonts_the_build_made(built: Built) -> None:
    """Every Japanese page (brief, one-pagers, source pages) preloads its two body faces,
    and every English source page its title's two; each a WOFF2 the build wrote and the
    page's fonts.css uses. The English brief and one-pagers preload none."""
    japanese = list((built.out_dir / "ja").rglob("*.html"))
    sources = list((built.out_dir / "sources").glob("*.html"))
    assert preloads_resolve(built.out_dir) == len(japanese) + len(sources) > 10
    for page in [built.out_dir / "brief.html", *(built.out_dir / "onepagers").glob("*.html")]:
        assert 'rel="preload"' not in page.read_text(encoding="utf-8"), page


def test_artifacts_leak_nothing_local(built: Built) -> None:
    """No artifact holds a template comment, the home folder, or a value from the environment."""
    secrets = {v for k, v in os.environ.items() if len(v) >= 12 and k not in {"SHELL", "TERM"}}
    for path in built.written:
        if path.suffix not in {".html", ".pdf", ".json"}:
            continue
        data = path.read_bytes()
        if path.suffix == ".html":
            assert b"<!--" not in data and b"{#" not in data, path
        leaked = [value for value in secrets if value.encode() in data]
        assert not leaked, f"{path} contains environment values {leaked}"


def test_builds_are_byte_identical_across_processes(tmp_path: Path) -> None:
    """Two builds in other processes, folders, hash seeds and --jobs give the same bytes.

    Neither leaves anything in its temporary folder (workers end without running finalizers,
    so WeasyPrint's folders of font files would otherwise pile up there, ~4 MB a build).
    """
    outputs = []
    for seed, jobs in (("1", "1"), ("2", "2")):
        out = tmp_path / f"out-{seed}"
        scratch = tmp_path / f"tmp-{seed}"
        scratch.mkdir()
        env = {**os.environ, "PYTHONHASHSEED": seed, "TMPDIR": str(scratch)}
        command = [str(Path(sys.executable).with_name("briefwright")), "build", "--jobs", jobs]
        command += ["--content", str(CONTENT), "--templates", str(TEMPLATES), "--out", str(out)]
        subprocess.run(command, check=True, env=env, cwd=tmp_path, capture_output=True)
        assert not list(scratch.iterdir())
        outputs.append(out)
    first = {p.relative_to(outputs[0]): p.read_bytes() for p in outputs[0].rglob("*.*")}
    second = {p.relative_to(outputs[1]): p.read_bytes() for p in outputs[1].rglob("*.*")}
    assert first.keys() == second.keys() and first == second


class _FakePool:
    """A pool of `jobs` results that records, as each comes, whether the editions began."""

    def __init__(self, events: list[str], jobs: int, began: threading.Event) -> None:
        self.events, self.jobs, self.began = events, jobs, began

    @property
    def busy(self) -> bool:
        return self.jobs > 0

    def collect(self) -> list[tuple[str, Typeset]]:
        if self.jobs == 1:  # the last document is not done before the editions began
            assert self.began.wait(timeout=30)
        self.events.append(f"typeset {self.jobs}")
        self.jobs -= 1
        return [(str(self.jobs), Typeset(b"", 1, None, 0.0))]


def test_the_editions_run_beside_the_typesetting_a_step_behind(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The editions start with the typesetting, in a thread niced below the build's (Linux:
    a thread's own priority), with a cutter for the web fonts; the results all come back."""
    events: list[str] = []
    seen: dict[str, object] = {}

    began = threading.Event()

    def make(*args: object) -> tuple[dict[str, Payload], WordEdition]:
        events.append("editions")
        began.set()
        seen["cutter"] = args[-1]
        seen["niceness"] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
        return dict[str, Payload](), WordEdition({}, {}, ())

    monkeypatch.setattr(build_module, "_make_editions", make)
    prepared = SimpleNamespace(rendered=None, carried={}, project=PROJECT, previous=None)
    pool = _FakePool(events, 3, began)
    fresh, _ = typeset_with_editions(prepared, pool, PdfSettings(), RunOptions(jobs=2))  # type: ignore[arg-type]
    assert sorted(fresh) == ["0", "1", "2"]
    assert events.index("editions") < events.index("typeset 1")  # before the last came back
    assert isinstance(seen["cutter"], Cutter)
    if sys.platform == "linux":
        own = os.getpriority(os.PRIO_PROCESS, 0)
        assert seen["niceness"] == min(19, own + EDITIONS_NICENESS)
