"""Decide the build's one notion of "now", so the same inputs always give the same bytes."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time

from briefwright.errors import BriefError, Diagnostic, Location


def build_time(as_of: date, environ: dict[str, str] | None = None) -> datetime:
    """Return SOURCE_DATE_EPOCH as a UTC time when set, else midnight UTC of the as-of date."""
    value = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return datetime.combine(as_of, time(0, 0), tzinfo=UTC)
    if not value.isdigit():
        message = (
            f"SOURCE_DATE_EPOCH={value!r} is not a whole number of seconds since 1970; "
            "unset it or give e.g. 1679270400"
        )
        raise BriefError([Diagnostic("BW007", message, Location("SOURCE_DATE_EPOCH", 1, 1))])
    return datetime.fromtimestamp(int(value), tz=UTC)
