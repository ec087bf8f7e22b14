"""Spark as a tested engine: the catalog's SQL rendered for Spark by sqlglot gives, row for row and
in the same order, what DuckDB and the scalar path give; run_spark and `lkip bulk --engine spark`
read Parquet and write it; bad inputs are refused as on the other engines. One local session
serves the whole module (Spark takes seconds to start)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings

import lkip_rules
from lkip_rules.bulk import BulkError, run_duckdb, run_spark, sql
from tests import bulk_support as bulk
from tests import toml_writer
from tests.test_bulk_properties import catalogs, rows

pytest.importorskip("pyspark", reason="Spark tests need the spark extra: pip install 'lkip-rules[spark]'")

BEKASI = lkip_rules.load_catalog(lkip_rules.BUNDLED_CATALOG)


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from lkip_rules.bulk.spark import local_session

    session = local_session()
    yield session
    session.stop()


def test_bekasi_over_200_agencies_agrees_row_for_row_and_in_order(spark: Any) -> None:
    agencies = bulk.bekasi_agencies(BEKASI, 200)
    got = bulk.spark_rows(spark, BEKASI, agencies)
    assert got == bulk.duckdb_rows(BEKASI, agencies)  # the same rows, in the same order
    order = {ind: n for n, ind in enumerate(BEKASI.indicators)}
    assert got == sorted(got, key=lambda r: (r[0], r[1], order[r[2]]))
    assert len(got) == len(agencies) * len(BEKASI.indicators)
    expected = bulk.scalar(BEKASI, agencies)
    assert bulk.differences(expected, {(r[0], r[1], r[2]): (r[3], r[4], r[5], r[6]) for r in got}) == []


@settings(
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    max_examples=int(os.environ.get("SPARK_EXAMPLES", "6")),
    deadline=None,
)
@given(catalogs(), rows)
def test_generated_catalogs_agree_with_the_scalar_path(spark: Any, document: dict[str, Any], data: list[Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "catalog.toml"
        path.write_text(toml_writer.dumps(document), "utf-8")
        catalog = lkip_rules.load_catalog(path)
    if any(i.severity == "error" for i in catalog.validate(lkip_rules.Data())) or not data:
        return
    assert bulk.differences(bulk.scalar(catalog, data), bulk.spark_path(spark, catalog, data)) == []


def _parquet(tmp_path: Path, rows: list[dict[str, Any]]) -> Path:
    source = tmp_path / "in.parquet"
    bulk.frame(rows, BEKASI).write_parquet(source)
    return source


def test_run_spark_writes_what_duckdb_writes(spark: Any, tmp_path: Path) -> None:
    source = _parquet(tmp_path, bulk.bekasi_agencies(BEKASI, 3))
    counted = run_spark(BEKASI, source, tmp_path / "spark.parquet", session=spark)
    assert counted == run_duckdb(BEKASI, source, tmp_path / "duck.parquet")
    on_spark = pl.read_parquet(tmp_path / "spark.parquet" / "*.parquet")
    assert on_spark.sort("entity", "year", "indicator").equals(
        pl.read_parquet(tmp_path / "duck.parquet").sort("entity", "year", "indicator")
    )


def test_the_command_runs_spark(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from lkip_rules.cli import main

    source = _parquet(tmp_path, bulk.bekasi_agencies(BEKASI, 2))
    output = tmp_path / "out.parquet"
    args = ["bulk", "--input", str(source), "--output", str(output), "--engine", "spark", "--lang", "en"]
    run = CliRunner().invoke(main, args)
    assert run.exit_code == 0, run.output
    assert f"{output}: {2 * 2 * len(BEKASI.indicators)} rows" in run.output
    assert pl.read_parquet(output / "*.parquet").height == 2 * 2 * len(BEKASI.indicators)
    (tmp_path / "file.parquet").write_text("x")
    args[4] = str(tmp_path / "file.parquet")
    refused = CliRunner().invoke(main, args)
    assert refused.exit_code == 2 and "is a file; Spark writes a folder" in refused.output


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda rows: [*rows, rows[0]], 'rows repeat "entity", "year" = a0000, 2024'),
        (lambda rows: [{**rows[0], "koperasi_aktif": Decimal("1.5")}], "is not a whole number"),
    ],
)
def test_bad_inputs_are_refused_as_on_duckdb(spark: Any, tmp_path: Path, change: Any, said: str) -> None:
    source = _parquet(tmp_path, change(bulk.bekasi_agencies(BEKASI, 1)))
    with pytest.raises(BulkError, match=said):
        run_spark(BEKASI, source, tmp_path / "out.parquet", session=spark)
    with pytest.raises(BulkError, match=said):
        run_duckdb(BEKASI, source, tmp_path / "duck.parquet")


def test_a_csv_is_refused_with_what_to_do(spark: Any, tmp_path: Path) -> None:
    (tmp_path / "in.csv").write_text("entity,year\na,2025\n")
    with pytest.raises(BulkError, match="Spark reads Parquet"):
        run_spark(BEKASI, tmp_path / "in.csv", tmp_path / "out.parquet", session=spark)


@pytest.mark.parametrize("dialect", ["spark", "trino", "postgres", "duckdb"])
def test_every_dialect_parses_back(dialect: str) -> None:
    import sqlglot

    text = sql(BEKASI, dialect=dialect)
    tree = sqlglot.parse_one(text, read=dialect)
    assert tree.find(sqlglot.exp.Order) is not None  # the deterministic order survives the rendering
    if dialect == "spark":
        assert "VARCHAR" not in text and "STRING" in text  # Spark refuses VARCHAR without a length


def test_an_unknown_dialect_is_our_error() -> None:
    with pytest.raises(BulkError, match="unknown SQL dialect 'oracle'; choose one of duckdb, spark"):
        sql(BEKASI, dialect="oracle")


def test_quarterly_rows_roll_up_on_spark_as_on_duckdb(spark: Any, tmp_path: Path) -> None:
    """Quarters 1..k summed, or the last filled one, by window functions rendered for Spark."""
    import duckdb

    from tests.test_sakip_year import DATA, load

    catalog = load(tmp_path)
    rows = [
        {"entity": "e", "year": year, "quarter": q, **{n: DATA[n].get(year, {}).get(f"q{q}") for n in DATA}}
        for year in (2024, 2025)
        for q in (1, 2, 3, 4)
    ]
    schema = {"entity": pl.String, "year": pl.Int64, "quarter": pl.Int64, "kasus": pl.Int64, "indeks": pl.String}
    frame = pl.DataFrame(rows, schema=schema)
    frame.write_parquet(tmp_path / "in.parquet")
    spark.read.parquet(str(tmp_path / "in.parquet")).createOrReplaceTempView("lkip_input")
    on_spark = spark.sql(sql(catalog, columns=frame.columns, quarter="quarter", dialect="spark")).collect()
    con = duckdb.connect()
    con.register("lkip_input", frame)
    on_duckdb = con.sql(sql(catalog, columns=frame.columns, quarter="quarter")).fetchall()
    assert [tuple(row) for row in on_spark] == on_duckdb
    assert any(row[-1] == "ok" for row in on_duckdb) and len(on_duckdb) == 8 * len(catalog.indicators)
