"""Turn a project and a reviewed Word edition into its review file, write that file, and
apply the accepted items of a project's review file to its content: what the `review`
commands call."""

from __future__ import annotations

from pathlib import Path

from briefwright.docx.reader import UnreadableReview, read_reviewed
from briefwright.errors import BriefError, Location
from briefwright.files import read_file
from briefwright.load.content import load_named_brief
from briefwright.load.review import load_review
from briefwright.model.review import ReviewFile
from briefwright.review.apply import Applied, apply_review
from briefwright.review.items import review_items
from briefwright.review.report import review_yaml
from briefwright.settings import Project

#: The largest reviewed file read: the example's Word edition is under 2 MB, and Word
#: re-embeds fonts when it saves.
MAX_REVIEWED_BYTES = 100_000_000


def import_review(project: Project, reviewed: Path) -> ReviewFile:
    """Return the review items of a reviewed Word edition of the project's brief; BW501
    when the file is no reviewed Word edition."""
    data = read_file(reviewed, MAX_REVIEWED_BYTES)
    try:
        marks = read_reviewed(data)
    except UnreadableReview as error:
        where = Location(str(reviewed))
        raise BriefError.of("BW501", f"cannot read the review: {error}", where) from None
    return review_items(marks, load_named_brief(project), reviewed.name)


def write_review(review: ReviewFile, path: Path, brief: str | None = None) -> None:
    """Write review.yaml at `path`, never over a file (BW502): it holds decisions. `brief`
    is the series brief it is for, named in the header's `review apply` command."""
    command = f"briefwright review apply --brief {brief}" if brief else "briefwright review apply"
    try:
        with path.open("x", encoding="utf-8") as opened:
            opened.write(review_yaml(review, command))
    except FileExistsError:
        message = "already exists and may hold decisions; write to another path or remove it"
        raise BriefError.of("BW502", message, Location(str(path))) from None
    except OSError as error:
        message = f"cannot be written: {error.strerror}"
        raise BriefError.of("BW006", message, Location(str(path))) from None


def apply_project_review(project: Project, path: Path) -> Applied:
    """Apply the accepted items of the review file at `path` to the project's content (in
    a series, the brief `project.brief` names)."""
    brief = load_named_brief(project)
    review = load_review(path)
    if review is not None and review.brief not in (None, brief.metadata.product_id):
        message = (f"was imported for {review.brief}, not {brief.metadata.product_id}; name "
                   "that brief with --brief, or import this brief's reviewed file")  # fmt: skip
        raise BriefError.of("BW502", message, Location(str(path)))
    if review is None:
        named = f" --brief {project.brief}" if project.brief else ""
        command = f"review import REVIEWED.docx{named} --write {path}"
        message = f"no review file here; write one with `{command}`"
        raise BriefError.of("BW502", message, Location(str(path)))
    return apply_review(review, brief, path)
