"""What a bulk input must hold, the same rules for every engine as for data files.

An input column (or a column of given realisations) is numbers, or text that reads as numbers.
A date, a true/false or a nested column is refused, never read as a number of days or 0/1. Every
value must be a figure: finite (no NaN, no infinity) and within the bounds of lkip_rules.numbers;
a count must be whole. The engines compute which rows break a rule; this module words the error.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from lkip_rules import numbers
from lkip_rules.bulk.compiler import BulkError

if TYPE_CHECKING:
    from lkip_rules.api import Catalog

LIMIT = float(numbers.LIMIT)


def figure_columns(catalog: Catalog, columns: Sequence[str]) -> list[str]:
    """The columns that hold figures: declared inputs and given realisations."""
    return [name for name in [*catalog.inputs, *catalog.indicators] if name in columns]


def counts(catalog: Catalog, columns: Sequence[str]) -> set[str]:
    return {name for name in columns if name in catalog.inputs and catalog.inputs[name].is_count}


def check_kinds(kinds: Mapping[str, str]) -> None:
    """``kinds`` maps a figure column to "number", "text" or the engine's name of another type."""
    wrong = {name: kind for name, kind in kinds.items() if kind not in ("number", "text")}
    if wrong:
        listed = ", ".join(f"'{name}' is {kind}" for name, kind in wrong.items())
        raise BulkError(f"columns of figures must hold numbers: {listed}; convert them to numbers first")


def refuse(column: str, key: Mapping[str, object], value: object, count: bool) -> BulkError:
    """The error for the first bad value found: which column, which row, and what is wrong."""
    row = ", ".join(f"{name} = {shown}" for name, shown in key.items())
    if isinstance(value, float) and value == value and abs(value) < LIMIT and count:
        thousands = value * 1000
        meant = f": did you mean {round(thousands)}?" if abs(thousands - round(thousands)) < 1e-6 <= abs(value) else ""
        why = f"{value} is not a whole number, and '{column}' is a count (by its unit){meant}"
    elif isinstance(value, float) and value == value and abs(value) != float("inf"):
        why = f"{value:g} is beyond {numbers.MAX_INTEGER_DIGITS} digits before the decimal point"
    else:
        why = f"{value} is not a figure (NaN or infinity)"
    return BulkError(f"column '{column}', row {row}: {why}; fix the input (a missing value is left empty)")


def repeats(keys: Sequence[str], values: Sequence[object]) -> BulkError:
    """The error for a key (entity, year[, quarter]) found on more than one row."""
    listed = ", ".join(f'"{k}"' for k in keys)
    return BulkError(f"rows repeat {listed} = {', '.join(map(str, values))}; each key may appear once")
