"""Tests for briefwright.pipeline.checked: strictness, and the summary `check` prints."""

from __future__ import annotations

import pytest

from briefwright.errors import BriefError, Severity
from briefwright.evidence.coverage import source_coverage
from briefwright.pipeline.checked import load_and_check, summarise
from tests.conftest import CONTENT, MakeProject


def test_summary_counts_what_was_verified() -> None:
    """The summary counts cited statements, quotes, sources and judgments of the brief."""
    brief = load_and_check(CONTENT).brief
    summary = summarise(brief)
    assert summary.statements == len(list(brief.cited()))
    assert summary.quotes == len(list(brief.citations()))
    assert summary.sources == len(brief.sources) == len(summary.uses)
    assert summary.judgments == len(list(brief.judgments()))


def test_summary_measures_each_sources_use() -> None:
    """Each source's line gives the statements citing it and its paragraphs cited."""
    brief = load_and_check(CONTENT).brief
    for use, source in zip(summarise(brief).uses, brief.sources, strict=True):
        coverage = source_coverage(brief, source)
        assert use.source_id == source.id and use.statements == coverage.statements
        assert use.cited_paragraphs == len(coverage.paragraphs) - len(coverage.uncited)


def test_warnings_pass_unless_strict(project: MakeProject) -> None:
    """A warning is a notice of a passing check, and an error of a strict one."""
    content = project("uncited-source")
    checked = load_and_check(content)
    assert [d.code for d in checked.warnings] == ["BW106"]
    assert all(d.severity is not Severity.ERROR for d in checked.notices)
    with pytest.raises(BriefError, match="BW106"):
        load_and_check(content, strict=True)
