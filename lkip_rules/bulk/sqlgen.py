"""The catalog as one SQL query: CTEs for inputs, year lags, indicator levels and scores.

The query reads a relation named ``lkip_input`` with columns (entity, year[, quarter], inputs...)
and returns one row per (entity, year[, quarter], indicator). It uses standard SQL — CASE,
NULLIF-free guarded division, LEFT JOIN, CAST, ROUND, window functions for quarters — plus
nothing engine-specific (docs/bulk.md says how to run it on Spark SQL and Trino).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from lkip_rules.bulk.compiler import Compiler, Lag, check_keys, output_scale, plan

if TYPE_CHECKING:
    from lkip_rules.catalog import Catalog

_OPS = {"==": "=", "!=": "<>", "and": "AND", "or": "OR"}


def q(name: str) -> str:
    """A quoted identifier (ids are [a-z0-9_], so quoting only guards reserved words)."""
    return '"' + name.replace('"', '""') + '"'


class SqlBackend:
    def col(self, name: str) -> str:
        return q(name)

    def num(self, value: Decimal | int) -> str:
        return f"CAST({format(Decimal(value), 'f')} AS DOUBLE)"

    def text(self, value: str) -> str:
        return "'" + value.replace("'", "''") + "'"

    def null(self) -> str:
        return "NULL"

    def op(self, op: str, left: str, right: str) -> str:
        return f"({left} {_OPS.get(op, op)} {right})"

    def neg(self, value: str) -> str:
        return f"(-{value})"

    def not_(self, value: str) -> str:
        return f"(NOT {value})"

    def abs_(self, value: str) -> str:
        return f"ABS({value})"

    def is_null(self, value: str) -> str:
        return f"({value} IS NULL)"

    def coalesce(self, values: Sequence[str]) -> str:
        return f"COALESCE({', '.join(values)})" if len(values) > 1 else values[0]

    def case(self, branches: Sequence[tuple[str, str]], otherwise: str) -> str:
        whens = " ".join(f"WHEN {cond} THEN {then}" for cond, then in branches)
        return f"CASE {whens} ELSE {otherwise} END"

    def least(self, values: Sequence[str]) -> str:
        return f"LEAST({', '.join(values)})" if len(values) > 1 else values[0]

    def greatest(self, values: Sequence[str]) -> str:
        return f"GREATEST({', '.join(values)})" if len(values) > 1 else values[0]

    def floor(self, value: str) -> str:
        return f"FLOOR({value})"

    def sign(self, value: str) -> str:
        return f"SIGN({value})"


def query(
    catalog: Catalog,
    source: str = "lkip_input",
    *,
    entity: str = "entity",
    year: str = "year",
    quarter: str | None = None,
    columns: Sequence[str] | None = None,
) -> str:
    """The SQL that evaluates ``catalog`` over the relation ``source``.

    ``columns`` are the source's column names, when known: declared inputs that are absent
    become NULL (missing data), and indicator columns are realisations given directly.
    """
    b = SqlBackend()
    compiler = Compiler(catalog, b, year, quarter)
    present = set(columns) if columns is not None else set(catalog.inputs)
    keys = (
        check_keys(list(columns), entity, year, quarter)
        if columns is not None
        else ([entity, year] + ([quarter] if quarter else []))
    )
    given = [ind for ind in catalog.indicators if ind in present]
    stages = plan(catalog, compiler, set(given))
    ctes = [_base(catalog, source, keys, present, given, quarter, entity, year)]
    ctes.append(_lagged(compiler.lags.values(), keys, entity, year, quarter))
    previous = "lagged"
    for number, stage in enumerate(stages, start=1):
        body = ",\n    ".join(f"{expr} AS {q(name)}" for name, expr in stage)
        ctes.append(f"stage{number} AS (\n  SELECT *,\n    {body}\n  FROM {previous}\n)")
        previous = f"stage{number}"
    key_list = ", ".join(q(k) for k in keys)
    decimal = f"DECIMAL(38, {output_scale(catalog)})"
    selects = [
        f"SELECT {key_list}, {b.text(ind_id)} AS {q('indicator')}, "
        f"CAST({q(ind_id + '__printed_real')} AS {decimal}) AS {q('realisation')}, "
        f"CAST({q(ind_id + '__printed_ach')} AS {decimal}) AS {q('achievement')}, "
        f"CAST({q(ind_id + '__category')} AS VARCHAR) AS {q('category')}, {q(ind_id + '__status')} AS {q('status')} "
        f"FROM {previous}"
        for ind_id in catalog.indicators
    ]
    return "WITH " + ",\n".join(ctes) + "\n" + "\nUNION ALL\n".join(selects) + "\n"


def _base(
    catalog: Catalog,
    source: str,
    keys: list[str],
    present: set[str],
    given: list[str],
    quarter: str | None,
    entity: str,
    year: str,
) -> str:
    parts = [q(k) for k in keys]
    for name, item in catalog.inputs.items():
        if name not in present:
            parts.append(f"CAST(NULL AS DOUBLE) AS {q(name)}")
        elif quarter is None or item.rollup is None:  # without a rollup: a yearly figure, as it stands
            parts.append(f"CAST({q(name)} AS DOUBLE) AS {q(name)}")
        else:
            parts.append(f"{_rolled(name, item.rollup, entity, year, quarter)} AS {q(name)}")
    parts += [f"CAST({q(ind)} AS DOUBLE) AS {q(ind)}" for ind in given]
    return f"base AS (\n  SELECT {', '.join(parts)}\n  FROM {source}\n)"


def _rolled(name: str, rule: str | None, entity: str, year: str, quarter: str) -> str:
    """Quarters 1..k of an input, rolled up by its rule; a blank quarter makes it missing."""
    frame = "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"
    window = f"OVER (PARTITION BY {q(entity)}, {q(year)} ORDER BY {q(quarter)} {frame})"
    value = f"CAST({q(name)} AS DOUBLE)"
    if rule == "last":
        return f"LAST_VALUE({value} IGNORE NULLS) {window}"
    blanks = f"SUM(CASE WHEN {q(name)} IS NULL THEN 1 ELSE 0 END) {window}"
    rolled = {
        "sum": f"SUM({value}) {window}",
        "avg": f"SUM({value}) {window} / CAST(COUNT(*) {window} AS DOUBLE)",
        "max": f"MAX({value}) {window}",
        "min": f"MIN({value}) {window}",
    }.get(rule or "", "CAST(NULL AS DOUBLE)")
    return f"CASE WHEN {blanks} = 0 THEN {rolled} END"


def _lagged(lags: Iterable[Lag], keys: list[str], entity: str, year: str, quarter: str | None) -> str:
    extra = [quarter] if quarter else []
    select = ["b.*"]
    joins = []
    for number, lag in enumerate(lags, start=1):
        alias = f"l{number}"
        select.append(f"{alias}.{q(lag.column)}")
        on = [f"{alias}.{q(entity)} = b.{q(entity)}"] + [f"{alias}.{q(x)} = b.{q(x)}" for x in extra]
        inner_keys = ", ".join([q(entity), *[q(x) for x in extra]])
        if lag.period.year is not None:
            inner = (
                f"SELECT {inner_keys}, {q(lag.name)} AS {q(lag.column)} FROM base WHERE {q(year)} = {lag.period.year}"
            )
        else:
            shift = -lag.period.offset
            inner = f"SELECT {inner_keys}, {q(year)} + {shift} AS {q(year)}, {q(lag.name)} AS {q(lag.column)} FROM base"
            on.append(f"{alias}.{q(year)} = b.{q(year)}")
        joins.append(f"  LEFT JOIN ({inner}) {alias} ON {' AND '.join(on)}")
    return "lagged AS (\n  SELECT " + ", ".join(select) + "\n  FROM base b\n" + "\n".join(joins) + "\n)"
