"""The scalar, Polars and DuckDB paths agree, row by row."""

from __future__ import annotations

from pathlib import Path

import pytest

import lkip_rules
from tests import bulk_support as bulk

CATALOG = lkip_rules.load_catalog(lkip_rules.BUNDLED_CATALOG)


@pytest.fixture(scope="module")
def agencies() -> list[bulk.Row]:
    return bulk.bekasi_agencies(CATALOG, 1000)


@pytest.fixture(scope="module")
def expected(agencies: list[bulk.Row]) -> dict[bulk.Key, bulk.Outcome]:
    return bulk.scalar(CATALOG, agencies)


def test_the_synthetic_agencies_cover_every_status(expected: dict[bulk.Key, bulk.Outcome]) -> None:
    statuses = {outcome[3] for outcome in expected.values()}
    assert {"ok", "missing-data", "undefined"} <= statuses
    assert len(expected) == 1000 * 2 * len(CATALOG.indicators)


def test_polars_agrees_with_the_scalar_path(agencies: list[bulk.Row], expected: dict[bulk.Key, bulk.Outcome]) -> None:
    assert bulk.differences(expected, bulk.polars_path(CATALOG, agencies))[:5] == []


def test_duckdb_agrees_with_the_scalar_path(agencies: list[bulk.Row], expected: dict[bulk.Key, bulk.Outcome]) -> None:
    assert bulk.differences(expected, bulk.duckdb_path(CATALOG, agencies))[:5] == []


def test_lkip_sql_runs_unchanged_on_duckdb_and_lkip_bulk_writes_parquet(tmp_path: Path) -> None:
    import duckdb
    import polars as pl
    from click.testing import CliRunner

    from lkip_rules.cli import main

    rows = bulk.bekasi_agencies(CATALOG, 40, seed=3)
    source = tmp_path / "agencies.parquet"
    bulk.frame(rows, CATALOG).write_parquet(source)
    printed = CliRunner().invoke(main, ["sql", "--columns-from", str(source)])
    assert printed.exit_code == 0, printed.output
    con = duckdb.connect()
    con.execute(f"CREATE VIEW lkip_input AS SELECT * FROM read_parquet('{source}')")
    from_sql = bulk._collect(con.sql(printed.output).pl())
    expected = bulk.scalar(CATALOG, rows)
    assert bulk.differences(expected, from_sql) == []
    for engine in ("duckdb", "polars"):
        target = tmp_path / f"out-{engine}.parquet"
        run = CliRunner().invoke(main, ["bulk", "--input", str(source), "--output", str(target), "--engine", engine])
        assert run.exit_code == 0, run.output
        assert f"{len(expected):,} baris".replace(",", ".") in run.output  # Indonesian by default
        assert bulk.differences(expected, bulk._collect(pl.read_parquet(target))) == []


def test_quarterly_rows_follow_each_inputs_rollup(tmp_path: Path) -> None:
    """Rows per quarter are evaluated 'up to that quarter', as Catalog.evaluate(year, quarter=k)."""
    from tests.test_catalog_policies import CATALOG as POLICIES

    (tmp_path / "catalog.toml").write_text(POLICIES, "utf-8")
    catalog = lkip_rules.load_catalog(tmp_path)
    import polars as pl

    quarters = {
        "penjualan": [10, 0, None, 15],
        "stok": [12, 9, 11, None],
        "suhu": [20, 22, 21, 25],
        "puncak": [9, 12, 10, 8],
        "terendah": [3, 2, 4, 5],
    }
    frame = pl.DataFrame(
        {
            "entity": ["x"] * 4,
            "year": [2025] * 4,
            "quarter": [1, 2, 3, 4],
            **{name: [None if v is None else float(v) for v in values] for name, values in quarters.items()},
        }
    )
    out = catalog.evaluate_frame(frame, quarter="quarter")
    for q in range(1, 5):
        values = {
            name: {2025: {i + 1: str(v) for i, v in enumerate(vals[:q]) if v is not None}}
            for name, vals in quarters.items()
        }
        scalar = catalog.evaluate(2025, _quarterly(values), quarter=q)
        for row in out.filter(pl.col("quarter") == q).iter_rows(named=True):
            result = scalar[row["indicator"]]
            if row["indicator"] in ("penjualan_total", "stok_akhir", "suhu_rata", "antrian"):
                assert (row["realisation"], row["status"]) == (result.realisation, result.status), (q, row)


def _quarterly(values: dict[str, dict[int, dict[int, str]]]) -> lkip_rules.Data:
    from decimal import Decimal

    from lkip_rules.catalog.model import YearData

    inputs = {name: {q: Decimal(v) for q, v in by_year[2025].items()} for name, by_year in values.items()}
    return lkip_rules.Data({2025: YearData(2025, "test", "", inputs=inputs)})


def test_output_order_is_fixed_and_a_catalog_without_indicators_gives_no_row(tmp_path: Path) -> None:
    """Rows by (entity, year, catalog order of indicators) on every call and every engine; an
    empty catalog is the output's columns with no row, not an engine's error."""
    import duckdb
    import polars as pl

    import lkip_rules
    from lkip_rules.bulk import evaluate_frame, sql
    from tests import bulk_support as bulk

    catalog = lkip_rules.load_catalog(lkip_rules.BUNDLED_CATALOG)
    agencies = bulk.bekasi_agencies(catalog, 4)
    shuffled = bulk.frame(agencies, catalog).sample(fraction=1.0, shuffle=True, seed=3)
    first, second = evaluate_frame(catalog, shuffled), evaluate_frame(catalog, shuffled.reverse())
    assert first.equals(second)
    order = {ind: n for n, ind in enumerate(catalog.indicators)}
    keys = [(r["entity"], r["year"], order[r["indicator"]]) for r in first.iter_rows(named=True)]
    assert keys == sorted(keys)
    assert [tuple(r) for r in first.rows()] == bulk.duckdb_rows(catalog, agencies)
    (tmp_path / "catalog.toml").write_text('[catalog]\nid = "x"\nname = "X"\nperiod = [2025, 2026]\n', "utf-8")
    empty = lkip_rules.load_catalog(tmp_path / "catalog.toml")
    frame = pl.DataFrame({"entity": ["a"], "year": [2025]})
    assert evaluate_frame(empty, frame).columns == first.columns and evaluate_frame(empty, frame).height == 0
    con = duckdb.connect()
    con.register("lkip_input", frame)
    assert con.sql(sql(empty, columns=frame.columns)).fetchall() == []


def test_run_polars_in_chunks_writes_what_evaluate_frame_gives(tmp_path: Path) -> None:
    """A few agencies at a time (here 3 input rows a chunk), the same rows in the same order."""
    import polars as pl

    import lkip_rules
    from lkip_rules.bulk import evaluate_frame, run_polars
    from tests import bulk_support as bulk

    catalog = lkip_rules.load_catalog(lkip_rules.BUNDLED_CATALOG)
    frame = bulk.frame(bulk.bekasi_agencies(catalog, 5), catalog)
    frame.sample(fraction=1.0, shuffle=True, seed=5).write_parquet(tmp_path / "in.parquet")
    frame.write_csv(tmp_path / "in.csv")
    from lkip_rules.bulk.stream import run_polars as chunked

    rows = chunked(catalog, tmp_path / "in.parquet", tmp_path / "out.parquet", chunk_rows=3)
    expected = evaluate_frame(catalog, frame)
    assert rows == expected.height and pl.read_parquet(tmp_path / "out.parquet").equals(expected)
    assert run_polars(catalog, tmp_path / "in.csv", tmp_path / "csv.parquet") == expected.height
    assert pl.read_parquet(tmp_path / "csv.parquet").equals(expected)
