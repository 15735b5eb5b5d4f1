"""Tests for briefwright.authoring.scaffold (`new topic`): a whole file, failing until filled."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from typer.testing import CliRunner

from briefwright.check import check_brief
from briefwright.cli.app import app
from briefwright.errors import Severity
from briefwright.load.content import load_brief
from briefwright.render.html import render_brief
from tests.conftest import LAYERS, MakeProject


def _errors(content: Path) -> list[str]:
    return [d.code for d in check_brief(load_brief(content)) if d.severity is Severity.ERROR]


def _warnings(content: Path) -> list[str]:
    return [d.code for d in check_brief(load_brief(content)) if d.severity is Severity.WARNING]


def test_scaffold_fails_until_filled_then_joins_the_brief(project: MakeProject) -> None:
    """A new topic loads, is warned of (and fails a strict check) for its placeholders, and
    once filled is in the brief."""
    content = project("minimal")
    result = CliRunner().invoke(
        app, ["new", "topic", "space", "--title", "Space", "--content", str(content)]
    )
    assert result.exit_code == 0, result.output
    topic = content / "topics" / "space.yaml"
    assert "BW152" in _warnings(content)
    text = topic.read_text()
    for placeholder, value in {
        "replace-with-a-source-id": "one",
        "REPLACE with a passage copied from that source": "Something happened in March 2023.",
        "replace-with-a-recommendation-id": "rec-1",
        "REPLACE with one sentence.": "Space matters.",
        "REPLACE with a fact, in the brief's words.": "Something happened.",
        "REPLACE with a fact.": "Something happened.",
        "REPLACE with a judgment.": "It may grow.",
        "REPLACE with what to watch.": "The next meeting.",
    }.items():
        text = text.replace(placeholder, value)
    topic.write_text(text)
    assert _errors(content) == [] and "BW152" not in _warnings(content)
    html = render_brief(load_brief(content), LAYERS, datetime(2023, 3, 20, tzinfo=UTC))
    assert 'id="topic-space"' in html


def test_existing_topic_and_bad_id_are_refused(project: MakeProject) -> None:
    """`new topic` refuses an id in use (BW010) and an id that is not lowercase-hyphenated."""
    content = project("minimal")
    runner = CliRunner()
    taken = runner.invoke(app, ["new", "topic", "only", "--title", "x", "--content", str(content)])
    assert taken.exit_code == 1 and " BW010 " in taken.stderr
    bad = runner.invoke(app, ["new", "topic", "Bad Id", "--title", "x", "--content", str(content)])
    assert bad.exit_code == 1 and " BW003 " in bad.stderr
