"""Tests for briefwright.evidence.variants: one remark quoted in other words by another source."""

from __future__ import annotations

from datetime import date

from briefwright.evidence.variants import find_variants, quoted_sentences
from briefwright.model.source import Source
from briefwright.model.vocab import DateBasis, SourceKind


def _source(source_id: str, text: str) -> Source:
    return Source(
        id=source_id,
        title="t",
        short_name="s",
        publisher="p",
        published=date(2023, 3, 20),
        date_basis=DateBasis.STATED,
        date_note="n",
        kind=SourceKind.NEWS_REPORT,
        reliability="r",
        text=text,
    )


TRANSCRIPT = _source(
    "transcript",
    "The Japanese companies are not only invited, but are also encouraged to harness it.",
)


def test_quoted_sentences_are_long_quoted_runs() -> None:
    """Only text inside quotation marks, of eight words or more, counts as a quoted remark."""
    text = 'He said “this is a remark of more than eight words in all”. "Short one".'
    assert list(quoted_sentences(text)) == ["this is a remark of more than eight words in all"]


def test_a_dropped_word_is_a_variant() -> None:
    """Quoting 'The Japanese are not only invited' against the transcript is a variant."""
    wire = _source(
        "wire",
        'Kwatra: "The Japanese are not only invited, but are also encouraged to harness it."',
    )
    (variant,) = find_variants((wire, TRANSCRIPT))
    assert (variant.quoting.id, variant.other.id) == ("wire", "transcript")
    assert "the japanese [-companies-] are not only invited" in variant.diff
    assert 0.75 <= variant.similarity < 1


def test_case_and_punctuation_are_not_a_variant() -> None:
    """A quote that differs only in case and punctuation is the same wording."""
    wire = _source(
        "wire", 'Kwatra: "the Japanese companies are not only invited but are also encouraged"'
    )
    assert list(find_variants((wire, TRANSCRIPT))) == []


def test_unrelated_quotes_are_not_variants() -> None:
    """A quoted sentence that shares few words with another source is not compared."""
    wire = _source("wire", '"Exercises with the air forces of both countries will grow next year"')
    assert list(find_variants((wire, TRANSCRIPT))) == []
