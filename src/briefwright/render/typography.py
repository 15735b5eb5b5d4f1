"""Turn the brief's own prose into text ready to set: curly quotes and apostrophes, ellipses,
and the parts of a date kept on one line."""

from __future__ import annotations

import re

_OPEN_DOUBLE = re.compile(r'(^|[\s(\[\u2013\u2014/-])"')
_OPEN_SINGLE = re.compile(r"(^|[\s(\[\u201c\u2013\u2014/-])'")
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
)
#: An English date written in words: "20 March 2023", "20 March", "March 2023", "September
#: 8", "Sept. 8, 2022". A line that ends inside one reads as two facts ("20 March" / "2023").
_DATE = re.compile(
    rf"\b(?:\d{{1,2}} {_MONTH}(?: \d{{4}})?|{_MONTH} \d{{4}}|{_MONTH} \d{{1,2}}(?:, \d{{4}})?)"
    r"(?![\w])"
)
NO_BREAK_SPACE = "\u00a0"


def typographic(text: str) -> str:
    """Set the brief's own prose with curly quotes, apostrophes and ellipses, and no line
    break inside a date."""
    text = _OPEN_DOUBLE.sub("\\1\u201c", text).replace('"', "\u201d")
    text = _OPEN_SINGLE.sub("\\1\u2018", text).replace("'", "\u2019")
    return keep_dates_whole(text.replace("...", "\u2026"))


def keep_dates_whole(text: str) -> str:
    """Return text with the spaces inside each date (English, in words) made no-break."""
    return _DATE.sub(lambda found: found.group(0).replace(" ", NO_BREAK_SPACE), text)
