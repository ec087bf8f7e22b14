"""Evaluating a catalog over a Polars frame of (entity, year[, quarter]) rows; no per-row Python."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import polars as pl

from lkip_rules.bulk.compiler import BulkError, Compiler, Lag
from lkip_rules.bulk.inputs import LIMIT, check_kinds, counts, refuse
from lkip_rules.bulk.plan import check_keys, output_scale, plan
from lkip_rules.bulk.polars_backend import PolarsBackend

if TYPE_CHECKING:
    from lkip_rules.api import Catalog


def evaluate_frame(
    catalog: Catalog,
    frame: pl.DataFrame | pl.LazyFrame,
    *,
    entity: str = "entity",
    year: str = "year",
    quarter: str | None = None,
) -> pl.DataFrame:
    """One row per (entity, year[, quarter], indicator): printed realisation and achievement,
    category code and status, computed with the catalog's policies."""
    if not isinstance(frame, (pl.DataFrame, pl.LazyFrame)):
        raise BulkError(f"give a Polars DataFrame or LazyFrame, not {type(frame).__name__}")
    lazy = frame.lazy()
    try:
        schema = lazy.collect_schema()
    except pl.exceptions.PolarsError as exc:  # an empty or unreadable file behind a lazy scan
        raise BulkError(f"Polars cannot read the input: {str(exc).splitlines()[0]}") from None
    columns = schema.names()
    keys = check_keys(columns, entity, year, quarter)
    duplicated = lazy.select(keys).filter(pl.struct(keys).is_duplicated()).head(1).collect()
    if duplicated.height:
        raise BulkError(
            f"rows repeat {', '.join(keys)} = {', '.join(map(str, duplicated.row(0)))}; "
            "each key may appear once" + ("" if quarter else " (quarterly rows need quarter=...)")
        )
    inputs = [name for name in catalog.inputs if name in columns]
    given = [name for name in catalog.indicators if name in columns]
    absent = [name for name in catalog.inputs if name not in columns]  # missing data, never 0
    check_kinds({name: _kind(schema[name]) for name in inputs + given})
    lazy = lazy.with_columns(
        [pl.col(name).cast(pl.Float64) for name in inputs + given]
        + [pl.lit(None, dtype=pl.Float64).alias(name) for name in absent]
    )
    _check_values(catalog, lazy, keys, inputs + given)
    if quarter:
        lazy = _roll_up(catalog, lazy, inputs, entity, year, quarter)
    compiler = Compiler(catalog, PolarsBackend(), year, quarter)
    stages = plan(catalog, compiler, set(given))
    # In key order before the columns are computed (sorting the narrow input, not the wide result),
    # so the rows come out ordered by key, then by the catalog's order of indicators, every call.
    lazy = _join_lags(lazy, compiler.lags.values(), entity, year, quarter).sort(keys)
    for stage in stages:
        lazy = lazy.with_columns([expr.alias(name) for name, expr in stage])
    # Only the four output columns of each indicator are kept: Polars then never materialises the
    # intermediate ones (errors, bounds, ratios), a quarter of the memory of the wide frame.
    kept = [f"{ind_id}__{part}" for ind_id in catalog.indicators for part in _OUTPUT_PARTS]
    lazy = lazy.select(*keys, *kept)
    # Compute the wide frame once, then stack one slice of it per indicator.
    try:
        wide = lazy.collect()
    except pl.exceptions.PolarsError as exc:  # e.g. text that is no number in an input column
        raise BulkError(f"Polars: {str(exc).splitlines()[0]}") from None
    decimal = pl.Decimal(38, output_scale(catalog))  # printed numbers, exact
    parts = [
        wide.select(
            *[pl.col(k) for k in keys],
            pl.lit(ind_id, dtype=pl.String).alias("indicator"),
            pl.col(f"{ind_id}__printed_real").cast(decimal).alias("realisation"),
            pl.col(f"{ind_id}__printed_ach").cast(decimal).alias("achievement"),
            pl.col(f"{ind_id}__category").cast(pl.String).alias("category"),
            pl.col(f"{ind_id}__status").cast(pl.String).alias("status"),
        )
        for ind_id in catalog.indicators
    ]
    if not parts:  # a catalog without indicators: the output's columns, no row
        shape: dict[str, pl.DataType] = {k: wide.schema[k] for k in keys}
        shape |= {"indicator": pl.String(), "realisation": decimal, "achievement": decimal}
        shape |= {"category": pl.String(), "status": pl.String()}
        return pl.DataFrame(schema=shape)
    return _interleaved(pl.concat(parts), wide.height, len(parts))


_OUTPUT_PARTS = ("printed_real", "printed_ach", "category", "status")


def _interleaved(stacked: pl.DataFrame, height: int, count: int) -> pl.DataFrame:
    """``count`` blocks of ``height`` rows, one per indicator, as one row per (key, indicator):
    row r of block n goes to r * count + n. A gather, linear, where a sort would not be."""
    position = pl.int_range(0, height * count, dtype=pl.Int64, eager=True)
    return stacked[(position % count) * height + position // count]


def _kind(dtype: pl.DataType) -> str:
    if dtype.is_numeric() or dtype == pl.Null:
        return "number"
    return "text" if dtype == pl.String else f"a {dtype} column"


def _check_values(catalog: Catalog, lazy: pl.LazyFrame, keys: list[str], figures: list[str]) -> None:
    """Every figure finite, within bounds, and whole for a count; else the first bad one, named."""
    if not figures:
        return
    whole = counts(catalog, figures)
    bad = {
        name: pl.col(name).is_nan()
        | pl.col(name).is_infinite()
        | (pl.col(name).abs() >= LIMIT)
        | ((pl.col(name) != pl.col(name).floor()) if name in whole else pl.lit(False))
        for name in figures
    }
    try:
        found = lazy.filter(pl.any_horizontal(list(bad.values()))).select(*keys, *figures).head(1).collect()
    except pl.exceptions.PolarsError as exc:  # e.g. text that is no number in an input column
        raise BulkError(f"Polars: {str(exc).splitlines()[0]}") from None
    if found.height:
        row = found.row(0, named=True)
        for name in figures:
            value = row[name]
            if value is not None and (value != value or abs(value) >= LIMIT or (name in whole and value % 1)):
                raise refuse(name, {k: row[k] for k in keys}, value, name in whole)


def _join_lags(lazy: pl.LazyFrame, lags: Iterable[Lag], entity: str, year: str, quarter: str | None) -> pl.LazyFrame:
    """Each input needed at another year, joined by entity (and quarter)."""
    base = lazy
    extra = [quarter] if quarter else []
    for lag in lags:
        if lag.period.year is not None:
            right = base.filter(pl.col(year) == lag.period.year).select(
                pl.col(entity), *[pl.col(q) for q in extra], pl.col(lag.name).alias(lag.column)
            )
            lazy = lazy.join(right, on=[entity, *extra], how="left")
        else:
            right = base.select(
                pl.col(entity),
                (pl.col(year) - lag.period.offset).alias(year),
                *[pl.col(q) for q in extra],
                pl.col(lag.name).alias(lag.column),
            )
            lazy = lazy.join(right, on=[entity, year, *extra], how="left")
    return lazy


def _roll_up(
    catalog: Catalog, lazy: pl.LazyFrame, inputs: list[str], entity: str, year: str, quarter: str
) -> pl.LazyFrame:
    """Quarterly rows become 'up to this quarter' values, by each input's roll-up rule."""
    lazy = lazy.sort([entity, year, quarter])
    group = [entity, year]
    rolled = []
    for name in inputs:
        rule = catalog.inputs[name].rollup
        if rule is None:  # a yearly figure, repeated on each quarter's row: taken as it is
            continue
        col = pl.col(name)
        blanks = col.is_null().cast(pl.Int32).cum_sum().over(group)
        if rule == "last":
            rolled.append(col.forward_fill().over(group).alias(name))
            continue
        count = pl.int_range(1, pl.len() + 1).over(group).cast(pl.Float64)
        value = {
            "sum": col.cum_sum().over(group),
            "avg": col.cum_sum().over(group) / count,
            "max": col.cum_max().over(group),
            "min": col.cum_min().over(group),
        }[rule]
        rolled.append(pl.when(blanks == 0).then(value).otherwise(None).alias(name))
    return lazy.with_columns(rolled) if rolled else lazy
