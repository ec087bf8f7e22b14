"""Shared helpers for the bulk tests: synthetic agencies, and the three paths side by side."""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

import duckdb
import polars as pl

import lkip_rules
from lkip_rules.bulk import evaluate_frame, sql

Row = dict[str, Any]
Key = tuple[str, int, str]  # entity, year, indicator
Outcome = tuple[Decimal | None, Decimal | None, str | None, str]  # realisation, achievement, category, status


def bekasi_agencies(catalog: lkip_rules.Catalog, count: int, seed: int = 7) -> list[Row]:
    """The Bekasi figures, varied per synthetic agency: scaled, sometimes missing, sometimes zero."""
    rng = random.Random(seed)
    rows = []
    for agency in range(count):
        for year, year_data in sorted(catalog.data.years.items()):
            row: Row = {"entity": f"a{agency:04d}", "year": year}
            for name, value in [*year_data.inputs.items(), *year_data.realisations.items()]:
                assert isinstance(value, Decimal)
                draw = rng.random()
                if draw < 0.03:
                    row[name] = None  # missing
                elif draw < 0.05:
                    row[name] = Decimal(0)
                else:
                    scaled = value * Decimal(rng.randint(50, 150)) / 100
                    places = max(0, -int(value.as_tuple().exponent))  # type: ignore[operator]
                    row[name] = scaled.quantize(Decimal(1).scaleb(-places))
            rows.append(row)
    return rows


def frame(rows: list[Row], catalog: lkip_rules.Catalog) -> pl.DataFrame:
    names = sorted({k for row in rows for k in row} - {"entity", "year", "quarter"})
    schema: dict[str, Any] = {"entity": pl.String, "year": pl.Int64, **dict.fromkeys(names, pl.String)}
    if any("quarter" in row for row in rows):
        schema["quarter"] = pl.Int64
    text_rows = [{k: (str(v) if isinstance(v, Decimal) else v) for k, v in row.items()} for row in rows]
    return pl.DataFrame(text_rows, schema=schema)


def scalar(catalog: lkip_rules.Catalog, rows: list[Row]) -> dict[Key, Outcome]:
    by_entity: dict[str, list[Row]] = {}
    for row in rows:
        by_entity.setdefault(row["entity"], []).append(row)
    found: dict[Key, Outcome] = {}
    for entity, entity_rows in by_entity.items():
        values: dict[str, dict[int, object]] = {}
        given: dict[str, dict[int, object]] = {}
        for row in entity_rows:
            for name, value in row.items():
                if name in catalog.inputs:
                    values.setdefault(name, {})[row["year"]] = value
                elif name in catalog.indicators:
                    given.setdefault(name, {})[row["year"]] = value
        data = lkip_rules.Data.from_values(values, realisations=given)
        for row in entity_rows:
            for result in catalog.evaluate(row["year"], data):
                category = result.category.code if result.category else None
                shown = result.achievement if result.status == "ok" else None
                found[(entity, row["year"], result.id)] = (
                    result.realisation,
                    shown,
                    category if result.status == "ok" else None,
                    result.status,
                )
    return found


def _collect(out: pl.DataFrame) -> dict[Key, Outcome]:
    return {
        (r["entity"], r["year"], r["indicator"]): (r["realisation"], r["achievement"], r["category"], r["status"])
        for r in out.iter_rows(named=True)
    }


def polars_path(catalog: lkip_rules.Catalog, rows: list[Row]) -> dict[Key, Outcome]:
    return _collect(evaluate_frame(catalog, frame(rows, catalog)))


def duckdb_path(catalog: lkip_rules.Catalog, rows: list[Row]) -> dict[Key, Outcome]:
    lkip_input = frame(rows, catalog)
    con = duckdb.connect()
    try:
        con.register("lkip_input", lkip_input)
        return _collect(con.sql(sql(catalog, "lkip_input", columns=lkip_input.columns)).pl())
    finally:
        con.close()


def differences(expected: dict[Key, Outcome], got: dict[Key, Outcome]) -> list[tuple[Key, Outcome, Outcome | None]]:
    return [(key, want, got.get(key)) for key, want in expected.items() if got.get(key) != want]


def spark_rows(spark: Any, catalog: lkip_rules.Catalog, rows: list[Row], **keys: Any) -> list[tuple[Any, ...]]:
    """The rows Spark gives for the catalog's SQL rendered in Spark's dialect, in their order."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.parquet"
        lkip_input = frame(rows, catalog)
        lkip_input.write_parquet(source)
        spark.read.parquet(str(source)).createOrReplaceTempView("lkip_input")
        text = sql(catalog, "lkip_input", columns=lkip_input.columns, dialect="spark", **keys)
        return [tuple(row) for row in spark.sql(text).collect()]


def spark_path(spark: Any, catalog: lkip_rules.Catalog, rows: list[Row]) -> dict[Key, Outcome]:
    return {(r[0], r[1], r[2]): (r[3], r[4], r[5], r[6]) for r in spark_rows(spark, catalog, rows)}


def duckdb_rows(catalog: lkip_rules.Catalog, rows: list[Row]) -> list[tuple[Any, ...]]:
    lkip_input = frame(rows, catalog)
    con = duckdb.connect()
    try:
        con.register("lkip_input", lkip_input)
        return con.sql(sql(catalog, "lkip_input", columns=lkip_input.columns)).fetchall()
    finally:
        con.close()
