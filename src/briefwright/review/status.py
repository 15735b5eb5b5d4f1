"""Turn a project's review file into what `check` and `release` say of it: each item still
`open`, at its line in review.yaml (information for `check`; for `release` an error, or a
warning when open items are allowed)."""

from __future__ import annotations

from pathlib import Path

from briefwright.errors import Diagnostic, Location
from briefwright.load.review import load_review, review_path
from briefwright.model.review import ReviewItem

#: The code of an open item: for `check`, for `release`, for `release --allow-open-review`.
CHECK, RELEASE, ALLOWED = "BW505", "BW506", "BW507"


def open_review_items(
    content_dir: Path, code: str = CHECK, briefs: tuple[str, ...] | None = None
) -> list[Diagnostic]:
    """Return one diagnostic of `code` for each open item of the project's review file, or
    in a series of each of `briefs`' (review-<id>.yaml)."""
    found = []
    paths = (
        [review_path(content_dir)]
        if briefs is None
        else [review_path(content_dir, b) for b in briefs]
    )
    for path in paths:
        review = load_review(path)
        if review is not None:
            found += [_open(code, item, path) for item in review.open_items()]
    return found


def _open(code: str, item: ReviewItem, path: Path) -> Diagnostic:
    return Diagnostic(code, _describe(item), item.where("status") or Location(str(path)))


def _describe(item: ReviewItem) -> str:
    """Return "review item c1 (comment by Reviewer A on kj-x) is open; …"."""
    about = item.statement or (f"note {item.note}" if item.note else item.place)
    who = f" by {item.reviewer}" if item.reviewer else ""
    return (
        f"review item {item.id} ({item.kind}{who} on {about}) is open; set its status to "
        "accepted or declined"
    )
