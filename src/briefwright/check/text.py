"""Turn every editable text of a brief into diagnostics: plain text only (no markup, no
placeholder left, no word too long to break), and no hidden characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from briefwright.check.where import located
from briefwright.errors import Diagnostic
from briefwright.model.base import Model
from briefwright.model.characters import MARKUP, describe, forbidden_characters
from briefwright.model.source import Source
from briefwright.model.translation import Translation

# What `init`, `new topic` and `sources add` write for the editor to replace, including the
# sentences earlier versions of `sources add` wrote.
PLACEHOLDER = re.compile(
    r"REPLACE|replace-with-[\w-]*|Not yet assessed|\[Untitled article\]|"
    r"Given by the editor who added the source"
)

MAX_WORD = 60

#: Scripts written without spaces between words, which line breaking may break between any
#: two characters (UAX #14 class ID, and its kana and punctuation): kana, CJK ideographs,
#: CJK symbols and punctuation, Hangul syllables, full- and half-width forms. A run of them
#: is no "word": a Japanese paragraph is one run of hundreds of characters.
_BREAKS_ANYWHERE = (
    "\u3000-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
    "\uf900-\ufaff\uff00-\uffef\U00020000-\U0003134f"
)
_LONG_WORD = re.compile(rf"[^\s{_BREAKS_ANYWHERE}]{{{MAX_WORD + 1},}}")


def check_text_is_plain(brief: Model) -> Iterator[Diagnostic]:
    """BW150: no HTML in content text; BW151: no word over MAX_WORD; BW152: no placeholders.

    Markup would be escaped anyway; refusing it tells the editor at once that pasted HTML
    will not render. An unbroken run of thousands of characters makes layout crawl.
    """
    for model, field, text in editable_texts(brief):
        if "." in field:  # a brand's label: render/labels.py judges it by its catalogue
            continue
        where = located(model, field)
        if match := MARKUP.search(text):
            excerpt = text[match.start() : match.start() + 30]
            message = f"{field} contains HTML markup ({excerpt!r}); write plain text"
            yield Diagnostic("BW150", message, where)
        if placeholder := PLACEHOLDER.search(text):
            message = f"{field} still holds the placeholder {placeholder.group(0)!r}; fill it in"
            yield Diagnostic("BW152", message, where)
        if match := _LONG_WORD.search(text):
            message = (
                f"{field} has a word of {len(match.group(0)):,} characters; the limit is "
                f"{MAX_WORD}: add spaces or shorten it"
            )
            yield Diagnostic("BW151", message, where)


def check_no_hidden_characters(root: Model) -> Iterator[Diagnostic]:
    """BW154: no invisible or direction-changing character, nor one XML forbids, in anything
    an author wrote: a brief (its brand, figures, every file) or a series' settings.

    Source texts are exempt: they are stored verbatim, whatever they hold.
    """
    for model, field, text in editable_texts(root):
        for index, char in forbidden_characters(text):
            message = (
                f"{field} holds {describe(char)} at character {index + 1} "
                f"(after {text[max(0, index - 20) : index]!r}); delete it"
            )
            yield Diagnostic("BW154", message, located(model, field))
            break


#: A source's fields that record what was found, not what an editor wrote: the stored text,
#: its address, what extraction dropped, the metadata found, the original's name and hash.
_RECORDED = frozenset({"text", "url", "chrome_removed", "metadata", "original", "pages"})


def editable_texts(model: Model) -> Iterator[tuple[Model, str, str]]:
    """Yield (model, field, text) for every string an editor wrote, except article text; a
    mapping's values (the brand's labels) as `field.key`."""
    for name in type(model).model_fields:
        if isinstance(model, Source) and name in _RECORDED:
            continue
        if isinstance(model, Translation) and name == "path":
            continue  # where the file was read from, not a text anyone wrote
        value = getattr(model, name)
        if isinstance(value, dict):
            yield from ((model, f"{name}.{key}", text) for key, text in value.items())
            continue
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, str):
                yield model, name, item
            elif isinstance(item, Model):
                yield from editable_texts(item)
