"""A catalog's Excel form (``lkip template``), filled in and read back: its sheets into Data.

Each data sheet becomes one source, named ``isian.xlsx, sheet Input`` in messages, so a figure given
differently elsewhere is shown with its sheet and row. Rows are keyed by their id, never by the name
beside it; an empty cell is no figure, never 0. Printed figures (sheet Tercetak) are read like the
text of ``[reported]`` in a TOML data file: ``1.205.908.800`` and ``75,80`` are numbers, and text that
is no well-formed number is kept as printed, for the audit to call malformed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from lkip_rules import numbers
from lkip_rules.catalog.model import BudgetFigures, CellPath, Data, InputValue, Printed, Reported, YearData
from lkip_rules.catalog.schema import read_printed
from lkip_rules.datafiles import cells
from lkip_rules.datafiles import formlayout as layout
from lkip_rules.datafiles.cells import Refused, blank, letters, show
from lkip_rules.errors import CatalogError
from lkip_rules.locale.text import Text

Row = tuple[int, Sequence[object]]
REMAKE = Text("form.remake")  # make a new form with 'lkip template' and copy the figures into it
_RANGE = re.compile("(\\S+?)\\s*[-\u2013]\\s*(\\S+)")  # a printed range target, 7 - 8


def form_data(file: str, sheets: Mapping[str, list[Row]]) -> Data:
    """The figures of a filled form: inputs, budget, printed figures and their status."""
    year = _year(file, sheets[layout.MARKER_SHEET])
    parts = (
        _inputs(_Sheet(file, layout.INPUTS, sheets[layout.INPUTS], year)),
        _budget(_Sheet(file, layout.BUDGET, sheets[layout.BUDGET], year)),
        _printed(_Sheet(file, layout.PRINTED, sheets[layout.PRINTED], year)),
    )
    given = tuple(part for part in parts if part.rows) or parts[:1]  # a sheet left empty is no source
    merged = Data.combine(given).years[year]  # the sheets never give one cell twice
    rows = {path: row for part in given for path, row in part.rows.items()}
    return Data({year: attrs.evolve(merged, file=file, rows=rows)}, given)


def _year(file: str, rows: list[Row]) -> int:
    """The form's year, from its marker sheet; a marker of another layout version is refused."""
    keys = {str(row[0]).strip(): row[1] if len(row) > 1 else None for _, row in rows if row and row[0] is not None}

    def damaged(message: str) -> CatalogError:
        return CatalogError(Text("form.sheet", sheet=layout.MARKER_SHEET, message=message), file=file, hint=REMAKE)

    version = keys.get(layout.MARKER)
    if version is None:
        raise damaged(Text("form.no-marker", marker=repr(layout.MARKER)))
    if version != layout.VERSION:
        raise damaged(Text("form.version", version=show(version), expected=layout.VERSION))
    try:
        return cells.year(keys.get(layout.YEAR_KEY))
    except Refused as refused:
        raise damaged(Text("form.year", why=refused.why)) from None


class _Sheet:
    """One data sheet of a form: its columns found by their headers, its rows by their ids."""

    def __init__(self, file: str, name: str, rows: list[Row], year: int) -> None:
        self.file, self.name, self.year = file, name, year
        self.source = Text("form.source", file=file, sheet=name)
        self.rows = rows
        self.fields = self._header(layout.columns(name, year))

    def error(self, row: int, index: int, message: str, hint: str | None = None) -> CatalogError:
        cell = f"{letters(index + 1)}{row}"
        return CatalogError(Text("form.cell", sheet=self.name, cell=cell, message=message), file=self.file, hint=hint)

    def _header(self, known: Mapping[str, str]) -> dict[int, str]:
        """Column index -> field, from the header row; a header this layout does not have is refused."""
        found = next((row for number, row in self.rows if number == layout.HEADER_ROW), ())
        fields: dict[int, str] = {}
        for index, cell in enumerate(found):
            if blank(cell):
                continue
            field = known.get(str(cell).strip())
            if field is None or (field and field in fields.values()):
                raise self.error(layout.HEADER_ROW, index, Text("form.unknown-header", cell=show(cell)), REMAKE)
            fields[index] = field
        if layout.ID not in fields.values():
            no_id = Text("form.no-id-column", sheet=self.name, row=layout.HEADER_ROW)
            raise CatalogError(no_id, file=self.file, hint=REMAKE)
        return fields

    def records(self) -> Iterator[tuple[int, str, dict[str, tuple[int, object]]]]:
        """(row, id, {field: (column index, cell)}) of each row with an id and any figure filled."""
        column = next(index for index, field in self.fields.items() if field == layout.ID)
        seen: dict[str, int] = {}
        for number, row in self.rows:
            if number <= layout.HEADER_ROW:
                continue
            filled = {
                field: (index, row[index])
                for index, field in self.fields.items()
                if field not in (layout.LABEL, layout.ID) and index < len(row) and not blank(row[index])
            }
            key = row[column] if column < len(row) else None
            if blank(key):
                if filled:
                    index = min(index for index, _ in filled.values())
                    raise self.error(number, index, Text("form.figure-without-id"))
                continue
            name = self.read(number, column, key, _identifier)
            if name in seen:
                raise self.error(number, column, Text("form.id-twice", name=name, row=seen[name]), REMAKE)
            seen[name] = number
            if filled:
                yield number, name, filled

    def read(self, number: int, index: int, cell: object, reader: Callable[[object], Any]) -> Any:
        try:
            return reader(cell)
        except Refused as refused:
            raise self.error(number, index, refused.why) from None


def _identifier(cell: object) -> str:
    name = cells.text(cell) if isinstance(cell, str) else ""
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
        raise Refused(Text("form.not-an-id", cell=show(cell)))
    return name


class _Found:
    """What one sheet gave: the cells' rows and which are provisional."""

    def __init__(self) -> None:
        self.rows: dict[CellPath, int] = {}
        self.provisional: set[CellPath] = set()

    def mark(self, paths: list[CellPath], number: int, status: str | None) -> None:
        """The figures at ``paths`` are on row ``number``; the first path names the whole row (an input
        with its quarters, a budget line), for messages, and is marked provisional only when alone,
        as a data file marks it."""
        self.rows.update(dict.fromkeys(paths, number))
        if status == "sementara":
            self.provisional.update(paths if len(paths) == 1 else paths[1:])

    def year_data(self, sheet: _Sheet, **figures: Any) -> YearData:
        return YearData(
            sheet.year, sheet.source, "", rows=self.rows, provisional=frozenset(self.provisional), **figures
        )


def _inputs(sheet: _Sheet) -> YearData:
    inputs: dict[str, InputValue] = {}
    found = _Found()
    for number, name, filled in sheet.records():
        status = _status(sheet, number, filled)
        figures = {field: sheet.read(number, index, cell, cells.value) for field, (index, cell) in filled.items()}
        quarters = {int(field[1]): figures[field] for field in ("q1", "q2", "q3", "q4") if field in figures}
        if "value" in figures and quarters:
            index = filled["value"][0]
            raise sheet.error(number, index, Text("form.year-and-quarters", name=name))
        if "value" in figures:
            inputs[name] = figures["value"]
            found.mark([("inputs", name)], number, status)
        elif quarters:
            inputs[name] = quarters
            found.mark([("inputs", name), *(("inputs", name, f"q{q}") for q in quarters)], number, status)
    return found.year_data(sheet, inputs=inputs)


def _budget(sheet: _Sheet) -> YearData:
    budget: dict[str, BudgetFigures] = {}
    found = _Found()
    for number, name, filled in sheet.records():
        status = _status(sheet, number, filled)
        figures = {field: sheet.read(number, index, cell, cells.value) for field, (index, cell) in filled.items()}
        if figures:
            budget[name] = BudgetFigures(**figures)
            found.mark([("budget", name), *(("budget", name, field) for field in figures)], number, status)
    return found.year_data(sheet, budget=budget)


def _status(sheet: _Sheet, number: int, filled: dict[str, tuple[int, object]]) -> str | None:
    """The row's status; the status cell leaves ``filled``, which then holds the figures alone."""
    if layout.STATUS not in filled:
        return None
    index, cell = filled.pop(layout.STATUS)
    return sheet.read(number, index, cell, cells.status)  # type: ignore[no-any-return]


_TEXT_FIELDS = ("where", "category")


def _printed(sheet: _Sheet) -> YearData:
    reported: dict[str, tuple[Reported, ...]] = {}
    found = _Found()
    for number, name, filled in sheet.records():
        fields: dict[str, Any] = {}
        for field, (index, cell) in filled.items():
            reader = _label if field in _TEXT_FIELDS else _target if field == "target" else _printed_figure
            fields[field] = sheet.read(number, index, cell, reader)
        if set(fields) <= {"where"}:
            index = filled["where"][0]
            raise sheet.error(number, index, Text("form.place-alone"))
        reported[name] = (Reported(year=sheet.year, **fields),)
        found.mark([("reported", name)], number, None)
    return found.year_data(sheet, reported=reported)


def _label(cell: object) -> str:
    """A place or a category, as text (a number typed there, such as 3.1, is taken as its text)."""
    if isinstance(cell, str):
        return cells.text(cell)
    return format(cells.value(cell), "f")


def _printed_figure(cell: object) -> Printed:
    if not isinstance(cell, str):
        return cells.value(cell)
    shown = cells.text(cell)
    number = read_printed(shown)
    if isinstance(number, Decimal):
        problem = numbers.problem(number)
        if problem is not None:
            raise Refused(problem)
    return number


def _target(cell: object) -> Printed | tuple[Decimal, Decimal]:
    """A printed target: a figure, or a range written 7 - 8."""
    match = _RANGE.fullmatch(cells.text(cell)) if isinstance(cell, str) else None
    if match is not None:
        low, high = _printed_figure(match[1]), _printed_figure(match[2])
        if isinstance(low, Decimal) and isinstance(high, Decimal):
            return (low, high)
    return _printed_figure(cell)
