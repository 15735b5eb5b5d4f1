"""Turn the changes since the previous version into what the brief prints: the lines of the
page-1 box (at most five, by weight: compare/weight.py) and the full list of the annex, in
the brief's language, each naming the statement it is about and linking to it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from briefwright.compare.changes import Change, Changes
from briefwright.compare.record import ContentRecord
from briefwright.compare.weight import highlights
from briefwright.compare.words import WordPiece
from briefwright.model.vocab import Confidence, Likelihood
from briefwright.render.labels import Labels
from briefwright.render.notes import anchor

#: Words of a statement quoted to name it in a change's line.
EXCERPT_WORDS = 8
_STATEMENTS = frozenset({"statement-added", "statement-reworded", "statement-moved",
                         "rating-changed", "basis-changed", "addressee-changed",
                         "cites-changed"})  # fmt: skip


@dataclass(frozen=True)
class Piece:
    """A run of a word diff as a document sets it: the white space before it (never struck
    through or underlined), then its words, kept (`equal`), removed or added."""

    op: str
    lead: str
    text: str


@dataclass(frozen=True)
class ChangeLine:
    """One change as the brief prints it: a sentence, the word diff of a reworded text, the
    anchor of the statement in this version (none for what was removed), its section."""

    text: str
    words: tuple[Piece, ...] = ()
    target: str | None = None
    section: str = ""


def pieces(words: tuple[WordPiece, ...]) -> tuple[Piece, ...]:
    """Return a word diff's runs with their leading white space apart."""
    return tuple(
        Piece(w.op, w.text[: len(w.text) - len(w.text.lstrip())], w.text.lstrip()) for w in words
    )


@dataclass(frozen=True)
class History:
    """What the brief prints about the version it follows: that version's number, the box's
    lines, how many changes the box leaves to the full list, and the full list."""

    previous: str
    box: tuple[ChangeLine, ...]
    more: int
    full: tuple[ChangeLine, ...]


def history(changes: Changes, t: Labels, record: ContentRecord) -> History:
    """Return the box and the full list of the changes, in the brief's language; each
    statement is named by its first words in this version (`record`), or, removed, in the
    older one."""
    texts = {statement.id: statement.text for statement in record.statements}
    chosen = highlights(changes)
    return History(
        previous=changes.old.version,
        box=tuple(change_line(change, t, texts) for change in chosen),
        more=len(changes.changes) - len(chosen),
        full=tuple(change_line(change, t, texts) for change in changes.changes),
    )


def change_line(change: Change, t: Labels, texts: Mapping[str, str]) -> ChangeLine:
    """Return one change as a sentence, with its word diff and its statement's anchor."""
    target = anchor(change.id) if change.id and change.kind in _STATEMENTS else None
    section = change.section_title or ""
    if change.kind == "metadata-changed":
        field = t(f"change_field_{change.id}")
        text = t("change_metadata", field=field, before=change.before, after=change.after)
        return ChangeLine(text, section=t("changes_metadata_group"))
    if change.kind in ("correction-added", "correction-removed") and change.correction:
        text = t(f"change_{change.kind.replace('-', '_')}", date=t.date(change.correction.date))
        return ChangeLine(text, section=t("corrections_heading"))
    if change.kind.startswith("source-"):
        return ChangeLine(_source_text(change, t), section=t("sources_heading"))
    kind = t(f"statement_{(change.statement_kind or '').replace('-', '_')}")
    text = texts.get(change.id or "") or change.before or ""
    what = t("change_statement", kind=kind, excerpt=excerpt(text))
    return ChangeLine(_statement_text(change, what, t), pieces(change.words), target, section)


def _statement_text(change: Change, what: str, t: Labels) -> str:
    kind = change.kind.replace("-", "_")
    if change.kind == "rating-changed":
        return t("change_rating_changed", statement=what, before=_rating(change.before, t),
                 after=_rating(change.after, t))  # fmt: skip
    if change.kind == "basis-changed":
        return t("change_basis_changed", statement=what, added=len(change.added),
                 removed=len(change.removed))  # fmt: skip
    if change.kind == "addressee-changed":
        return t("change_addressee_changed", statement=what, before=change.before or "—",
                 after=change.after or "—")  # fmt: skip
    return t(f"change_{kind}", statement=what)


def _source_text(change: Change, t: Labels) -> str:
    kind = change.kind.replace("-", "_")
    title = change.after if change.kind == "source-added" else change.before
    if change.kind == "source-text-changed":
        return t("change_source_text_changed", source=change.id, count=len(change.statements))
    return t(f"change_{kind}", source=title or change.id)


def excerpt(text: str) -> str:
    """Return a statement's first words, to name it."""
    words = text.split()
    cut = " ".join(words[:EXCERPT_WORDS])
    return cut + ("…" if len(words) > EXCERPT_WORDS else "")


def _rating(value: str | None, t: Labels) -> str:
    """Return a rating's words (`moderate confidence`, `likely (55–80%)`), or "unrated"."""
    if value in {c.value for c in Confidence}:
        return t.qualifier(Confidence(value), None)
    if value in {k.value for k in Likelihood}:
        return t.qualifier(None, Likelihood(value))
    return t("unqualified_judgment")
