"""Tests for briefwright.render.changes: what the brief prints of the changes since its
previous version, the box on page 1 and the full list, in the brief's language."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime

import pytest
import yaml

from briefwright.compare.changes import compare
from briefwright.compare.record import ContentRecord, record_brief
from briefwright.load.content import load_brief
from briefwright.model.brief import Brief
from briefwright.model.vocab import AnnexPlace
from briefwright.render.changes import History, history
from briefwright.render.html import document_labels, render_brief, section_headings
from briefwright.render.labels import load_labels
from tests.conftest import FIXTURES, LAYERS

BUILT = datetime(2023, 3, 20, tzinfo=UTC)


def _record(brief: Brief) -> ContentRecord:
    return record_brief(brief, section_headings(brief, document_labels(brief, LAYERS)))


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[ContentRecord, Brief]:
    """Version 0.1 of the minimal brief (its record) and 0.2: five judgments re-rated, a
    recommendation and a fact reworded, a correction issued."""
    old = load_brief(FIXTURES / "minimal")
    target = tmp_path_factory.mktemp("v02") / "content"
    shutil.copytree(FIXTURES / "minimal", target)
    data = yaml.safe_load((target / "brief.yaml").read_text())
    data["metadata"]["version"] = "0.2"
    for item, rating in zip(data["key_judgments"], ("low", "high", "moderate"), strict=True):
        item["confidence"] = rating
    data["recommendations"][0]["text"] = "Do the other thing."
    data["implications"][0]["confidence"] = "high"
    data["background"][0]["text"] = "The source exists, and says so."
    topic = yaml.safe_load((target / "topics" / "only.yaml").read_text())
    topic["analysis"][0]["confidence"] = "low"
    (target / "topics" / "only.yaml").write_text(yaml.safe_dump(topic, allow_unicode=True))
    data["corrections"] = [{"date": "2023-03-21", "was": "It said <A>.", "now": "It says B.",
                            "statements": ["rec-1"]}]  # fmt: skip
    (target / "brief.yaml").write_text(yaml.safe_dump(data, allow_unicode=True))
    return _record(old), load_brief(target)


def _history(versions: tuple[ContentRecord, Brief], language: str = "en-GB") -> History:
    old, new = versions
    record = _record(new)
    return history(compare(old, record), load_labels(LAYERS, language), record)


def test_the_box_holds_five_lines_by_weight_and_counts_the_rest(
    versions: tuple[ContentRecord, Brief],
) -> None:
    """Six weighty changes (five re-ratings, a recommendation reworded): the box shows the
    five re-ratings in reading order, names each judgment by its first words, and counts
    the rest."""
    past = _history(versions)
    assert past.previous == "0.1"
    assert [line.target for line in past.box] == [
        "s-kj-1", "s-kj-2", "s-kj-3", "s-only-analysis", "s-imp-1",
    ]  # fmt: skip
    assert past.box[0].text == "Key judgment “A judgment.”: high confidence → low confidence"
    assert past.more == len(past.full) - 5 == 4


def test_the_full_list_groups_lines_by_section_with_word_diffs(
    versions: tuple[ContentRecord, Brief],
) -> None:
    """Every change is listed under its section; a reworded text carries its word diff."""
    past = _history(versions)
    sections = [line.section for line in past.full]
    assert sections == [
        "The brief", "Corrections", "Key judgments", "Key judgments", "Key judgments",
        "Recommendations", "Background", "1. The only topic", "Implications",
    ]  # fmt: skip
    reworded = past.full[5]
    assert reworded.text == "Recommendation “Do the other thing.” reworded"
    assert [(p.op, p.lead, p.text) for p in reworded.words] == [
        ("equal", "", "Do the"), ("insert", " ", "other"), ("equal", " ", "thing."),
    ]  # fmt: skip


def test_lines_are_in_the_brief_s_language(versions: tuple[ContentRecord, Brief]) -> None:
    """In Japanese, the box's lines use the Japanese labels and ratings."""
    past = _history(versions, "ja")
    assert past.box[0].text.startswith("主要判断「A judgment.」")


def test_the_brief_prints_the_box_the_corrections_and_the_list(
    versions: tuple[ContentRecord, Brief],
) -> None:
    """The HTML has the box after the bottom line, the corrections (escaped), and the
    annex's full list with <del> and <ins>, listed in the contents."""
    _, new = versions
    html = render_brief(new, LAYERS, BUILT, history=_history(versions))
    cover = html.split("</header>", 1)[0]
    assert cover.index("bluf-heading") < cover.index("corrections-heading")
    assert cover.index("corrections-heading") < cover.index("changes-box-heading")
    assert "What changed since version 0.1" in cover
    assert "It said &lt;A&gt;." in cover and "<A>" not in html
    assert '<a href="#s-rec-1">rec-1</a>' in cover
    assert re.search(r'<section id="changes" class="section changes">', html)
    assert "Do the <ins>other</ins> thing." in html
    assert '<a href="#changes">Changes since version 0.1</a>' in html


def test_a_brief_without_a_previous_version_prints_neither(
    versions: tuple[ContentRecord, Brief],
) -> None:
    """Without a history there is no box and no list; without corrections, no corrections."""
    html = render_brief(load_brief(FIXTURES / "minimal"), LAYERS, BUILT)
    assert "changes-box" not in html and 'id="changes"' not in html
    assert "corrections-box" not in html


def test_the_full_list_is_linked_in_the_pdf_only_when_it_prints_the_annex(
    versions: tuple[ContentRecord, Brief],
) -> None:
    """With `annex: html` the box's link to the full list is hidden in print, which says
    the list is in the HTML edition; with `annex: pdf` it is a plain link into the PDF."""
    _, new = versions
    box = render_brief(new, LAYERS, BUILT, history=_history(versions)).split(
        'id="changes-box"', 1
    )[1]
    assert '<a class="annex-link" href="#changes">' in box
    assert "is in the HTML edition (brief.html)." in box
    meta = new.metadata.model_copy(update={"annex": AnnexPlace.PDF})
    printed = new.model_copy(update={"front": new.front.model_copy(update={"metadata": meta})})
    box = render_brief(printed, LAYERS, BUILT, history=_history(versions)).split(
        'id="changes-box"', 1
    )[1]
    assert '<a href="#changes">The full list of changes</a>' in box
    assert "HTML edition" not in box.split("</section>", 1)[0]
