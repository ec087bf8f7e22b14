"""Policies declared in TOML, evaluated through a whole catalog, against hand-worked values."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import lkip_rules

D = Decimal

CATALOG = """\
[catalog]
id = "policies"
name = "Dinas Uji"
period = [2024, 2026]

[inputs.waktu]
name = "Rata-rata waktu layanan (bulan)"
[inputs.kasus]
name = "Jumlah kasus"
[inputs.penjualan]
name = "Penjualan per triwulan"
rollup = "sum"
[inputs.stok]
name = "Stok akhir triwulan"
rollup = "last"
[inputs.suhu]
name = "Suhu rata-rata"
rollup = "avg"
[inputs.puncak]
name = "Antrian tertinggi"
rollup = "max"
[inputs.terendah]
name = "Antrian terendah"
rollup = "min"

[indicators.waktu_layanan]
name = "Waktu layanan"
level = "program"
polarity = "negative"
formula = "waktu"
targets = { 2025 = [7, 8], 2026 = 7 }

[indicators.kasus_inverse]
name = "Kasus (inverse)"
level = "program"
polarity = "negative"
negative_method = "inverse"
formula = "kasus"
targets = { 2025 = 8 }

[indicators.kasus_stabil]
name = "Kasus (stabil)"
level = "program"
polarity = "stable"
formula = "kasus"
targets = { 2025 = 8 }

[indicators.nol_undefined]
name = "Kasus baru (target 0, undefined)"
level = "program"
polarity = "negative"
zero_target = "undefined"
formula = "kasus"
targets = { 2025 = 0 }

[indicators.nol_met]
name = "Kasus baru (target 0, met)"
level = "program"
polarity = "negative"
zero_target = "met"
formula = "kasus - 10"
targets = { 2025 = 0 }

[indicators.nol_met_missed]
name = "Kasus baru (target 0, missed)"
level = "program"
polarity = "negative"
zero_target = "met"
formula = "kasus"
targets = { 2025 = 0 }

[indicators.penjualan_total]
name = "Penjualan"
level = "kegiatan"
formula = "penjualan"
targets = { 2025 = 40 }

[indicators.stok_akhir]
name = "Stok"
level = "kegiatan"
formula = "stok"
targets = { 2025 = 10 }

[indicators.suhu_rata]
name = "Suhu"
level = "kegiatan"
formula = "suhu"
targets = { 2025 = 20 }

[indicators.antrian]
name = "Antrian tertinggi dan terendah"
level = "kegiatan"
formula = "puncak - terendah"
targets = { 2025 = 5 }

[indicators.capped]
name = "Capped"
level = "kegiatan"
cap = 120
formula = "kasus * 2"
targets = { 2025 = 10 }

[indicators.induk]
name = "Weighted parent"
level = "sasaran"
aggregate = "weighted"

[indicators.anak_a]
name = "Child A"
level = "iku"
parent = "induk"
weight = 3
formula = "kasus"
targets = { 2025 = 8 }

[indicators.anak_b]
name = "Child B"
level = "iku"
parent = "induk"
weight = 1
formula = "kasus / 2"
targets = { 2025 = 8 }
"""

DATA_2025 = """\
[inputs]
waktu = 6.5
kasus = 10
penjualan = { q1 = 10, q2 = 0, q4 = 15 }
stok = { q1 = 12, q2 = 9, q3 = 11 }
suhu = { q1 = 20, q2 = 22, q3 = 21, q4 = 25 }
puncak = { q1 = 9, q2 = 12, q3 = 10, q4 = 8 }
terendah = { q1 = 3, q2 = 2, q3 = 4, q4 = 5 }
"""


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> lkip_rules.Catalog:
    root: Path = tmp_path_factory.mktemp("policies")
    (root / "data").mkdir()
    (root / "catalog.toml").write_text(CATALOG, "utf-8")
    (root / "data" / "2025.toml").write_text(DATA_2025, "utf-8")
    (root / "data" / "2026.toml").write_text("[inputs]\nwaktu = 9\n", "utf-8")
    found = lkip_rules.load_catalog(root)
    # Only 2026 figures without 2026 targets are worth a word (the tests score 2025).
    assert {i.code for i in found.validate()} == {"missing-target"}
    return found


def test_negative_range_below_and_above(catalog: lkip_rules.Catalog) -> None:
    assert catalog.evaluate(2025)["waktu_layanan"].achievement == D("107.14")  # (14 - 6.5) / 7
    later = catalog.evaluate(2026)["waktu_layanan"]
    assert later.achievement == D("71.43")  # single target 7: (14 - 9) / 7 = 71.428...
    assert later.category is not None and later.category.code == "C"
    assert later.previous is not None and later.previous.trend == "declined"  # 6.5 -> 9, lower is better


def test_negative_inverse_and_stable(catalog: lkip_rules.Catalog) -> None:
    results = catalog.evaluate(2025)
    assert results["kasus_inverse"].achievement == D("80.00")  # 8 / 10
    assert results["kasus_stabil"].achievement == D("75.00")  # 1 - |1 - 10/8| = 0.75


def test_zero_target_policies(catalog: lkip_rules.Catalog) -> None:
    results = catalog.evaluate(2025)
    undefined = results["nol_undefined"]
    assert (undefined.status, undefined.achievement, undefined.category) == ("undefined", None, None)
    assert "target is 0" in undefined.message
    assert results["nol_met"].achievement == D("100.00")  # kasus - 10 = 0 <= 0
    assert results["nol_met_missed"].achievement == D("0.00")  # 10 > 0


def test_quarterly_rollups_for_the_year(catalog: lkip_rules.Catalog) -> None:
    results = catalog.evaluate(2025)
    sales = results["penjualan_total"]
    assert sales.status == "missing-data"  # q3 is blank: no sum, never a quiet 0
    assert "q3 is blank" in sales.message
    assert results["stok_akhir"].realisation == D("11.00")  # last filled quarter, q3
    assert results["suhu_rata"].realisation == D("22.00")  # (20 + 22 + 21 + 25) / 4
    assert results["antrian"].realisation == D("10.00")  # max 12 - min 2


@pytest.mark.parametrize(
    ("quarter", "sales", "stock", "temperature", "queue"),
    [
        (1, "10.00", "12.00", "20.00", "6.00"),
        (2, "10.00", "9.00", "21.00", "10.00"),
        (3, None, "11.00", "21.00", "10.00"),
    ],
)
def test_evaluation_up_to_a_quarter(
    catalog: lkip_rules.Catalog, quarter: int, sales: str | None, stock: str, temperature: str, queue: str
) -> None:
    results = catalog.evaluate(2025, quarter=quarter)
    assert results.quarter == quarter
    assert results["penjualan_total"].realisation == (D(sales) if sales else None)  # q2 = 0 is a value
    assert results["stok_akhir"].realisation == D(stock)
    assert results["suhu_rata"].realisation == D(temperature)
    assert results["antrian"].realisation == D(queue)
    # Without a Rencana Aksi target for the quarter, nothing is scored against the year's 40: the
    # progress toward it is its own figure.
    sales_result = results["penjualan_total"]
    assert sales_result.achievement is None and sales_result.target is None
    assert sales_result.year_target == D(40)
    assert sales_result.year_progress == (D(sales) / 40 * 100 if sales else None)
    if sales:
        assert sales_result.status == "missing-data" and "no Rencana Aksi target for q" in sales_result.message


def test_cap(catalog: lkip_rules.Catalog) -> None:
    capped = catalog.evaluate(2025)["capped"]
    assert capped.achievement == D("120.00")  # 20 / 10 = 200 -> capped
    assert "capped at 120" in capped.message


def test_weighted_parent(catalog: lkip_rules.Catalog) -> None:
    # A: 10 / 8 = 125.00; B: 5 / 8 = 62.50; weighted (3 x 125 + 62.5) / 4 = 109.375 -> 109.38
    parent = catalog.evaluate(2025)["induk"]
    assert parent.achievement == D("109.38")
    assert parent.category is not None and parent.category.code == "SB"


def test_missing_year_gives_missing_data_for_every_indicator(catalog: lkip_rules.Catalog) -> None:
    results = catalog.evaluate(2024)
    assert {r.status for r in results} == {"missing-data"}
    assert all(r.achievement is None for r in results)


def test_bad_quarter_is_refused(catalog: lkip_rules.Catalog) -> None:
    with pytest.raises(ValueError, match="quarter must be 1, 2, 3 or 4"):
        catalog.evaluate(2025, quarter=5)
