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

from lkip_rules.bulk.compiler import Compiler, Lag
from lkip_rules.bulk.plan import check_keys, output_scale, plan

if TYPE_CHECKING:
    from lkip_rules.api import Catalog

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
    numbered: bool = False,
) -> str:
    """The SQL that evaluates ``catalog`` over the relation ``source``.

    ``columns`` are the source's column names, when known: declared inputs that are absent
    become NULL (missing data), and indicator columns are realisations given directly.
    ``numbered`` numbers the input rows in key order once, while they are narrow, and orders the
    result by that number (a sort of two integers instead of the keys: a quarter of DuckDB's time);
    engines that distribute the work keep the plain ORDER BY, since numbering rows without a
    partition gathers them in one place.
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
    ctes = [_base(catalog, source, keys, present, given, quarter, entity, year, numbered)]
    ctes.append(_lagged(compiler.lags.values(), keys, entity, year, quarter))
    previous = "lagged"
    for number, stage in enumerate(stages, start=1):
        body = ",\n    ".join(f"{expr} AS {q(name)}" for name, expr in stage)
        ctes.append(f"stage{number} AS (\n  SELECT *,\n    {body}\n  FROM {previous}\n)")
        previous = f"stage{number}"
    return "WITH " + ",\n".join(ctes) + "\n" + _long(catalog, keys, previous, numbered)


ROW = "__lkip_row"  # the number of an input row in key order (no catalog declares an id so named)


def _long(catalog: Catalog, keys: list[str], last: str, numbered: bool) -> str:
    """One row per (key, indicator), in that order: the last stage read once, crossed with the list
    of indicators, each output column a CASE over the indicator's number. (A UNION ALL of one
    SELECT per indicator makes every engine plan the chain of stages once per indicator: DuckDB
    slowly, Spark's analyser out of memory.)"""
    ids = list(catalog.indicators)
    decimal = f"DECIMAL(38, {output_scale(catalog)})"
    if not ids:  # a catalog without indicators: the right columns, no row
        nothing = [f"CAST(NULL AS {kind}) AS {q(name)}" for name, kind in _output_columns(decimal)]
        return f"SELECT {', '.join(f's.{q(k)}' for k in keys)}, {', '.join(nothing)}\nFROM {last} s WHERE 1 = 0\n"

    def pick(suffix: str, kind: str) -> str:
        whens = " ".join(f"WHEN {n} THEN s.{q(ind + suffix)}" for n, ind in enumerate(ids))
        return f"CAST(CASE i.{q('n')} {whens} END AS {kind}) AS "

    listed = ", ".join(f"({n}, {SqlBackend().text(ind)})" for n, ind in enumerate(ids))
    key_list = ", ".join(f"s.{q(k)}" for k in keys)
    return (
        f"SELECT {key_list}, i.{q('indicator')},\n  "
        + ",\n  ".join(
            [
                pick("__printed_real", decimal) + q("realisation"),
                pick("__printed_ach", decimal) + q("achievement"),
                pick("__category", "VARCHAR") + q("category"),
                pick("__status", "VARCHAR") + q("status"),
            ]
        )
        + f"\nFROM {last} s\nCROSS JOIN (VALUES {listed}) AS i({q('n')}, {q('indicator')})"
        + f"\nORDER BY {f's.{q(ROW)}' if numbered else key_list}, i.{q('n')}\n"
    )


def _output_columns(decimal: str) -> list[tuple[str, str]]:
    return [
        ("indicator", "VARCHAR"),
        ("realisation", decimal),
        ("achievement", decimal),
        ("category", "VARCHAR"),
        ("status", "VARCHAR"),
    ]


def repeated_keys(source: str, keys: Sequence[str]) -> str:
    """The first key that appears on more than one row of ``source``, if any."""
    key_list = ", ".join(q(k) for k in keys)
    return f"SELECT {key_list} FROM {source} GROUP BY {key_list} HAVING COUNT(*) > 1 LIMIT 1"


def bad_figures(source: str, figures: Sequence[str], keys: Sequence[str], whole: set[str], limit: float) -> str:
    """The first row with a figure that is NaN, infinite or beyond ``limit`` (abs(inf) is), or a
    count with a fraction: the column's name, the row's keys, then every figure."""

    def bad(name: str) -> str:
        value = f"CAST({q(name)} AS DOUBLE)"
        fraction = f" OR {value} <> FLOOR({value})" if name in whole else ""
        return f"(ISNAN({value}) OR ABS({value}) >= {limit!r}{fraction})"

    which = " ".join(f"WHEN {bad(name)} THEN {SqlBackend().text(name)}" for name in figures)
    values = ", ".join(f"CAST({q(n)} AS DOUBLE)" for n in figures)
    return (
        f"SELECT CASE {which} END, {', '.join(q(k) for k in keys)}, {values} "
        f"FROM {source} WHERE {' OR '.join(bad(name) for name in figures)} LIMIT 1"
    )


def _base(
    catalog: Catalog,
    source: str,
    keys: list[str],
    present: set[str],
    given: list[str],
    quarter: str | None,
    entity: str,
    year: str,
    numbered: bool,
) -> str:
    parts = [q(k) for k in keys]
    if numbered:
        parts.append(f"ROW_NUMBER() OVER (ORDER BY {', '.join(q(k) for k in keys)}) AS {q(ROW)}")
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
