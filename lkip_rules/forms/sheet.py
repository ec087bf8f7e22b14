"""Writing one sheet of a form: title rows, a header, rows of cells each of one kind, widths,
validation, protection and print setup. openpyxl (extra ``excel``) is imported when a form is made.

The kinds of cell, and how a planner sees them:

- ``label``: text from the catalog (a name, a unit, an id): plain, locked.
- ``fill``: a cell to fill in: pale yellow, unlocked, with a number check (or the status list).
- ``closed``: a figure this row has no place for (a quarter of an input without a roll-up): grey, locked.
- ``reference``: last year's figure, for comparison only: grey italic on pale grey, locked.
- ``id``: the row's key, small and grey, locked.

Text from the catalog is always stored as text, never as a live formula (``cell.data_type = "s"``).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import attrs

from lkip_rules._optional import require
from lkip_rules.datafiles import formlayout
from lkip_rules.errors import LkipError
from lkip_rules.locale.text import Text

MAX_TEXT = 32_767  # characters an Excel cell holds
BIG = "9999999999999999"  # 16 digits: the bound of every figure (lkip_rules.numbers)
WHOLE, DECIMAL, MONEY, TEXT = "#,##0", "General", "#,##0.00", "@"
_HEADER_FILL, _FILL, _CLOSED, _REFERENCE = "1F4E78", "FFF2CC", "D9D9D9", "F2F2F2"
_BORDER = "BFBFBF"
FONT = "Calibri"  # named on every cell: a font without a name shows in a serif fallback in LibreOffice


@attrs.frozen
class Column:
    label: str
    width: float
    wrap: bool = False


@attrs.frozen
class Cell:
    value: Any = None
    kind: str = "label"  # label, fill, closed, reference, id
    check: str | None = None  # for fill: "decimal", "whole", "status" or None (any text)
    format: str = DECIMAL
    indent: int = 0
    bold: bool = False


class SheetWriter:
    """One sheet of the form, written row by row below its header."""

    def __init__(self, book: Any, title: str, columns: Sequence[Column], heading: Sequence[str]) -> None:
        self.openpyxl = require("openpyxl", "excel")
        self.styles = require("openpyxl.styles", "excel")
        self.sheet = book.create_sheet(title)
        self.columns = columns
        self.row = formlayout.HEADER_ROW
        self.checks: dict[str, Any] = {}
        self._heading(heading)
        self._header()

    def _heading(self, lines: Sequence[str]) -> None:
        sizes = (14, 11, 10)
        for number, (line, size) in enumerate(zip(lines, sizes, strict=False), start=1):
            cell = self.sheet.cell(row=number, column=1)
            self.text(cell, line)
            cell.font = self.styles.Font(name=FONT, bold=number == 1, size=size, italic=number == 3, color="404040")

    def _header(self) -> None:
        styles = self.styles
        for index, column in enumerate(self.columns, start=1):
            cell = self.sheet.cell(row=formlayout.HEADER_ROW, column=index)
            self.text(cell, column.label)
            cell.font = styles.Font(name=FONT, bold=True, color="FFFFFF")
            cell.fill = styles.PatternFill("solid", fgColor=_HEADER_FILL)
            cell.alignment = styles.Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = self._border()
            letter = self.openpyxl.utils.get_column_letter(index)
            self.sheet.column_dimensions[letter].width = column.width
        self.sheet.row_dimensions[formlayout.HEADER_ROW].height = 32

    def add(self, cells: Sequence[Cell]) -> None:
        """One row below the last; its height fits the longest wrapped text."""
        self.row += 1
        lines = 1
        for index, (column, item) in enumerate(zip(self.columns, cells, strict=True), start=1):
            self._put(self.sheet.cell(row=self.row, column=index), column, item)
            if column.wrap and isinstance(item.value, str):
                room = (column.width - item.indent * 2) * (0.88 if item.bold else 1.0)  # bold is wider
                lines = max(lines, wrapped_lines(item.value, room))
        self.sheet.row_dimensions[self.row].height = 15 * min(lines, 8) + 1

    def note(self, text: str) -> None:
        """A row of text across the sheet, such as a section's title; it has no id, so it is never read."""
        self.row += 1
        cell = self.sheet.cell(row=self.row, column=1)
        self.text(cell, text)
        cell.font = self.styles.Font(name=FONT, bold=True, color=_HEADER_FILL)
        self.sheet.row_dimensions[self.row].height = 20

    def _put(self, cell: Any, column: Column, item: Cell) -> None:
        styles = self.styles
        if isinstance(item.value, str):
            self.text(cell, item.value)
        elif item.value is not None:
            cell.value = _number(item.value)
        cell.border = self._border()
        cell.number_format = item.format
        horizontal = "right" if item.kind in ("fill", "reference") else "left" if item.indent else None
        cell.alignment = styles.Alignment(
            vertical="top", wrap_text=column.wrap, indent=item.indent, horizontal=horizontal
        )
        if item.kind == "fill":
            cell.fill = styles.PatternFill("solid", fgColor=_FILL)
            cell.protection = styles.Protection(locked=False)
            if item.check is not None:
                self._check(item.check).add(cell)
        elif item.kind == "closed":
            cell.fill = styles.PatternFill("solid", fgColor=_CLOSED)
        elif item.kind == "reference":
            cell.fill = styles.PatternFill("solid", fgColor=_REFERENCE)
            cell.font = styles.Font(name=FONT, italic=True, color="595959")
        elif item.kind == "id":
            cell.font = styles.Font(name=FONT, size=9, color="808080")
        else:
            cell.font = styles.Font(name=FONT, bold=item.bold)

    def text(self, cell: Any, value: str) -> None:
        if len(value) > MAX_TEXT:
            raise LkipError(Text("form.text-too-long", sheet=repr(self.sheet.title), text=repr(value[:40])))
        cell.value = value
        cell.data_type = "s"  # openpyxl makes text starting with "=" a live formula; text stays text

    def _border(self) -> Any:
        side = self.styles.Side(style="thin", color=_BORDER)
        return self.styles.Border(left=side, right=side, top=side, bottom=side)

    def _check(self, kind: str) -> Any:
        """The data validation of ``kind``, made once per sheet."""
        if kind not in self.checks:
            self.checks[kind] = _validation(self.openpyxl, kind)
            self.sheet.add_data_validation(self.checks[kind])
        return self.checks[kind]

    def finish(self, freeze: str) -> None:
        """Protect the labels (no password: the lock only keeps them from being changed by mistake),
        freeze the header, and print landscape on pages as wide as the sheet."""
        sheet = self.sheet
        sheet.freeze_panes = freeze
        sheet.protection.sheet = True
        sheet.protection.formatColumns = False  # columns and rows may still be widened
        sheet.protection.formatRows = False
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.print_title_rows = f"{formlayout.HEADER_ROW}:{formlayout.HEADER_ROW}"
        sheet.page_margins.left = sheet.page_margins.right = 0.4


def wrapped_lines(text: str, width: float) -> int:
    """Lines ``text`` takes in a column ``width`` characters wide, broken between words: Excel does not
    fit a row's height to wrapped text by itself. Text of 11 points averages 1.1 characters a width unit."""
    per_line = max(4, int(width * 1.1) - 2)
    lines = 0
    for paragraph in text.splitlines() or [""]:
        lines, used = lines + 1, 0
        for word in paragraph.split():
            if used and used + 1 + len(word) > per_line:
                lines, used = lines + 1, 0
            used += len(word) + (1 if used else 0)
            while used > per_line:  # a word longer than a line breaks inside it
                lines, used = lines + 1, used - per_line
    return lines


def _number(value: Decimal | int) -> int | float:
    """A figure for a cell: Excel stores binary floats, and 15 significant digits show as written."""
    if isinstance(value, int) or value == value.to_integral_value():
        return int(value)
    return float(value)


_MESSAGES = {
    "decimal": ("Bukan angka", "Isi dengan angka saja: tanpa rumus, tanpa teks, tanpa Rp atau %."),
    "whole": ("Bukan bilangan bulat", "Angka ini menghitung sesuatu (unit, orang, ...): isi dengan bilangan bulat."),
    "status": ("Status", "Pilih sementara atau tetap (kosong berarti tetap)."),
}


def _validation(openpyxl: Any, kind: str) -> Any:
    title, message = _MESSAGES[kind]
    validation = require("openpyxl.worksheet.datavalidation", "excel").DataValidation
    if kind == "status":
        quoted = '"' + ",".join(formlayout.STATUSES) + '"'
        check = validation(type="list", formula1=quoted, allow_blank=True)
    else:
        check = validation(type=kind, operator="between", formula1=f"-{BIG}", formula2=BIG, allow_blank=True)
    check.showErrorMessage = True
    check.errorTitle, check.error = title, message
    return check
