"""Plant each kind of error the second round of grounding catches into a copy of the
flagship's content, and check that `check` names it at its line; and that a recommendation
with an addressee, a target date after as_of and a forward ordinal is not refused.

Each planted statement is a new item appended to the flagship's own files (its timeline,
glossary, actors, recommendations), so the test holds while the flagship's sentences are
rewritten; the quotes are the flagship's five sources, verbatim.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefwright.check import check_brief
from briefwright.errors import Diagnostic
from briefwright.load.content import load_brief
from tests.conftest import CONTENT

#: The five sources' passages the planted statements quote.
FDI = (
    "Prime Minister Modi made it very clear to Prime Minister Kishida that when it comes to "
    "private sector investments in the field of defense, when it comes to foreign direct "
    "investment in the field of defense, those two sectors are completely open in India"
)
QUAD = (
    "Last year during the QUAD Leaders summit in Tokyo, PM Kishida had said that Japan will "
    "help in training 800 maritime security personnel"
)
SUMMIT = (
    "the Indian prime minister Narendra Modi met his Japanese counterpart, Fumio Kishida, on "
    "Monday"
)
FIGHTER = (
    "agreed that the early conduct of the inaugural fighter exercise will pave the way for "
    "“much greater cooperation and interoperability” between the Air Forces of the two "
    "countries"
)


@pytest.fixture
def flagship(tmp_path: Path) -> Path:
    """A copy of the flagship's content/ to plant into."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    return content


def _found(content: Path) -> list[Diagnostic]:
    return [d for d in check_brief(load_brief(content)) if d.severity != "info"]


def _append(path: Path, text: str) -> None:
    """Append items to the list a content file ends with (events, terms, actors)."""
    path.write_text(path.read_text().rstrip("\n") + "\n" + text)


def _at(path: Path, needle: str, key: str) -> str:
    """Return `path:line:column` of the value of `key:` on the line holding `needle`."""
    for number, line in enumerate(path.read_text().split("\n"), 1):
        if needle in line:
            return f"{path}:{number}:{line.index(f'{key}: ') + len(key) + 3}"
    raise AssertionError(f"{needle!r} is not in {path}")


def _codes_at(content: Path, where: str) -> list[str]:
    return [d.code for d in _found(content) if str(d.location) == where]


def _event(event_id: str, text: str, quote: str, source: str, label: str = "") -> str:
    labelled = f"    label: {label}\n" if label else ""
    return (
        f"  - id: {event_id}\n{labelled}    date: 2023-03-20\n    text: {text}\n"
        f"    cites:\n      - source: {source}\n        quote: {quote}\n"
    )


def _term(term_id: str, definition: str, quote: str, source: str) -> str:
    return (
        f"  - id: {term_id}\n    term: Planted {term_id}\n    definition: {definition}\n"
        f"    cites:\n      - source: {source}\n        quote: {quote}\n"
    )


def _actor(actor_id: str, role: str, quote: str, source: str) -> str:
    return (
        f"  - id: {actor_id}\n    name: Planted Person\n    office: Observer\n"
        f"    country: India\n    role: {role}\n"
        f"    cites:\n      - source: {source}\n        quote: {quote}\n"
    )


def test_a_planted_negation_is_an_error_at_its_line(flagship: Path) -> None:
    """ "not completely open" over the transcript's "completely open in India": BW167."""
    actors = flagship / "actors.yaml"
    _append(actors, _actor("planted-negation", "Heard Modi tell Kishida that defence "
                           "investment is not completely open in India.", FDI,
                           "mea-briefing-2023-03-20"))  # fmt: skip
    assert _codes_at(flagship, _at(actors, "Heard Modi tell Kishida", "role")) == ["BW167"]


def test_a_planted_will_not_is_an_error_at_its_line(flagship: Path) -> None:
    """ "will not help train" over Financial Express's "will help in training": BW167 (the
    issue's case: a planted "will not" used to pass)."""
    timeline = flagship / "timeline.yaml"
    text = "Kishida says Japan will not help train 800 maritime security personnel."
    _append(timeline, _event("planted-will-not", text, QUAD, "fe-online-2023-03-20"))
    assert _codes_at(flagship, _at(timeline, text, "text")) == ["BW167"]


# Each reader-visible text that states a fact is grounded: a timeline label, a glossary
# definition, an actor's role. A number, a date or a name no quote gives, planted in each.
_PLANTS = {
    "number": ("Kishida says Japan will train 900", "BW160"),
    "date": ("Kishida spoke on 21 March 2023 of training", "BW161"),
    "name": ("Kishida and Albanese spoke of training", "BW162"),
}


@pytest.mark.parametrize("kind", sorted(_PLANTS))
def test_a_planted_claim_in_a_timeline_label_is_caught(flagship: Path, kind: str) -> None:
    """A timeline label is grounded like the event's text: its number, date or name."""
    label, code = _PLANTS[kind]
    timeline = flagship / "timeline.yaml"
    text = "Kishida says Japan will help train maritime security personnel."
    _append(timeline, _event("planted-label", text, QUAD, "fe-online-2023-03-20", label))
    assert code in _codes_at(flagship, _at(timeline, f"label: {label}", "label"))


@pytest.mark.parametrize("kind", sorted(_PLANTS))
def test_a_planted_claim_in_a_glossary_definition_is_caught(flagship: Path, kind: str) -> None:
    """A glossary definition is grounded against its quotes."""
    definition, code = _PLANTS[kind]
    glossary = flagship / "glossary.yaml"
    _append(glossary, _term("planted-term", f"{definition}.", QUAD, "fe-online-2023-03-20"))
    assert code in _codes_at(flagship, _at(glossary, definition, "definition"))


@pytest.mark.parametrize("kind", sorted(_PLANTS))
def test_a_planted_claim_in_an_actor_role_is_caught(flagship: Path, kind: str) -> None:
    """An actor's role is grounded against its quotes."""
    role, code = _PLANTS[kind]
    actors = flagship / "actors.yaml"
    _append(actors, _actor("planted-role", f"{role}.", QUAD, "fe-online-2023-03-20"))
    assert code in _codes_at(flagship, _at(actors, role, "role"))


def test_a_planted_cut_hedge_is_a_warning_at_its_quote(flagship: Path) -> None:
    """A quote that starts after Financial Express's "could be" drops its doubt: BW168 at
    the quote, naming the hedge."""
    glossary = flagship / "glossary.yaml"
    _append(
        glossary,
        _term(
            "planted-hedge",
            "Co-innovation, co-design and co-creation are "
            "an area of cooperation between the two countries.",
            "co-innovation, co-design and co-creation",
            "fe-online-2023-03-20",
        ),
    )
    where = _at(glossary, "quote: co-innovation, co-design and co-creation", "quote")
    (found,) = [d for d in _found(flagship) if str(d.location) == where]
    assert found.code == "BW168" and "right after 'could'" in found.message


def test_a_source_after_as_of_is_a_warning_at_every_citing_line(flagship: Path) -> None:
    """Sputnik dated a day after as_of: BW157 at each line that cites it, and only there."""
    sputnik = flagship / "sources" / "sputnik-2023-03-20.txt"
    sputnik.write_text(sputnik.read_text().replace("published: 2023-03-20", "published: "
                                                   "2023-03-21", 1))  # fmt: skip
    citing = {
        f"{path}:{number}:{line.index('source: ') + 9}"
        for path in sorted(flagship.rglob("*.yaml"))
        for number, line in enumerate(path.read_text().split("\n"), 1)
        if "source: sputnik-2023-03-20" in line
    }
    found = {str(d.location) for d in _found(flagship) if d.code == "BW157"}
    assert found == citing and len(citing) > 5


RECOMMENDATION = (
    "India's Ministry of Defence and Japan's Acquisition, Technology and Logistics Agency "
    "should name two pilot co-development projects by March 2024, so that the Parliamentary "
    "Standing Committee on Defence can judge progress at the first exercise under the "
    "agreement."
)


def test_a_recommendation_with_addressee_target_and_ordinal_is_not_refused(
    flagship: Path,
) -> None:
    """A recommendation naming who acts and who judges, a target date after as_of and
    "the first exercise" to come raises nothing; the same sentence stated as a fact (an
    actor's role) is refused for each of those words, so the test can fail."""
    brief = flagship / "brief.yaml"
    _append(flagship / "timeline.yaml", _event("planted-basis", "The ministers call for "
            "an early inaugural fighter exercise.", FIGHTER, "wire-2022-09-08"))  # fmt: skip
    text = brief.read_text()
    planted = (
        f"recommendations:\n  - id: planted-recommendation\n    text: {RECOMMENDATION}\n"
        "    basis: [planted-basis]\n"
    )
    brief.write_text(text.replace("recommendations:\n", planted, 1))
    assert _codes_at(flagship, _at(brief, "India's Ministry of Defence and Japan", "text")) == []
    actors = flagship / "actors.yaml"
    _append(actors, _actor("planted-as-fact", RECOMMENDATION, FIGHTER, "wire-2022-09-08"))
    refused = _codes_at(flagship, _at(actors, "India's Ministry of Defence and Japan", "role"))
    assert {"BW160", "BW161", "BW162"} <= set(refused)


def test_what_the_recommendation_says_happened_is_still_caught(flagship: Path) -> None:
    """A number stated as having happened, in the same recommendation, is BW160."""
    brief = flagship / "brief.yaml"
    _append(flagship / "timeline.yaml", _event("planted-basis", "Modi meets Kishida.", SUMMIT,
                                               "sputnik-2023-03-20"))  # fmt: skip
    stated = "As Japan pledged US$9 billion in 2022, " + RECOMMENDATION
    brief.write_text(brief.read_text().replace(
        "recommendations:\n", f"recommendations:\n  - id: planted-recommendation\n"
        f"    text: {stated}\n    basis: [planted-basis]\n", 1))  # fmt: skip
    codes = _codes_at(flagship, _at(brief, "As Japan pledged", "text"))
    assert "BW160" in codes and "BW161" in codes
