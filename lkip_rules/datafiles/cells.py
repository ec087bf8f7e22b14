"""One cell of a planner's sheet: an input id, a year, a quarter or a figure, read exactly or refused
with the reason (the caller adds the row or cell). Shared by every sheet layout and format."""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable
from decimal import Decimal

from lkip_rules import numbers
from lkip_rules.locale.text import Grouped, Text

MAX_TEXT = 256  # characters in a cell
_NAME = re.compile(r"[a-z_][a-z0-9_]*")
_EXCEL_ERRORS = frozenset(
    {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"}
)
_DATES = (datetime.date, datetime.time, datetime.timedelta)  # what openpyxl gives for a date or time cell
Place = Callable[[int, int], str]  # (row, column from 0) -> "row 3, column 4" or "cell D3"


class Refused(Exception):
    """Why a cell holds no acceptable value; turned into a CatalogError that names the cell."""

    @property
    def why(self) -> str:
        """The reason as it was given (a Text, said in the language of the error's reader)."""
        return self.args[0] if self.args and isinstance(self.args[0], str) else str(self)


def input_id(cell: object) -> str:
    if blank(cell):
        raise Refused(Text("cell.no-input-id"))
    name = text(cell) if isinstance(cell, str) else ""
    if not _NAME.fullmatch(name):
        raise Refused(Text("cell.not-input-id", cell=show(cell)))
    return name


def year(cell: object) -> int:
    if blank(cell):
        raise Refused(Text("cell.no-year"))
    year = whole(cell)
    if year is None or not 1900 <= year <= 2200:
        raise Refused(Text("cell.not-year", cell=show(cell)))
    return year


_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}  # triwulan I-IV, as planners write them


def quarter(cell: object) -> int | None:
    if blank(cell):
        return None
    roman = _ROMAN.get(text(cell).upper()) if isinstance(cell, str) else None
    quarter = roman if roman is not None else whole(cell)
    if quarter not in (1, 2, 3, 4):
        raise Refused(Text("cell.not-quarter", cell=show(cell)))
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


def value(cell: object, decimal: str | None = None) -> Decimal:
    """The exact number a cell holds, within the bounds of lkip_rules.numbers; text is read by
    :func:`number_text` with the file's decimal mark ``decimal``."""
    if blank(cell):
        raise Refused(Text("cell.no-value"))
    number = _number(cell, decimal)
    problem = numbers.problem(number)
    if problem is not None:
        raise Refused(problem)
    return number.copy_abs() if number.is_zero() else number  # -0 is 0


def _number(cell: object, decimal: str | None) -> Decimal:
    if isinstance(cell, bool):
        raise Refused(Text("cell.yes-no", cell="TRUE" if cell else "FALSE"))
    if isinstance(cell, int):
        return Decimal(cell)
    if isinstance(cell, float):
        return _shown(cell)
    if isinstance(cell, _DATES):
        raise Refused(Text("cell.date", cell=str(cell)))
    if isinstance(cell, str):
        return _text_number(text(cell), decimal)
    raise Refused(Text("cell.not-a-number", cell=show(cell)))


def _text_number(text: str, decimal: str | None) -> Decimal:
    if text.startswith("="):
        raise Refused(Text("cell.formula", cell=show(text)))
    if text in _EXCEL_ERRORS:
        raise Refused(Text("cell.excel-error", error=text))
    return number_text(text, decimal)


def _shown(cell: float) -> Decimal:
    """The number Excel shows for a binary float: 15 significant digits, never the float's expansion."""
    if not math.isfinite(cell):
        raise Refused(Text("num.not-finite", value=str(cell)))
    number = Decimal(format(cell, ".15g"))
    # 1e+15 is the whole number 1000000000000000, and -0 is 0.
    return Decimal(int(number)) if number == number.to_integral_value() else number


# Numbers written as text: the one rule of every sheet layout and format (documented in the
# datafiles docstring and docs/catalog-format.md). Text that can be read one way only is read that
# way; text that can be read two ways — one point or comma with 1-3 digits before it and exactly 3
# after, 1.982 — is read by the file's decimal mark when the file has one (a ;-separated CSV: the
# comma), and refused elsewhere with both readings spelled out.
_SHAPE = re.compile(r"-?[0-9]+(?:[.,][0-9]+)*")
_MARK = re.compile(r"[.,]")
NOT_A_NUMBER = Text("cell.how-to-write")  # 1234.5 or 1234,5; thousands only in groups of three


def number_text(text: str, decimal: str | None = None) -> Decimal:
    """The number ``text`` writes; ``decimal`` is the file's decimal mark ("," in a ;-separated CSV),
    or None where the file does not say."""
    if not _SHAPE.fullmatch(text):
        raise Refused(Text("cell.not-number-text", cell=show(text), how=NOT_A_NUMBER))
    sign, body = ("-", text[1:]) if text.startswith("-") else ("", text)
    marks = _MARK.findall(body)
    groups = _MARK.split(body)
    if not marks:
        return Decimal(sign + body)
    if len(marks) == 1:
        return _one_mark(text, sign, groups, marks[0], decimal)
    return _grouped(text, sign, groups, marks)


def _one_mark(text: str, sign: str, groups: list[str], mark: str, decimal: str | None) -> Decimal:
    head, tail = groups
    as_decimal, as_thousands = Decimal(f"{sign}{head}.{tail}"), Decimal(sign + head + tail)
    if not (_leading_group(head) and len(tail) == 3):
        return as_decimal  # 1234.5, 0.125, 1,5: the mark cannot group thousands
    if decimal is not None:
        return as_decimal if mark == decimal else as_thousands
    point = Text("mark.point" if mark == "." else "mark.comma")
    # the thousands as digits alone (1982, never 1.982 again); the decimal in the reader's own way
    raise Refused(
        Text("cell.two-readings", text=repr(text), thousands=str(as_thousands), mark=point, decimal=as_decimal)
    )


def _grouped(text: str, sign: str, groups: list[str], marks: list[str]) -> Decimal:
    """Several marks: the first kind groups thousands; a last mark of the other kind is the decimal mark."""
    thousands = marks[0]
    fraction = groups.pop() if marks[-1] != thousands else ""
    whole_marks = marks[:-1] if fraction else marks
    shaped = _leading_group(groups[0]) and all(len(group) == 3 for group in groups[1:])
    if not shaped or any(mark != thousands for mark in whole_marks):
        raise Refused(Text("cell.not-number-text", cell=show(text), how=NOT_A_NUMBER))
    return Decimal(sign + "".join(groups) + (f".{fraction}" if fraction else ""))


def _leading_group(digits: str) -> bool:
    """Whether ``digits`` can start a number grouped by thousands: 1-3 digits, not starting with 0."""
    return 1 <= len(digits) <= 3 and not digits.startswith("0")


def status(cell: object) -> str | None:
    """A figure's mark: "sementara" (provisional), "tetap" (final), or None when the cell is empty."""
    if blank(cell):
        return None
    mark = text(cell).lower() if isinstance(cell, str) else ""
    if mark not in ("sementara", "tetap"):
        raise Refused(Text("cell.not-status", cell=show(cell)))
    return mark


def blank(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def text(cell: str) -> str:
    if len(cell) > MAX_TEXT:
        raise Refused(Text("cell.too-long", count=Grouped(len(cell)), limit=MAX_TEXT))
    return cell.strip()


def show(cell: object) -> str:
    """A cell for a message: text quoted, never thousands of characters long."""
    if isinstance(cell, str):
        return repr(cell) if len(cell) <= 40 else Text("cell.cut", head=repr(cell[:30]), count=Grouped(len(cell)))
    return short(str(cell))


def short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else Text("cell.cut", head=text[: limit - 10], count=Grouped(len(text)))


def csv_place(row: int, index: int) -> str:
    return Text("cell.row-column", row=row, column=index + 1)


def cell_place(row: int, index: int) -> str:
    return Text("cell.at", cell=f"{letters(index + 1)}{row}")


def letters(column: int) -> str:
    """1 -> A, 26 -> Z, 27 -> AA."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
