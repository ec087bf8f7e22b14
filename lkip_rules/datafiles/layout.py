"""The long layout, ``input,year,quarter,value[,status]``, one figure a row: rows into Data.

The header may be in Indonesian — ``indikator/input,tahun,triwulan,nilai[,status]`` — column by
column; an optional fifth column ``status`` marks a figure ``sementara`` (provisional) or ``tetap``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from functools import partial
from typing import TypeVar

from lkip_rules.catalog.model import CellPath, Data, InputValue, YearData
from lkip_rules.datafiles import cells
from lkip_rules.datafiles.cells import Place, Refused, blank, short, show
from lkip_rules.errors import CatalogError
from lkip_rules.locale.text import Text

HEADER = ("input", "year", "quarter", "value")
NAMES = (("input", "indikator/input"), ("year", "tahun"), ("quarter", "triwulan"), ("value", "nilai"))
STATUS = "status"
LAYOUT = Text("sheet.layout")  # four columns, input,year,quarter,value, and an optional fifth, status
T = TypeVar("T")
Row = tuple[int, Sequence[object]]  # (row number from 1, its cells)
Fields = tuple[str, int, int | None, Decimal, str | None]  # input, year, quarter, value, status


class _Years:
    """What the rows gave so far, per year: figures, their rows, the provisional ones."""

    def __init__(self) -> None:
        self.inputs: dict[int, dict[str, InputValue]] = {}
        self.rows: dict[int, dict[CellPath, int]] = {}
        self.provisional: dict[int, set[CellPath]] = {}

    def data(self, file: str) -> Data:
        return Data(
            {
                year: YearData(
                    year, file, "", inputs=inputs, rows=self.rows[year], provisional=frozenset(self.provisional[year])
                )
                for year, inputs in sorted(self.inputs.items())
            }
        )


def collect(file: str, rows: Iterable[Row], place: Place, decimal: str | None = None) -> Data:
    """Figures of the rows; ``decimal`` is the file's decimal mark for numbers written as text."""
    iterator = iter(rows)
    first = next(iterator, None)
    if first is None:
        raise CatalogError(Text("sheet.empty"), file=file, hint=Text("sheet.header-first"))
    width = _header(file, first, place)
    years = _Years()
    for number, row in iterator:
        if all(blank(cell) for cell in row):
            continue
        _past_layout(file, number, row, place, width)
        fields = _fields(file, number, row, place, decimal)
        year, status = fields[1], fields[4]
        path = _store(years.inputs.setdefault(year, {}), file, number, fields)
        years.rows.setdefault(year, {})[path] = number
        marked = years.provisional.setdefault(year, set())
        if status == "sementara":
            marked.add(path)
    return years.data(file)


def _header(file: str, row: Row, place: Place) -> int:
    """Check the header; how many columns the layout has (4, or 5 with status)."""
    number, found = row
    head = tuple(short(str(cell).strip().lower()) if cell is not None else "" for cell in found[:5])
    if len(head) < 4 or any(head[i] not in names for i, names in enumerate(NAMES)):
        shown = ",".join(head[:4]) if any(head) else Text("sheet.empty-row")
        raise CatalogError(
            Text("sheet.bad-header", row=number, shown=shown), file=file, hint=Text("sheet.status-column")
        )
    width = 5 if len(head) == 5 and head[4] == STATUS else 4
    for index in range(width, len(found)):
        if not blank(found[index]):
            after = "status" if width == 5 else "value"
            cell = show(found[index])
            message = Text("sheet.extra-header", place=place(number, index), cell=cell, after=after, layout=LAYOUT)
            raise CatalogError(message, file=file)
    return width


def _past_layout(file: str, number: int, row: Sequence[object], place: Place, width: int) -> None:
    for index in range(width, len(row)):
        if not blank(row[index]):
            last = Text("sheet.fifth" if width == 5 else "sheet.fourth")
            message = Text(
                "sheet.past-column", place=place(number, index), cell=show(row[index]), last=last, layout=LAYOUT
            )
            raise CatalogError(message, file=file)


def _fields(file: str, number: int, row: Sequence[object], place: Place, decimal: str | None) -> Fields:
    padded = [*row[:5], None, None, None, None, None]

    def read(index: int, reader: Callable[[object], T]) -> T:
        try:
            return reader(padded[index])
        except Refused as refused:
            raise CatalogError(Text("labelled", name=place(number, index), text=refused.why), file=file) from None

    value = partial(cells.value, decimal=decimal)
    return (
        read(0, cells.input_id),
        read(1, cells.year),
        read(2, cells.quarter),
        read(3, value),
        read(4, cells.status),
    )


def _store(inputs: dict[str, InputValue], file: str, number: int, fields: Fields) -> CellPath:
    """Put one figure in its year's inputs; the path of its cell, for messages that point back here."""
    name, year, quarter, value, _ = fields
    kept = inputs.get(name)
    if quarter is None:
        if kept is not None:
            what = "sheet.given-twice" if not isinstance(kept, dict) else "sheet.given-both"
            raise CatalogError(Text(what, row=number, name=name, year=year), file=file)
        inputs[name] = value
        return ("inputs", name)
    quarters = inputs.setdefault(name, {})
    if not isinstance(quarters, dict):
        raise CatalogError(Text("sheet.yearly-and-quarters", row=number, name=name, year=year), file=file)
    if quarter in quarters:
        twice = Text("sheet.quarter-twice", row=number, name=name, year=year, quarter=Text(f"quarter.{quarter}"))
        raise CatalogError(twice, file=file)
    quarters[quarter] = value
    return ("inputs", name, f"q{quarter}")
