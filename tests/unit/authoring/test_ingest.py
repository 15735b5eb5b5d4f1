"""Tests for briefwright.authoring.ingest (`sources add`): verbatim text, nothing hidden,
nothing that is not an article's text, and front matter no option can break."""

from __future__ import annotations

import os
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from briefwright.authoring.ingest import ArticleFacts, add_source
from briefwright.cli.app import app
from briefwright.errors import BriefError
from briefwright.load.content import load_source
from briefwright.model.characters import forbidden_characters
from briefwright.model.vocab import SourceKind
from tests.conftest import MakeProject

ARTICLE = (
    b"top of page\nFirst line \xef\xbf\xbd here.\nBad byte \xff here.\nAlso Read More\nEnd.\n"
)
FACTS = ArticleFacts("Example Times", date(2023, 3, 22))


def _article(tmp_path: Path, data: bytes, name: str = "a.txt") -> Path:
    article = tmp_path / name
    article.write_bytes(data)
    return article


def test_added_source_is_verbatim_and_loads(tmp_path: Path) -> None:
    """Site furniture is dropped and listed; the rest is kept byte for byte and loads."""
    added = add_source(_article(tmp_path, ARTICLE), tmp_path / "sources", FACTS)
    assert added.source_id == "example-times-2023-03-22"
    assert added.removed == ("top of page", "Also Read More")
    source = load_source(added.path)
    assert source.text == "First line \ufffd here.\nBad byte \ufffd here.\nEnd.\n"
    assert source.fingerprint == added.fingerprint
    assert source.chrome_removed == ("top of page", "Also Read More")
    assert source.kind is SourceKind.NEWS_REPORT


def test_invalid_bytes_and_replacement_characters_are_summarised(tmp_path: Path) -> None:
    """Invalid bytes and existing U+FFFD are counted, with their first places."""
    article = _article(tmp_path, ARTICLE)
    added = add_source(article, tmp_path / "sources", FACTS)
    assert added.notes[:2] == (
        f"{article}: 1 invalid byte(s), kept as U+FFFD; at 3:10",
        f"{article}: 1 U+FFFD already in the text (characters lost before it reached you), "
        "kept as is; at 2:12",
    )


def test_many_invalid_bytes_are_one_line_and_fast(tmp_path: Path) -> None:
    """A UTF-8 text with thousands of invalid bytes gives one summary line, in one pass."""
    line = "Mr Kishida\u2019s text with one bad byte \udcff here.\n"
    data = (line * 20_000).encode("utf-8", errors="surrogateescape")[:700_000]
    started = time.perf_counter()
    added = add_source(_article(tmp_path, data), tmp_path / "sources", FACTS)
    assert time.perf_counter() - started < 5  # was over 30 s: the buffer re-sliced per byte
    (summary, *_) = added.notes
    invalid = data.count(b"\xff")
    assert summary.startswith(f"{tmp_path / 'a.txt'}: {invalid:,} invalid byte(s)")
    assert summary.endswith(", …")


def test_title_comes_from_the_first_line_and_says_so(tmp_path: Path) -> None:
    """Without --title, the article's first line is its headline, and the note says so."""
    article = _article(tmp_path, b"top of page\nJapan and India talk\n\nBody text.\n")
    added = add_source(article, tmp_path / "sources", FACTS)
    assert load_source(added.path).title == "Japan and India talk"
    assert added.notes[-1].startswith("title taken from the article's first line")


def test_taken_id_suggests_a_free_one(tmp_path: Path) -> None:
    """Adding a source whose id exists is BW010 naming a free id; the file is left alone."""
    article = _article(tmp_path, b"Text.\n")
    added = add_source(article, tmp_path / "sources", FACTS)
    before = added.path.read_bytes()
    with pytest.raises(BriefError) as caught:
        add_source(article, tmp_path / "sources", FACTS)
    assert caught.value.diagnostics[0].code == "BW010"
    assert caught.value.diagnostics[0].message.endswith("pass --id example-times-2023-03-22-2")
    assert added.path.read_bytes() == before
    again = ArticleFacts(
        "Example Times", date(2023, 3, 22), source_id="example-times-2023-03-22-2"
    )
    assert add_source(article, tmp_path / "sources", again).path.name.endswith("-2.txt")


def test_origin_is_recorded(tmp_path: Path) -> None:
    """--origin lands in the front matter, so corroboration counts the two reports once."""
    facts = ArticleFacts("Example Times", date(2023, 3, 22), origin="MEA briefing, 20 March")
    added = add_source(_article(tmp_path, b"Text.\n"), tmp_path / "sources", facts)
    assert load_source(added.path).origin == "MEA briefing, 20 March"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n" + bytes(range(256)) * 40, "cannot be read as a PDF"),
        (b"\x89PNG\r\n\x1a\n" + bytes(2000), "a PNG image"),
        (b"PK\x03\x04" + bytes(2000), "a zip archive"),
        (b"Text with a NUL\0 byte.\n", "NUL bytes"),
        (bytes(range(128, 256)) * 100, "not text in any encoding"),
    ],
)
def test_binary_files_are_refused_in_one_line(tmp_path: Path, data: bytes, kind: str) -> None:
    """A broken PDF, an image, an archive, NUL bytes or bytes that are text in no encoding:
    BW013, nothing written."""
    with pytest.raises(BriefError) as caught:
        add_source(_article(tmp_path, data), tmp_path / "sources", FACTS)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "BW013" and kind in diagnostic.message
    assert not (tmp_path / "sources").exists()


def test_html_without_an_article_is_refused(tmp_path: Path) -> None:
    """A page with scripts and menus but no article text is BW013, nothing written."""
    page = (
        b"<!DOCTYPE html>\n<html><body><script>alert(1)</script><nav><ul><li><a href='/'>"
        b"Home</a></li><li><a href='/w'>World news</a></li></ul></nav><footer><p>Copyright "
        b"2023 Example Ltd. All rights reserved.</p></footer></body></html>\n"
    )
    with pytest.raises(BriefError) as caught:
        add_source(_article(tmp_path, page, "page.html"), tmp_path / "sources", FACTS)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "BW013" and "no article text found" in diagnostic.message
    assert not (tmp_path / "sources").exists()


def test_windows_1252_text_keeps_its_apostrophes(tmp_path: Path) -> None:
    """A Windows-1252 file is detected and decoded: curly apostrophes, not U+FFFD."""
    text = "Mr Kishida\u2019s visit \u2013 \u201ca new chapter\u201d \u2013 was welcomed.\n"
    added = add_source(_article(tmp_path, text.encode("cp1252")), tmp_path / "sources", FACTS)
    assert load_source(added.path).text == text
    assert any("read as cp1252" in note for note in added.notes)


@pytest.mark.parametrize("data", [b"", b"  \n\n\t\n", b"top of page\nbottom of page\n"])
def test_empty_or_all_chrome_is_refused(tmp_path: Path, data: bytes) -> None:
    """An empty file, a blank one, or one that is all site furniture is refused."""
    with pytest.raises(BriefError, match="BW013 the article has"):
        add_source(_article(tmp_path, data), tmp_path / "sources", FACTS)


def test_a_device_or_fifo_is_refused_not_read(tmp_path: Path) -> None:
    """A symlink to /dev/zero or a FIFO is refused at once, never read until memory runs out."""
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "pipe.txt")
    for name in ("zero.txt", "pipe.txt"):
        with pytest.raises(BriefError, match=r"BW012 .* not a regular file"):
            add_source(tmp_path / name, tmp_path / "sources", FACTS)


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("publisher", "Evil Wire\n---\nid: injected"),
        ("title", "Title\x07"),
        ("title", "abc\u202edcba"),
        ("publisher", "Zero\u200bWidth"),
        ("origin", "line\u2028break"),
    ],
)
def test_options_with_hidden_characters_are_refused(
    tmp_path: Path, option: str, value: str
) -> None:
    """A control, direction-changing or zero-width character in an option is BW154."""
    facts = replace(ArticleFacts("P", date(2023, 3, 22)), **{option: value})  # type: ignore[arg-type]
    with pytest.raises(BriefError, match=f"BW154 --{option} holds U\\+"):
        add_source(_article(tmp_path, b"Text.\n"), tmp_path / "sources", facts)


_OPTION = st.text(alphabet=st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(publisher=_OPTION, title=_OPTION, origin=_OPTION)
def test_any_option_round_trips_or_is_refused(
    tmp_path: Path, publisher: str, title: str, origin: str
) -> None:
    """Whatever an option holds, the written file loads it back unchanged, or it is refused."""
    folder = tmp_path / f"s{abs(hash((publisher, title, origin)))}"
    facts = ArticleFacts(publisher, date(2023, 3, 22), title=title, origin=origin)
    article = _article(tmp_path, b"Text.\n", "article.txt")
    hidden = any(
        list(forbidden_characters(value, multiline=False)) or not value.strip()
        for value in (publisher, title, origin)
    )
    try:
        added = add_source(article, folder, facts)
    except BriefError as error:
        assert hidden, str(error)
        return
    assert not hidden
    source = load_source(added.path)
    assert (source.publisher, source.title, source.origin) == (
        publisher.strip(),
        title.strip(),
        origin,
    )


def test_cli_prints_id_and_fingerprint(project: MakeProject, tmp_path: Path) -> None:
    """`sources add` prints the new id, path and SHA-256; a bad date is a usage error (2)."""
    content = project("minimal")
    article = _article(tmp_path, b"Text.\n")
    runner = CliRunner()
    args = ["sources", "add", str(article), "--publisher", "Example Times"]
    args += ["--content", str(content)]
    result = runner.invoke(app, [*args, "--date", "2023-03-22"])
    assert result.exit_code == 0, result.output
    assert "added example-times-2023-03-22 as" in result.stdout
    assert "sha256 " in result.stdout
    bad_date = runner.invoke(app, [*args, "--date", "22/03/2023"])
    assert bad_date.exit_code == 2
    assert "write it as YYYY-MM-DD, e.g. 2023-03-20" in bad_date.stderr
    bad_url = runner.invoke(app, [*args, "--date", "2023-03-23", "--url", "javascript:x"])
    assert bad_url.exit_code == 1 and "BW003 --url" in bad_url.stderr
    no_date = runner.invoke(app, ["sources", "add", str(article), "--content", str(content)])
    assert no_date.exit_code == 1 and "BW003 no publisher in a text file" in no_date.stderr
    ftp = runner.invoke(app, ["sources", "add", "ftp://example.org/a.txt", *args[3:]])
    assert ftp.exit_code == 1 and "BW015" in ftp.stderr and "not an http(s)" in ftp.stderr
