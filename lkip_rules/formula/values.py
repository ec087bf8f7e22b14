"""Values handed to ``Formula.evaluate``: checking them and finding a name's value for a year.

``values`` maps a name either to a number (its value for year N) or to a mapping
``{year: number}``. Numbers are ``int``, ``str`` or ``Decimal``; ``float`` is refused
because it is not exact (0.1 is not one tenth), and so are ``bool``, NaN and infinity.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from lkip_rules import numbers
from lkip_rules.errors import InvalidValueError, MissingValueError, YearRequiredError
from lkip_rules.formula import ast
from lkip_rules.locale.text import Text

Number = int | str | Decimal
Values = Mapping[str, Any]

_LONGEST_TEXT = 100  # longer text is no figure within the bounds; not worth parsing
_DECIMAL_TEXT = re.compile(r"\s*[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\s*")


class Missing:
    """The marker for "no value": never a number, never silently 0."""

    _instance: Missing | None = None

    def __new__(cls) -> Missing:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"


MISSING = Missing()


def figure(raw: object, what: str) -> Decimal:
    """``raw`` as a figure a data source may give: exact, finite and within the bounds of
    lkip_rules.numbers; else InvalidValueError naming ``what``."""
    found = to_decimal(raw, what)
    problem = numbers.problem(found)
    if problem is not None:
        raise InvalidValueError(Text("formula.value-problem", what=what, problem=problem))
    return found


def to_decimal(raw: object, what: str) -> Decimal:
    """``raw`` as an exact finite Decimal, or InvalidValueError naming ``what``."""
    if type(raw) is Decimal:
        if raw.is_finite():
            return raw
        raise InvalidValueError(Text("formula.value-not-finite", what=what, raw=str(raw)))
    if isinstance(raw, bool):
        raise InvalidValueError(Text("formula.value-yes-no", what=what, raw=repr(raw)))
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        raise InvalidValueError(
            Text("formula.value-float", what=what, raw=repr(raw)), hint=Text("formula.pass-text", raw=repr(raw))
        )
    if isinstance(raw, str):
        if len(raw) <= _LONGEST_TEXT and _DECIMAL_TEXT.fullmatch(raw):
            try:
                return Decimal(raw.strip())
            except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
                pass
        shown = raw if len(raw) <= 40 else raw[:40] + "…"
        raise InvalidValueError(Text("formula.value-not-number", what=what, shown=repr(shown)))
    if isinstance(raw, Decimal):  # a Decimal subclass
        return to_decimal(Decimal(raw), what)
    raise InvalidValueError(f"{what} is a {type(raw).__name__}, not a number (int, str or Decimal)")


def resolve(values: Values, name: str, period: ast.Period, year: int | None) -> Decimal | Missing:
    """The value of ``name`` at ``period`` when evaluating ``year``, or MISSING."""
    if values.__class__ is not dict and not isinstance(values, Mapping):  # a dict: the usual call, tested first
        raise InvalidValueError(f"values must be a mapping of names to numbers, not {type(values).__name__}")
    raw = values.get(name, MISSING)
    if raw is MISSING or raw is None:
        return MISSING
    if raw.__class__ is dict or isinstance(raw, Mapping):
        wanted = _wanted_year(name, period, year)
        found = raw.get(wanted, MISSING)
        if found is MISSING or found is None:
            return MISSING
        return to_decimal(found, f"{name}[{wanted}]")
    if period == ast.CURRENT:  # a plain number is the value for year N
        return to_decimal(raw, name)
    wanted = _wanted_year(name, period, year)
    if year is not None and wanted == year:
        return to_decimal(raw, name)
    return MISSING


def _wanted_year(name: str, period: ast.Period, year: int | None) -> int:
    if period.year is not None:
        return period.year
    if year is None:
        raise YearRequiredError(
            Text("formula.year-needed", name=name, period=str(period)), hint=Text("formula.pass-year")
        )
    return year + period.offset


def missing_error(name: str, period: ast.Period, year: int | None, source: str, span: ast.Span) -> MissingValueError:
    """The error for a name without a value at ``period``."""
    at = period.year if year is None else period.resolve(year)
    label = f"{name}[{at}]" if at is not None else name
    message = (
        Text("formula.no-value-in", label=label, name=name, year=at)
        if at is not None
        else Text("formula.no-value-for", label=label, name=name)
    )
    return MissingValueError(
        message,
        name=name,
        year=at,
        source=source,
        span=span,
    )
