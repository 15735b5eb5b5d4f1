"""Turn a Table into a w:tbl in the house table look, its header row repeated on every page.

The look is the PDF's: rules between the rows, a heavier rule under the header row, no
vertical lines. The rule under the header is set on the header's cells rather than in the
table style's first-row formatting, which LibreOffice does not apply.
"""

from __future__ import annotations

from collections.abc import Callable

from briefwright.docx.formatting import Border, Style, border, ppr, rpr, semibold
from briefwright.docx.model import Brand, Cell, Mark, Run, Table
from briefwright.docx.ooxml import el, val

WriteRuns = Callable[[tuple[Run, ...]], list[str]]
#: Writes a tracked change (w:ins or w:del) of a table row, or "" for none.
WriteMark = Callable[[Mark | None], str]
#: Writes runs as a tracked change of a mark (or as they are, for none).
WriteTracked = Callable[[Mark | None, Callable[[], list[str]]], list[str]]
#: Wraps a cell's written runs in its statement's review mark (docx/bookmarks.py).
WriteCell = Callable[[Cell, list[str]], list[str]]


def table_styles(brand: Brand) -> list[Style]:
    """Return the table styles and the paragraph styles of table cells."""
    c = brand.colours
    return [
        Style(
            "TableNormal",
            "Normal Table",
            "table",
            based_on=None,
            default=True,
            hidden=True,
            table=_table_normal(),
        ),
        Style(
            "BriefTable", "Brief table", "table", based_on="TableNormal", table=_brief_table(brand)
        ),
        Style("TableText", "Table text", paragraph=ppr(after=0, line=1.05), run=rpr(size=9.5)),
        Style(
            "TableHeading",
            "Table heading",
            based_on="TableText",
            paragraph=ppr(keep_next=True),
            run=rpr(font=brand.sans, caps=True, tracking=0.3, size=8, colour=c.muted),
        ),
        Style(
            "TableRowHeading",
            "Table row heading",
            based_on="TableText",
            run=semibold(brand, size=8.5),
        ),
    ]


def _table_normal() -> str:
    """Return Word's default table properties: no indent, 1.9 mm cell margins at the sides."""
    margins = el(
        "w:tblCellMar",
        None,
        el("w:top", {"w:w": 0, "w:type": "dxa"}),
        el("w:left", {"w:w": 108, "w:type": "dxa"}),
        el("w:bottom", {"w:w": 0, "w:type": "dxa"}),
        el("w:right", {"w:w": 108, "w:type": "dxa"}),
    )
    return el("w:tblPr", None, el("w:tblInd", {"w:w": 0, "w:type": "dxa"}), margins)


def _brief_table(brand: Brand) -> str:
    """Return the brief's table properties: rules between rows, roomy cells."""
    rule = Border(brand.colours.rule, 0.5, 0)
    margins = el(
        "w:tblCellMar",
        None,
        el("w:top", {"w:w": 80, "w:type": "dxa"}),
        el("w:left", {"w:w": 0, "w:type": "dxa"}),
        el("w:bottom", {"w:w": 80, "w:type": "dxa"}),
        el("w:right", {"w:w": 120, "w:type": "dxa"}),
    )
    edges = el("w:tblBorders", None, border("bottom", rule), border("insideH", rule))
    return el("w:tblPr", None, edges, margins)


def _no_mark(mark: Mark | None) -> str:
    if mark is not None:
        raise ValueError("a tracked row needs a writer of tracked changes")
    return ""


def _untracked(mark: Mark | None, write: Callable[[], list[str]]) -> list[str]:
    _no_mark(mark)
    return write()


def _unmarked(cell: Cell, written: list[str]) -> list[str]:
    return written


def table_xml(
    table: Table,
    width: int,
    accent: str,
    write_runs: WriteRuns,
    write_mark: WriteMark = _no_mark,
    write_tracked: WriteTracked = _untracked,
    write_cell: WriteCell = _unmarked,
) -> str:
    """Return a table `width` twips wide, each row whole a tracked change where `marks`
    says (written by `write_mark` and `write_tracked`); ValueError when a row has the wrong
    cell count."""
    widths = column_widths(table.widths, width)
    for row in (table.header, *table.rows):
        if len(row) != len(widths):
            raise ValueError(
                f"table {table.caption!r}: a row has {len(row)} cells, "
                f"the table {len(widths)} columns"
            )
    properties = el(
        "w:tblPr",
        None,
        val("w:tblStyle", "BriefTable"),
        el("w:tblW", {"w:w": width, "w:type": "dxa"}),
        el("w:tblLayout", {"w:type": "fixed"}),
        el("w:tblLook", {"w:val": "0420", "w:firstRow": 1, "w:firstColumn": 0, "w:noVBand": 1}),
        val("w:tblCaption", table.caption),
    )
    grid = el("w:tblGrid", None, *(el("w:gridCol", {"w:w": w}) for w in widths))
    under_header = border("bottom", Border(accent, 1, 0))
    header = _row(table.header, widths, write_runs, write_cell, under_header)
    marks = table.marks or (None,) * len(table.rows)
    rows = []
    for row, mark in zip(table.rows, marks, strict=True):

        def cell_runs(runs: tuple[Run, ...], mark: Mark | None = mark) -> list[str]:
            return write_tracked(mark, lambda: write_runs(runs))

        rows.append(_row(row, widths, cell_runs, write_cell, mark=write_mark(mark)))
    return el("w:tbl", None, properties, grid, header, *rows)


def _row(
    cells: tuple[Cell, ...],
    widths: list[int],
    write_runs: WriteRuns,
    write_cell: WriteCell,
    rule: str = "",
    mark: str = "",
) -> str:
    """Return a w:tr; a row with a rule under it is the header row, repeated on every page;
    `mark` (a w:ins or w:del) makes the row a tracked insertion or deletion."""
    row_props = ("<w:cantSplit/><w:tblHeader/>" if rule else "<w:cantSplit/>") + mark
    tcs = []
    for cell, width in zip(cells, widths, strict=True):
        style = "TableHeading" if rule else "TableRowHeading" if cell.row_heading else "TableText"
        edges = el("w:tcBorders", None, rule) if rule else ""
        cell_props = el("w:tcPr", None, el("w:tcW", {"w:w": width, "w:type": "dxa"}), edges)
        runs = write_cell(cell, write_runs(cell.runs))
        paragraph = el("w:p", None, ppr(style=style), *runs)
        tcs.append(el("w:tc", None, cell_props, paragraph))
    return el("w:tr", None, el("w:trPr", None, row_props), *tcs)


def column_widths(relative: tuple[float, ...], width: int) -> list[int]:
    """Return column widths in twips, in proportion to `relative`, summing to `width`."""
    if not relative or any(w <= 0 for w in relative):
        raise ValueError("a table needs one positive width per column")
    total = sum(relative)
    widths = [int(width * w / total) for w in relative]
    widths[-1] += width - sum(widths)
    return widths
