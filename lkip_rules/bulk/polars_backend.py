"""The compiler's operations as Polars expressions (polars is imported only here)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import polars as pl

MODES = {"half-up": "half_away_from_zero", "half-even": "half_to_even"}
SNAP = pl.Decimal(38, 9)


class PolarsBackend:
    def col(self, name: str) -> pl.Expr:
        return pl.col(name)

    def num(self, value: Decimal | int) -> pl.Expr:
        return pl.lit(float(value), dtype=pl.Float64)

    def dec(self, value: Decimal) -> pl.Expr:
        return pl.lit(value, dtype=SNAP)

    def text(self, value: str) -> pl.Expr:
        return pl.lit(value, dtype=pl.String)

    def null(self) -> pl.Expr:
        return pl.lit(None)

    def op(self, op: str, left: pl.Expr, right: pl.Expr) -> pl.Expr:
        if op == "+":
            return left + right
        if op == "-":
            return left - right
        if op == "*":
            return left * right
        if op == "/":
            return left / right
        if op == "and":
            return left & right
        if op == "or":
            return left | right
        return {"<": left.lt, "<=": left.le, ">": left.gt, ">=": left.ge, "==": left.eq, "!=": left.ne}[op](right)

    def neg(self, value: pl.Expr) -> pl.Expr:
        return -value

    def not_(self, value: pl.Expr) -> pl.Expr:
        return ~value

    def abs_(self, value: pl.Expr) -> pl.Expr:
        return value.abs()

    def is_null(self, value: pl.Expr) -> pl.Expr:
        return value.is_null()

    def case(self, branches: Sequence[tuple[pl.Expr, pl.Expr]], otherwise: pl.Expr) -> pl.Expr:
        (cond, then), *rest = branches
        chain: Any = pl.when(cond).then(then)
        for cond, then in rest:
            chain = chain.when(cond).then(then)
        result: pl.Expr = chain.otherwise(otherwise)
        return result

    def least(self, values: Sequence[pl.Expr]) -> pl.Expr:
        return pl.min_horizontal(values)

    def greatest(self, values: Sequence[pl.Expr]) -> pl.Expr:
        return pl.max_horizontal(values)

    def printed(self, value: pl.Expr, decimals: int, rounding: str) -> pl.Expr:
        snapped = value.cast(SNAP)
        if rounding == "down":  # toward zero: drop the digits past `decimals`, in decimal
            up = pl.lit(Decimal(10) ** decimals, dtype=pl.Decimal(38, 0))
            down = pl.lit(Decimal(1).scaleb(-decimals), dtype=pl.Decimal(38, decimals))
            whole = pl.when(snapped >= 0).then((snapped * up).floor()).otherwise(-((-snapped * up).floor()))
            return (whole * down).cast(SNAP)
        return snapped.round(decimals, mode=MODES[rounding])  # type: ignore[arg-type]

    def to_float(self, value: pl.Expr) -> pl.Expr:
        return value.cast(pl.Float64)
