"""The compiler's operations as Polars expressions (polars is imported only here)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import polars as pl


class PolarsBackend:
    def col(self, name: str) -> pl.Expr:
        return pl.col(name)

    def num(self, value: Decimal | int) -> pl.Expr:
        return pl.lit(float(value), dtype=pl.Float64)

    def text(self, value: str) -> pl.Expr:
        return pl.lit(value, dtype=pl.String)

    def null(self) -> pl.Expr:
        return pl.lit(None, dtype=pl.Float64)  # typed, so arithmetic on a column with no value at all works

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

    def coalesce(self, values: Sequence[pl.Expr]) -> pl.Expr:
        return pl.coalesce(values) if len(values) > 1 else values[0]

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

    def floor(self, value: pl.Expr) -> pl.Expr:
        return value.floor()

    def sign(self, value: pl.Expr) -> pl.Expr:
        return value.sign()
