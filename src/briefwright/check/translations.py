"""Turn a brief's translations into diagnostics: each complete, in step with the brief, and
agreeing with it on numbers and dates (the rules are translate/status.py's)."""

from __future__ import annotations

from collections.abc import Iterator

from briefwright.errors import Diagnostic
from briefwright.model.brief import Brief
from briefwright.translate.status import translation_problems


def check_translations(brief: Brief) -> Iterator[Diagnostic]:
    """BW125–BW129: every text translated (BW125), no translation of a text that has
    changed since (BW126), no entry that names nothing (BW127), the numbers and dates of
    each translation its original's (BW128), no two entries for one text (BW129)."""
    for translation in brief.translations:
        yield from translation_problems(brief, translation)
