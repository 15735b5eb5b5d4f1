"""Tests for briefwright.check.evidence: every citation names a source that exists and quotes
it verbatim, every source is cited, variant quotations are acknowledged, and a statement says
no more than its quotes (the rules themselves: tests/unit/evidence/test_grounding.py)."""

from __future__ import annotations

from pathlib import Path

from briefwright.check import check_brief
from briefwright.check.evidence import (
    check_grounding,
    check_grounding_language,
    check_quotes_found,
    check_sources_cited,
    check_unknown_sources,
    check_variant_quotations,
)
from briefwright.errors import Diagnostic, Severity
from briefwright.evidence.coverage import independent_origins
from briefwright.evidence.quotes import MAX_QUOTE
from briefwright.load.content import load_brief
from tests.conftest import MakeProject
from tests.unit.check.conftest import Minimal, found

QUOTE = "quote: The first sentence of the source."


def test_the_minimal_brief_passes(minimal: Minimal) -> None:
    """Known sources, quotes found, every source cited, no variant, nothing ungrounded."""
    brief = minimal.brief()
    checks = (check_unknown_sources, check_quotes_found, check_sources_cited,
              check_variant_quotations, check_grounding, check_grounding_language)  # fmt: skip
    for check in checks:
        assert found(check, brief) == [], check.__name__


def test_an_unknown_source_is_bw102_with_the_sources_there_are(minimal: Minimal) -> None:
    """A citation of a source id that does not exist is BW102 at its `source:`."""
    minimal.edit("brief.yaml", "{source: one, quote", "{source: two, quote")
    assert found(check_unknown_sources, minimal.brief()) == [
        f"{minimal.at('brief.yaml', 24, 18)}: BW102 'fact-bg' cites unknown source 'two'; "
        "use one of: one"
    ]


def test_a_quote_not_in_its_source_is_bw101_with_the_closest_passage(minimal: Minimal) -> None:
    """A quote with a word changed is BW101 at the quote, with the nearest passage's diff."""
    minimal.edit("brief.yaml", QUOTE, "quote: The first sentence of the article.")
    (problem,) = found(check_quotes_found, minimal.brief())
    assert problem.startswith(
        f"{minimal.at('brief.yaml', 24, 30)}: BW101 quote in 'fact-bg' is not in source 'one'; "
        "closest passage ("
    )
    assert "[-source.-] {+article.+}" in problem


def test_an_overlong_quote_is_bw153_and_not_searched(minimal: Minimal) -> None:
    """A quote over MAX_QUOTE characters is BW153, and no BW101 search is made for it."""
    minimal.edit("brief.yaml", QUOTE, "quote: " + "word " * (MAX_QUOTE // 5 + 1))
    problems = found(check_quotes_found, minimal.brief())
    assert [p.split(": ", 1)[1].split(" ")[0] for p in problems] == ["BW153"]


def test_a_source_nothing_cites_is_a_bw106_warning(minimal: Minimal) -> None:
    """A source no citation names is BW106 at its id, a warning."""
    text = (minimal.content / "sources/one.txt").read_text().replace("id: one", "id: spare")
    minimal.write("sources/spare.txt", text)
    (warning,) = check_sources_cited(minimal.brief())
    assert warning.severity is Severity.WARNING
    assert str(warning) == (
        f"{minimal.at('sources/spare.txt', 2, 5)}: BW106 source 'spare' is never cited; "
        "cite it or remove it"
    )


def test_a_variant_quotation_is_a_warning_until_a_wording_choice_names_it(
    project: MakeProject,
) -> None:
    """A remark two sources quote in different words is a BW110 warning at the quoting
    line; once a wording choice declines that source's wording, BW111 information."""
    content = project("variant-unacknowledged")
    (warning,) = check_variant_quotations(load_brief(content))
    assert warning.code == "BW110" and warning.severity is Severity.WARNING
    assert str(warning.location) == f"{content}/sources/two.txt:12:1"
    choice = (
        "wording_choices:\n  - id: one-over-two\n    variant: {source: two, quote: said "
        "something quoted and much more}\n    preferred: {source: one, quote: said "
        '"something quoted" and more}\n    reason: The first report is the fuller one.\n'
    )
    with (content / "brief.yaml").open("a", encoding="utf-8") as brief:
        brief.write(choice)
    (info,) = check_variant_quotations(load_brief(content))
    assert info.code == "BW111" and info.severity is Severity.INFO
    assert info.message.endswith("the brief relies on 'one' (one-over-two)")


def test_a_number_the_quote_does_not_give_is_bw160(minimal: Minimal) -> None:
    """A statement giving a number its quotes do not is a grounding error at the statement."""
    minimal.edit("brief.yaml", "text: The source exists.", "text: The source exists 12 times.")
    (problem,) = found(check_grounding, minimal.brief())
    assert problem.startswith(f"{minimal.at('brief.yaml', 22, 11)}: BW160 ")


def test_a_statement_left_as_a_placeholder_is_not_grounded(minimal: Minimal) -> None:
    """A statement still holding REPLACE is BW152's: grounding does not report it too."""
    minimal.edit("brief.yaml", "text: The source exists.", "text: REPLACE with 12 facts.")
    assert found(check_grounding, minimal.brief()) == []


def test_a_brief_not_in_english_is_said_once_not_to_be_grounded(minimal: Minimal) -> None:
    """Grounding reads English only: another language is one BW165 note at `language:`,
    and no grounding finding."""
    minimal.edit("brief.yaml", "  organisation: Fixture org", "  organisation: Fixture org\n"
                 "  language: fr")  # fmt: skip
    minimal.edit("brief.yaml", "text: The source exists.", "text: The source exists 12 times.")
    brief = minimal.brief()
    (note,) = check_grounding_language(brief)
    assert note.code == "BW165" and note.severity is Severity.INFO
    assert str(note.location) == minimal.at("brief.yaml", 10, 13)
    assert found(check_grounding, brief) == []


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
    at = f"{content}/brief.yaml:31:11"
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
