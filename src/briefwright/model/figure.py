"""Define a figure drawn from data: its caption, its alt text, its cited values and its chart.

A figure is one file under `content/figures/`. Each value is cited like a fact, so the quote
check and the grounding check read it (`Figure.facts`); the alt text is required, because a
reader who cannot see the chart has nothing else.
"""

from __future__ import annotations

import math
from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field, StringConstraints, field_validator, model_validator

from briefwright.model.base import POSITION_KEY, Id, Model, Position, Text
from briefwright.model.cited import Citation, Fact

#: The pseudo-field naming each row by its own `label`.
ROW_LABEL = "label"

ALT_REQUIRED = (
    "a figure needs alt text: say in a sentence or two what the figure shows (its finding, "
    "not its look), for readers who cannot see it"
)

# Short enough that a value's fact id (`<figure>-<row>-<field>`) stays a valid id (80).
FigureId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=40)]
FieldId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$", max_length=30)]


class ChartKind(StrEnum):
    """How the rows are drawn."""

    BAR = "bar"
    """One horizontal bar a row, its length the `x` number."""
    DOT = "dot"
    """One dot a row on a number axis (a Cleveland dot plot)."""
    GRID = "grid"
    """A table-like grid: a row of cells a row, a column a field, each cell its value."""


class SortOrder(StrEnum):
    """The order of the rows."""

    AS_WRITTEN = "as-written"
    ASCENDING = "ascending"
    """Smallest `x` first (bar, dot); rows by label A–Z (grid)."""
    DESCENDING = "descending"
    """Largest `x` first (bar, dot); rows by label Z–A (grid)."""


class FieldKind(StrEnum):
    """What a field's values are."""

    NUMBER = "number"
    TEXT = "text"


class DataField(Model):
    """A column of the data: what its values mean and how to read them."""

    id: FieldId
    """Identifier the rows and the chart use."""
    label: Text
    """Heading or axis title a reader sees."""
    kind: FieldKind = FieldKind.TEXT
    """`number` (plotted on an axis) or `text`."""
    unit: Text | None = None
    """Unit of a number, e.g. `personnel` or `US$ billion`; shown in the axis title."""


class Value(Model):
    """One value of a row, cited like a fact."""

    field: FieldId
    """The id of the field this value belongs to."""
    value: Text
    """The value as the figure shows it: a number for a number field, else a short text."""
    cites: tuple[Citation, ...] = Field(min_length=1)
    """The sources and quotes it rests on."""


class Row(Model):
    """A labelled row of values."""

    label: Text
    """What the row is about, e.g. an exercise's name."""
    values: tuple[Value, ...] = Field(min_length=1)
    """Its values, at most one a field; a field left out is shown as not stated."""

    def value(self, field_id: str) -> Value | None:
        """Return the row's value of a field, if it has one."""
        return next((v for v in self.values if v.field == field_id), None)

    def text(self, field_id: str) -> str | None:
        """Return the row's text for a field (`label` is the row's own label), if any."""
        if field_id == ROW_LABEL:
            return self.label
        found = self.value(field_id)
        return found.value if found is not None else None


class Chart(Model):
    """How the data is drawn."""

    kind: ChartKind
    """`bar`, `dot` or `grid`."""
    x: FieldId | None = None
    """Bar and dot: the number field along the horizontal axis (required). Grid: leave it
    out; every field is a column, in the order `fields` lists them."""
    y: FieldId = ROW_LABEL
    """The field whose texts name the rows: `label` (each row's own label) or a text field."""
    sort: SortOrder = SortOrder.AS_WRITTEN
    """The order of the rows: as written, ascending or descending."""


class Figure(Model):
    """A figure drawn from cited data: caption, alt text, fields, rows and a chart."""

    id: FigureId
    """Stable identifier, unique across the brief; the text cross-references it."""
    caption: Text
    """The caption under the figure, after "Figure N." (a title, not the finding)."""
    alt: Text
    """Alternative text: what the figure shows, for a reader who cannot see it. Required."""
    chart: Chart
    """How the data is drawn: the kind of chart, its axes and the order of its rows."""
    fields: tuple[DataField, ...] = Field(min_length=1)
    """The columns of the data."""
    rows: tuple[Row, ...] = Field(min_length=1)
    """The data, a row a labelled thing, each value cited."""
    topic: Id | None = None
    """The topic whose section shows the figure, after its key points; without one, the
    figure follows the background."""

    @field_validator("alt", mode="before")
    @classmethod
    def _alt_given(cls, value: Any) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            raise ValueError(ALT_REQUIRED)
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Figure:
        problems = [*self._field_problems(), *self._chart_problems(), *self._row_problems()]
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def field(self, field_id: str) -> DataField | None:
        """Return the declared field with this id, if there is one."""
        return next((f for f in self.fields if f.id == field_id), None)

    def _field_problems(self) -> list[str]:
        ids = [f.id for f in self.fields]
        problems = [f"field '{i}' is declared twice" for i in sorted(set(ids)) if ids.count(i) > 1]
        if ROW_LABEL in ids:
            problems.append(f"'{ROW_LABEL}' names each row's own label; rename that field")
        if " ".join(self.alt.lower().split()) == " ".join(self.caption.lower().split()):
            problems.append("the alt text repeats the caption; say what the figure shows")
        return problems

    def _chart_problems(self) -> list[str]:
        chart, problems = self.chart, []
        if chart.kind is ChartKind.GRID:
            if chart.x is not None:
                problems.append("a grid shows every field as a column: remove chart.x")
        else:
            x = self.field(chart.x) if chart.x else None
            if x is None or x.kind is not FieldKind.NUMBER:
                problems.append(f"a {chart.kind.value} chart needs chart.x: a number field")
        y = self.field(chart.y)
        if chart.y != ROW_LABEL and (y is None or y.kind is not FieldKind.TEXT):
            problems.append(f"chart.y must be '{ROW_LABEL}' or a text field, not '{chart.y}'")
        return problems

    def _row_problems(self) -> list[str]:
        names = [row.text(self.chart.y) for row in self.rows]
        problems = [f"two rows are named '{n}'" for n in dict.fromkeys(names)
                    if n is not None and names.count(n) > 1]  # fmt: skip
        for number, row in enumerate(self.rows, 1):
            fields = [v.field for v in row.values]
            for value in row.values:
                declared = self.field(value.field)
                if declared is None:
                    problems.append(f"row {number} gives undeclared field '{value.field}'")
                elif declared.kind is FieldKind.NUMBER and _number(value.value) is None:
                    problems.append(f"row {number}: '{value.value}' is not a number")
                if fields.count(value.field) > 1:
                    problems.append(f"row {number} gives field '{value.field}' twice")
            for needed in (self.chart.x, self.chart.y):
                if needed is not None and row.text(needed) is None:
                    problems.append(f"row {number} has no '{needed}', which the chart needs")
        return list(dict.fromkeys(problems))

    def number(self, row: Row, field_id: str) -> float:
        """Return a row's number field as a float (the model has checked it is one)."""
        found = row.value(field_id)
        parsed = _number(found.value) if found is not None else None
        if parsed is None:
            raise KeyError(f"row '{row.label}' has no number '{field_id}'")
        return parsed

    def ordered_rows(self) -> tuple[Row, ...]:
        """Return the rows in the chart's sort order; ties keep their written order."""
        chart = self.chart
        if chart.sort is SortOrder.AS_WRITTEN:
            return self.rows
        descending = chart.sort is SortOrder.DESCENDING
        if chart.kind is ChartKind.GRID or chart.x is None:
            return tuple(
                sorted(self.rows, key=lambda r: r.text(chart.y) or "", reverse=descending)
            )
        x = chart.x
        return tuple(sorted(self.rows, key=lambda r: self.number(r, x), reverse=descending))

    def facts(self) -> tuple[Fact, ...]:
        """Return every value as a fact (`<figure>-<row>-<field>`, "<row label>: <value>"),
        placed where the value was written, for the quote and grounding checks and notes."""
        return tuple(
            _fact(f"{self.id}-{number}-{value.field}", self._statement(row, value), value)
            for number, row in enumerate(self.rows, 1)
            for value in row.values
        )

    def _statement(self, row: Row, value: Value) -> str:
        declared = self.field(value.field)
        unit = f" {declared.unit}" if declared is not None and declared.unit else ""
        return f"{row.label}: {value.value}{unit}"


def _fact(fact_id: str, text: str, value: Value) -> Fact:
    data: dict[str, Any] = {"id": fact_id, "text": text, "cites": value.cites}
    start = value.where()
    if start is not None:
        places = {"text": value.where("value") or start, "cites": value.where("cites") or start}
        data[POSITION_KEY] = Position(start, places)
    return Fact.model_validate(data)


def _number(text: str) -> float | None:
    """Read a plain decimal number ("1,200", "2.5", "-3"); None when it is not one."""
    try:
        parsed = float(text.replace(",", "").replace("\u2212", "-"))
    except ValueError:
        return None
    return parsed if math.isfinite(parsed) else None
