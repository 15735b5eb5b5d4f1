"""Tests for briefwright.translate.status: a translation kept in step with the brief, every
finding at the translation's own line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefwright.check import check_brief
from briefwright.cli.app import app
from briefwright.errors import Diagnostic
from briefwright.load.content import load_brief
from briefwright.model.translation import fingerprint
from briefwright.translate.status import stale_diff
from tests.conftest import CONTENT

runner = CliRunner()
AIR = "初の航空共同訓練も2023年初めに実施された。"
ENGLISH = "and the first air exercise was held early in 2023."


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """Return a copy of the real content (the brief and its Japanese translation)."""
    shutil.copytree(CONTENT, tmp_path / "content")
    return tmp_path / "content"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


def _found(content: Path, code: str) -> list[Diagnostic]:
    return [d for d in check_brief(load_brief(content)) if d.code == code]


def test_the_real_translation_is_complete_and_in_step() -> None:
    """The flagship's Japanese translation gives every text, none stale, none in conflict."""
    codes = {d.code for d in check_brief(load_brief(CONTENT))}
    assert not codes & {"BW125", "BW126", "BW127", "BW128", "BW129"}


def test_a_wrong_year_in_a_japanese_statement_is_caught_at_its_line(content: Path) -> None:
    """A year the English statement does not give is BW128 at the Japanese text's line, and
    `check --strict` fails there."""
    ja = content / "translations" / "ja.yaml"
    _edit(ja, AIR, AIR.replace("2023年", "2022年"))
    (found,) = _found(content, "BW128")
    assert found.location.path == str(ja) and found.location.line == _line_of(ja, "2022年初め")
    assert "'kj-operations-ahead' (text)" in found.message and "'2022年'" in found.message
    result = runner.invoke(app, ["check", "--strict", "--content", str(content)])
    assert result.exit_code == 1
    assert f"{ja}:{found.location.line}" in result.stderr


def test_a_year_in_kanji_numerals_is_read(content: Path) -> None:
    """二〇二二年 is 2022 (kanjize): a wrong year in kanji numerals is caught too; the right
    one in kanji passes."""
    ja = content / "translations" / "ja.yaml"
    _edit(ja, AIR, AIR.replace("2023年", "二〇二二年"))
    assert len(_found(content, "BW128")) == 1
    _edit(ja, "二〇二二年", "二〇二三年")
    assert _found(content, "BW128") == []


def test_changing_the_english_makes_the_translation_stale_until_updated(content: Path) -> None:
    """Rewording a translated statement makes `check --strict` fail at the Japanese entry
    (BW126, with the word diff and the new fingerprint); updating `original` and
    `fingerprint` as it says makes it pass again."""
    brief, ja = content / "brief.yaml", content / "translations" / "ja.yaml"
    _edit(brief, "air exercise was held early in 2023", "air exercise was held in early 2023")
    result = runner.invoke(app, ["check", "--strict", "--content", str(content)])
    assert result.exit_code == 1
    (stale,) = _found(content, "BW126")
    assert stale.location.path == str(ja)
    assert stale.location.line == _line_of(ja, "fingerprint: 173508f3899a")
    assert "'kj-operations-ahead' (text)" in stale.message
    assert "held {+in+} early [-in-] 2023" in stale.message
    now = load_brief(content).front.key_judgments[2].text
    assert f"fingerprint: {fingerprint(now)}" in stale.message
    _edit(ja, "early in 2023.\n    fingerprint: 173508f3899a", f"in early 2023.\n"
          f"    fingerprint: {fingerprint(now)}")  # fmt: skip
    assert runner.invoke(app, ["check", "--strict", "--content", str(content)]).exit_code == 0


def test_a_missing_entry_is_reported_and_stub_writes_it(content: Path) -> None:
    """An entry taken out is BW125 naming the text and where the English is; `translate
    stub ja` appends it with the English and its fingerprint, `text:` left to write."""
    ja = content / "translations" / "ja.yaml"
    text = ja.read_text(encoding="utf-8")
    start = text.index("  - id: kj-operations-ahead\n")
    end = text.index("  - id: kj-china-backdrop\n")
    ja.write_text(text[:start] + text[end:], encoding="utf-8")
    (missing,) = _found(content, "BW125")
    assert missing.location.path == str(ja) and "'kj-operations-ahead' (text" in missing.message
    status = runner.invoke(app, ["translate", "status", "--content", str(content)])
    assert status.exit_code == 0 and "BW125" in status.output
    assert "185 of 186 texts translated" in status.output
    stub = runner.invoke(app, ["translate", "stub", "ja", "--content", str(content)])
    assert stub.exit_code == 0 and "1 entries added" in stub.output
    appended = ja.read_text(encoding="utf-8").split("  - id: kj-operations-ahead\n")[1]
    assert "fingerprint: 173508f3899a" in appended and appended.rstrip().endswith("text:")
    (undone,) = _found(content, "BW125")
    assert undone.location.line == len(ja.read_text(encoding="utf-8").splitlines())


def test_an_entry_naming_nothing_and_a_duplicate_are_reported(content: Path) -> None:
    """An id the brief lacks is BW127 with the nearest id; a second entry for one text is
    BW129 naming the first."""
    ja = content / "translations" / "ja.yaml"
    _edit(ja, "  - id: kj-china-backdrop\n", "  - id: kj-china-backdrops\n")
    (unknown,) = _found(content, "BW127")
    assert "did you mean 'kj-china-backdrop'?" in unknown.message
    _edit(ja, "  - id: kj-china-backdrops\n", "  - id: kj-operations-ahead\n")
    (twice,) = _found(content, "BW129")
    assert "'kj-operations-ahead' (text) is translated already at" in twice.message


def test_stale_diff_cuts_unchanged_words() -> None:
    """The diff keeps four words either side of a change and marks what went and came."""
    before = "a b c d e f g h i j k l seven m n o p q r s t u v"
    after = before.replace("seven", "SEVEN")
    assert stale_diff(before, after) == "… i j k l [-seven-] {+SEVEN+} m n o p …"


def test_stale_diff_cuts_a_word_too_long_to_show() -> None:
    """A word of a million characters (BW151 refuses it) shows as its first 30 and its
    length: the warning stays one readable line."""
    after = "The minister put " + "y" * 1_000_000 + " on the table"
    shown = stale_diff("The minister put it on the table", after)
    assert (
        shown == "The minister put [-it-] {+" + "y" * 30 + "…(1,000,000 characters)+} on the table"
    )
