"""Tests for briefwright.check.evidence's second round of grounding: prescriptions read as
such, polarity (BW167), cut hedges (BW168), corroboration as agreement (BW169) and sources
published after as_of (BW157), each at its place with its severity."""

from __future__ import annotations

from pathlib import Path

from briefwright.check import check_brief
from briefwright.errors import Diagnostic, Severity
from briefwright.evidence.coverage import independent_origins
from briefwright.load.content import load_brief
from tests.conftest import MakeProject


def _diagnostics(content: Path, code: str | None = None) -> list[Diagnostic]:
    found = check_brief(load_brief(content))
    return [d for d in found if d.code == code or (code is None and d.severity != "info")]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def test_a_recommendation_on_another_subject_is_read_as_a_prescription(
    project: MakeProject,
) -> None:
    """The reproduction (a brief on Baltic cable repair): a recommendation naming who acts
    (Traficom), who judges (the Riigikogu), a target date after as_of (March 2024) and "the
    first exercise under the agreement", and a forecast of that first exercise by June 2024,
    raise nothing; before, they were refused (BW160, BW161, BW162)."""
    assert _diagnostics(project("prescriptions")) == []


def test_a_recommendation_s_past_still_needs_its_basis(project: MakeProject) -> None:
    """What a recommendation states as having happened is grounded like any claim."""
    content = project("prescriptions")
    _edit(content / "brief.yaml", "      Estonia's Ministry",
          "      As Sweden paid €40 million in 2021, Estonia's Ministry")  # fmt: skip
    found = [(d.code, str(d.location)) for d in _diagnostics(content)]
    at = f"{content}/brief.yaml:30:11"
    assert found == [("BW160", at), ("BW161", at), ("BW162", at)]


def test_an_added_negation_is_an_error_at_its_statement(project: MakeProject) -> None:
    """A fact that negates its quote ("did not happen" over "happened") is BW167, an error."""
    content = project("minimal")
    _edit(content / "topics/only.yaml", "text: Something happened in March 2023.",
          "text: Something did not happen in March 2023.")  # fmt: skip
    (found,) = _diagnostics(content, "BW167")
    assert found.severity is Severity.ERROR
    assert str(found.location) == f"{content}/topics/only.yaml:20:11"
    assert "says 'not happen' where its quotes assert 'Something happened in March 2023'" in (
        found.message
    )


def test_a_cut_hedge_is_a_warning_naming_the_hedge(project: MakeProject) -> None:
    """A quotation in a statement's text that its source says right after "I think" is
    BW168, a warning naming the hedge, at the statement."""
    content = project("minimal")
    _edit(content / "sources/one.txt", "Something happened in March 2023.",
          "I think something happened in March 2023.")  # fmt: skip
    _edit(content / "topics/only.yaml", "text: Something happened in March 2023.",
          'text: It was "something happened in March 2023".')  # fmt: skip
    _edit(content / "topics/only.yaml", "{source: one, quote: Something happened in March 2023.}",
          "{source: one, quote: I think something happened in March 2023.}")  # fmt: skip
    _edit(content / "timeline.yaml", "{source: one, quote: Something happened in March 2023.}",
          "{source: one, quote: I think something happened in March 2023.}")  # fmt: skip
    (found,) = _diagnostics(content, "BW168")
    assert found.severity is Severity.WARNING
    assert str(found.location) == f"{content}/topics/only.yaml:20:11"
    assert "which its source says right after 'I think'" in found.message


def test_two_origins_that_agree_corroborate(project: MakeProject) -> None:
    """A fact whose two origins each give all it says is corroborated by both."""
    brief = load_brief(project("corroborated"))
    fact = next(item for item in brief.cited() if item.id == "fact-three")
    assert independent_origins(brief, fact) == 2
    assert [d for d in check_brief(brief) if d.code == "BW169"] == []


def test_two_origins_that_each_give_a_part_do_not(project: MakeProject) -> None:
    """A fact that one origin's quotes give only in part is not corroborated: BW169
    (information) says what that origin's quotes alone lack."""
    content = project("corroborated")
    _edit(content / "topics/only.yaml", "text: Something happened in March 2023.",
          "text: Something happened in March 2023, and two ships left port.")  # fmt: skip
    _edit(content / "topics/only.yaml",
          'quote: "Something happened in March 2023, the second ministry said."',
          "quote: Two ships left port in March")  # fmt: skip
    brief = load_brief(content)
    fact = next(item for item in brief.cited() if item.id == "fact-three")
    assert independent_origins(brief, fact) == 1
    (found,) = [d for d in check_brief(brief) if d.code == "BW169"]
    assert found.severity is Severity.INFO
    assert str(found) == (
        f"{content}/topics/only.yaml:20:11: BW169 'fact-three' cites 2 independent origins "
        "but is not marked corroborated: one alone does not give 'two'"
    )


def test_a_source_after_as_of_is_a_warning_at_each_citing_line(project: MakeProject) -> None:
    """A source published after as_of is BW157 at each citation of it."""
    content = project("minimal")
    _edit(content / "sources/one.txt", "published: 2023-03-20", "published: 2023-03-22")
    found = _diagnostics(content, "BW157")
    assert {d.severity for d in found} == {Severity.WARNING}
    text = (content / "topics/only.yaml").read_text().split("\n")
    cited_at = [(i, line.index("source: one") + 9) for i, line in enumerate(text, 1)
                if "source: one" in line]  # fmt: skip
    assert [str(d.location) for d in found if "only.yaml" in str(d.location)] == [
        f"{content}/topics/only.yaml:{line}:{column}" for line, column in cited_at
    ]
    assert found[0].message == (
        "'fact-bg' cites 'one', published 2023-03-22, after the brief's as_of (2023-03-20); "
        "move as_of forward, or cite a source of its time"
    )
