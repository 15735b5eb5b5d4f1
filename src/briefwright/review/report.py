"""Turn a review file's items into what `review import` prints and writes: a readable table,
JSON (docs/schemas/review.schema.json), or review.yaml for the analyst to decide in."""

from __future__ import annotations

import textwrap

import yaml

from briefwright.model.review import ReviewFile, ReviewItem

_HEADER = """\
# Review of {reviewed}, imported by `briefwright review import`.
# Set each item's `status:` to accepted or declined (and write a `reply:` to the reviewer).
# `{apply}` makes the accepted text changes in content/; `release` refuses
# while any item is open. A change inside a quote (`quote: true`) is never applied: a quote
# changes only when its source does.
"""
_WIDTH = 96


def review_json(review: ReviewFile) -> str:
    """Return the review as indented JSON."""
    return review.model_dump_json(indent=2) + "\n"


def review_yaml(review: ReviewFile, apply_command: str = "briefwright review apply") -> str:
    """Return review.yaml: a header on what to do (`apply_command`: how to apply it), then
    one entry per item, its decision fields first and the empty ones left out."""
    items = [_entry(item) for item in review.items]
    body = {"format": review.format, "reviewed": review.reviewed, "brief": review.brief,
            "items": items}  # fmt: skip
    if review.brief is None:
        del body["brief"]
    dumped = yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=_WIDTH)
    return _HEADER.format(reviewed=review.reviewed, apply=apply_command) + dumped


def _entry(item: ReviewItem) -> dict[str, object]:
    data = item.model_dump(mode="json", exclude_defaults=True)
    first = {"id": item.id, "kind": item.kind, "status": item.status, "reply": item.reply}
    return first | {k: v for k, v in data.items() if k not in first}


def review_table(review: ReviewFile) -> str:
    """Return the items as a readable table: one block each, what and where, then the
    words."""
    if not review.items:
        return f"{review.reviewed}: no comments or tracked changes\n"
    lines = [f"{review.reviewed}: {len(review.items)} items"]
    for item in review.items:
        lines += ["", _heading(item), *_details(item)]
    return "\n".join(lines) + "\n"


def _heading(item: ReviewItem) -> str:
    about = item.statement or (f"note {item.note} ({item.source})" if item.note else item.place)
    flags = " [quote: never applied]" if item.quote else ""
    if item.kind != "comment" and not item.quote and not item.applicable:
        flags = " [outside the statement's text: not applied]"
    where = f" {item.location}" if item.location else ""
    return f"{item.id:<4} {item.kind:<11} {about}{where} · {item.reviewer} {item.date}{flags}"


def _details(item: ReviewItem) -> list[str]:
    if item.kind == "comment":
        pairs = [("on", item.words or ""), ("says", item.comment or "")]
    else:
        pairs = [("before", item.before or ""), ("after", item.after or "")]
    return [
        textwrap.fill(
            text, _WIDTH, initial_indent=f"     {label:>6}: ", subsequent_indent=" " * 14
        )
        for label, text in pairs
    ]


def applied_line(changed: tuple[str, ...]) -> str:
    """Return what `review apply` made: "applied 2 statements: a, b"."""
    if not changed:
        return "applied no change: no accepted item changes a statement's text"
    noun = "statement" if len(changed) == 1 else "statements"
    return f"applied {len(changed)} {noun}: {', '.join(changed)}"
