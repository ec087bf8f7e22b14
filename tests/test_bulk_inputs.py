"""Bulk inputs are held to the rules of data files, on both engines, with the same words."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

import lkip_rules
from lkip_rules.bulk import BulkError, run_duckdb

CATALOG = lkip_rules.load_catalog(lkip_rules.BUNDLED_CATALOG)


def both_engines(tmp_path: Path, column: pl.Series) -> list[str]:
    frame = pl.DataFrame({"entity": ["a", "b"], "year": [2025, 2025]}).with_columns(column)
    frame.write_parquet(tmp_path / "in.parquet")
    messages = []
    for run in (
        lambda: CATALOG.evaluate_frame(frame),
        lambda: run_duckdb(CATALOG, tmp_path / "in.parquet", tmp_path / "out.parquet"),
    ):
        with pytest.raises(BulkError) as caught:
            run()
        messages.append(str(caught.value))
    return messages


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ([982.0, float("nan")], "column 'koperasi_aktif', row entity = b, year = 2025: nan is not a figure"),
        ([982.0, float("inf")], "column 'koperasi_aktif', row entity = b, year = 2025: inf is not a figure"),
        ([982.0, 1e300], "1e+300 is beyond 16 digits before the decimal point"),
        (
            [982.0, 1.982],
            "1.982 is not a whole number, and 'koperasi_aktif' is a count (by its unit): did you mean 1982?",
        ),
    ],
)
def test_bad_values_are_refused_the_same_way_on_both_engines(tmp_path: Path, values: list[float], message: str) -> None:
    polars_says, duckdb_says = both_engines(tmp_path, pl.Series("koperasi_aktif", values))
    assert message in polars_says and message in duckdb_says


def test_a_date_column_is_no_column_of_figures(tmp_path: Path) -> None:
    polars_says, duckdb_says = both_engines(tmp_path, pl.Series("koperasi_aktif", [date(2025, 1, 1), None]))
    assert "columns of figures must hold numbers: 'koperasi_aktif' is a Date column" in polars_says
    assert "'koperasi_aktif' is a DATE column" in duckdb_says


def test_an_indicator_a_catalog_error_touches_is_error_in_bulk_as_in_the_scalar_path(tmp_path: Path) -> None:
    (tmp_path / "catalog.toml").write_text(
        '[catalog]\nid = "t"\nname = "T"\nperiod = [2025, 2029]\n[inputs.a]\nname = "A"\n'
        '[indicators.i]\nname = "I"\nlevel = "iku"\nformula = "a"\nscale = "tidak-ada"\ntargets = { 2025 = 1 }\n'
        '[indicators.j]\nname = "J"\nlevel = "iku"\nformula = "a"\ntargets = { 2025 = 1 }\n',
        "utf-8",
    )
    catalog = lkip_rules.load_catalog(tmp_path)
    out = catalog.evaluate_frame(pl.DataFrame({"entity": ["e"], "year": [2025], "a": [2.0]}))
    statuses = dict(zip(out["indicator"].to_list(), out["status"].to_list(), strict=True))
    assert statuses == {"i": "error", "j": "ok"}
    scalar = catalog.evaluate(2025, lkip_rules.Data.from_values({"a": {2025: 2}}))
    assert {r.id: r.status for r in scalar} == statuses
    assert "'error'" in lkip_rules.bulk.sql(catalog)  # the SQL is written (no KeyError on the unknown scale)
