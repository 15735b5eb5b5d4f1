"""Tests for briefwright.errors: diagnostics take their severity from the registry of codes."""

from __future__ import annotations

import pytest

from briefwright.errors import CODES, BriefError, Diagnostic, Location, Severity


def test_a_diagnostic_has_its_codes_severity() -> None:
    """Severity comes from the registry, so a code is a warning or an error everywhere alike."""
    where = Location("content/brief.yaml", 3, 5)
    assert Diagnostic("BW106", "never cited", where).severity is Severity.WARNING
    assert Diagnostic("BW101", "not in source", where).severity is Severity.ERROR
    assert Diagnostic("BW120", "never cited", where).severity is Severity.INFO


def test_an_unregistered_code_is_a_bug() -> None:
    """A code missing from the registry cannot make a diagnostic at all."""
    with pytest.raises(KeyError):
        Diagnostic("BW999", "no such code", Location("x"))


def test_a_diagnostic_prints_as_path_line_column_code_message() -> None:
    """The one-line form is what editors and CI parse: `path:line:column: CODE message`."""
    error = BriefError.of("BW004", "file not found; create it", Location("a/b.yaml", 7, 2))
    assert str(error) == "a/b.yaml:7:2: BW004 file not found; create it"
    assert [d.code for d in error.diagnostics] == ["BW004"]


def test_every_code_is_well_formed() -> None:
    """Codes are `BW` and three digits, each with a meaning and a remedy, keyed by itself."""
    for code, entry in CODES.items():
        assert code == entry.code and len(code) == 5 and code[2:].isdigit()
        assert entry.meaning and entry.remedy
