"""Find the characters an author may not write: invisible, changing the text's direction,
or not allowed in XML.

Bidirectional overrides and isolates make text display in another order than it is stored
("Trojan Source"); zero-width spaces and control characters hide inside words. Control
characters, surrogates and the noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last
two of every plane) are also what XML 1.0 forbids or discourages, and an author's text
reaches XML in the Atom feed, the PDF's XMP metadata, the .docx and the SVG figures: one
rule keeps every one of them well-formed. Refused in everything an author writes (content
text, titles, labels, the series' settings, command-line options), located by position.
Kept: the joiners scripts need (ZWNJ U+200C and ZWJ U+200D, e.g. in Devanagari), the marks
a right-to-left language needs (LRM U+200E, RLM U+200F, ALM U+061C), and ordinary line
breaks and tabs where a text may have them. Source texts are stored verbatim and never
checked here.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator

#: Bidirectional embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069).
BIDI_CONTROLS = frozenset(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
#: Zero-width characters that join or split nothing a script needs.
ZERO_WIDTH = frozenset("\u200b\u2060\ufeff")
#: Unicode's 66 noncharacters, "permanently reserved for internal use": U+FFFE and U+FFFF
#: are not XML 1.0 characters at all, the others are discouraged there.
NONCHARACTERS = frozenset(
    chr(code)
    for code in [*range(0xFDD0, 0xFDF0), *(plane << 16 | low for plane in range(17)
                                           for low in (0xFFFE, 0xFFFF))]
)  # fmt: skip
_ALLOWED_CONTROLS = frozenset("\n\t")
_BAD_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})


def forbidden_characters(text: str, multiline: bool = True) -> Iterator[tuple[int, str]]:
    """Yield (index, character) for each character of text an author may not write.

    `multiline` allows line breaks and tabs (content text); an option allows neither.
    """
    for match in (_FORBIDDEN_IN_TEXT if multiline else _FORBIDDEN).finditer(text):
        yield match.start(), match.group()


def _class_of(chars: Iterable[str]) -> str:
    """Return the inside of a regular expression's character class matching exactly chars,
    runs of consecutive code points as ranges: compiling the 2,048 surrogates one by one
    took ~0.013 s of every start-up."""
    return "".join(
        f"\\U{low:08x}" if low == high else f"\\U{low:08x}-\\U{high:08x}"
        for low, high in _runs(sorted(map(ord, chars)))
    )


def _runs(codes: list[int]) -> Iterator[tuple[int, int]]:
    """Yield (first, last) of each run of consecutive numbers in a sorted list."""
    for _, run in itertools.groupby(enumerate(codes), lambda pair: pair[1] - pair[0]):
        numbers = [code for _, code in run]
        yield numbers[0], numbers[-1]


#: Every character of the categories Cc, Cs, Zl and Zp (fixed by Unicode's stability
#: policy), listed once so that a regular expression scans the text, not a Python loop
#: (~0.02 s a brief).
_BAD = frozenset(
    chr(code)
    for code in [*range(0x20), *range(0x7F, 0xA0), *range(0xD800, 0xE000), 0x2028, 0x2029]
)
assert all(unicodedata.category(char) in _BAD_CATEGORIES for char in _BAD)
_FORBIDDEN = re.compile(f"[{_class_of(_BAD | BIDI_CONTROLS | ZERO_WIDTH | NONCHARACTERS)}]")
_FORBIDDEN_IN_TEXT = re.compile(
    f"[{_class_of(_BAD - _ALLOWED_CONTROLS | BIDI_CONTROLS | ZERO_WIDTH | NONCHARACTERS)}]"
)


#: The start of an HTML tag in text an author wrote (`<script`, `</b`, `<!--`): refused in
#: content (BW150) and in labels, where it would only show as text.
MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?]")


def describe(char: str) -> str:
    """Name a character for a message: `U+202E (RIGHT-TO-LEFT OVERRIDE)`."""
    if char in NONCHARACTERS:
        return f"U+{ord(char):04X} (a noncharacter, not allowed in XML)"
    name = unicodedata.name(char, "") or {"\n": "LINE FEED", "\t": "TAB"}.get(char, "CONTROL")
    return f"U+{ord(char):04X} ({name})"
