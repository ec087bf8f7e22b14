"""How a report table lies on a sheet, before any styling: the sheet columns (a column holding a
range target becomes two), what each cell holds and its number format, which rows a total sums,
and how wide each column is. Pure — no openpyxl — so the workbook writer stays a thin layer.

Number formats are Excel's locale-free codes (``#,##0.00``): Excel and LibreOffice show them with
the reader's own separators, so an Indonesian planner sees 1.250.000.000 and 62,50.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Literal

import attrs

from lkip_rules.errors import LkipError
from lkip_rules.forms.sheet import wrapped_lines
from lkip_rules.locale import Lang
from lkip_rules.reports.model import MARKS, Cell, ColumnKind, Flag, Number, Range, Row, Table

TEXT = "@"  # Excel's text format: the cell is text, never a number or a formula
NUMERIC: tuple[ColumnKind, ...] = ("number", "money", "percent")
MIN_WIDTH, MAX_WIDTH = 10, 60  # characters
MAX_DECIMALS = 15  # past Excel's 15 significant digits there is nothing left to show
MAX_TEXT = 32_767  # characters an Excel cell holds
RANGE_PARTS = {"id": ("bawah", "atas"), "en": ("low", "high")}
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # what XML 1.0 cannot carry

Part = Literal["value", "low", "high"]


@attrs.frozen
class SheetColumn:
    """One column of the sheet: a table column, or one end of a column of ranges."""

    title: str
    kind: ColumnKind
    source: int  # the table column it shows
    part: Part = "value"
    total: bool = False  # the total row sums it with a live SUM

    @property
    def numeric(self) -> bool:
        return self.kind in NUMERIC


@attrs.frozen
class Placed:
    """A sheet cell: text, a number (Decimal) with its format, or nothing."""

    value: str | Decimal | None
    format: str = TEXT
    flags: tuple[Flag, ...] = ()


def sheet_columns(table: Table, lang: Lang) -> list[SheetColumn]:
    """The table's columns; one that holds a range anywhere becomes "<title> (bawah)" and "(atas)"."""
    low, high = RANGE_PARTS[lang]
    found: list[SheetColumn] = []
    for index, column in enumerate(table.columns):
        if any(isinstance(_cell(row, index), Range) for row in table.rows):
            found.append(SheetColumn(f"{column.title} ({low})", column.kind, index, "low"))
            found.append(SheetColumn(f"{column.title} ({high})", column.kind, index, "high"))
        else:
            found.append(SheetColumn(column.title, column.kind, index, "value", column.total))
    return found


def _cell(row: Row, index: int) -> Cell:
    """A row's cell in a column; a short row has nothing there."""
    return row.cells[index] if index < len(row.cells) else None


def place(row: Row, column: SheetColumn, where: str) -> Placed:
    """What the sheet cell of ``row`` in ``column`` holds. A single figure in a column of ranges goes
    in both ends (a target of 20 is the range 20 to 20), so each end column is complete.
    ``where`` names the cell for an error."""
    cell = _cell(row, column.source)
    if isinstance(cell, Range):
        value = cell.low if column.part == "low" else cell.high
        return Placed(_exact(value, where), number_format(value, cell.decimals, column.kind, cell.flags), cell.flags)
    if isinstance(cell, Number):
        return Placed(
            _exact(cell.value, where), number_format(cell.value, cell.decimals, column.kind, cell.flags), cell.flags
        )
    if cell is None:
        return Placed("-" if column.numeric and row.kind == "body" else None)
    if isinstance(cell, str):
        return Placed(checked_text(cell, where))
    raise LkipError(f"{where}: {type(cell).__name__} is not a cell of a report table (text, Number or Range)")


def _exact(value: object, where: str) -> Decimal:
    """A figure for a cell: a finite Decimal that a spreadsheet can hold (Excel stores doubles)."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = Decimal(value)
    if not isinstance(value, Decimal) or not value.is_finite() or abs(value) >= Decimal("1E+300"):
        raise LkipError(f"{where}: {value!r} is not a finite number a workbook can hold")
    return value


def number_format(value: Decimal, decimals: int | None, kind: ColumnKind, flags: Sequence[Flag] = ()) -> str:
    """``#,##0`` with the figure's decimals (``#,##0.00``), and its flags' marks after it.
    Rupiah are whole (``#,##0``) unless the amount itself has a fraction; a figure without
    declared decimals is shown with the digits it was written with (20, 74.05, 0.1)."""
    if kind == "money":
        places = _fraction_digits(value.normalize())
    else:
        places = decimals if decimals is not None else _fraction_digits(value)
    places = min(max(places, 0), MAX_DECIMALS)
    code = "#,##0" + ("." + "0" * places if places else "")
    marks = "".join(MARKS[flag] for flag in dict.fromkeys(flags) if flag in MARKS)
    return code + (f'"{marks}"' if marks else "")


def _fraction_digits(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def checked_text(text: str, where: str) -> str:
    """``text``, or an error naming the cell when a workbook cannot hold it (a control character
    XML cannot carry, more than an Excel cell holds): openpyxl would fail or cut it short."""
    found = CONTROL.search(text)
    problem = f"the character U+{ord(found[0]):04X}, which a workbook cannot hold" if found else None
    if len(text) > MAX_TEXT:
        problem = f"{len(text):,} characters, more than the {MAX_TEXT:,} of an Excel cell"
    if problem is None:
        return text
    raise LkipError(f"{where}: the text {text[:40]!r} holds {problem}; change it in the catalog")


# -- totals -------------------------------------------------------------------------------------


def summed_rows(rows: Sequence[Row], total: int) -> list[int]:
    """The rows the total row at ``total`` adds up: the body rows since the previous total, at the
    shallowest depth among them — a program's kegiatan are already inside its pagu."""
    start = max((i + 1 for i in range(total) if rows[i].kind == "total"), default=0)
    body = [i for i in range(start, total) if rows[i].kind == "body"]
    top = min((rows[i].depth for i in body), default=0)
    return [i for i in body if rows[i].depth == top]


def sum_formula(letter: str, sheet_rows: Sequence[int]) -> str:
    """``=SUM(E4:E9,E12)``: consecutive rows as one range."""
    runs: list[list[int]] = []
    for number in sorted(sheet_rows):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    parts = [f"{letter}{run[0]}" + (f":{letter}{run[-1]}" if len(run) > 1 else "") for run in runs]
    return f"=SUM({','.join(parts)})"


MAX_FORMULA = 8_000  # characters; Excel refuses formulas past 8,192
MAX_ARGUMENTS = 255  # a function's arguments in Excel


def live_total(rows: Sequence[Row], total: int, column: SheetColumn) -> list[int] | None:
    """The table rows a live SUM covers for this total cell, or None when the total is written as a
    figure: not a summed column, no total figure, or a total that is not the sum of those rows
    (a SUM must give our figure, never another one)."""
    cell = _cell(rows[total], column.source)
    if not column.total or column.part != "value" or not isinstance(cell, Number):
        return None
    covered = summed_rows(rows, total)
    figures = [_cell(rows[i], column.source) for i in covered]
    values = [f.value for f in figures if isinstance(f, Number)]
    if any(isinstance(f, Range) for f in figures) or sum(values, Decimal(0)) != cell.value:
        return None
    return covered


def fits_a_formula(formula: str) -> bool:
    return len(formula) <= MAX_FORMULA and formula.count(",") < MAX_ARGUMENTS


# -- widths -------------------------------------------------------------------------------------


def shown(placed: Placed) -> str:
    """The cell as a reader sees it (for widths): a figure with separators and its decimals."""
    if isinstance(placed.value, Decimal):
        places = placed.format.split('"')[0].partition(".")[2].count("0")
        marks = placed.format.split('"')[1] if '"' in placed.format else ""
        return f"{placed.value:,.{places}f}{marks}"
    return placed.value or ""


BOLD = 1.1  # bold text is about a tenth wider


def width(lengths: Sequence[float], title: str) -> int:
    """A column's width in characters: its longest cell line (``lengths``, bold ones counted wider)
    with 2 of margin, and the title's longest word (the header wraps), between 10 and 60."""
    title_word = max((len(word) for word in title.split()), default=0)
    return min(MAX_WIDTH, max(MIN_WIDTH, math.ceil(max(lengths, default=0)) + 2, title_word + 2))


def line_length(text: str) -> int:
    return max((len(line) for line in text.splitlines()), default=0)


def lines(text: str, room: float, bold: bool = False) -> int:
    """Lines ``text`` takes in a column ``room`` characters wide: as written when each line fits the
    way :func:`width` made room for it, else broken between words (Excel does not fit a row's
    height to wrapped text by itself)."""
    room = room / BOLD if bold else room
    if line_length(text) + 2 <= room:
        return max(1, len(text.splitlines()))
    return wrapped_lines(text, room)


def indented_column(table: Table, columns: Sequence[SheetColumn]) -> int | None:
    """The sheet column whose text is indented by depth: the text column with the longest text
    (the names), so a kode or a level column stays flush."""
    best: tuple[int, int] | None = None
    for position, column in enumerate(columns):
        if column.kind != "text":
            continue
        longest = max((len(c) for r in table.rows if isinstance(c := _cell(r, column.source), str)), default=0)
        if best is None or longest > best[0]:
            best = (longest, position)
    return best[1] if best else None


def group_span(row: Row, columns: Sequence[SheetColumn]) -> int | None:
    """The sheet column a group row's heading starts at, when it is the row's only cell (merged to
    the end of the row); None when the row has several cells (written cell by cell, bold)."""
    filled = [i for i, column in enumerate(columns) if _cell(row, column.source) is not None]
    if len(filled) == 1 and isinstance(_cell(row, columns[filled[0]].source), str):
        return filled[0]
    return None
