"""Define review.yaml: what reviewers said in a reviewed Word edition, item by item, and
what the analyst decided about each (`status`, `reply`)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from briefwright.model.base import Model

ItemKind = Literal["comment", "insertion", "deletion", "replacement"]
Status = Literal["open", "accepted", "declined"]
REVIEW_FORMAT: Literal["briefwright-review/1"] = "briefwright-review/1"


class ReviewItem(Model):
    """One comment or one tracked change of a reviewed Word edition."""

    id: str
    """The item's id in this file: `c<n>` a comment, `t<n>` a tracked change."""
    kind: ItemKind
    """A comment, or a tracked insertion, deletion or replacement (a deletion and an
    insertion side by side)."""
    status: Status = "open"
    """What the analyst decided: `open` until decided, then `accepted` or `declined`;
    `review apply` applies the accepted text changes, `release` refuses while any is open."""
    reply: str = ""
    """The analyst's answer to the reviewer."""
    statement: str | None = None
    """The id of the statement the item touches (none: see `place`)."""
    also: tuple[str, ...] = ()
    """Further statements a comment's words run into."""
    statement_kind: str | None = None
    """What that statement is: a key judgment, a recommendation, a key point…"""
    location: str | None = None
    """`file:line` of the statement's text in content/ (of the quote, for a quote)."""
    place: str
    """Where it stands in the Word edition: the heading above it, `cover`, or `note N`."""
    reviewer: str = ""
    """Who commented or changed the text, as Word records it."""
    date: str = ""
    """When, as Word records it (ISO 8601)."""
    words: str | None = None
    """A comment's commented words."""
    comment: str | None = None
    """A comment's text."""
    before: str | None = None
    """A change's statement (or quote) text as the content gives it."""
    after: str | None = None
    """The same text with this change made."""
    quote: bool = False
    """The change is inside a verbatim quote of a source note: reported, never applied (a
    quote changes only when its source does)."""
    applicable: bool = False
    """`review apply` can make the change: it lies inside the statement's own text."""
    note: int | None = None
    """The source note a quote change or comment is in."""
    source: str | None = None
    """The id of that note's source."""
    cited_by: tuple[str, ...] = ()
    """The statements citing that note's quote."""


class ReviewFile(Model):
    """review.yaml, beside content/: every item of one reviewed Word edition."""

    format: Literal["briefwright-review/1"] = REVIEW_FORMAT
    """The file's format and its version."""
    reviewed: str
    """The reviewed Word file the items come from."""
    brief: str | None = None
    """The product id of the brief the items were mapped to (`review apply` refuses the file
    for another brief: statement ids repeat from brief to brief of a series)."""
    items: tuple[ReviewItem, ...] = Field(default=())
    """The comments and tracked changes, in document order."""

    def open_items(self) -> tuple[ReviewItem, ...]:
        """Return the items still `open`."""
        return tuple(item for item in self.items if item.status == "open")
