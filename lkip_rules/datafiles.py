"""Planners' figures as CSV or XLSX, in one documented layout, with the row or cell in errors.

Layout — a header row, then one figure a row:

    input,year,quarter,value
    koperasi_aktif,2025,,982
    penjualan,2025,1,10

``quarter`` is empty for a yearly figure, 1-4 for a quarter. ``value`` is a number with a
point or a comma for decimals and no thousands separators (``1234.5`` or ``1234,5``). In a
workbook the first sheet is read and numeric cells are taken as the number Excel shows.
openpyxl is imported only to read workbooks.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path

from lkip_rules.catalog.data import load_data
from lkip_rules.catalog.model import Data, InputValue, YearData
from lkip_rules.errors import CatalogError

HEADER = ("input", "year", "quarter", "value")
_PLAIN = re.compile(r"-?\d+(?:[.,]\d+)?")
_NAME = re.compile(r"[a-z_][a-z0-9_]*")


def read(path: str | Path) -> Data:
    """Figures from a TOML data file or folder, a CSV file, or an XLSX workbook."""
    path = Path(path)
    suffix = path.suffix.lower()
    if path.is_dir() or suffix == ".toml":
        return load_data(path)
    if not path.exists():
        raise CatalogError("no such data file", file=str(path))
    if suffix == ".csv":
        return _collect(str(path), _csv_rows(path))
    if suffix in (".xlsx", ".xlsm"):
        return _collect(str(path), _xlsx_rows(path))
    raise CatalogError(f"cannot read '{suffix}' files", file=str(path), hint="give a .toml, .csv or .xlsx file")


Row = tuple[str, list[object]]  # (where: "row 3" or "cell B3", cells)


def _csv_rows(path: Path) -> Iterator[tuple[str, list[object], list[str]]]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            for number, cells in enumerate(csv.reader(handle), start=1):
                yield f"row {number}", list(cells), [f"row {number}, column {c + 1}" for c in range(len(cells))]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise CatalogError(f"cannot read the CSV file: {exc}", file=str(path)) from None


def _xlsx_rows(path: Path) -> Iterator[tuple[str, list[object], list[str]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise CatalogError(f"cannot read the workbook: {exc}", file=str(path)) from None
    sheet = book.worksheets[0]
    for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
        names = [f"cell {_column(c)}{number}" for c in range(len(cells))]
        yield f"row {number}", list(cells), names
    book.close()


def _column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _collect(file: str, rows: Iterable[tuple[str, list[object], list[str]]]) -> Data:
    years: dict[int, dict[str, InputValue]] = {}
    iterator = iter(rows)
    first = next(iterator, None)
    if first is None:
        raise CatalogError("the file is empty", file=file, hint="the first row is: input,year,quarter,value")
    head = [str(c or "").strip().lower() for c in first[1]]
    if tuple(head[:4]) != HEADER:
        raise CatalogError(f"{first[0]}: the header must be input,year,quarter,value, not {','.join(head)}", file=file)
    for where, cells, names in iterator:
        if not any(str(c or "").strip() for c in cells):
            continue  # a blank row
        cells = [*cells, None, None, None, None][:4]
        name, year, quarter, value = _fields(file, where, cells, names)
        slot = years.setdefault(year, {})
        if quarter is None:
            if name in slot:
                raise CatalogError(f"{where}: '{name}' for {year} is given twice", file=file)
            slot[name] = value
        else:
            quarters = slot.setdefault(name, {})
            if not isinstance(quarters, dict):
                raise CatalogError(f"{where}: '{name}' for {year} has both a yearly value and quarters", file=file)
            if quarter in quarters:
                raise CatalogError(f"{where}: '{name}' for {year} q{quarter} is given twice", file=file)
            quarters[quarter] = value
    return Data({year: YearData(year, file, "", inputs=inputs) for year, inputs in years.items()})


def _fields(file: str, where: str, cells: list[object], names: list[str]) -> tuple[str, int, int | None, Decimal]:
    def fail(index: int, message: str) -> CatalogError:
        place = names[index] if index < len(names) else where
        return CatalogError(f"{place}: {message}", file=file)

    name = str(cells[0] or "").strip()
    if not _NAME.fullmatch(name):
        raise fail(0, f"{name!r} is not an input id (lower case letters, digits and _)")
    year = _whole(cells[1])
    if year is None or not 1900 <= year <= 2200:
        raise fail(1, f"{cells[1]!r} is not a year")
    quarter = None
    if str(cells[2] or "").strip():
        quarter = _whole(cells[2])
        if quarter not in (1, 2, 3, 4):
            raise fail(2, f"{cells[2]!r} is not a quarter: leave it empty for the year, or write 1, 2, 3 or 4")
    value = _number(cells[3])
    if value is None:
        raise fail(3, f"{cells[3]!r} is not a number: write 1234.5 or 1234,5, without thousands separators")
    return name, year, quarter, value


def _whole(cell: object) -> int | None:
    number = _number(cell)
    return int(number) if number is not None and number == number.to_integral_value() else None


def _number(cell: object) -> Decimal | None:
    if isinstance(cell, bool) or cell is None:
        return None
    if isinstance(cell, int):
        return Decimal(cell)
    if isinstance(cell, float):
        # The number as Excel shows it (shortest repr), not the binary float's full expansion.
        return Decimal(repr(cell)) if cell == cell and abs(cell) != float("inf") else None
    if isinstance(cell, Decimal):
        return cell if cell.is_finite() else None
    text = str(cell).strip()
    if not _PLAIN.fullmatch(text):
        return None
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        return None
