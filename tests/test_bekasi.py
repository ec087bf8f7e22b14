"""The bundled Bekasi catalog against values worked by hand from the report's raw figures.

tests/golden/bekasi-2025.toml was computed with fractions.Fraction from the report's raw
figures (see its header), not with this library. A few of the most telling figures are also
worked out right here, so the test stands even without that file.
"""

from __future__ import annotations

import tomllib
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

import lkip_rules

ROOT = Path(__file__).parent.parent
CATALOG = ROOT / "indicators" / "bekasi-diskopukm"
GOLDEN = tomllib.loads((ROOT / "tests" / "golden" / "bekasi-2025.toml").read_text("utf-8"), parse_float=Decimal)


@pytest.fixture(scope="module")
def results() -> lkip_rules.Results:
    return lkip_rules.load_catalog(CATALOG).evaluate(2025)


def test_catalog_is_valid() -> None:
    catalog = lkip_rules.load_catalog(CATALOG)
    # The report gives no 2024 target for Nilai AKIP (A12 in docs/reference-figures.md).
    assert [(i.severity, i.code, i.key_path) for i in catalog.validate()] == [
        ("warning", "missing-target", "indicators.nilai_akip.targets")
    ]


def test_every_indicator_is_expected(results: lkip_rules.Results) -> None:
    # The "% kinerja" cascade of Tabel 3.14 (kinerja_*) is worked by hand in tests/test_cascade.py.
    cascade = {
        ind.id for ind in lkip_rules.load_catalog(CATALOG).indicators.values() if ind.file.endswith("cascade.toml")
    }
    assert set(GOLDEN["indicators"]) == {r.id for r in results} - cascade


@pytest.mark.parametrize("indicator_id", sorted(GOLDEN["indicators"]))
def test_indicator_matches_hand_worked_values(results: lkip_rules.Results, indicator_id: str) -> None:
    expected: dict[str, Any] = GOLDEN["indicators"][indicator_id]
    got = results[indicator_id]
    assert got.status == expected["status"], got.message
    assert got.level == expected["level"]
    for key in ("target", "realisation", "achievement"):
        assert getattr(got, key) == expected.get(key), key
    assert (got.category.code if got.category else None) == expected.get("category")
    assert got.realisation_given == expected.get("realisation_given", False)
    if "realisation_exact_fraction" in expected:
        exact = Fraction(expected["realisation_exact_fraction"])
        assert got.realisation_exact is not None
        assert abs(Fraction(got.realisation_exact) - exact) <= abs(exact) * Fraction(1, 10**26)
    previous = got.previous
    assert (previous.realisation if previous else None) == expected.get("previous_realisation")
    assert (previous.achievement if previous else None) == expected.get("previous_achievement")
    end = got.end_target
    assert (end.target if end else None) == expected.get("end_target")
    assert (end.achievement if end else None) == expected.get("end_achievement")


def _half_up(q: Fraction) -> Decimal:
    return (Decimal(q.numerator) / Decimal(q.denominator)).quantize(Decimal("0.01"), ROUND_HALF_UP)


@pytest.mark.parametrize(
    ("indicator_id", "numerator", "denominator", "target", "printed_realisation", "printed_achievement"),
    [
        ("koperasi_nib_simpan_pinjam", 60, 982, Fraction(5, 2), "6.1", "244"),  # F04
        ("sdm_koperasi_meningkat", 412, 2946, Fraction(17, 2), "13.98", "144.7"),  # F01, F02
        ("umkm_naik_kelas", 9, 8303, Fraction(1, 10), "0.1", "100"),  # F05
        ("koperasi_patuh_regulasi", 102, 982, Fraction(10), "10.39", "103.90"),
        ("mikro_informal_ke_formal", 3679, 8303, Fraction(40), "44.31", "110.78"),
        ("usaha_informal_diberdayakan", 462, 2934, Fraction(10), "15.75", "157.5"),
    ],
)
def test_percentages_follow_the_arithmetic_not_the_print(
    results: lkip_rules.Results,
    indicator_id: str,
    numerator: int,
    denominator: int,
    target: Fraction,
    printed_realisation: str,
    printed_achievement: str,
) -> None:
    realisation = _half_up(Fraction(numerator * 100, denominator))
    achievement = _half_up(Fraction(realisation) / target * 100)
    got = results[indicator_id]
    assert (got.realisation, got.achievement) == (realisation, achievement)
    printed = (Decimal(printed_realisation), Decimal(printed_achievement))
    assert printed == (got.realisation, got.achievement) or indicator_id not in (
        "koperasi_patuh_regulasi",
        "mikro_informal_ke_formal",
        "usaha_informal_diberdayakan",
    )


def test_growth_of_koperasi_volume_scored_against_two_targets(results: lkip_rules.Results) -> None:
    growth = Fraction(357_122_775_671 - 324_836_375_142, 324_836_375_142) * 100
    assert results["pertumbuhan_volume_koperasi"].realisation == _half_up(growth) == Decimal("9.94")
    assert results["pertumbuhan_volume_koperasi"].achievement == _half_up(Fraction(994, 1) / Fraction(3, 2))
    assert results["peningkatan_volume_koperasi"].achievement == Decimal("994.00")


def test_umkm_category_changes_when_the_arithmetic_is_followed(results: lkip_rules.Results) -> None:
    # Printed: 0.1 of 0.1 = 100 (Baik). 9 / 8303 * 100 = 0.108... -> 0.11 -> 110.00: Sangat Baik.
    got = results["umkm_naik_kelas"]
    assert got.category is not None and (got.category.code, got.category.label) == ("SB", "Sangat Baik")


def test_previous_year_and_benchmark(results: lkip_rules.Results) -> None:
    volume = results["peningkatan_volume_koperasi"]
    assert volume.previous is not None
    assert (volume.previous.year, volume.previous.realisation, volume.previous.trend) == (
        2024,
        Decimal("1.05"),
        "improved",
    )
    benchmark = results["koperasi_berkualitas"].benchmark
    assert benchmark is not None
    assert (benchmark.year, benchmark.target, benchmark.realisation) == (
        2024,
        Decimal("7.5"),
        Decimal("10.87"),
    )
    assert benchmark.achievement == _half_up(Fraction(1087, 750) * 100) == Decimal("144.93")


def test_results_to_dict_is_json_ready_and_exact(results: lkip_rules.Results) -> None:
    import json

    data = json.loads(json.dumps(results.to_dict()))
    by_id = {item["id"]: item for item in data["indicators"]}
    assert by_id["sdm_koperasi_meningkat"]["realisation"] == "13.99"
    assert by_id["sdm_koperasi_meningkat"]["realisation_exact"] == str(Decimal(41200) / Decimal(2946))
    assert by_id["umkm_naik_kelas"]["category"] == {"code": "SB", "label": "Sangat Baik"}
