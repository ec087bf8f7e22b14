"""One cell of a planner's sheet: an input id, a year, a quarter or a figure, read exactly or refused
with the reason (the caller adds the row or cell). Shared by every sheet layout and format."""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable
from decimal import Decimal

from lkip_rules import numbers

MAX_TEXT = 256  # characters in a cell
_NAME = re.compile(r"[a-z_][a-z0-9_]*")
_EXCEL_ERRORS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"}
)
_DATES = (datetime.date, datetime.time, datetime.timedelta)  # what openpyxl gives for a date or time cell
Place = Callable[[int, int], str]  # (row, column from 0) -> "row 3, column 4" or "cell D3"


class Refused(Exception):
    """Why a cell holds no acceptable value; turned into a CatalogError that names the cell."""


def input_id(cell: object) -> str:
    if blank(cell):
        raise Refused("the input id is empty")
    name = text(cell) if isinstance(cell, str) else ""
    if not _NAME.fullmatch(name):
        raise Refused(f"{show(cell)} is not an input id (lower case letters, digits and _)")
    return name


def year(cell: object) -> int:
    if blank(cell):
        raise Refused("the year is empty")
    year = whole(cell)
    if year is None or not 1900 <= year <= 2200:
        raise Refused(f"{show(cell)} is not a year from 1900 to 2200")
    return year


def quarter(cell: object) -> int | None:
    if blank(cell):
        return None
    quarter = whole(cell)
    if quarter not in (1, 2, 3, 4):
        raise Refused(f"{show(cell)} is not a quarter: leave it empty for the year, or write 1, 2, 3 or 4")
    return quarter


def whole(cell: object) -> int | None:
    """The whole number in a cell, or None; a date or a yes/no value is refused as what it is."""
    try:
        number = value(cell)
    except Refused:
        if isinstance(cell, (bool, *_DATES)):
            raise
        return None
    return int(number) if number == number.to_integral_value() else None


def value(cell: object) -> Decimal:
    """The exact number a cell holds, within the bounds of lkip_rules.numbers."""
    if blank(cell):
        raise Refused("the value is empty: write the figure, or delete the row")
    number = _number(cell)
    problem = numbers.problem(number)
    if problem is not None:
        raise Refused(problem)
    return number.copy_abs() if number.is_zero() else number  # -0 is 0


def _number(cell: object) -> Decimal:
    if isinstance(cell, bool):
        raise Refused(f"{'TRUE' if cell else 'FALSE'} is a yes/no value, not a number")
    if isinstance(cell, int):
        return Decimal(cell)
    if isinstance(cell, float):
        return _shown(cell)
    if isinstance(cell, _DATES):
        raise Refused(f"{cell} is a date or time, not a number: format the cell as Number and type the figure")
    if isinstance(cell, str):
        return _text_number(text(cell))
    raise Refused(f"{show(cell)} is not a number")


def _shown(cell: float) -> Decimal:
    """The number Excel shows for a binary float: 15 significant digits, never the float's expansion."""
    if not math.isfinite(cell):
        raise Refused(f"{cell} is not a finite number")
    number = Decimal(format(cell, ".15g"))
    # 1e+15 is the whole number 1000000000000000, and -0 is 0.
    return Decimal(int(number)) if number == number.to_integral_value() else number


# The one notation read today: a point or a comma for decimals, no thousands separators. Text in
# another notation is refused with what it would mean; an Indonesian-settings mode (points group
# thousands, a comma for decimals) would accept _POINT_GROUPS and _POINT_GROUPS_COMMA here instead.
_PLAIN = re.compile(r"-?[0-9]+(?:[.,][0-9]+)?")
_POINT_GROUPS = re.compile(r"-?[1-9][0-9]{0,2}(?:\.[0-9]{3})+")  # 1.982, 12.345.678
_POINT_GROUPS_COMMA = re.compile(r"-?[1-9][0-9]{0,2}(?:\.[0-9]{3})+,[0-9]+")  # 1.234,56
_COMMA_GROUPS = re.compile(r"-?[1-9][0-9]{0,2}(?:,[0-9]{3}){2,}")  # 12,345,678 (1,982 is one decimal comma)
_COMMA_GROUPS_POINT = re.compile(r"-?[1-9][0-9]{0,2}(?:,[0-9]{3})+\.[0-9]+")  # 1,234.56


def _text_number(text: str) -> Decimal:
    if text.startswith("="):
        raise Refused(f"{show(text)} is a formula, not a number: type the figure itself")
    if text in _EXCEL_ERRORS:
        raise Refused(f"the cell shows the Excel error {text}: type the figure itself")
    if _POINT_GROUPS.fullmatch(text):
        raise Refused(_grouped(text, ".", ambiguous=_PLAIN.fullmatch(text) is not None))
    if _POINT_GROUPS_COMMA.fullmatch(text):
        plain = text.replace(".", "")
        raise Refused(
            f"{text!r} looks like {plain} with points grouping the thousands; write {plain} (or "
            f"{plain.replace(',', '.')}), without thousands separators"
        )
    if _PLAIN.fullmatch(text):
        return Decimal(text.replace(",", "."))
    if _COMMA_GROUPS.fullmatch(text) or _COMMA_GROUPS_POINT.fullmatch(text):
        raise Refused(_grouped(text, ",", ambiguous=False))
    raise Refused(f"{show(text)} is not a number: write 1234.5 or 1234,5, without thousands separators")


def _grouped(text: str, point: str, *, ambiguous: bool) -> str:
    plain = text.replace(point, "")
    if not ambiguous:
        name = "points" if point == "." else "commas"
        return f"{text!r} looks like {plain} with {name} grouping the thousands; write {plain} without separators"
    comma = text.replace(".", ",")
    return (
        f"{text!r} may mean {plain} written with a thousands point; write {plain} without separators, "
        f"or {comma} if the point is the decimal point"
    )


def blank(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def text(cell: str) -> str:
    if len(cell) > MAX_TEXT:
        raise Refused(f"the cell holds {len(cell):,} characters; a cell of this layout holds at most {MAX_TEXT}")
    return cell.strip()


def show(cell: object) -> str:
    """A cell for a message: text quoted, never thousands of characters long."""
    if isinstance(cell, str):
        return repr(cell) if len(cell) <= 40 else f"{cell[:30]!r}… ({len(cell):,} characters)"
    return short(str(cell))


def short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else f"{text[: limit - 10]}… ({len(text):,} characters)"


def csv_place(row: int, index: int) -> str:
    return f"row {row}, column {index + 1}"


def cell_place(row: int, index: int) -> str:
    return f"cell {letters(index + 1)}{row}"


def letters(column: int) -> str:
    """1 -> A, 26 -> Z, 27 -> AA."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
