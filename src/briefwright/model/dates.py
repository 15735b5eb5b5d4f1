"""Define the dates content may give: full ISO dates, and partial ones (a year, a month)
for events the sources date no more precisely. A date the calendar lacks is refused with
words a reader understands ("30 February 2023 does not exist"), never a pattern."""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Annotated

from pydantic import AfterValidator, StringConstraints

PARTIAL_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_FULL = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})")
EXAMPLE = "write it as YYYY-MM-DD, e.g. 2023-03-20"


def impossible_date(text: str) -> str | None:
    """Say why an ISO-shaped date does not exist (month 13, 30 February), or None when it
    exists or is not ISO-shaped at all."""
    month_match = _MONTH.match(text)
    if month_match and not 1 <= int(month_match.group(2)) <= 12:
        return f"there is no month {int(month_match.group(2))}; {EXAMPLE}"
    full = _FULL.match(text)
    if not full:
        return None
    year, month, day = (int(part) for part in full.groups())
    if 1 <= day <= calendar.monthrange(year, month)[1] and year >= 1:
        return None
    return f"{day} {calendar.month_name[month]} {year} does not exist; {EXAMPLE}"


def _exists(text: str) -> str:
    problem = impossible_date(text)
    if problem:
        raise ValueError(problem)
    return text


PartialDate = Annotated[
    str, StringConstraints(pattern=PARTIAL_DATE_PATTERN), AfterValidator(_exists)
]
"""`2022`, `2022-09` or `2022-09-08`: as precise as the sources allow, and a real day."""


def as_date(text: str) -> date:
    """Return the first day a partial date can mean (2022 → 1 January 2022)."""
    parts = [int(part) for part in text.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def last_day(text: str) -> date:
    """Return the last day a partial date can mean (2022-02 → 28 February 2022)."""
    parts = [int(part) for part in text.split("-")]
    year, month = parts[0], parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1]
    return date(year, month, day)
