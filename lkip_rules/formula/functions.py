"""The functions of the formula language: their signatures and the helpers behind them.

``pct`` and ``growth`` are defined by rewriting into arithmetic (see
:mod:`lkip_rules.formula.checker`), so both evaluators share one definition and a division by
zero inside them is reported like any other. The rest run as helpers here; ``sum`` and ``avg``
add from left to right, exactly as ``a + b + c`` would, but as one call, so a list of a
thousand items is no thousand-deep tree.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import attrs


@attrs.frozen
class FunctionSpec:
    name: str
    min_args: int
    max_args: int | None  # None: any number from min_args up
    signature: str
    description: str


SPECS: dict[str, FunctionSpec] = {
    spec.name: spec
    for spec in (
        FunctionSpec("sum", 1, None, "sum(a, b, ...)", "a + b + ..."),
        FunctionSpec("avg", 1, None, "avg(a, b, ...)", "(a + b + ...) / count"),
        FunctionSpec("min", 1, None, "min(a, b, ...)", "the smallest argument"),
        FunctionSpec("max", 1, None, "max(a, b, ...)", "the largest argument"),
        FunctionSpec("abs", 1, 1, "abs(x)", "x without its sign"),
        FunctionSpec("round", 2, 2, "round(x, digits)", "x rounded half-up to digits decimals"),
        FunctionSpec("if", 3, 3, "if(condition, then, else)", "then when condition holds, else otherwise"),
        FunctionSpec("pct", 2, 2, "pct(part, whole)", "part / whole * 100"),
        FunctionSpec("growth", 1, 1, "growth(name)", "(name[N] - name[N-1]) / name[N-1] * 100"),
        FunctionSpec("coalesce", 1, None, "coalesce(a, b, ...)", "the first argument that has a value"),
    )
}

MAX_ROUND_DIGITS = 20


def round_half_up(value: Decimal, digits: int) -> Decimal:
    """``round(x, d)`` of the language: half away from zero, as reports and Excel do."""
    return value.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def total(*values: Decimal) -> Decimal:
    """``sum(a, b, ...)``: a + b + ... from left to right."""
    found = values[0]
    for value in values[1:]:
        found = found + value
    return found


def mean(*values: Decimal) -> Decimal:
    """``avg(a, b, ...)``: (a + b + ...) / count."""
    return total(*values) / len(values)


def minimum(*values: Decimal) -> Decimal:
    return min(values)


def maximum(*values: Decimal) -> Decimal:
    return max(values)
