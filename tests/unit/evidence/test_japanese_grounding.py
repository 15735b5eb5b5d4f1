"""Tests for briefwright.evidence.japanese_grounding: a brief written in Japanese has its
numbers and dates checked against its quotes."""

from __future__ import annotations

from briefwright.check import check_brief
from briefwright.load.content import load_brief
from tests.conftest import MakeProject


def test_the_japanese_fixture_is_grounded(project: MakeProject) -> None:
    """Its statements give no number or date their quotes do not; BW165 says what was read."""
    found = check_brief(load_brief(project("japanese")))
    assert not [d for d in found if d.code in ("BW160", "BW161", "BW166")]
    (said,) = [d for d in found if d.code == "BW165"]
    assert "numbers and dates were checked" in said.message


def test_a_wrong_year_in_a_japanese_statement_is_caught_at_its_line(
    project: MakeProject,
) -> None:
    """2022年3月 where the quote says 2023年3月 is BW161 at the statement's line; a number the
    quote lacks is BW160."""
    content = project("japanese")
    topic = content / "topics" / "only.yaml"
    text = topic.read_text(encoding="utf-8")
    text = text.replace("text: 2023年3月に出来事があった。", "text: 2022年3月に出来事があった。")
    topic.write_text(text.replace("text: 大臣が発言した。", "text: 大臣が3回発言した。"))
    found = check_brief(load_brief(content))
    (date,) = [d for d in found if d.code == "BW161"]
    assert "'2022年3月'" in date.message and "'fact-three'" in date.message
    assert date.location.path == str(topic) and date.location.line == 19
    (number,) = [d for d in found if d.code == "BW160"]
    assert "'3回'" in number.message and number.location.line == 11
