"""Tests for briefwright.authoring.ingest (`sources add`): verbatim text, nothing hidden."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefwright.authoring.ingest import add_source
from briefwright.cli.app import app
from briefwright.errors import BriefError
from briefwright.load.content import load_source
from briefwright.model.vocab import SourceKind
from tests.conftest import MakeProject

ARTICLE = (
    b"top of page\nFirst line \xef\xbf\xbd here.\nBad byte \xff here.\nAlso Read More\nEnd.\n"
)


def test_added_source_is_verbatim_and_loads(tmp_path: Path) -> None:
    """Site furniture is dropped and listed; the rest is kept byte for byte and loads."""
    article = tmp_path / "a.txt"
    article.write_bytes(ARTICLE)
    added = add_source(article, tmp_path / "sources", "Example Times", date(2023, 3, 22))
    assert added.source_id == "example-times-2023-03-22"
    assert added.removed == ("top of page", "Also Read More")
    source = load_source(added.path)
    assert source.text == "First line \ufffd here.\nBad byte \ufffd here.\nEnd.\n"
    assert source.fingerprint == added.fingerprint
    assert source.chrome_removed == ("top of page", "Also Read More")
    assert source.kind is SourceKind.NEWS_REPORT and source.title_supplied


def test_invalid_bytes_and_replacement_characters_are_reported(tmp_path: Path) -> None:
    """An existing U+FFFD and an invalid byte are each reported at their line and column."""
    article = tmp_path / "a.txt"
    article.write_bytes(ARTICLE)
    added = add_source(article, tmp_path / "sources", "Example Times", date(2023, 3, 22))
    assert added.notes == (
        f"{article}:2:12: U+FFFD already in the text (a character lost before it reached "
        "you), kept as is",
        f"{article}:3:10: invalid byte 0xff, kept as U+FFFD",
    )


def test_refuses_to_overwrite(tmp_path: Path) -> None:
    """Adding a source whose id exists is BW010 and leaves the existing file alone."""
    article = tmp_path / "a.txt"
    article.write_bytes(b"Text.\n")
    added = add_source(article, tmp_path / "sources", "Example Times", date(2023, 3, 22))
    before = added.path.read_bytes()
    with pytest.raises(BriefError, match="BW010 source example-times-2023-03-22 already exists"):
        add_source(article, tmp_path / "sources", "Example Times", date(2023, 3, 22))
    assert added.path.read_bytes() == before


def test_cli_prints_id_and_fingerprint(project: MakeProject, tmp_path: Path) -> None:
    """`sources add` prints the new id, path and SHA-256; a bad date or URL is exit 1."""
    content = project("minimal")
    article = tmp_path / "a.txt"
    article.write_bytes(b"Text.\n")
    runner = CliRunner()
    args = [
        "sources",
        "add",
        str(article),
        "--publisher",
        "Example Times",
        "--content",
        str(content),
    ]
    result = runner.invoke(app, [*args, "--date", "2023-03-22"])
    assert result.exit_code == 0, result.output
    assert "added example-times-2023-03-22 as" in result.stdout
    assert "sha256 " in result.stdout
    assert runner.invoke(app, [*args, "--date", "22/03/2023"]).exit_code == 1
    bad_url = runner.invoke(app, [*args, "--date", "2023-03-23", "--url", "javascript:x"])
    assert bad_url.exit_code == 1 and "BW003 --url" in bad_url.stderr
