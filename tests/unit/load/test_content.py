"""Tests for briefwright.load.content: content files become a Brief, or errors with a place."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from briefwright.errors import BriefError
from briefwright.load.content import load_brief, load_source
from tests.conftest import CONTENT, FIXTURES, MakeProject


def _problems(content: Path) -> list[str]:
    with pytest.raises(BriefError) as caught:
        load_brief(content)
    return [str(d) for d in caught.value.diagnostics]


def test_real_content_loads() -> None:
    """The India–Japan content loads: five sources, four topics, dated events and actors."""
    brief = load_brief(CONTENT)
    assert [s.id for s in brief.sources] == [
        "fe-online-2022-09-08",
        "fe-online-2023-03-20",
        "mea-briefing-2023-03-20",
        "sputnik-2023-03-20",
        "wire-2022-09-08",
    ]
    assert [t.id for t in brief.topics] == [
        "co-development",
        "investment-corridors",
        "exercises-interoperability",
        "strategic-context",
    ]
    assert len(brief.front.key_judgments) == 4
    assert brief.metadata.marking == "TLP:CLEAR"


def test_source_text_is_verbatim(project: Callable[[str], Path]) -> None:
    """A source's text is everything after the front matter, byte for byte."""
    source = load_source(project("minimal") / "sources" / "one.txt")
    assert source.text.startswith("The first sentence of the source. A. Person")
    assert source.text.endswith("Something happened in March 2023.\n")
    assert len(source.fingerprint) == 64


def test_positions_reach_the_models() -> None:
    """A citation knows the file, line and column of its quote."""
    brief = load_brief(CONTENT)
    where = brief.topics[0].key_points[0].cites[0].where("quote")
    assert where is not None
    assert where.path.endswith("topics/co-development.yaml")
    assert where.line == 19


def test_missing_required_field(project: Callable[[str], Path]) -> None:
    """A missing field is reported at the mapping that lacks it, naming the field."""
    content = project("missing-field")
    assert _problems(content) == [
        f"{content}/topics/only.yaml:1:1: BW003 missing required field 'title'; add it"
    ]


def test_malformed_yaml(project: Callable[[str], Path]) -> None:
    """Malformed YAML is reported with its file, line and column."""
    content = project("malformed-yaml")
    (problem,) = _problems(content)
    assert problem.startswith(f"{content}/timeline.yaml:4:9:")
    assert "BW002 YAML syntax" in problem


def test_unknown_field_and_wrong_type(project: Callable[[str], Path]) -> None:
    """Unknown fields and values of the wrong type each get a line, all in one run."""
    content = project("minimal")
    topic = content / "topics" / "only.yaml"
    topic.write_text(topic.read_text().replace("order: 1", "order: first\ncolour: red"))
    problems = _problems(content)
    assert problems == [
        f"{content}/topics/only.yaml:2:8: BW003 order: Input should be a valid integer, "
        "unable to parse string as an integer",
        f"{content}/topics/only.yaml:3:9: BW003 unknown field 'colour'; "
        "remove it or check its spelling",
    ]


def test_problems_in_several_files_are_all_reported(project: Callable[[str], Path]) -> None:
    """Errors in different files are collected, not just the first one."""
    content = project("malformed-yaml")
    (content / "actors.yaml").write_text("actors: 3\n")
    problems = _problems(content)
    assert len(problems) == 2
    assert {p.split(":")[0].rsplit("/", 1)[1] for p in problems} == {
        "timeline.yaml",
        "actors.yaml",
    }


def test_invalid_utf8_names_the_byte(project: Callable[[str], Path]) -> None:
    """A file that is not UTF-8 is reported at the offending byte."""
    content = project("minimal")
    (content / "actors.yaml").write_bytes(b"actors:\n  - id: caf\xe9\n")
    assert _problems(content) == [
        f"{content}/actors.yaml:2:12: BW001 not valid UTF-8 (byte 0xe9); save the file as UTF-8"
    ]


def test_missing_file_and_folder(project: Callable[[str], Path], tmp_path: Path) -> None:
    """A missing content file or folder is an error that says what to do."""
    content = project("minimal")
    (content / "timeline.yaml").unlink()
    assert _problems(content) == [f"{content}/timeline.yaml:1:1: BW004 file not found; create it"]
    assert "BW004 content folder not found" in _problems(tmp_path / "nowhere")[0]


def test_empty_file(project: Callable[[str], Path]) -> None:
    """An empty content file is an error, not a crash."""
    content = project("minimal")
    (content / "actors.yaml").write_text("")
    assert _problems(content) == [
        f"{content}/actors.yaml:1:1: BW003 file is empty; fill in its fields"
    ]


def test_source_without_front_matter(project: Callable[[str], Path]) -> None:
    """A source file must open with front matter."""
    content = project("minimal")
    (content / "sources" / "one.txt").write_text("Just text\n")
    assert _problems(content) == [
        f"{content}/sources/one.txt:1:1: BW002 a source file must open with a '---' line"
    ]


def test_oversized_file_is_refused(project: Callable[[str], Path]) -> None:
    """A file over the size limit is refused with the limit in the message."""
    content = project("minimal")
    (content / "glossary.yaml").write_text("terms: []\n" + "#" * 2_100_000 + "\n")
    (problem,) = _problems(content)
    assert "BW001" in problem
    assert "the limit is 2,000,000 bytes" in problem


def test_topic_bottom_line_is_one_sentence(project: Callable[[str], Path]) -> None:
    """A topic's bottom line of two sentences is refused."""
    content = project("minimal")
    topic = content / "topics" / "only.yaml"
    topic.write_text(topic.read_text().replace("Only this sentence.", "This. That."))
    (problem,) = _problems(content)
    assert problem.endswith("BW003 bottom_line: the bottom line must be one sentence")


def test_a_nul_byte_is_reported_at_its_line_and_column(project: MakeProject) -> None:
    """A NUL byte deep in a YAML file is reported where it is, not at 1:1."""
    content = project("minimal")
    glossary = content / "glossary.yaml"
    lines = [f"# comment line {n}" for n in range(1, 15)] + ["terms: [x\0y]"]
    glossary.write_text("\n".join(lines) + "\n")
    with pytest.raises(BriefError) as caught:
        load_brief(content)
    (diagnostic,) = caught.value.diagnostics
    assert (diagnostic.code, diagnostic.location.line, diagnostic.location.column) == (
        "BW001",
        15,
        10,
    )


def test_a_fifo_source_is_refused_without_blocking(project: MakeProject) -> None:
    """A FIFO named like a source is BW012 at its path; opening it never waits for a writer."""
    content = project("minimal")
    os.mkfifo(content / "sources" / "pipe.txt")
    with pytest.raises(BriefError, match=r"sources/pipe\.txt:1:1: BW012 is a FIFO"):
        load_brief(content)


def test_a_content_symlink_leading_outside_is_refused(
    project: MakeProject, tmp_path: Path
) -> None:
    """A content file that is a symlink out of the content folder is BW012, never read."""
    content = project("minimal")
    secret = tmp_path / "elsewhere.yaml"
    secret.write_text("terms: []\n")
    (content / "glossary.yaml").unlink(missing_ok=True)
    (content / "glossary.yaml").symlink_to(secret)
    with pytest.raises(BriefError, match=r"glossary\.yaml:1:1: BW012 leads outside"):
        load_brief(content)


def test_a_brief_of_a_series_is_published_in_its_folder_under_the_base_url(
    tmp_path: Path,
) -> None:
    """In a series, a brief without `url` takes the series' base_url and its folder (its
    id); one with its own keeps it; without a base_url there is no address."""
    import shutil

    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "series", content)
    alpha, beta = content / "briefs" / "alpha", content / "briefs" / "beta"
    assert load_brief(content, alpha).metadata.url == "https://briefs.example.org/alpha/"
    brief_yaml = beta / "brief.yaml"
    text = brief_yaml.read_text(encoding="utf-8")
    assert text.startswith("metadata:\n")
    own = "metadata:\n  url: https://elsewhere.example.net/beta/\n"
    brief_yaml.write_text(text.replace("metadata:\n", own, 1), encoding="utf-8")
    assert load_brief(content, beta).metadata.url == "https://elsewhere.example.net/beta/"
    series = content / "series.yaml"
    series.write_text(series.read_text(encoding="utf-8").replace("base_url:", "# base_url:"))
    assert load_brief(content, alpha).metadata.url is None
