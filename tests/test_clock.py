"""Tests for briefwright.clock: one notion of now, from SOURCE_DATE_EPOCH or the as-of date."""

from __future__ import annotations

from datetime import date

import pytest

from briefwright.clock import build_time
from briefwright.errors import BriefError


def test_source_date_epoch_wins() -> None:
    """SOURCE_DATE_EPOCH, when set, is the build time (UTC)."""
    assert build_time(date(2023, 3, 20), {"SOURCE_DATE_EPOCH": "0"}).isoformat() == (
        "1970-01-01T00:00:00+00:00"
    )


def test_as_of_date_is_the_fallback() -> None:
    """Without SOURCE_DATE_EPOCH the build time is midnight UTC of the as-of date."""
    assert build_time(date(2023, 3, 20), {}).isoformat() == "2023-03-20T00:00:00+00:00"


def test_malformed_epoch_is_an_error() -> None:
    """A SOURCE_DATE_EPOCH that is not a number of seconds is an error saying what to give."""
    with pytest.raises(BriefError, match="BW007 SOURCE_DATE_EPOCH='yesterday'"):
        build_time(date(2023, 3, 20), {"SOURCE_DATE_EPOCH": "yesterday"})
