"""Tests for briefwright.ingest.text and .sniff: encodings detected, not assumed; what is
no text refused."""

from __future__ import annotations

import pytest

from briefwright.errors import BriefError
from briefwright.ingest.sniff import media_type_of
from briefwright.ingest.text import decode, detect_encoding

KISHIDA = "Mr Kishida\u2019s visit \u2013 \u201ca new chapter\u201d \u2013 was welcomed.\n"


def test_windows_1252_is_detected_and_its_apostrophes_kept() -> None:
    """A Windows-1252 file reads as Windows-1252: curly apostrophes, not U+FFFD."""
    text, notes = decode(KISHIDA.encode("cp1252"), "a.txt")
    assert text == KISHIDA
    assert notes == ["a.txt: not UTF-8; read as cp1252 (detected by charset-normalizer)"]


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Caf\u00e9 au lait \u00e0 Paris, \u00e9t\u00e9 2023.\n", "latin-1"),
        ("Премьер-министр Японии прибыл в Дели для переговоров.\n", "cp1251"),
    ],
)
def test_other_legacy_encodings_are_read(text: str, encoding: str) -> None:
    """Latin-1 (read as Windows-1252, its superset) and Windows-1251 decode to their text."""
    assert decode(text.encode(encoding), "a.txt")[0] == text


def test_utf8_with_a_bad_byte_stays_utf8() -> None:
    """UTF-8 with one damaged byte is UTF-8: the byte becomes U+FFFD and is reported."""
    raw = KISHIDA.encode("utf-8") + b"bad \xff byte\n"
    text, notes = decode(raw, "a.txt")
    assert text == KISHIDA + "bad \ufffd byte\n"
    assert notes[0].startswith("a.txt: 1 invalid byte(s), kept as U+FFFD")


def test_noise_is_no_text() -> None:
    """Bytes that are text in no encoding are refused."""
    assert detect_encoding(bytes(range(128, 256)) * 100) is None
    with pytest.raises(BriefError, match="BW013 the file is not text in any encoding"):
        decode(bytes(range(128, 256)) * 100, "noise.txt")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"  %PDF-1.7\n", "application/pdf"),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "text/html"),
        (b"Plain words, no markup.\n", "text/plain"),
        ("Text in UTF-16.\n".encode("utf-16"), "text/plain"),
    ],
)
def test_kind_is_read_from_the_bytes(raw: bytes, expected: str) -> None:
    """A PDF, an HTML page and plain text (UTF-16 too, NULs and all) are told apart."""
    assert media_type_of(raw, "x") == expected
