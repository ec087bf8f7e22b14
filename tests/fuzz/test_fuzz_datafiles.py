"""Data files — TOML per year, CSV and XLSX in the layout input,year,quarter,value — read with
lkip_rules.datafiles.read, laid over the bundled catalog, and given to ``lkip --data``."""

from __future__ import annotations

from hypothesis import given

from tests.fuzz import checks, gen
from tests.fuzz.gen import FilesCase, fuzz_settings


@fuzz_settings(30)
@given(gen.toml_data)
def test_toml_data_files(case: FilesCase) -> None:
    checks.run(case)


@fuzz_settings(40)
@given(gen.csv_data)
def test_csv_files(case: FilesCase) -> None:
    checks.run(case)


@fuzz_settings(25)
@given(gen.xlsx_data)
def test_xlsx_files(case: FilesCase) -> None:
    checks.run(case)
