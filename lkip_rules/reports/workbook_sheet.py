"""One report table on one sheet: the title, a frozen header with filters, the rows (groups bold and
merged, names indented by depth, figures in their formats), totals as live SUM formulas, and the
notes under the table. openpyxl (extra ``excel``) is imported when a sheet is written.

Text is always stored as text (``data_type = "s"``; one that starts like a formula also gets
Excel's quote prefix), so no text from a catalog or a data file becomes a live formula; the only
formulas are the totals' ``=SUM(...)`` over cells this module placed.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from lkip_rules._optional import require
from lkip_rules.forms.sheet import wrapped_lines
from lkip_rules.locale import Lang
from lkip_rules.reports.model import MARKS, Flag, Table
from lkip_rules.reports.tables import FORMULA_START
from lkip_rules.reports.workbook_layout import (
    BOLD,
    TEXT,
    Placed,
    SheetColumn,
    checked_text,
    fits_a_formula,
    group_span,
    indented_column,
    line_length,
    lines,
    live_total,
    place,
    sheet_columns,
    shown,
    sum_formula,
    width,
)

TITLE_ROW, HEADER_ROW = 1, 2
FIRST_ROW = HEADER_ROW + 1
FONT = "Calibri"  # named on every cell: without a name LibreOffice falls back to a serif font
HEADER_FILL, GROUP_FILL, TOTAL_FILL, BORDER = "1F4E78", "DDEBF7", "F2F2F2", "BFBFBF"
LINE_HEIGHT, MAX_LINES = 15, 27  # points per line of 11-point text; Excel's rows stop at 409 points

WORDS = {
    "id": {
        "table": "Tabel",
        "marks": "Tanda",
        "provisional": "angka sementara (belum final)",
        "audit": "berbeda dari angka yang tercetak di laporan (audit)",
        "revised": "target direvisi setelah Perjanjian Kinerja",
    },
    "en": {
        "table": "Table",
        "marks": "Marks",
        "provisional": "provisional figure (not final)",
        "audit": "differs from the figure printed in the report (audit)",
        "revised": "target revised after the Performance Agreement",
    },
}


class TableSheet:
    """Writes ``table`` on ``sheet``, top to bottom."""

    def __init__(self, sheet: Any, table: Table, lang: Lang) -> None:
        self.styles = require("openpyxl.styles", "excel")
        self.utils = require("openpyxl.utils", "excel")
        self.comments = require("openpyxl.comments", "excel")
        self.sheet, self.table, self.lang = sheet, table, lang
        self.columns = sheet_columns(table, lang)
        self.cells = [
            [place(row, column, self._where(FIRST_ROW + r, column)) for column in self.columns]
            for r, row in enumerate(table.rows)
        ]
        self.indented = indented_column(table, self.columns)
        self.widths = [self._width(c) for c in range(len(self.columns))]

    def _where(self, row: int, column: SheetColumn | str) -> str:
        title = column.title if isinstance(column, SheetColumn) else column
        return f"sheet {self.sheet.title!r}, row {row}, column {title!r}"

    def _width(self, position: int) -> int:
        lengths = []
        for row, placed in zip(self.table.rows, self.cells, strict=True):
            if row.kind == "group" and group_span(row, self.columns) is not None:
                continue  # a merged heading spans the row; it does not widen one column
            indent = row.depth * 2 if position == self.indented else 0
            length = line_length(shown(placed[position])) + indent
            lengths.append(length * BOLD if row.kind != "body" else length)
        return width(lengths, self.columns[position].title)

    def write(self) -> None:
        self._title()
        self._header()
        for r in range(len(self.table.rows)):
            self._row(r, FIRST_ROW + r)
        self._notes(FIRST_ROW + len(self.table.rows) + 1)
        self._finish()

    # -- title and header -----------------------------------------------------------------------

    def _title(self) -> None:
        table = self.table
        text = f"{WORDS[self.lang]['table']} {table.number} {table.title}" if table.number else table.title
        cell = self.sheet.cell(row=TITLE_ROW, column=1)
        self._text(cell, checked_text(text, self._where(TITLE_ROW, "A")))
        cell.font = self.styles.Font(name=FONT, bold=True, size=12)
        taken = self._span(TITLE_ROW, 1, text, bold=True)
        self.sheet.row_dimensions[TITLE_ROW].height = 17 * min(taken, MAX_LINES) + 4

    def _header(self) -> None:
        styles = self.styles
        taken = 1
        for position, column in enumerate(self.columns, start=1):
            cell = self.sheet.cell(row=HEADER_ROW, column=position)
            self._text(cell, checked_text(column.title, self._where(HEADER_ROW, column)))
            cell.font = styles.Font(name=FONT, bold=True, color="FFFFFF")
            cell.fill = styles.PatternFill("solid", fgColor=HEADER_FILL)
            cell.alignment = styles.Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = self._border()
            self.sheet.column_dimensions[self.utils.get_column_letter(position)].width = self.widths[position - 1]
            taken = max(taken, wrapped_lines(column.title, self.widths[position - 1] / BOLD))
        self.sheet.row_dimensions[HEADER_ROW].height = LINE_HEIGHT * min(taken, MAX_LINES) + 4

    # -- rows -----------------------------------------------------------------------------------

    def _row(self, r: int, number: int) -> None:
        row = self.table.rows[r]
        span = group_span(row, self.columns) if row.kind == "group" else None
        taken = 1
        for position, placed in enumerate(self.cells[r]):
            cell = self.sheet.cell(row=number, column=position + 1)
            column = self.columns[position]
            self._put(cell, placed, row.kind, row.depth if position == self.indented else 0, column.numeric)
            self._total(cell, r, position)
            if isinstance(placed.value, str) and span is None:
                room = self.widths[position] - (row.depth * 2 if position == self.indented else 0)
                taken = max(taken, lines(placed.value, room, bold=row.kind != "body"))
        if span is not None:
            value = self.cells[r][span].value
            taken = self._span(number, span + 1, value if isinstance(value, str) else "", bold=True)
        self.sheet.row_dimensions[number].height = LINE_HEIGHT * min(taken, MAX_LINES) + 2

    def _put(self, cell: Any, placed: Placed, kind: str, indent: int, numeric_column: bool) -> None:
        styles = self.styles
        numeric = isinstance(placed.value, Decimal)
        if isinstance(placed.value, str):
            self._text(cell, placed.value)
        elif numeric:
            cell.value = placed.value  # a Decimal: openpyxl writes it as a number, Excel keeps 15 digits
        cell.number_format = placed.format
        cell.border = self._border()
        cell.font = styles.Font(name=FONT, bold=kind != "body")
        right = numeric or numeric_column  # a "-" for no figure stands where the figure would
        horizontal = "right" if right else "left" if indent else None  # Excel indents only aligned text
        cell.alignment = styles.Alignment(vertical="top", wrap_text=not numeric, indent=indent, horizontal=horizontal)
        if kind != "body":
            cell.fill = styles.PatternFill("solid", fgColor=GROUP_FILL if kind == "group" else TOTAL_FILL)
        if placed.flags:
            words = WORDS[self.lang]
            cell.comment = self.comments.Comment("; ".join(words[flag] for flag in placed.flags), "lkip-rules")

    def _total(self, cell: Any, r: int, position: int) -> None:
        """A total the rows above add up to becomes ``=SUM(...)`` of them, kept in the figure's format."""
        if self.table.rows[r].kind != "total":
            return
        covered = live_total(self.table.rows, r, self.columns[position])
        if not covered:
            return
        letter = self.utils.get_column_letter(position + 1)
        formula = sum_formula(letter, [FIRST_ROW + i for i in covered])
        if fits_a_formula(formula):
            cell.value = formula  # ours, over our own cells: the one kind of formula the workbook carries

    def _text(self, cell: Any, text: str) -> None:
        cell.value = text
        cell.data_type = "s"  # openpyxl makes text starting with "=" a live formula; text stays text
        cell.number_format = TEXT
        if text.startswith(FORMULA_START):
            cell.quotePrefix = True  # and Excel keeps it text even when the cell is edited

    def _span(self, number: int, first: int, text: str, bold: bool) -> int:
        """Merge row ``number`` from column ``first`` to the last; the lines its text takes."""
        last = max(len(self.columns), first)
        if last > first:
            self.sheet.merge_cells(start_row=number, start_column=first, end_row=number, end_column=last)
        cell = self.sheet.cell(row=number, column=first)
        cell.alignment = self.styles.Alignment(vertical="top", wrap_text=True)
        room = sum(self.widths[first - 1 : last]) or float(len(text) + 2)
        return lines(text, room, bold)

    # -- notes and the sheet --------------------------------------------------------------------

    def _notes(self, number: int) -> None:
        """The table's notes, then what each mark on a figure means (only the marks it uses)."""
        for note in [*self.table.notes, *self._legend()]:
            cell = self.sheet.cell(row=number, column=1)
            self._text(cell, checked_text(note, self._where(number, "A")))
            cell.font = self.styles.Font(name=FONT, italic=True, size=10, color="404040")
            taken = self._span(number, 1, note, bold=False)
            self.sheet.row_dimensions[number].height = LINE_HEIGHT * min(taken, MAX_LINES) + 2
            number += 1

    def _legend(self) -> list[str]:
        """What the marks mean, for the marks used that no note of the table explains already (a
        report's notes begin with the mark they explain)."""
        used: dict[Flag, None] = {}
        for placed in (p for row in self.cells for p in row):
            used.update(dict.fromkeys(placed.flags))
        explained = {flag for flag, mark in MARKS.items() for note in self.table.notes if note.startswith(mark)}
        used = {flag: None for flag in used if flag not in explained}
        if not used:
            return []
        words = WORDS[self.lang]
        marks = "; ".join(f"{MARKS[flag]} {words[flag]}" for flag in MARKS if flag in used)
        return [f"{words['marks']}: {marks}."]

    def _finish(self) -> None:
        sheet = self.sheet
        last = self.utils.get_column_letter(max(len(self.columns), 1))
        sheet.freeze_panes = f"A{FIRST_ROW}"
        sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + self._filtered()}"
        sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_margins.left = sheet.page_margins.right = 0.4

    def _filtered(self) -> int:
        """Rows under the filter: every row but the totals at the end (sorting keeps them last)."""
        rows = list(self.table.rows)
        while rows and rows[-1].kind == "total":
            rows.pop()
        return len(rows)

    def _border(self) -> Any:
        side = self.styles.Side(style="thin", color=BORDER)
        return self.styles.Border(left=side, right=side, top=side, bottom=side)


def write_table(sheet: Any, table: Table, lang: Lang) -> None:
    TableSheet(sheet, table, lang).write()
