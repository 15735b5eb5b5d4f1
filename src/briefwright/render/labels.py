"""Turn a brief's language into the words its documents print: a catalogue of labels, with
Babel (CLDR) for dates and plural forms.

Every fixed word a template or a stylesheet prints ("Key judgments", "Page 3 of 18", the
ICD 203 terms, month names) comes from here. Catalogues are the theme's
`labels/<language>.yaml` (English and Japanese ship); a project's own
`templates/labels/<language>.yaml` and its brand's `labels:` override any key. A language
without a catalogue falls back, key by key, to English; docs/theme.md says how to add one.
Words that stylesheets print (`content:` in @page boxes and quote marks) are written into
a generated `assets/labels.css`, never interpolated into a template's CSS.
"""

from __future__ import annotations

import difflib
import functools
import re
import string
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_skeleton
from markupsafe import Markup, escape

from briefwright.errors import BriefError, Diagnostic, Location
from briefwright.files import read_regular
from briefwright.load.yamlfile import parse_yaml
from briefwright.model.base import POSITION_KEY
from briefwright.model.brand import Brand
from briefwright.model.characters import MARKUP
from briefwright.model.vocab import Confidence, Likelihood, SourceKind
from briefwright.settings import default_theme

LABELS = "labels"
LABELS_CSS = "assets/labels.css"
FALLBACK = "en"
#: CLDR skeletons for a date as precise as its source allows: year, month, day.
_SKELETONS = {1: "y", 2: "yMMMM", 3: "yMMMMd"}
Day = date  # the method `date` hides the type inside the class

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Labels:
    """The words of one language, and how that language writes dates and counts."""

    language: str
    words: Mapping[str, str] = field(repr=False)

    @functools.cached_property
    def locale(self) -> Locale:
        """Return the Babel locale of the language (en-GB → en_GB; unknown → English)."""
        try:
            return Locale.parse(self.language, sep="-")
        except (ValueError, LookupError):
            return Locale.parse(FALLBACK)

    def __call__(self, key: str, count: int | None = None, **values: Any) -> str:
        """Return the label `key` with its placeholders filled; with `count`, the plural form
        the language's CLDR rules choose (`key.one`, `key.other`…)."""
        if count is not None:
            values["count"] = count
            form = f"{key}.{self.locale.plural_form(count)}"
            # A label without plural forms just shows the count.
            key = next((k for k in (form, f"{key}.other") if k in self.words), key)
        template = self.words.get(key)
        if template is None:
            message = f"no label '{key}' in the {self.language} catalogue; add it (docs/theme.md)"
            raise BriefError.of("BW202", message, Location(f"{LABELS}/{self.language}.yaml"))
        if any(isinstance(value, Markup) for value in values.values()):
            # A template passes markup (a link, a mark): escape the label and the plain values.
            return Markup(escape(template)).format(**values)
        return template.format(**values) if values else template

    def date(self, value: date | datetime | str) -> str:
        """Format a full or partial ISO date (2022, 2022-09, 2022-09-08) in this language."""
        text = value.isoformat()[:10] if isinstance(value, date | datetime) else value
        parts = [int(part) for part in text.split("-")]
        day = date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        return self.date_skeleton(day, _SKELETONS[len(parts)])

    def date_skeleton(self, day: Day, skeleton: str) -> str:
        """Format a date by a CLDR skeleton (`yMMMd`) in this language's own order."""
        return str(format_skeleton(skeleton, day, locale=self.locale))

    def numbers(self, numbers: list[int]) -> str:
        """Join note numbers as the language lists them (`11, 12, 15`; `11、12、15`)."""
        return self("list_separator").join(str(number) for number in numbers)

    def qualifier(self, confidence: Confidence | None, likelihood: Likelihood | None) -> str:
        """Return a judgment's qualifier: `moderate confidence`, `likely (55–80%)`."""
        if likelihood is not None:
            key = likelihood.value.replace("-", "_")
            term, span = self(f"likelihood_{key}"), self(f"likelihood_range_{key}")
            return self("likelihood_label", term=term, range=span)
        if confidence is not None:
            return self(f"confidence_{confidence.value}")
        return self("unqualified_judgment")

    def pages(self, pages: tuple[str, ...]) -> str:
        """Return a note's page reference (`, p. 3`, `, pp. 3–4`), or "" without pages."""
        if len(pages) == 2:
            return self("note_pages", first=pages[0], last=pages[1])
        return self("note_page", page=pages[0]) if pages else ""

    def kind(self, kind: SourceKind) -> str:
        """Return a kind of source as a label (`News report`)."""
        return self(f"source_kind_{kind.value.replace('-', '_')}")

    def stylesheet(self) -> str:
        """Return labels.css: the words the stylesheets print, as CSS strings."""
        page = css_content(self("page_number_of_total"), number="counter(page)",
                           total="counter(pages)")  # fmt: skip
        quote_open, quote_close = css_string(self("quote_open")), css_string(self("quote_close"))
        return (
            f"/* Generated from the {self.language} label catalogue: do not edit. */\n"
            f"@media print {{ @page {{ @bottom-right {{ content: {page}; }} }} }}\n"
            f".note-quote::before {{ content: {quote_open}; }}\n"
            f".note-quote::after {{ content: {quote_close}; }}\n"
        )


def css_string(text: str) -> str:
    """Return text as a CSS string literal, escaped."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ")
    return f'"{escaped}"'


def css_content(template: str, **counters: str) -> str:
    """Turn a label with {placeholders} into a CSS `content` value whose placeholders are CSS
    functions: `Page {number} of {total}` → `"Page " counter(page) " of " counter(pages)`."""
    parts = []
    for index, piece in enumerate(_PLACEHOLDER.split(template)):
        if index % 2:
            parts.append(counters[piece])
        elif piece:
            parts.append(css_string(piece))
    return " ".join(parts)


@functools.cache
def english() -> Labels:
    """Return the theme's English labels, for pages rendered without a brief's language."""
    return load_labels((default_theme(),), FALLBACK)


def load_labels(
    layers: tuple[Path, ...],
    language: str,
    overrides: Mapping[str, str] | None = None,
    where: Location | None = None,
    places: Mapping[str, Location] | None = None,
) -> Labels:
    """Return the labels for a language: English under the language's own catalogue, under
    the project's catalogue files, under the brand's `labels:` (later wins). `where` is
    where the overrides were written, `places` where each was; every override that is not
    a label's plain text with the label's own placeholders is refused, all at once."""
    words = _catalogues(layers, language)
    problems = override_problems(words, overrides or {}, where, places)
    if problems:
        raise BriefError(problems)
    return Labels(language, words | dict(overrides or {}))


def brand_label_problems(
    brand: Brand, layers: tuple[Path, ...], language: str
) -> list[Diagnostic]:
    """Return what is wrong with a brand's `labels:` for a language (unknown keys, foreign
    placeholders, markup), each at its line: `check` reports them with everything else."""
    words = _catalogues(layers, language)
    return override_problems(words, brand.labels, brand.where("labels"), brand.label_places)


def override_problems(
    words: Mapping[str, str],
    overrides: Mapping[str, str],
    where: Location | None,
    places: Mapping[str, Location] | None,
) -> list[Diagnostic]:
    """Return a diagnostic for every override that is not a label's plain text with the
    label's own placeholders, at its place (else where the overrides were written)."""
    return [
        Diagnostic(code, message, (places or {}).get(key) or where or Location("brand.yaml"))
        for key, value in overrides.items()
        for code, message in _override_problems(key, value, words)
    ]


def _catalogues(layers: tuple[Path, ...], language: str) -> dict[str, str]:
    """Return the words of English under the language's own, under the project's files."""
    words: dict[str, str] = {}
    for tag in dict.fromkeys([FALLBACK, language.split("-")[0], language]):
        for layer in reversed(layers):
            words |= _catalogue(layer / LABELS / f"{tag}.yaml", layer)
    return words


def _override_problems(
    key: str, value: str, words: Mapping[str, str]
) -> Iterator[tuple[str, str]]:
    """Yield (code, message) for what is wrong with one label override: an unknown key,
    a placeholder the label does not fill (or a format spec, attribute or index: a label is
    data, not a format program), or markup."""
    if key not in words:
        nearest = difflib.get_close_matches(key, list(words), n=1, cutoff=0.6)
        hint = f"did you mean `{nearest[0]}`?" if nearest else "the keys are in labels/en.yaml"
        yield "BW003", f"unknown label '{key}' under `brand: labels:`; {hint}"
        return
    allowed = placeholders_of(key, words)
    named = ", ".join(f"{{{name}}}" for name in sorted(allowed)) or "no placeholder"
    problem = _placeholder_problem(value, allowed)
    if problem:
        yield "BW003", f"label '{key}' {problem}; it may use {named}"
    if MARKUP.search(value):
        yield "BW150", f"label '{key}' holds HTML markup; write plain text (it shows as typed)"


def placeholders_of(key: str, words: Mapping[str, str]) -> set[str]:
    """Return the placeholders a label is filled with: its own, and for a plural form
    (`key.one`) those of every form of it, and `count`."""
    base = key.split(".")[0]
    forms = [text for name, text in words.items() if name == key or name.startswith(f"{base}.")]
    found = {name for text in forms for _, name, _, _ in _fields(text) if name}
    return found | ({"count"} if "." in key else set())


def _placeholder_problem(value: str, allowed: set[str]) -> str | None:
    try:
        fields = list(_fields(value))
    except ValueError:
        return "has a brace that opens or closes no placeholder; remove it"
    for _, name, spec, conversion in fields:
        if name is None:
            continue
        if spec or conversion or not name.isidentifier():
            written = f"{name}{'!' if conversion else ''}{conversion or ''}"
            written += f":{spec}" if spec else ""
            return f"writes {{{written}}}: a placeholder is a plain name, with no format"
        if name not in allowed:
            return f"has the placeholder {{{name}}}, which it is never given"
    return None


def _fields(text: str) -> Iterable[tuple[str, str | None, str | None, str | None]]:
    return string.Formatter().parse(text)


def _catalogue(path: Path, layer: Path) -> dict[str, str]:
    """Read one catalogue file (a flat mapping of keys to strings), if the layer has it."""
    if not path.exists():
        return {}
    return dict(_parsed_catalogue(str(path), read_regular(path, layer).decode("utf-8")))


@functools.lru_cache(maxsize=16)
def _parsed_catalogue(path: str, text: str) -> tuple[tuple[str, str], ...]:
    """Parse one catalogue's text; cached by its text, as the content's files are: a live
    preview renders both editions on every save, and parsing the four catalogues they read
    took ~0.06 s of its ~0.25 s."""
    data = parse_yaml(text, path)
    if not isinstance(data, dict):
        raise BriefError.of("BW003", "a label catalogue is a mapping of keys", Location(path))
    return tuple((str(key), str(value)) for key, value in data.items() if key != POSITION_KEY)
