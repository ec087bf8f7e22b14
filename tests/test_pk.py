"""The Perjanjian Kinerja table: the bundled catalog reproduces the reference report's Tabel 2.3/2.4."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from click.testing import CliRunner

import lkip_rules
from lkip_rules.cli import main
from lkip_rules.reports.pk import perjanjian_kinerja


def test_the_bundled_catalog_gives_tabel_2_3_and_2_4() -> None:
    catalog = lkip_rules.load_catalog(lkip_rules.BUNDLED_CATALOG)
    agreement = perjanjian_kinerja(catalog, 2025, catalog.data)
    targets = {row.indicator: row.target for row in agreement.rows}
    # Tabel 2.4 (RPJMD): 20 and 0.1 percent; Tabel 2.3 (RPD): Nilai AKIP 76, the two volumes 1 percent
    assert targets["Persentase Koperasi yang Berkualitas"] == D(20)
    assert targets["Persentase Usaha Mikro menjadi Usaha Kecil"] == D("0.1")
    assert targets["Nilai AKIP Diskopukm"] == D(76)
    # the totals printed in Tabel 2.3 / 2.4 (lines 629, 650)
    assert (agreement.total_murni, agreement.total) == (D(13_479_433_500), D(12_545_556_074))
    assert len(agreement.programs) == 8 and not agreement.revised


def test_a_revised_target_is_shown_beside_the_signed_one(tmp_path: Path) -> None:
    (tmp_path / "catalog.toml").write_text(
        '[catalog]\nid = "t"\nname = "Dinas T"\nperiod = [2025, 2029]\n[inputs.a]\nname = "A"\n'
        '[indicators.s]\nname = "Sasaran S"\nlevel = "sasaran"\n'
        '[indicators.i]\nname = "IKU I"\nlevel = "iku"\nparent = "s"\nunit = "%"\nformula = "a"\n'
        "targets = { 2025 = 20 }\ntargets_initial = { 2025 = 25 }\n"
        '[budget.p]\nname = "Program P"\nlevel = "program"\ncode = "3.30.04"\n',
        "utf-8",
    )
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "2025.toml").write_text("[budget.p]\npagu_murni = 1000\npagu = 900\n", "utf-8")
    run = CliRunner().invoke(main, ["pk", str(tmp_path), "--format", "csv"])
    assert run.exit_code == 0, run.output
    assert "No.,Sasaran Strategis,Indikator Kinerja,Satuan,Target Tahunan,Target PK Awal" in run.output
    assert "1.,Sasaran S,IKU I,%,20,25" in run.output
    assert "1.,3.30.04,Program P,1000,900" in run.output and ",,Total,1000,900" in run.output


def test_the_evaluation_table_names_the_signed_target_beside_the_one_in_force(tmp_path: Path) -> None:
    test_a_revised_target_is_shown_beside_the_signed_one(tmp_path)
    (tmp_path / "data" / "2025.toml").write_text("[inputs]\na = 18\n", "utf-8")
    run = CliRunner().invoke(main, ["evaluate", str(tmp_path), "--year", "2025", "--format", "csv"])
    assert run.exit_code == 0, run.output
    row = next(line for line in run.output.splitlines() if line.startswith("i,"))
    # 18 against the 20 in force: 90, not the 72 the signed 25 would give
    assert row == 'i,Sasaran S,IKU I,%,20,18.00,90.00,B (Baik),,,,,"terhitung (target PK awal 25, direvisi)"'
    english = CliRunner().invoke(main, ["evaluate", str(tmp_path), "--year", "2025", "--format", "csv", "--lang", "en"])
    assert "ok (signed PK target 25, revised)" in english.output


def test_programs_without_a_kode_get_no_empty_column() -> None:
    run = CliRunner().invoke(main, ["pk", "--format", "csv"])
    assert run.exit_code == 0, run.output
    assert "No.,Program,Anggaran APBD (Rp),Anggaran Perubahan APBD (Rp)" in run.output
    assert "1.,Program Pelayanan Izin Usaha Simpan Pinjam,100000000,60121800" in run.output
    assert ",Total,13479433500,12545556074" in run.output
