"""Sources as they come, end to end: a PDF and an address added with `sources add`, cited,
and rendered: the note prints its page, links to the passage on the publisher's page, and
the annotations point at the stored text; the archived copy is republished, checked."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefwright.authoring.ingest import ArticleFacts, add_source
from briefwright.check import check_brief
from briefwright.cli.app import app
from briefwright.errors import BriefError, Severity
from briefwright.ingest.warc import read_responses
from briefwright.load.content import load_brief
from briefwright.load.originals import read_published_originals
from briefwright.model.brief import Brief
from briefwright.render.annotations import render_annotations
from briefwright.render.html import render_brief
from briefwright.render.notes import NoteIndex
from briefwright.render.sources import render_source_page
from tests.conftest import LAYERS, NEWS_PAGE, PAGE_TWO, MakeProject, Server

BUILT = datetime(2023, 3, 20, tzinfo=UTC)


def _cite(content: Path, source: str, quotes: list[str]) -> None:
    """Give the minimal fixture's topic a key point citing each quote of `source`."""
    path = content / "topics" / "only.yaml"
    points = "".join(
        f"  - id: cited-{n}\n    text: The source says it.\n    cites:\n"
        f"      - source: {source}\n        quote: {json.dumps(quote)}\n"
        for n, quote in enumerate(quotes, 1)
    )
    text = path.read_text(encoding="utf-8").replace("key_points:\n", f"key_points:\n{points}")
    path.write_text(text, encoding="utf-8")


def _errors(brief: Brief) -> list[str]:
    return [str(d) for d in check_brief(brief) if d.severity is Severity.ERROR]


def test_a_fact_citing_page_two_of_a_pdf_prints_p_2(
    project: MakeProject, tmp_path: Path, three_page_pdf: bytes
) -> None:
    """A passage found on page 2 is "p. 2"; one across the break from page 1 is "pp. 1–2"."""
    content = project("minimal")
    report = tmp_path / "review.pdf"
    report.write_bytes(three_page_pdf)
    facts = ArticleFacts("Review Press", date(2023, 3, 1))
    added = add_source(report, content / "sources", facts)
    assert added.kept == content / "sources" / "review-press-2023-03-01.orig.pdf"
    across = "require co-ordination. On the second page the ministers"
    _cite(content, added.source_id, [" ".join(PAGE_TWO.split()[:12]), across])
    brief = load_brief(content)
    assert _errors(brief) == []
    html = render_brief(brief, LAYERS, BUILT)
    # The source's name is a link on screen and plain text in print (annex: html): read one.
    html = re.sub(r'<span class="annex-text">[^<]*</span>', "", html)
    lines = re.findall(r'<span class="note-source">(.*?)</span>', html)
    review = [re.sub(r"<[^>]+>", "", line) for line in lines if "Review Press" in line]
    review = [line.replace("\u00a0", " ") for line in review]  # a date is set on one line
    assert review == [
        "Review Press, Defence Cooperation Review, news report, March 1, 2023, p. 2.",
        "Review Press, Defence Cooperation Review, news report, March 1, 2023, pp. 1–2.",
    ]


def test_an_address_added_from_127_0_0_1_links_to_its_passage(
    project: MakeProject, server: Server
) -> None:
    """`sources add http://127.0.0.1:PORT/…` stores the text, a WARC with the same bytes and
    the metadata; a note links to the passage on the publisher's page by a text fragment."""
    content = project("minimal")
    url = server.serve("/defence/india-japan/", NEWS_PAGE.read_bytes(), "text/html; charset=utf-8")
    result = CliRunner().invoke(app, ["sources", "add", url, "--content", str(content)])
    assert result.exit_code == 0, result.output
    source_id = "financial-express-2023-03-20"
    warc = (content / "sources" / f"{source_id}.warc.gz").read_bytes()
    assert read_responses(warc)[-1].body == NEWS_PAGE.read_bytes()
    quote = "both fields are open and encouraged the Japanese companies"
    _cite(content, source_id, [quote])
    brief = load_brief(content)
    source = brief.source(source_id)
    assert source is not None and source.url == url and source.retrieved is not None
    assert source.title.startswith("India and Japan set to deepen cooperation in defence")
    assert (source.published, source.author) == (date(2023, 3, 20), "Huma Siddiqui")
    assert "We use cookies" not in source.text and "We use cookies" in source.chrome_removed[0]
    assert source.original is not None and source.original.file == f"{source_id}.warc.gz"
    assert _errors(brief) == []
    link = (
        f"{url}#:~:text=private%20sector%20investments%20%E2%80%93-,both%20fields%20are%20open"
        "%20and%20encouraged%20the%20Japanese%20companies,-to%20harness%20the%20advantages"
    )
    assert f'href="{link}"' in render_brief(brief, LAYERS, BUILT)
    page = render_source_page(brief, source, NoteIndex(brief), LAYERS, BUILT)
    assert f'href="{link}"' in page and "JSON-LD NewsArticle headline" in page
    annotations = json.loads(render_annotations(brief, BUILT))
    targets = [item["target"] for item in annotations["first"]["items"]]
    assert {"type": "TimeState", "sourceDate": source.retrieved.isoformat()} in [
        t.get("state") for t in targets if t["source"] == url
    ]


def test_the_archived_copy_is_republished_only_whole_and_unchanged(
    project: MakeProject, server: Server
) -> None:
    """With `publish: full` the WARC goes beside the source pages; a changed one is BW016."""
    content = project("minimal")
    url = server.serve("/statement.txt", b"The statement in full.\n", "text/plain")
    args = ["sources", "add", url, "--publisher", "Ministry", "--date", "2023-03-20"]
    assert CliRunner().invoke(app, [*args, "--content", str(content)]).exit_code == 0
    path = content / "sources" / "ministry-2023-03-20.txt"
    _cite(content, "ministry-2023-03-20", ["The statement in full."])
    assert read_published_originals(load_brief(content), content) == {}
    path.write_text(path.read_text().replace("kind:", "publish: full\nkind:"), encoding="utf-8")
    brief = load_brief(content)
    (name, data), = read_published_originals(brief, content).items()  # fmt: skip
    assert name == "sources/ministry-2023-03-20.warc.gz"
    assert read_responses(data)[0].body == b"The statement in full.\n"
    (content / "sources" / "ministry-2023-03-20.warc.gz").write_bytes(data + b"x")
    with pytest.raises(BriefError, match=r"BW016 ministry-2023-03-20\.warc\.gz has changed"):
        read_published_originals(brief, content)
