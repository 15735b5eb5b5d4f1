"""Tests for briefwright.model.figure: a data figure's content file, refused when incomplete."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from briefwright.errors import BriefError
from briefwright.evidence.quotes import is_quoted_in
from briefwright.load.content import load_source
from briefwright.model.figure import ALT_REQUIRED, Figure
from tests.conftest import CONTENT
from tests.unit.figures.conftest import FIGURES, load_figure


def _ships(**changes: Any) -> dict[str, Any]:
    data = load_figure("ships").model_dump(exclude_none=True)
    return {**data, **changes}


def test_a_figure_without_alt_text_is_refused() -> None:
    """A figure file with no `alt:` is refused with its place and "missing required field"."""
    with pytest.raises(BriefError) as caught:
        load_figure("no-alt")
    [problem] = caught.value.diagnostics
    assert problem.code == "BW003"
    assert "missing required field 'alt'" in problem.message
    assert problem.location.path.endswith("no-alt.yaml") and problem.location.line == 2


@pytest.mark.parametrize("alt", ["", "   ", None])
def test_an_empty_alt_text_is_refused_with_a_clear_message(alt: str | None) -> None:
    """An empty or blank alt text is refused, saying what alt text is for."""
    with pytest.raises(ValidationError, match="a figure needs alt text"):
        Figure.model_validate(_ships(alt=alt))
    assert "readers who cannot see it" in ALT_REQUIRED


def test_an_alt_text_repeating_the_caption_is_refused() -> None:
    """Alt text that only repeats the caption says nothing the caption does not."""
    with pytest.raises(ValidationError, match="repeats the caption"):
        Figure.model_validate(_ships(alt="Ships at the harbour review,  BY navy"))


@pytest.mark.parametrize(
    ("chart", "message"),
    [
        ({"kind": "bar"}, "a bar chart needs chart.x: a number field"),
        ({"kind": "dot", "x": "nothing"}, "a dot chart needs chart.x"),
        ({"kind": "grid", "x": "ships"}, "remove chart.x"),
        ({"kind": "bar", "x": "ships", "y": "ships"}, "chart.y must be 'label' or a text field"),
    ],
)
def test_a_chart_must_name_fields_that_fit_it(chart: dict[str, str], message: str) -> None:
    """Bar and dot charts plot a number field; a grid shows every field; rows are named by
    their label or a text field."""
    with pytest.raises(ValidationError, match=message):
        Figure.model_validate(_ships(chart=chart))


def test_a_number_field_holds_numbers() -> None:
    """A value of a number field that is not a number is refused, naming its row."""
    data = _ships()
    data["rows"][0]["values"][0]["value"] = "three"
    with pytest.raises(ValidationError, match="row 1: 'three' is not a number"):
        Figure.model_validate(data)


def test_two_rows_of_one_name_are_refused() -> None:
    """Rows are told apart by their names on the chart, so a name may not repeat."""
    data = _ships()
    data["rows"][1]["label"] = data["rows"][0]["label"]
    with pytest.raises(ValidationError, match="two rows are named 'Island Flotilla'"):
        Figure.model_validate(data)


def test_rows_follow_the_chart_sort() -> None:
    """`sort: descending` orders bar rows by their number, largest first."""
    figure = load_figure("ships")
    assert [row.label for row in figure.ordered_rows()] == [
        "Northern Fleet",
        "Coastal Squadron",
        "Island Flotilla",
    ]
    assert figure.number(figure.rows[0], "ships") == 3.0


def test_each_value_is_a_fact_placed_where_it_was_written() -> None:
    """Each value becomes a fact `<figure>-<row>-<field>` saying "<row>: <value> <unit>",
    with its citations and the place of the value, for the quote and grounding checks."""
    facts = load_figure("ships").facts()
    assert [fact.id for fact in facts] == ["ships-1-ships", "ships-2-ships", "ships-3-ships"]
    assert facts[1].text == "Northern Fleet: 12 ships"
    assert facts[1].cites[0].quote == "The Northern Fleet sent 12 ships, the largest group."
    where = facts[1].where("text")
    assert where is not None and where.path.endswith("ships.yaml") and where.line == 27


@pytest.mark.parametrize(("name", "sources"), [("ships", FIGURES), ("exercises", CONTENT)])
def test_every_value_of_the_fixtures_is_quoted_verbatim(name: str, sources: Any) -> None:
    """Every quote of the fixture figures is in its source (the exercises grid quotes the
    real brief's sources), as the quote check reads it."""
    for fact in load_figure(name).facts():
        for citation in fact.cites:
            source = load_source(sources / "sources" / f"{citation.source}.txt")
            assert is_quoted_in(citation.quote, source.text), (fact.id, citation.quote)


def test_figure_values_go_through_the_briefs_checks() -> None:
    """Added to the real brief as facts, the exercise grid's values pass the quote and
    grounding checks (BW101, BW160–BW166) with no new finding; the checks read them."""
    from briefwright.check import check_brief
    from briefwright.load.content import load_brief

    brief = load_brief(CONTENT).model_copy(update={"translations": ()})  # facts not translated
    facts = load_figure("exercises").facts()
    front = brief.front.model_copy(update={"background": (*brief.front.background, *facts)})
    with_figure = brief.model_copy(update={"front": front})
    before = {str(d) for d in check_brief(brief)}
    assert [str(d) for d in check_brief(with_figure) if str(d) not in before] == []
    unquoted = facts[0].model_copy(update={"cites": (facts[0].cites[0].model_copy(
        update={"quote": "Dharma Guardian is an army exercise"}),)})  # fmt: skip
    front = brief.front.model_copy(update={"background": (*brief.front.background, unquoted)})
    found = check_brief(brief.model_copy(update={"front": front}))
    assert any(d.code == "BW101" and "exercises-1-reported" in d.message for d in found)
