"""Tests for briefwright.check: each rule reports its code at the right place."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefwright.check import check_brief
from briefwright.errors import Severity
from briefwright.load.content import load_brief
from tests.conftest import CONTENT, MakeProject


def _serious(content: Path) -> list[str]:
    diagnostics = check_brief(load_brief(content))
    return [str(d) for d in diagnostics if d.severity is not Severity.INFO]


def _found(content: Path) -> list[str]:
    """Return the errors and warnings (not the information) a content folder raises."""
    return _serious(content)


def test_real_content_passes_every_check() -> None:
    """The India–Japan brief has no errors and no warnings: every quote is in its source, no
    statement says more than its quotes, and it is within its length budget."""
    diagnostics = check_brief(load_brief(CONTENT))
    assert [str(d) for d in diagnostics if d.severity is not Severity.INFO] == []


def test_minimal_fixture_passes(project: MakeProject) -> None:
    """The minimal fixture is valid, including a quote with curly marks and an ellipsis."""
    assert _serious(project("minimal")) == []


def test_unknown_source(project: MakeProject) -> None:
    """A citation of a source id that does not exist is BW102 at the citation's source."""
    content = project("unknown-source")
    assert _found(content) == [
        f"{content}/topics/only.yaml:13:17: BW102 'fact-one' cites unknown source 'two'; "
        "use one of: one"
    ]


def test_quote_not_in_source(project: MakeProject) -> None:
    """A quote with a changed word is BW101 at the quote, with the closest passage and diff."""
    content = project("bad-quote")
    assert _found(content) == [
        f"{content}/topics/only.yaml:14:16: BW101 quote in 'fact-one' is not in source 'one'; "
        'closest passage (67% similar): said "something [-quoted"-] {+unquoted"+}'
    ]


def test_quote_found_twice_is_ambiguous(project: MakeProject) -> None:
    """A quote that matches two passages of its source is BW109 at the quote, asking for more."""
    content = project("ambiguous-quote")
    assert _found(content) == [
        f"{content}/topics/only.yaml:14:16: BW109 quote in 'fact-one' matches more than one "
        "passage of source 'one'; quote a longer passage, so it names one"
    ]


def test_likelihood_word_in_a_fact(project: MakeProject) -> None:
    """A fact that says 'probably' is BW105: it belongs among the judgments."""
    content = project("likelihood-word")
    (problem,) = _found(content)
    assert problem.startswith(f"{content}/topics/only.yaml:11:11: BW105 fact 'fact-one' says")


def test_duplicate_id(project: MakeProject) -> None:
    """Two items with one id are BW103 at the second, naming the first."""
    content = project("duplicate-id")
    assert _found(content) == [
        f"{content}/timeline.yaml:2:9: BW103 id 'fact-one' is already used at "
        f"{content}/topics/only.yaml:10:9; choose another id"
    ]


def test_unknown_basis(project: MakeProject) -> None:
    """A judgment or recommendation resting on an unknown id is BW104."""
    content = project("unknown-basis")
    found = _found(content)
    assert [p.split(": ", 1)[1] for p in found] == [
        "BW104 'kj-3' names unknown basis 'kj-9'; use the id of a fact",
        "BW104 'rec-1' names unknown basis 'kj-9'; use the id of a fact",
    ]
    assert found[0].startswith(f"{content}/brief.yaml:19:")


def test_uncited_source_is_a_warning(project: MakeProject) -> None:
    """A source nothing cites is a BW106 warning, not an error."""
    content = project("uncited-source")
    (diagnostic,) = [d for d in check_brief(load_brief(content)) if d.code == "BW106"]
    assert diagnostic.severity is Severity.WARNING
    assert str(diagnostic.location) == f"{content}/sources/spare.txt:2:5"


def test_quote_absent(project: MakeProject) -> None:
    """A quote with nothing like it in the source is BW101 at the quote."""
    content = project("quote-absent")
    (problem,) = _found(content)
    assert problem.startswith(f"{content}/topics/only.yaml:14:16: BW101 quote in 'fact-one'")
    assert "closest passage" in problem


def test_ellipsis_in_the_wrong_order(project: MakeProject) -> None:
    """Parts around an ellipsis that appear in the source, but in another order, are BW101."""
    content = project("ellipsis-order")
    assert _found(content) == [
        f"{content}/topics/only.yaml:14:16: BW101 quote in 'fact-one' is not in source 'one': "
        "each part around the ellipsis is there, but not in this order"
    ]


def test_judgment_with_confidence_and_likelihood(project: MakeProject) -> None:
    """A judgment carrying both a confidence level and a likelihood is BW108."""
    content = project("both-qualifiers")
    assert _found(content) == [
        f"{content}/brief.yaml:18:5: BW108 judgment 'kj-2' has both a confidence and a "
        "likelihood; keep one"
    ]


def test_confidence_judgment_that_says_likely(project: MakeProject) -> None:
    """A confidence-rated judgment whose sentence says 'likely' mixes the two scales: BW108."""
    content = project("minimal")
    brief = content / "brief.yaml"
    brief.write_text(brief.read_text().replace("text: A judgment.", "text: Likely so."))
    (problem,) = _found(content)
    assert " BW108 judgment 'kj-1' has a confidence level and also says 'Likely'" in problem


def test_judgment_without_basis(project: MakeProject) -> None:
    """A judgment that names no facts to rest on is BW107."""
    content = project("no-basis")
    assert _found(content) == [
        f"{content}/brief.yaml:26:5: BW107 'imp-1' has no basis; "
        "list the ids of the facts it rests on"
    ]


def test_unacknowledged_variant_quotation_is_a_warning(project: MakeProject) -> None:
    """A remark one source quotes in other words than another is a BW110 warning."""
    content = project("variant-unacknowledged")
    found = [d for d in check_brief(load_brief(content)) if d.code == "BW110"]
    assert [str(d) for d in found] == [
        f"{content}/sources/two.txt:12:1: BW110 'two' quotes a remark that 'one' words "
        "differently (92% similar): person the minister said something quoted and {+much+} "
        "more in the end; add a wording_choices entry saying which wording the brief uses"
    ]
    assert found[0].severity is Severity.WARNING


def test_real_variant_is_acknowledged() -> None:
    """Sputnik's "The Japanese are not only invited" is reported as an acknowledged variant."""
    found = [d for d in check_brief(load_brief(CONTENT)) if d.code == "BW111"]
    assert any(
        "the japanese [-companies-] are not only invited" in d.message
        and "the brief relies on 'mea-briefing-2023-03-20'" in d.message
        for d in found
    )
    assert all(d.severity is Severity.INFO for d in found)


def test_uncited_paragraphs_are_information(project: MakeProject) -> None:
    """A source paragraph no quote touches is reported as BW120 information, with its line."""
    content = project("minimal")
    source = content / "sources" / "one.txt"
    source.write_text(source.read_text() + "\nA paragraph that nobody ever cites in this brief.\n")
    (info,) = [d for d in check_brief(load_brief(content)) if d.code == "BW120"]
    assert info.severity is Severity.INFO
    assert str(info.location) == f"{content}/sources/one.txt:16:1"


def _replace(content: Path, relative: str, old: str, new: str) -> None:
    path = content / relative
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


@pytest.mark.parametrize(
    ("old", "new", "code_point"),
    [
        (
            "title: The only topic",
            "title: The only \u202etopic",
            "U+202E (RIGHT-TO-LEFT OVERRIDE)",
        ),
        ("It matters.", "It\u200b matters.", "U+200B (ZERO WIDTH SPACE)"),
        ("What happens next.", "What \u2066happens\u2069.", "U+2066 (LEFT-TO-RIGHT ISOLATE)"),
    ],
)
def test_hidden_characters_in_author_text_are_refused(
    project: MakeProject, old: str, new: str, code_point: str
) -> None:
    """A bidi override, isolate or zero-width space in a title or text is BW154 at its field,
    naming the code point (Trojan Source: text that displays unlike what it stores)."""
    content = project("minimal")
    _replace(content, "topics/only.yaml", old, new)
    (found,) = [line for line in _found(content) if " BW154 " in line]
    assert found.startswith(f"{content}/topics/only.yaml:") and code_point in found


def test_joiners_and_direction_marks_are_allowed(project: MakeProject) -> None:
    """ZWJ and ZWNJ (Devanagari needs them) and the RLM are not hidden characters."""
    content = project("minimal")
    _replace(content, "topics/only.yaml", "It matters.", "It क्\u200dष matters\u200f.")
    assert not [line for line in _found(content) if " BW154 " in line]


def test_source_texts_keep_their_hidden_characters(project: MakeProject) -> None:
    """An article stored verbatim may hold anything; only what authors write is checked."""
    content = project("minimal")
    _replace(content, "sources/one.txt", "in March 2023.", "in March\u200b 2023.")
    assert not [line for line in _found(content) if " BW154 " in line]


def test_an_overlong_quote_is_refused_not_searched(project: MakeProject) -> None:
    """A quote over 2,000 characters is BW153 at the quote; no near-miss search runs."""
    content = project("minimal")
    long_quote = " ".join(["word"] * 600)
    _replace(content, "topics/only.yaml", "quote: The first sentence of the source.",
             f"quote: {long_quote}")  # fmt: skip
    (found,) = [line for line in _found(content) if " BW153 " in line]
    assert "is 2,999 characters; the limit is 2,000" in found
    assert not [line for line in _found(content) if " BW101 " in line]


def test_checks_lists_every_check_of_the_package_once() -> None:
    """Each `check_*` function of the check modules runs, once, in CHECKS; nothing else
    does."""
    import importlib
    import inspect
    import pkgutil

    import briefwright.check
    from briefwright.check import CHECKS

    defined = set()
    for module in pkgutil.iter_modules(briefwright.check.__path__):
        loaded = importlib.import_module(f"briefwright.check.{module.name}")
        defined |= {f for name, f in inspect.getmembers(loaded, inspect.isfunction)
                    if name.startswith("check_") and f.__module__ == loaded.__name__}  # fmt: skip
    assert len(CHECKS) == len(set(CHECKS)) and set(CHECKS) == defined
