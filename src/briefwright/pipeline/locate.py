"""Point a typesetting error at the content that caused it: a character no bundled font
has is reported at the first content line holding it, not at `brief.pdf:1:1`."""

from __future__ import annotations

import re
from pathlib import Path

from briefwright.errors import BriefError, Diagnostic, Location
from briefwright.files import read_regular, regular_files

_MISSING_GLYPH = re.compile(r'unsupported by fonts: "(.+)" \(U\+([0-9A-F]{4,6})\)')


def locate_missing_glyphs(error: BriefError, content: Path) -> BriefError:
    """Return the error with each missing-glyph diagnostic (BW302) moved to the content
    line and column of its character, once per character; others are kept as they are."""
    texts = _content_texts(content)
    located: list[Diagnostic] = []
    seen: set[str] = set()
    for diagnostic in error.diagnostics:
        match = _MISSING_GLYPH.search(diagnostic.message) if diagnostic.code == "BW302" else None
        if match is None:
            located.append(diagnostic)
            continue
        char = chr(int(match.group(2), 16))
        if char in seen:
            continue
        seen.add(char)
        message = (
            f"{match.group(1)!r} (U+{match.group(2)}) is in no bundled font, so "
            f"{diagnostic.location.path} would show a blank box; replace the character, or "
            "supply a font that has it under `brand: typography: fonts:`"
        )
        where = _first(char, texts) or diagnostic.location
        located.append(Diagnostic("BW302", message, where))
    return BriefError(located)


def _content_texts(content: Path) -> list[tuple[Path, str]]:
    """Return every text file of the content folder, with its text."""
    found = []
    for path in regular_files(content):
        if path.suffix in (".yaml", ".yml", ".txt"):
            found.append((path, read_regular(path, content).decode("utf-8", "replace")))
    return found


def _first(char: str, texts: list[tuple[Path, str]]) -> Location | None:
    """Return where a character first occurs in the content files."""
    for path, text in texts:
        index = text.find(char)
        if index >= 0:
            line = text.count("\n", 0, index) + 1
            column = index - (text.rfind("\n", 0, index) + 1) + 1
            return Location(str(path), line, column)
    return None
