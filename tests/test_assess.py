"""Catalog.assess, the fast scalar path: the four figures of every indicator, the same as evaluate's."""

from __future__ import annotations

import tempfile
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

import lkip_rules
from lkip_rules import Assessment, Data
from lkip_rules.errors import ArgumentError, CatalogValidationError
from tests import bulk_support as bulk
from tests import toml_writer
from tests.test_bulk_properties import catalogs, rows

DINKES = Path(__file__).parent / "agencies" / "dinkes"


def four(result: lkip_rules.IndicatorResult) -> Assessment:
    return Assessment(
        result.status, result.realisation, result.achievement, result.category.code if result.category else None
    )


def assert_same(catalog: lkip_rules.Catalog, year: int, data: Data, quarter: int | None = None) -> None:
    fast = catalog.assess(year, data, quarter=quarter)
    full = catalog.evaluate(year, data, quarter=quarter)
    assert list(fast) == list(full.indicators)  # the catalog's order
    assert {i: four(r) for i, r in full.indicators.items()} == fast


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_the_bundled_catalog_as_evaluate_gives_it(year: int) -> None:
    """Realisations given in the data, growth, avg, budget-weighted parents of three levels."""
    catalog = lkip_rules.load_catalog(lkip_rules.BUNDLED_CATALOG)
    assert_same(catalog, year, catalog.data)


@pytest.mark.parametrize("quarter", [None, 1, 2, 3, 4])
@pytest.mark.parametrize("year", [2024, 2025])
def test_another_agency_every_year_and_quarter(year: int, quarter: int | None) -> None:
    """Negative, range, zero-target and quarterly indicators of the independent Dinkes catalog."""
    catalog = lkip_rules.load_catalog(DINKES / "catalog.toml")
    assert_same(catalog, year, lkip_rules.load_data(DINKES / "data"), quarter)


def test_figures_worked_by_hand() -> None:
    """koperasi_nib_simpan_pinjam: 60 / 982 x 100 = 6.1099... printed 6.11 (half-up); against the
    target 2.5 on the printed figure: 6.11 / 2.5 x 100 = 244.4, printed 244.40, above 100: SB."""
    catalog = lkip_rules.load_catalog(lkip_rules.BUNDLED_CATALOG)
    found = catalog.assess(2025)
    assert found["koperasi_nib_simpan_pinjam"] == Assessment("ok", D("6.11"), D("244.40"), "SB")


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=60)
@given(catalogs(), rows)
def test_generated_catalogs_as_evaluate_gives_them(document: dict[str, Any], data: list[bulk.Row]) -> None:
    """Every polarity, zero-target rule, basis, rounding, cap and floor; weighted, mean and min
    parents; indicators used by others; missing and zero figures."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "catalog.toml"
        path.write_text(toml_writer.dumps(document), "utf-8")
        catalog = lkip_rules.load_catalog(path)
    values: dict[str, dict[int, object]] = {}
    for row in data:
        if row["entity"] == "e1":
            for name in catalog.inputs:
                if name in row:
                    values.setdefault(name, {})[row["year"]] = row[name]
    figures = Data.from_values(values)
    for year in (2024, 2025, 2026):
        assert_same(catalog, year, figures)


def test_an_indicator_a_catalog_error_touches_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "catalog.toml").write_text(
        '[catalog]\nid = "c"\nname = "C"\nperiod = [2025, 2025]\n[inputs.a]\nname = "A"\n'
        '[indicators.x]\nname = "X"\nlevel = "iku"\nformula = "a + nothing"\ntargets = { 2025 = 1 }\n',
        "utf-8",
    )
    catalog = lkip_rules.load_catalog(tmp_path)
    assert catalog.assess(2025, Data.from_values({"a": {2025: 1}}))["x"] == Assessment("error")


def test_the_same_data_is_refused_as_by_evaluate() -> None:
    catalog = lkip_rules.load_catalog(lkip_rules.BUNDLED_CATALOG)
    with pytest.raises(CatalogValidationError, match="did you mean 'koperasi_aktif'"):
        catalog.assess(2025, Data.from_values({"koperasi_aktf": {2025: 982}}))
    with pytest.raises(ArgumentError):
        catalog.assess("2025")  # type: ignore[arg-type]
    with pytest.raises(ArgumentError):
        catalog.assess(2025, {"koperasi_aktif": 982})  # type: ignore[arg-type]


def test_the_bundled_catalog_as_a_hand_written_function_gives_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """The baseline of benchmarks/bench_assess_bundled.py, written from the catalog's rules
    without the library, is a second implementation: assess and evaluate must agree with it."""
    import importlib

    monkeypatch.syspath_prepend(str(Path(__file__).parent.parent / "benchmarks"))
    bench: Any = importlib.import_module("bench_assess_bundled")
    catalog = lkip_rules.load_catalog(lkip_rules.BUNDLED_CATALOG)
    targets = bench.matches_the_catalog(catalog)
    statuses = set()
    for figures in bench.agencies(catalog, 30, seed=3):
        by_hand = bench.by_hand(figures, targets)
        assert bench.with_assess(catalog, figures) == by_hand == bench.with_evaluate(catalog, figures)
        statuses |= {row[3] for row in by_hand.values()}
    assert statuses == {"ok", "missing-data", "undefined"}
