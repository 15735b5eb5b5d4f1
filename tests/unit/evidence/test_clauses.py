"""Tests for briefwright.evidence.clauses: which clauses prescribe or predict, which state."""

from __future__ import annotations

from datetime import date

import pytest

from briefwright.evidence.clauses import prediction, read_clauses

AS_OF = date(2023, 3, 20)

RECOMMENDATION = (
    "Estonia's Ministry of Economic Affairs and Finland's Traficom should name the two ships' "
    "home ports by March 2024, so that the Riigikogu's economic affairs committee can judge "
    "progress at the first exercise under the agreement."
)


def _read(text: str, *, prescribes: bool = False) -> list[tuple[str, bool]]:
    """Return each clause's words and whether it is forward."""
    return [
        (text[c.start : c.end].strip(), c.forward)
        for c in read_clauses(text, AS_OF, prescribes=prescribes)
    ]


def test_a_recommendation_addressee_target_and_purpose_are_forward() -> None:
    """The addressee's clause ("should … by March 2024") and its purpose ("so that … the
    first exercise") are forward: nothing in them is a claim."""
    assert all(forward for _, forward in _read(RECOMMENDATION, prescribes=True))


def test_what_a_recommendation_states_as_having_happened_is_stated() -> None:
    """ "Because Finland paid €40 million in 2021" is stated in a prescribing sentence."""
    text = (
        "Because Finland paid €40 million for the ships in 2021, Traficom should name the ports."
    )
    assert _read(text, prescribes=True) == [
        ("Because Finland paid €40 million for the ships in 2021", False),
        ("Traficom should name the ports", True),
    ]


@pytest.mark.parametrize(
    "clause",
    [
        "whether Veer Guardian was the inaugural fighter exercise",
        "how the agreement has been used",
        "what the ministers agreed",
        "that Japan pledged $2 billion",
        "when Finland bought the ships",
    ],
)
def test_past_markers_make_a_clause_stated(clause: str) -> None:
    """was, has been, an -ed past, an irregular past or "last year" make a clause stated,
    even after "should"."""
    text = f"The ministries should say {clause}."
    assert _read(text, prescribes=True)[-1] == (clause, False)


def test_an_imperative_recommendation_is_forward() -> None:
    """A recommendation's first clause without a marker is its imperative: forward."""
    assert _read("Name the two home ports.", prescribes=True) == [
        ("Name the two home ports", True)
    ]


def test_a_judgment_without_a_marker_is_stated() -> None:
    """In a judgment, a clause without a marker states what is so."""
    assert _read("Name the two home ports.") == [("Name the two home ports", False)]


def test_a_quotation_carries_no_marker_of_the_brief() -> None:
    """ "can be built" and "will play" inside quotation marks are the source's words."""
    text = 'It is a role it calls "critical" and says "will play" a part.'
    assert prediction(text, AS_OF) is None


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("Japan will invest in the corridors.", "will"),
        ("A joint project would show whether the regime draws them.", "would"),
        ("Japan could prefer to sell.", "could"),
        ("Japan is likely to invest.", "is likely to"),
        ("The exercise is expected to follow.", "is expected to"),
        ("The next round decides it.", "next"),
        ("The ports are named by March 2024.", "March 2024"),
        ("Japan may invest in 2025.", "may"),
    ],
)
def test_predictions_are_read_from_the_text(text: str, marker: str) -> None:
    """will, would, could, likely to, expected to, next and a date after as_of predict."""
    assert prediction(text, AS_OF) == marker


@pytest.mark.parametrize(
    "text",
    [
        "The ministers agreed that the exercise would pave the way for cooperation.",
        "Singh said Japan would invest in the corridors.",
        "The talks of 20 March 2023 named no platform.",
        "Japan has doubled its defence budget.",
        "The agreement was used during exercise MILAN in May 2022.",
        "India should name the corridors.",
        "The offer is to invest in India.",
        "Japan hosted the summit in May.",
    ],
)
def test_past_and_present_judgments_predict_nothing(text: str) -> None:
    """A past report's "would", a past or present statement, an obligation and the month
    May are not predictions: no false alarm on judgments about what happened."""
    assert prediction(text, AS_OF) is None
