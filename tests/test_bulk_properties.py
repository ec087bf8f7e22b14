"""For generated catalogs and data, the scalar, Polars and DuckDB paths agree on every row."""

from __future__ import annotations

import os
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lkip_rules
from tests import bulk_support as bulk
from tests import toml_writer

INPUTS = ["a", "b", "c"]
YEARS = [2024, 2025, 2026]
amounts = st.decimals(min_value=-50, max_value=500, places=2, allow_nan=False, allow_infinity=False)
targets = st.one_of(
    st.decimals(min_value=0, max_value=200, places=1, allow_nan=False, allow_infinity=False),
    st.tuples(
        st.decimals(min_value=0, max_value=100, places=1, allow_nan=False, allow_infinity=False),
        st.decimals(min_value=0, max_value=100, places=1, allow_nan=False, allow_infinity=False),
    ).map(lambda pair: sorted(pair)),
)
formulas = st.sampled_from(
    [
        "a",
        "pct(a, b)",
        "a / b * 100",
        "growth(a)",
        "avg(a, b, c)",
        "a - b[N-1]",
        "if(b > 0, a / b, 0)",
        "coalesce(c, a) + 1",
        "max(a, b) - min(b, c)",
        "round(a / 3, 1)",
        "abs(a - b)",
        "a[2025] + b",
        "(2 * a - b) / 3",
    ]
)


@st.composite
def catalogs(draw: st.DrawFn) -> dict[str, Any]:
    indicators: dict[str, Any] = {
        "parent": {
            "name": "Parent",
            "level": "sasaran",
            "aggregate": draw(st.sampled_from(["mean", "min", "weighted"])),
        }
    }
    count = draw(st.integers(1, 4))
    for i in range(count):
        entry: dict[str, Any] = {
            "name": f"Indicator {i}",
            "level": "iku",
            "parent": "parent",
            "weight": draw(st.integers(1, 3)),
            "formula": draw(formulas) if i == 0 else draw(formulas | st.just("ind0 * 2")),
            "targets": {str(y): draw(targets) for y in draw(st.sets(st.sampled_from(YEARS), min_size=1))},
            "polarity": draw(st.sampled_from(["positive", "negative", "stable"])),
            "negative_method": draw(st.sampled_from(["mirror", "inverse"])),
            "zero_target": draw(st.sampled_from(["undefined", "met"])),
            "basis": draw(st.sampled_from(["rounded", "exact"])),
            "decimals": draw(st.integers(0, 3)),
            "rounding": draw(st.sampled_from(["half-up", "down", "half-even"])),
        }
        if draw(st.booleans()):
            entry["cap"] = draw(st.sampled_from([Decimal(100), Decimal(120)]))
        if draw(st.booleans()):
            entry["floor"] = Decimal(-10)
        indicators[f"ind{i}"] = entry
    return {
        "catalog": {"id": "gen", "name": "Generated", "period": [2024, 2026]},
        "inputs": {name: {"name": name} for name in INPUTS},
        "indicators": indicators,
    }


rows = st.lists(
    st.fixed_dictionaries(
        {"entity": st.sampled_from(["e1", "e2"]), "year": st.sampled_from(YEARS)},
        optional={name: st.one_of(st.none(), st.just(Decimal(0)), amounts) for name in INPUTS},
    ),
    min_size=1,
    max_size=6,
    unique_by=lambda row: (row["entity"], row["year"]),
)


# Each example runs three engines; BULK_EXAMPLES=2000 digs deeper than the default.
@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=int(os.environ.get("BULK_EXAMPLES", "60")))
@given(catalogs(), rows)
def test_three_paths_agree(document: dict[str, Any], data: list[bulk.Row]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "catalog.toml"
        path.write_text(toml_writer.dumps(document), "utf-8")
        catalog = lkip_rules.load_catalog(path)
    if any(i.severity == "error" for i in catalog.validate(lkip_rules.Data())):
        return  # e.g. a stable target range generated upside down is refused at load; nothing to compare
    expected = bulk.scalar(catalog, data)
    assert bulk.differences(expected, bulk.polars_path(catalog, data)) == []
    assert bulk.differences(expected, bulk.duckdb_path(catalog, data)) == []
