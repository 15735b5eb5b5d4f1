"""Tests for briefwright.check.corrections: a correction names statements that exist."""

from __future__ import annotations

from briefwright.check.corrections import check_corrections_name_statements
from briefwright.load.content import load_brief
from tests.conftest import MakeProject


def test_a_correction_naming_an_unknown_statement_is_bw401(project: MakeProject) -> None:
    """rec-9 is no statement: BW401 at the correction's `statements`, rec-1 passes."""
    content = project("bad-correction")
    (found,) = check_corrections_name_statements(load_brief(content))
    assert str(found) == (
        f"{content}/brief.yaml:33:17: BW401 the correction of 2023-03-21 names 'rec-9', which "
        "is no statement of the brief; name the id of a statement the correction changed, as "
        "its YAML gives it"
    )


def test_a_topic_is_a_section_not_a_statement(project: MakeProject) -> None:
    """A topic's id names a section: a correction cannot name it."""
    content = project("bad-correction")
    brief_yaml = content / "brief.yaml"
    brief_yaml.write_text(brief_yaml.read_text().replace("rec-1, rec-9", "kj-1, only"))
    (found,) = check_corrections_name_statements(load_brief(content))
    assert found.code == "BW401" and "'only'" in found.message


def test_corrections_of_real_statements_pass(project: MakeProject) -> None:
    """A correction naming a fact and a judgment is fine."""
    content = project("bad-correction")
    brief_yaml = content / "brief.yaml"
    brief_yaml.write_text(brief_yaml.read_text().replace("rec-1, rec-9", "fact-one, kj-2"))
    assert list(check_corrections_name_statements(load_brief(content))) == []
