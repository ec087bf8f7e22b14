"""The long layout, ``input,year,quarter,value``, one figure a row: rows into Data."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import TypeVar

from lkip_rules.catalog.model import CellPath, Data, InputValue, YearData
from lkip_rules.datafiles.cells import Place, Refused, blank, input_id, quarter, short, show, value, year
from lkip_rules.errors import CatalogError

HEADER = ("input", "year", "quarter", "value")
LAYOUT = "the layout is four columns, input,year,quarter,value"
T = TypeVar("T")
Row = tuple[int, Sequence[object]]  # (row number from 1, its cells)


def collect(file: str, rows: Iterable[Row], place: Place) -> Data:
    iterator = iter(rows)
    first = next(iterator, None)
    if first is None:
        raise CatalogError("the file is empty", file=file, hint="the first row is the header: input,year,quarter,value")
    _header(file, first, place)
    years: dict[int, dict[str, InputValue]] = {}
    where: dict[int, dict[CellPath, int]] = {}
    for number, cells in iterator:
        if all(blank(cell) for cell in cells):
            continue
        _past_layout(file, number, cells, place)
        name, year, quarter, value = _fields(file, number, cells, place)
        path = _store(years.setdefault(year, {}), file, number, (name, year, quarter, value))
        where.setdefault(year, {})[path] = number
    return Data(
        {year: YearData(year, file, "", inputs=inputs, rows=where[year]) for year, inputs in sorted(years.items())}
    )


def _header(file: str, row: Row, place: Place) -> None:
    number, cells = row
    head = tuple(short(str(cell).strip().lower()) if cell is not None else "" for cell in cells[:4])
    if head != HEADER:
        semicolons = any(";" in cell for cell in head)
        shown = ",".join(head) if any(head) else "an empty row"
        raise CatalogError(
            f"row {number}: the header must be input,year,quarter,value, not {shown}",
            file=file,
            hint="separate the columns with commas, not semicolons" if semicolons else None,
        )
    for index in range(4, len(cells)):
        if not blank(cells[index]):
            raise CatalogError(
                f"{place(number, index)}: the header has a column {show(cells[index])} after value; "
                f"{LAYOUT}: delete the other columns",
                file=file,
            )


def _past_layout(file: str, number: int, cells: Sequence[object], place: Place) -> None:
    for index in range(4, len(cells)):
        if not blank(cells[index]):
            raise CatalogError(
                f"{place(number, index)}: {show(cells[index])} is past the fourth column; {LAYOUT}, "
                "and the cells after value must be empty: delete it, or give the figure a row of its own",
                file=file,
            )


def _fields(file: str, number: int, cells: Sequence[object], place: Place) -> tuple[str, int, int | None, Decimal]:
    padded = [*cells[:4], None, None, None, None]

    def read(index: int, reader: Callable[[object], T]) -> T:
        try:
            return reader(padded[index])
        except Refused as refused:
            raise CatalogError(f"{place(number, index)}: {refused}", file=file) from None

    return read(0, input_id), read(1, year), read(2, quarter), read(3, value)


def _store(
    inputs: dict[str, InputValue], file: str, number: int, fields: tuple[str, int, int | None, Decimal]
) -> CellPath:
    """Put one figure in its year's inputs; the path of its cell, for messages that point back here."""
    name, year, quarter, value = fields
    kept = inputs.get(name)
    if quarter is None:
        if kept is not None:
            what = "given twice" if not isinstance(kept, dict) else "given both as quarters and as a yearly value"
            raise CatalogError(f"row {number}: '{name}' for {year} is {what}", file=file)
        inputs[name] = value
        return ("inputs", name)
    quarters = inputs.setdefault(name, {})
    if not isinstance(quarters, dict):
        raise CatalogError(f"row {number}: '{name}' for {year} has both a yearly value and quarters", file=file)
    if quarter in quarters:
        raise CatalogError(f"row {number}: '{name}' for {year} q{quarter} is given twice", file=file)
    quarters[quarter] = value
    return ("inputs", name, f"q{quarter}")
