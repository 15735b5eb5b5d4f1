"""Turn the accepted items of a review file into edits of content/: each accepted text
change made to its statement's scalar in its YAML file (review/yamledit.py), nothing else
touched; what cannot be applied said at its line in review.yaml."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from briefwright.errors import BriefError, Diagnostic, Location
from briefwright.model.brief import Brief
from briefwright.model.review import ReviewFile, ReviewItem
from briefwright.review.retext import combined
from briefwright.review.statements import Located, located_statements
from briefwright.review.yamledit import NoSuchScalar, replace_scalar

STALE, NOT_APPLIED = "BW503", "BW504"


@dataclass(frozen=True)
class Applied:
    """What `review apply` did: the statements changed, and the items it left alone."""

    changed: tuple[str, ...]
    notices: tuple[Diagnostic, ...]


def apply_review(review: ReviewFile, brief: Brief, review_file: Path) -> Applied:
    """Make the accepted changes in the content files, all or none; BW503 when an accepted
    change no longer fits its statement."""
    statements = located_statements(brief)
    accepted = [i for i in review.items if i.status == "accepted" and i.kind != "comment"]
    notices = [_not_applied(i, review_file) for i in accepted if not i.applicable]
    by_statement: dict[str, list[ReviewItem]] = {}
    for item in (i for i in accepted if i.applicable and i.statement):
        by_statement.setdefault(item.statement or "", []).append(item)
    edits: dict[str, list[tuple[Located, str]]] = {}
    problems: list[Diagnostic] = []
    for statement_id, items in by_statement.items():
        located = statements.get(statement_id)
        new = _new_text(located, items, review_file, problems)
        if located is not None and located.where is not None and new is not None:
            edits.setdefault(located.where.path, []).append((located, new))
    if problems:
        raise BriefError(problems)
    _write(_edited_files(edits))
    changed = tuple(located.id for pairs in edits.values() for located, _ in pairs)
    return Applied(changed, tuple(notices))


def _new_text(
    located: Located | None, items: list[ReviewItem], review_file: Path, problems: list[Diagnostic]
) -> str | None:
    """Return the statement's text with its accepted changes made; None when already made
    (or it cannot be: a BW503 added to `problems`)."""
    if located is None or located.where is None:
        problems += [_stale(items[0], review_file, "names a statement the content no longer has")]
        return None
    if all(item.after == located.text for item in items) and len(items) == 1:
        return None  # applied before
    if any(item.before != located.text for item in items):
        stale = next(item for item in items if item.before != located.text)
        problems.append(_stale(stale, review_file, f"changed since the review was imported "
                                                   f"({located.where})"))  # fmt: skip
        return None
    new = combined(located.text, [item.after or "" for item in items])
    if new is None:
        problems.append(_stale(items[0], review_file, "overlaps another accepted change"))
    return new


def _edited_files(edits: dict[str, list[tuple[Located, str]]]) -> dict[Path, str]:
    """Return each file's new text, its statements edited from the bottom up, so that the
    lines of those above never move."""
    out: dict[Path, str] = {}
    for path, pairs in edits.items():
        text = Path(path).read_text(encoding="utf-8")
        for located, new in sorted(
            pairs, key=lambda p: p[0].where or Location(path), reverse=True
        ):
            assert located.where is not None
            try:
                text = replace_scalar(text, located.where, located.text, new)
            except NoSuchScalar as error:
                raise BriefError.of(
                    STALE, f"cannot apply the review: {error}", located.where
                ) from None
        out[Path(path)] = text
    return out


def _write(files: dict[Path, str]) -> None:
    """Write every file, each by a rename, so no file is ever left half written."""
    for path, text in files.items():
        temporary = path.with_name(f".{path.name}.review-apply")
        try:
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, path)
        finally:
            temporary.unlink(missing_ok=True)


def _where(item: ReviewItem, review_file: Path) -> Location:
    return item.where("status") or Location(str(review_file))


def _stale(item: ReviewItem, review_file: Path, why: str) -> Diagnostic:
    message = (
        f"review item {item.id} cannot be applied: {item.statement} {why}; import the review again"
    )
    return Diagnostic(STALE, message, _where(item, review_file))


def _not_applied(item: ReviewItem, review_file: Path) -> Diagnostic:
    why = (
        "it changes a verbatim quote, which changes only when its source does"
        if item.quote
        else "it lies outside a statement's own text (a label, a note number, a heading); "
        "make it by hand"
    )
    return Diagnostic(NOT_APPLIED, f"review item {item.id} is accepted but not applied: {why}",
                      _where(item, review_file))  # fmt: skip
