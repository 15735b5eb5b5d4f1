"""The review commands' library: a reviewed file refused with why, a review file never
overwritten, and an accepted change that no longer fits its statement refused whole."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefwright.errors import BriefError
from briefwright.load.content import load_brief
from briefwright.load.review import load_review
from briefwright.review.session import apply_project_review, import_review, write_review
from briefwright.settings import Project
from tests.conftest import CONTENT
from tests.reviewing import Reviewer


@pytest.fixture
def project(tmp_path: Path) -> Project:
    shutil.copytree(CONTENT, tmp_path / "content")
    return Project(tmp_path / "content")


def _codes(error: pytest.ExceptionInfo[BriefError]) -> list[str]:
    return [d.code for d in error.value.diagnostics]


def test_a_file_that_is_no_word_edition_is_refused_at_its_path(project: Project) -> None:
    """A reviewed file that is not a .docx is BW501, naming the file."""
    bad = project.content.parent / "reviewed.docx"
    bad.write_bytes(b"plain text")
    with pytest.raises(BriefError) as refused:
        import_review(project, bad)
    assert _codes(refused) == ["BW501"]
    assert str(refused.value.diagnostics[0].location).startswith(str(bad))


def test_the_review_file_is_never_written_over(project: Project, edition: bytes) -> None:
    """--write refuses a file that exists (it may hold decisions): BW502."""
    docx = project.content.parent / "reviewed.docx"
    docx.write_bytes(edition)
    review = import_review(project, docx)
    target = project.content.parent / "review.yaml"
    write_review(review, target)
    with pytest.raises(BriefError) as refused:
        write_review(review, target)
    assert _codes(refused) == ["BW502"]


def test_a_statement_edited_since_the_import_is_not_overwritten(
    project: Project, edition: bytes
) -> None:
    """An accepted change whose statement changed since the import is BW503, at its item's
    line in review.yaml, and no file is written."""
    brief = load_brief(project.content)
    fact = brief.front.background[0]
    reviewer = Reviewer(edition)
    reviewer.delete(fact.id, 0, 5)
    docx = project.content.parent / "reviewed.docx"
    docx.write_bytes(reviewer.data)
    target = project.content.parent / "review.yaml"
    write_review(import_review(project, docx), target)
    target.write_text(target.read_text().replace("status: open", "status: accepted"))
    brief_yaml = project.content / "brief.yaml"
    words = fact.text.split()[-1]
    brief_yaml.write_text(brief_yaml.read_text().replace(words, "elsewhere.", 1))
    edited = brief_yaml.read_text()
    with pytest.raises(BriefError) as refused:
        apply_project_review(project, target)
    assert _codes(refused) == ["BW503"]
    assert refused.value.diagnostics[0].location.path == str(target)
    assert brief_yaml.read_text() == edited
    review = load_review(target)
    assert review is not None and review.items[0].statement == fact.id


def test_an_applied_change_that_breaks_grounding_is_reported_at_its_line(
    project: Project, edition: bytes
) -> None:
    """`review apply` makes the accepted change, then checks: a number no quote gives is
    reported at the statement's line, and the command exits 1."""
    from typer.testing import CliRunner

    from briefwright.cli.app import app

    fact = load_brief(project.content).front.background[0]
    reviewer = Reviewer(edition)
    reviewer.insert(fact.id, len(fact.text) - 1, " with 412 officials")
    docx = project.content.parent / "reviewed.docx"
    docx.write_bytes(reviewer.data)
    target = project.content.parent / "review.yaml"
    write_review(import_review(project, docx), target)
    target.write_text(target.read_text().replace("status: open", "status: accepted"))
    result = CliRunner().invoke(app, ["review", "apply", "--content", str(project.content)])
    assert result.exit_code == 1, result.output
    where = fact.where("text")
    assert where is not None
    assert f"brief.yaml:{where.line}:" in result.output and "412" in result.output
