"""Clearance, end to end: the flagship's brief.docx reviewed as Word writes a review (a
comment on a key judgment, a comment across two sentences of a key point, a tracked
insertion in a recommendation, a tracked deletion in a background fact, a tracked change
inside an endnote's quote), round-tripped through LibreOffice, imported, decided, applied
to a copy of content/, and released only once nothing is open.

The annotated statements are taken from the loaded content, never from hard-coded text.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from typer.testing import CliRunner

from briefwright.cli.app import app
from briefwright.errors import BriefError
from briefwright.load.content import load_brief
from briefwright.model.brief import Brief, Fact, Judgment, Recommendation
from briefwright.pipeline.outcome import Built
from briefwright.pipeline.run import refuse_open_review, release_project
from briefwright.settings import Project
from tests.conftest import CONTENT, TEMPLATES
from tests.reviewing import Reviewer

needs_libreoffice = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("soffice", "pdftoppm")),
    reason="needs LibreOffice (libreoffice-writer-nogui) and poppler-utils",
)
runner = CliRunner()
_TIMEOUT = 240
_SENTENCES = re.compile(r"[.;:] ")


@dataclass(frozen=True)
class Annotated:
    """Which statements the reviewer annotated, by id."""

    judgment: str
    key_point: str
    recommendation: str
    fact: str
    note: int


def annotate(data: bytes, brief: Brief) -> tuple[bytes, Annotated]:
    """Return the brief.docx as the reviewer sends it back, and what was annotated."""
    judgment = brief.front.key_judgments[0]
    point = next(p for t in brief.topics for p in t.key_points if _SENTENCES.search(p.text))
    recommendation = brief.front.recommendations[0]
    fact = brief.front.background[0]
    reviewer = Reviewer(data)
    reviewer.comment(judgment.id, "Which policy document says so?")
    boundary = _SENTENCES.search(point.text)
    assert boundary is not None
    reviewer.comment(point.id, "Two claims; split them?", boundary.start() - 6,
                     boundary.end() + 6)  # fmt: skip
    last_comma = recommendation.text.rindex(", ")
    reviewer.insert(recommendation.id, last_comma, " in writing")
    cut = fact.text.rindex(", ")
    reviewer.delete(fact.id, cut, len(fact.text) - 1)
    reviewer.replace_in_note(1, 1, 4, "NEW")  # after the opening quote mark
    return reviewer.data, Annotated(judgment.id, point.id, recommendation.id, fact.id, 1)


def _soffice(folder: Path, target: str, *files: Path) -> None:
    """Convert files with LibreOffice headless, a private profile, the system's fonts."""
    environment = {k: v for k, v in os.environ.items() if k != "FONTCONFIG_FILE"}
    profile = folder / "profile"
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", target, "--outdir", str(folder / "out"), *map(str, files)],
        capture_output=True, text=True, timeout=_TIMEOUT, check=False, env=environment,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def reviewed(built: Built, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Annotated]:
    """Write the reviewed brief.docx into a project copy of the example."""
    project = tmp_path_factory.mktemp("clearance")
    shutil.copytree(CONTENT, project / "content")
    data, annotated = annotate((built.out_dir / "brief.docx").read_bytes(), load_brief(CONTENT))
    (project / "reviewed.docx").write_bytes(data)
    return project, annotated


def _import(project: Path, docx: Path) -> dict[str, dict[str, object]]:
    result = runner.invoke(app, ["review", "import", str(docx), "--content",
                                 str(project / "content"), "--format", "json"])  # fmt: skip
    assert result.exit_code == 0, result.output
    return {item["id"]: item for item in json.loads(result.output)["items"]}


def _statement(brief: Brief, statement_id: str) -> Judgment | Recommendation | Fact:
    """Return the key judgment, recommendation, background fact or key point of an id."""
    front = brief.front
    items: list[Judgment | Recommendation | Fact] = [
        *front.key_judgments,
        *front.recommendations,
        *front.background,
    ]
    items += [point for topic in brief.topics for point in topic.key_points]
    return next(item for item in items if item.id == statement_id)


def _line(brief: Brief, statement_id: str) -> str:
    """Return `file:line` of a statement's text, from the loaded content."""
    where = _statement(brief, statement_id).where("text")
    assert where is not None
    return f"{where.path}:{where.line}"


def test_import_maps_each_item_to_its_statement_and_line_and_flags_the_quote(
    reviewed: tuple[Path, Annotated],
) -> None:
    """Each comment and change names the statement it touches, by id and `file:line` of its
    text; the comment across two sentences keeps its words; the quote change is flagged."""
    project, annotated = reviewed
    brief = load_brief(project / "content")
    items = _import(project, project / "reviewed.docx")
    expected = {"c1": annotated.judgment, "c2": annotated.key_point,
                "t1": annotated.recommendation, "t2": annotated.fact}  # fmt: skip
    for item_id, statement_id in expected.items():
        assert items[item_id]["statement"] == statement_id
        assert items[item_id]["location"] == _line(brief, statement_id)
        assert items[item_id]["reviewer"] and items[item_id]["date"]
    assert _SENTENCES.search(str(items["c2"]["words"]))
    assert [items[i]["kind"] for i in ("t1", "t2", "t3")] == ["insertion", "deletion",
                                                             "replacement"]  # fmt: skip
    assert items["t1"]["applicable"] and items["t2"]["applicable"]
    quote = items["t3"]
    assert quote["quote"] and not quote["applicable"] and quote["note"] == annotated.note
    assert str(quote["after"]).startswith("NEW") and quote["location"]
    table = runner.invoke(app, ["review", "import", str(project / "reviewed.docx"),
                                "--content", str(project / "content")]).output  # fmt: skip
    for item_id, statement_id in expected.items():
        assert f"{item_id} " in table and f"{statement_id} {_line(brief, statement_id)}" in table
    assert "[quote: never applied]" in table


@needs_libreoffice
def test_the_marks_survive_a_libreoffice_round_trip(
    reviewed: tuple[Path, Annotated], tmp_path: Path
) -> None:
    """LibreOffice opens the reviewed file and saves it as DOCX; importing that gives the
    same items, statement for statement and word for word."""
    project, _ = reviewed
    _soffice(tmp_path, "docx:MS Word 2007 XML", project / "reviewed.docx")
    again = _import(project, tmp_path / "out" / "reviewed.docx")
    assert again == _import(project, project / "reviewed.docx")


@needs_libreoffice
def test_the_marks_change_nothing_a_reader_sees(built: Built, tmp_path: Path) -> None:
    """LibreOffice prints brief.docx exactly as it prints the same file stripped of its
    marks: the same pages, pixel for pixel."""
    marked = (built.out_dir / "brief.docx").read_bytes()
    (tmp_path / "marked.docx").write_bytes(marked)
    (tmp_path / "plain.docx").write_bytes(_without_marks(marked))
    _soffice(tmp_path, "pdf", tmp_path / "marked.docx", tmp_path / "plain.docx")
    pages = {}
    for name in ("marked", "plain"):
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(tmp_path / "out" / f"{name}.pdf"),
                        str(tmp_path / name)], check=True)  # fmt: skip
        pages[name] = sorted(tmp_path.glob(f"{name}-*.png"))
    assert len(pages["marked"]) == len(pages["plain"]) > 10
    for a, b in zip(pages["marked"], pages["plain"], strict=True):
        assert ImageChops.difference(Image.open(a), Image.open(b)).getbbox() is None, a.name


def _without_marks(data: bytes) -> bytes:
    """Return the package with every review bookmark and the map relationship removed."""
    import io
    import zipfile

    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename.startswith("customXml/"):
                continue
            part = source.read(info)
            if info.filename in ("word/document.xml", "word/endnotes.xml"):
                text = part.decode()
                ids = re.findall(r'<w:bookmarkStart w:id="(\d+)" w:name="_bw_[sn]\d+"/>', text)
                text = re.sub(r'<w:bookmarkStart w:id="\d+" w:name="_bw_[sn]\d+"/>', "", text)
                for bookmark_id in ids:
                    text = text.replace(f'<w:bookmarkEnd w:id="{bookmark_id}"/>', "", 1)
                part = text.encode()
            if info.filename == "word/_rels/document.xml.rels":
                part = re.sub(rb'<Relationship [^>]*customXml/item1.xml"/>', b"", part)
            target.writestr(info, part)
    return out.getvalue()


def test_apply_changes_exactly_the_accepted_statements_and_release_waits_for_decisions(
    reviewed: tuple[Path, Annotated], tmp_path: Path
) -> None:
    """With the insertion and the deletion accepted (and the quote change, which is never
    applied), a unified diff of content/ shows those two statements' lines and nothing
    else; `check` lists the item left open and `release` refuses until it is decided."""
    source, annotated = reviewed
    project = tmp_path / "project"
    shutil.copytree(source / "content", project / "content")
    content = project / "content"
    written = runner.invoke(app, ["review", "import", str(source / "reviewed.docx"),
                                  "--content", str(content), "--write",
                                  str(project / "review.yaml")])  # fmt: skip
    assert written.exit_code == 0, written.output
    review = project / "review.yaml"
    decided = _decide(review.read_text(), {"c1": "declined", "t1": "accepted",
                                           "t2": "accepted", "t3": "accepted"})  # fmt: skip
    review.write_text(decided)
    old = load_brief(content)
    before = {p: p.read_text() for p in sorted(content.rglob("*.yaml"))}
    applied = runner.invoke(app, ["review", "apply", "--content", str(content)])
    assert applied.exit_code == 0, applied.output
    assert "BW504" in applied.output and "t3" in applied.output  # the quote: not applied
    changed = _changed_lines(before)
    allowed = _text_lines(old, annotated.recommendation) | _text_lines(old, annotated.fact)
    assert changed and changed <= allowed
    new = load_brief(content)
    assert _text(new, annotated.recommendation) != _text(old, annotated.recommendation)
    assert _text(new, annotated.fact) != _text(old, annotated.fact)
    checked = runner.invoke(app, ["check", "--content", str(content)])
    assert "BW505" in checked.output and "review item c2" in checked.output
    with pytest.raises(BriefError) as refused:
        release_project(Project(content, TEMPLATES), project / "build")
    assert [d.code for d in refused.value.diagnostics] == ["BW506"]
    assert [d.code for d in refuse_open_review(Project(content), allow=True)] == ["BW507"]
    review.write_text(_decide(review.read_text(), {"c2": "declined"}))
    assert refuse_open_review(Project(content), allow=False) == ()


def _decide(text: str, statuses: dict[str, str]) -> str:
    """Return review.yaml with the items' statuses set, as an analyst edits it."""
    for item_id, status in statuses.items():
        text = re.sub(rf"(- id: {item_id}\n  kind: \w+\n  status: )\w+", rf"\g<1>{status}", text)
    return text


def _changed_lines(before: dict[Path, str]) -> set[tuple[str, int]]:
    """Return (file, line) of every line of the old files a unified diff changes."""
    changed = set()
    for path, old in before.items():
        diff = difflib.unified_diff(old.splitlines(), path.read_text().splitlines(), n=0)
        for hunk in (line for line in diff if line.startswith("@@")):
            start, _, count = hunk.split()[1][1:].partition(",")
            lines = int(count) if count else 1
            changed |= {(str(path), int(start) + n) for n in range(max(lines, 1))}
    return changed


def _text_lines(brief: Brief, statement_id: str) -> set[tuple[str, int]]:
    """Return (file, line) of each line of a statement's text: its `text:` line and those
    below it indented deeper."""
    where = _statement(brief, statement_id).where("text")
    assert where is not None
    lines = Path(where.path).read_text().splitlines()
    indent = len(lines[where.line - 1]) - len(lines[where.line - 1].lstrip())
    end = where.line
    while end < len(lines) and len(lines[end]) - len(lines[end].lstrip()) > indent:
        end += 1
    return {(where.path, n) for n in range(where.line, end + 1)}


def _text(brief: Brief, statement_id: str) -> str:
    return _statement(brief, statement_id).text
