"""Tests for briefwright.docx.tables: the house table, its header row repeated, its columns in
proportion to their widths, a ragged table refused."""

from __future__ import annotations

import io

import docx
import pytest

from briefwright.docx.model import Cell, Table, Text
from briefwright.docx.tables import column_widths, table_styles, table_xml
from tests.unit.docx import samples
from tests.unit.docx.conftest import Package, W, fragment


def _runs(runs: tuple[object, ...]) -> list[str]:
    return [f"<w:r><w:t>{run.text}</w:t></w:r>" for run in runs if isinstance(run, Text)]


def test_tables_repeat_their_header_row(brief: Package) -> None:
    """A table's header row is marked to repeat; its row headings have their own style."""
    table = brief.xml("word/document.xml").find(f".//{W}tbl")
    assert table is not None
    rows = table.findall(W + "tr")
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    assert all(row.find(f"{W}trPr/{W}tblHeader") is None for row in rows[1:])
    caption = table.find(f"{W}tblPr/{W}tblCaption")
    assert caption is not None
    assert caption.get(W + "val") == "Timeline of events"
    first_cell = rows[1].find(f"{W}tc/{W}p/{W}pPr/{W}pStyle")
    assert first_cell is not None
    assert first_cell.get(W + "val") == "TableRowHeading"


def test_columns_share_the_width_in_proportion_and_add_up() -> None:
    """Widths follow the relative widths and sum to the table's width exactly."""
    assert column_widths((24, 76), 9638) == [2313, 7325]
    assert sum(column_widths((1, 1, 1), 1000)) == 1000
    with pytest.raises(ValueError, match="one positive width per column"):
        column_widths((1, 0), 1000)


def test_a_table_is_fixed_width_with_its_caption_and_a_rule_under_the_header() -> None:
    """The table is `width` twips, fixed layout, captioned; only the header cells carry a
    bottom border in the accent colour."""
    table = Table((Cell((Text("When"),)), Cell((Text("What"),))),
                  ((Cell((Text("2023"),), row_heading=True), Cell((Text("Talks"),))),),
                  (1, 3), "Events")  # fmt: skip
    root = fragment(table_xml(table, 8000, "123A63", _runs))
    assert root.find(f".//{W}tblW").get(W + "w") == "8000"  # type: ignore[union-attr]
    assert root.find(f".//{W}tblLayout").get(W + "type") == "fixed"  # type: ignore[union-attr]
    rules = [b.get(W + "color") for b in root.iter(W + "bottom") if b.get(W + "val") == "single"]
    assert rules == ["123A63", "123A63"]
    styles = [s.get(W + "val") for s in root.iter(W + "pStyle")]
    assert styles == ["TableHeading", "TableHeading", "TableRowHeading", "TableText"]


def test_a_row_with_the_wrong_number_of_cells_is_refused() -> None:
    """A row of one cell in a table of two columns is a ValueError naming the table."""
    table = Table((Cell(()), Cell(())), ((Cell(()),),), (1, 1), "ragged")
    with pytest.raises(ValueError, match="table 'ragged': a row has 1 cells, the table 2"):
        table_xml(table, 1000, "000000", _runs)


def test_python_docx_reads_the_table_and_its_styles(brief: Package) -> None:
    """The brief's table reads back with its rows and cells; the table styles exist."""
    document = docx.Document(io.BytesIO(brief.data))
    (table,) = document.tables
    assert table.rows[1].cells[0].text and len(table.columns) == 2
    names = {style.style_id for style in table_styles(samples.brand())}
    assert {"TableNormal", "BriefTable", "TableHeading", "TableRowHeading"} <= names
