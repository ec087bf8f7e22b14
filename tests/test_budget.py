"""Budget of the bundled catalog against hand-worked Fraction values (tests/golden/bekasi-budget-2025.toml)."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import lkip_rules

ROOT = Path(__file__).parent.parent
GOLDEN = tomllib.loads((ROOT / "tests/golden/bekasi-budget-2025.toml").read_text("utf-8"), parse_float=Decimal)


@pytest.fixture(scope="module")
def results() -> lkip_rules.Results:
    return lkip_rules.load_catalog(ROOT / "indicators/bekasi-diskopukm").evaluate(2025)


@pytest.mark.parametrize("line_id", sorted(GOLDEN["budget"]))
def test_budget_line(results: lkip_rules.Results, line_id: str) -> None:
    expected: dict[str, Any] = GOLDEN["budget"][line_id]
    got = results.budget[line_id]
    assert (got.level, got.pagu, got.realisasi, got.serapan, got.sisa) == (
        expected["level"],
        expected["pagu"],
        expected["realisasi"],
        expected["serapan"],
        expected["sisa"],
    )
    assert got.children_pagu == expected.get("children_pagu")
    assert got.children_realisasi == expected.get("children_realisasi")


@pytest.mark.parametrize("indicator_id", sorted(GOLDEN["indicators"]))
def test_budget_behind_an_indicator(results: lkip_rules.Results, indicator_id: str) -> None:
    expected = GOLDEN["indicators"][indicator_id]
    summary = results[indicator_id].budget
    assert summary is not None
    assert sorted(summary.lines) == sorted(expected["lines"])
    assert (summary.pagu, summary.realisasi, summary.serapan) == (
        expected["pagu"],
        expected["realisasi"],
        expected["serapan"],
    )


def test_agency_total(results: lkip_rules.Results) -> None:
    expected = GOLDEN["total"]
    total = results.budget_total
    assert total is not None
    assert (total.pagu, total.realisasi, total.serapan) == (
        expected["pagu"],
        expected["realisasi"],
        expected["serapan"],
    )
    assert total.pagu - total.realisasi == expected["sisa"]  # type: ignore[operator]


def test_efficiency_is_achievement_minus_absorption(results: lkip_rules.Results) -> None:
    # 13.99 / 8.5 -> 164.59; 333,603,030 / 371,820,000 -> 89.72; 164.59 - 89.72 = 74.87
    summary = results["sdm_koperasi_meningkat"].budget
    assert summary is not None and summary.efficiency == Decimal("74.87")


def test_penunjang_kegiatan_do_not_add_up(results: lkip_rules.Results) -> None:
    line = results.budget["p_penunjang"]
    # 8,998,000 + 7,112,548,000 + 346,401,000 + 518,166,274 + 387,000,000 = 8,373,113,274
    assert line.children_pagu == 8_998_000 + 7_112_548_000 + 346_401_000 + 518_166_274 + 387_000_000
    assert line.adds_up is False
    assert "75250000" in line.message.replace(".", "") or "8373113274" in line.message
