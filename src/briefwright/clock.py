"""Decide the build's one notion of "now", so the same inputs always give the same bytes.

In order: SOURCE_DATE_EPOCH when set (a malformed value is an error); else the time of the
last git commit touching the content or the templates; else midnight UTC of the as-of date.
"""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, date, datetime, time
from pathlib import Path

from briefwright.errors import BriefError, Diagnostic, Location


def build_time(
    as_of: date, inputs: tuple[Path, ...] = (), environ: dict[str, str] | None = None
) -> datetime:
    """Return the build's timestamp (UTC) from SOURCE_DATE_EPOCH, git, or the as-of date."""
    value = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    if value:
        return datetime.fromtimestamp(parse_epoch(value), tz=UTC)
    committed = last_commit_time(inputs)
    if committed is not None:
        return datetime.fromtimestamp(committed, tz=UTC)
    return datetime.combine(as_of, time(0, 0), tzinfo=UTC)


def parse_epoch(value: str) -> int:
    """Return SOURCE_DATE_EPOCH as seconds, or raise BW007 saying what to give instead."""
    if not value.isdigit():
        message = (
            f"SOURCE_DATE_EPOCH={value!r} is not a whole number of seconds since 1970; "
            "unset it or give e.g. 1679270400"
        )
        raise BriefError([Diagnostic("BW007", message, Location("SOURCE_DATE_EPOCH", 1, 1))])
    return int(value)


def last_commit_time(paths: tuple[Path, ...]) -> int | None:
    """Return the commit time of the last commit touching any of paths, if git knows one."""
    if not paths:
        return None
    folder = paths[0].resolve().parent
    try:
        result = subprocess.run(
            ["git", "-C", str(folder), "log", "-1", "--format=%ct", "--", *map(str, paths)],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    stamp = result.stdout.strip()
    return int(stamp) if result.returncode == 0 and stamp.isdigit() else None
