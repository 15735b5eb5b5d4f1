"""Turn a brief and one of its translations into what keeps them out of step: texts not
translated (BW125), translations whose original has changed since (BW126, with the word
diff), entries that name no text of the brief (BW127), numbers and dates a translation does
not share with its original (BW128), and entries that contradict each other (BW129).

Every finding is at the translation's file and line (an entry's, else the file's), names
the text by its id and field, and says what to do; `check` reports them and `briefwright
translate status` lists them.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Generator, Iterator
from dataclasses import dataclass

from babel import Locale

from briefwright.errors import Diagnostic, Location
from briefwright.evidence.quotes import word_diff
from briefwright.model.brief import Brief
from briefwright.model.translation import (
    BRAND,
    CORRECTION,
    METADATA,
    Translation,
    TranslationEntry,
    fingerprint,
)
from briefwright.translate.figures import disagreements
from briefwright.translate.strings import Original, Words, originals, quote_field, quotes_of

#: Words of unchanged text kept either side of a change in a stale entry's diff.
DIFF_CONTEXT = 4
# A word longer than this (BW151 refuses it) is cut in a message: the line stays one line.
LONGEST_SHOWN = 60


@dataclass(frozen=True)
class Wanted:
    """A text an entry may translate: a required one (`Original`), or a quote (optional)."""

    original: Original | None
    quote: str | None = None

    @property
    def text(self) -> Words:
        """Return the text as the brief has it now."""
        if self.original is not None:
            return self.original.text
        assert self.quote is not None
        return self.quote


def language_name(language: str) -> str:
    """Return a language's name in English (`ja` → Japanese), or its tag."""
    try:
        return str(Locale.parse(language, sep="-").get_display_name("en"))
    except (ValueError, LookupError):
        return language


def wanted_texts(brief: Brief) -> dict[tuple[str, str], Wanted]:
    """Return every (id, field) an entry may translate: each required text, and each quote."""
    wanted = {(o.id, o.field): Wanted(o) for o in originals(brief)}
    for item_id, quotes in quotes_of(brief).items():
        for number, quote in enumerate(quotes, 1):
            wanted[(item_id, quote_field(number))] = Wanted(None, quote)
    return wanted


def translation_problems(brief: Brief, translation: Translation) -> Iterator[Diagnostic]:
    """Yield everything that keeps a translation out of step with the brief."""
    name = language_name(translation.language)
    start = translation.where() or Location(translation.path)
    if translation.language.split("-")[0] == brief.metadata.language.split("-")[0]:
        message = f"the brief is in {name} already; remove '{translation.language}' from it"
        yield Diagnostic("BW129", message, located_in(brief.metadata, "translations"))
        return
    yield from _reserved_ids(brief)
    wanted = wanted_texts(brief)
    if not translation.exists:
        count = sum(1 for w in wanted.values() if w.original is not None)
        message = (
            f"no {name} translation yet: {count} texts to translate; `briefwright translate "
            f"stub {translation.language}` writes them here, each with its original"
        )
        yield Diagnostic("BW125", message, start)
        return
    found = yield from _entries(brief, translation, wanted, name)
    for (item_id, field), want in wanted.items():
        if want.original is not None and (item_id, field) not in found:
            message = (
                f"'{item_id}' ({field}, {want.original.where}) has no {name} translation; "
                f"`briefwright translate stub {translation.language}` adds it"
            )
            yield Diagnostic("BW125", message, start)


def _entries(
    brief: Brief, translation: Translation, wanted: dict[tuple[str, str], Wanted], name: str
) -> Generator[Diagnostic, None, set[tuple[str, str]]]:
    """Yield each entry's problems; return the (id, field) pairs the entries give."""
    given: dict[tuple[str, str], TranslationEntry] = {}
    for entry in translation.entries:
        key = (entry.id, entry.field)
        where = entry.where() or Location(translation.path)
        if key in given:
            first = given[key].where()
            message = f"'{entry.id}' ({entry.field}) is translated already at {first}; keep one"
            yield Diagnostic("BW129", message, where)
            continue
        given[key] = entry
        want = wanted.get(key)
        if want is None:
            yield Diagnostic("BW127", _unknown(entry, wanted), where)
            continue
        yield from _entry(brief, translation.language, entry, want, name)
    return set(given)


def _entry(
    brief: Brief, language: str, entry: TranslationEntry, want: Wanted, name: str
) -> Iterator[Diagnostic]:
    """Yield what is wrong with one entry: the wrong shape, stale, not translated, or its
    numbers and dates not its original's."""
    where = entry.where() or Location("content")
    label = f"'{entry.id}' ({entry.field})"
    if isinstance(entry.original, str) != isinstance(want.text, str):
        kind = "one text" if isinstance(want.text, str) else "a list of texts"
        message = f"{label} is {kind} in the brief; write `original` and `text` the same way"
        yield Diagnostic("BW129", message, where)
        return
    current = fingerprint(want.text)
    if entry.fingerprint != current:
        diff = stale_diff(entry.original, want.text)
        message = (
            f"{label}: the original changed since it was translated ({diff}); update the "
            f"{name}, then set `original:` to the text as it is now and `fingerprint: "
            f"{current}`"
        )
        yield Diagnostic("BW126", message, entry.where("fingerprint") or where)
        return
    if entry.text is None:
        message = f"{label} is not translated into {name} yet; write its `text:`"
        yield Diagnostic("BW125", message, entry.where("text") or where)
        return
    if isinstance(entry.text, str) != isinstance(want.text, str):
        kind = "one text" if isinstance(want.text, str) else "a list of texts"
        message = f"{label}: `text` must be {kind}, as the original is"
        yield Diagnostic("BW129", message, entry.where("text") or where)
        return
    yield from _figures(brief, language, entry, want, label)


def _figures(
    brief: Brief, language: str, entry: TranslationEntry, want: Wanted, label: str
) -> Iterator[Diagnostic]:
    assert entry.text is not None
    year = want.original.inferred_year if want.original is not None else None
    found = list(disagreements(want.text, brief.metadata.language, entry.text, language, year))
    if not found:
        return
    added = [d.words for d in found if d.in_translation]
    dropped = [d.words for d in found if not d.in_translation]
    parts = []
    if added:
        parts.append(f"gives {_listed(added)}, which the original does not")
    if dropped:
        parts.append(f"leaves out {_listed(dropped)}, which the original gives")
    message = f"{label}: the translation {', and '.join(parts)}; translate the original's"
    yield Diagnostic("BW128", message, entry.where("text") or entry.where() or Location(""))


def _listed(words: list[str]) -> str:
    return ", ".join(f"'{word}'" for word in dict.fromkeys(words))


def _unknown(entry: TranslationEntry, wanted: dict[tuple[str, str], Wanted]) -> str:
    """Say an entry translates nothing the brief has, with the nearest it may have meant."""
    fields = [field for item_id, field in wanted if item_id == entry.id]
    if fields:
        nearest = difflib.get_close_matches(entry.field, fields, n=1, cutoff=0.5)
        has = ", ".join(fields)
        hint = f"did you mean `field: {nearest[0]}`?" if nearest else f"it has {has}"
        return f"'{entry.id}' has no field '{entry.field}' to translate; {hint}"
    ids = sorted({item_id for item_id, _ in wanted})
    nearest = difflib.get_close_matches(entry.id, ids, n=1, cutoff=0.6)
    hint = f"did you mean '{nearest[0]}'?" if nearest else "remove the entry"
    return (
        f"'{entry.id}' names no text of the brief (removed, or shared with an earlier "
        f"item); {hint}"
    )


def stale_diff(before: Words, now: Words) -> str:
    """Return the word diff from the text translated to the text as it is now, unchanged
    stretches cut to DIFF_CONTEXT words either side of each change."""
    old = [_shown(word) for word in _joined(before).split()]
    new = [_shown(word) for word in _joined(now).split()]
    pieces: list[str] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    opcodes = matcher.get_opcodes()
    for index, (op, a1, a2, b1, b2) in enumerate(opcodes):
        if op == "equal":
            pieces.append(_context(old[a1:a2], index == 0, index == len(opcodes) - 1))
            continue
        pieces.append(word_diff(old[a1:a2], new[b1:b2]))
    return " ".join(piece for piece in pieces if piece)


def _shown(word: str) -> str:
    """Return a word as a one-line message shows it: one longer than LONGEST_SHOWN
    characters (which BW151 refuses) cut, with its length."""
    if len(word) <= LONGEST_SHOWN:
        return word
    return f"{word[: LONGEST_SHOWN // 2]}…({len(word):,} characters)"


def _context(words: list[str], first: bool, last: bool) -> str:
    keep = DIFF_CONTEXT
    if len(words) <= 2 * keep + 1:
        return " ".join(words)
    head = [] if first else words[:keep]
    tail = [] if last else words[-keep:]
    return " ".join([*head, "…", *tail])


def _joined(words: Words) -> str:
    return words if isinstance(words, str) else " | ".join(words)


def _reserved_ids(brief: Brief) -> Iterator[Diagnostic]:
    """Yield an item whose id a translation cannot name: `metadata` and `brand` are the
    metadata's and the brand's."""
    for item in (*brief.identified(), *brief.sources):
        if item.id in (METADATA, BRAND):
            message = f"id '{item.id}' names the brief's {item.id} in a translation; rename it"
            yield Diagnostic("BW129", message, located_in(item, "id"))
        elif re.fullmatch(rf"{CORRECTION}[0-9]+", item.id):
            message = f"id '{item.id}' names one of the brief's corrections in a translation; "
            yield Diagnostic("BW129", message + "rename it", located_in(item, "id"))


def located_in(item: object, field: str) -> Location:
    """Return where an item's field was written (the content folder when unknown)."""
    where = getattr(item, "where", None)
    return (where(field) if where is not None else None) or Location("content")
