"""The scalar, Polars and DuckDB paths agree, row by row."""

from __future__ import annotations

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
