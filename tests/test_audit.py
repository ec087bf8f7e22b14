"""The audit of the bundled catalog finds exactly the figures the report got wrong.

Every expected finding below was worked out by hand from the report (docs/reference-figures.md
§4.4 lists them as F01..F32 with the arithmetic); the test asserts the audit's set of wrong
figures is exactly this set — nothing missed, and nothing the report got right.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

import lkip_rules
from lkip_rules.audit import Audit, audit

ROOT = Path(__file__).parent.parent


def pct(part: int, whole: int) -> str:
    """part / whole x 100 rounded half-up to 2 decimals, from Fractions."""
    q = Fraction(part * 100, whole) * 100
    return str(Decimal(int(q + Fraction(1, 2))) / 100)


TABEL_37_ROWS = 41_125_500 + 46_419_000 + 63_129_000 + 333_603_030 + 492_880_500
TABEL_315_PRINTED_ROWS = (
    7_327_081_454 + 71_250_000 + 36_009_000 + 182_135_800 + 238_932_000 + 492_880_500 + 561_491_250 + 1_979_793_445
)

# (subject, field, printed, right figure, cause, severity, root field) — worked by hand from the report's raw
# figures (docs/reference-figures.md §4.4); "right figure" is what should have been printed.
EXPECTED = {
    # F01: 412 / 2946 -> 13.99 -> 13.99 / 8.5 = 164.59 (the printed 13.98 / 8.5 would give 164.47; neither is 144.7)
    ("sdm_koperasi_meningkat", "achievement", "144.7", "164.59", "arithmetic", "error", None),
    ("sdm_koperasi_meningkat", "realisation", "13.98", "13.99", "rounding", "error", None),  # F02: truncated
    ("pertumbuhan_volume_koperasi", "achievement", "662.66", "662.67", "rounding", "error", None),  # F03: 9.94 / 1.5
    # F04: 60 / 982 = 6.109979... printed 6.1 (right at 1 decimal); 6.11 / 2.5 = 244.40 printed 244: info
    ("koperasi_nib_simpan_pinjam", "realisation", "6.1", "6.11", "precision", "info", None),
    ("koperasi_nib_simpan_pinjam", "achievement", "244", "244.40", "precision", "info", None),
    # F05: 9 / 8303 = 0.108394... printed 0.1 (right at 1 decimal); the achievement 0.1 / 0.1 = 100 follows from it,
    # but 0.11 / 0.1 = 110.00, so 100 is wrong, and so is the category B that follows from 100 (SB above 100)
    ("umkm_naik_kelas", "realisation", "0.1", "0.11", "precision", "info", None),
    ("umkm_naik_kelas", "achievement", "100", "110.00", "precision", "error", "realisation"),
    ("umkm_naik_kelas", "end_achievement", "100", "110.00", "precision", "error", "realisation"),
    ("umkm_naik_kelas", "category", "B", "SB", "follows", "error", "achievement"),
    ("umkm_naik_kelas", "realisation", "100", "0.11", "arithmetic", "error", None),  # F24: capaian as realisasi
    ("koperasi_berkualitas", "category", "B", "SB", "category", "error", None),  # F07: 100.3 is above 100
    # F10: the program rows of Tabel 3.7 add up to 977157030; the printed total left one row out, and the
    # printed 75.80 follows from that wrong total (914028030 / 1205908800 = 75.795...), the right one is 81.03
    ("koperasi_berkualitas", "realisasi", "914028030", str(TABEL_37_ROWS), "rollup", "error", None),
    ("koperasi_berkualitas", "serapan", "75.80", pct(TABEL_37_ROWS, 1_205_908_800), "follows", "error", "realisasi"),
    ("p_kesehatan", "realisasi", "63.129.00", "", "malformed", "error", None),  # F11
    ("k_kesehatan", "realisasi", "63.129.00", "", "malformed", "error", None),  # F11
    ("s_kesehatan", "realisasi", "63.129.00", "", "malformed", "error", None),  # F11
    ("k_adm_umum", "realisasi", "2.56.124.062", "", "malformed", "error", None),  # F12
    ("s_tamu", "serapan", "99.29", pct(19_856_000, 20_000_000), "arithmetic", "error", None),  # F13: exactly 99.28
    ("p_penunjang", "pagu", "8448363274", "8373113274", "rollup", "error", None),  # F14
    ("p_penunjang", "realisasi", "6900097751", "6841051251", "rollup", "error", None),  # F14
    # F15: 2025 realisasi of Tabel 3.15 / 3.16 copied from 2024. The % beside them are right (they follow from
    # the right realisasi), and so is the TOTAL 10418539476 (F16): neither is flagged.
    ("p_penunjang", "realisasi", "7327081454", "6900097751", "copied", "error", None),
    ("p_izin_usp", "realisasi", "71250000", "41125500", "copied", "error", None),
    ("p_pengawasan", "realisasi", "36009000", "46419000", "copied", "error", None),
    ("p_kesehatan", "realisasi", "182135800", "63129000", "copied", "error", None),
    ("p_diklat", "realisasi", "238932000", "333603030", "copied", "error", None),
    ("kinerja_keuangan_penunjang", "target", "100", "88", "two-targets", "error", None),  # F19
    ("kinerja_keuangan_penunjang", "realisation", "100", "81.67", "arithmetic", "error", None),  # F19, template
    ("kinerja_keuangan_penunjang", "realisation", "83.05", "81.67", "arithmetic", "error", None),  # F19, Tabel 3.14
    ("peningkatan_volume_koperasi", "target", "1, 1.5", "", "two-targets", "info", None),  # F20: about the catalog
    ("daya_saing_koperasi_umkm", "achievement", "100", "105.15", "arithmetic", "error", None),  # F26: mean(100.30, 110)
    # F21, Tabel 3.14: children 100, 90, 100 with pagu 102_533_000, 141_650_900, 457_920_000:
    # 68_793_881_000 / 702_103_900 = 97.982479... -> 97.98 budget-weighted; the kegiatan and its program print 100
    ("kinerja_k_pemberdayaan_mikro", "achievement", "100", "97.98", "arithmetic", "error", None),
    ("kinerja_p_pemberdayaan_umkm", "achievement", "100", "97.98", "arithmetic", "error", None),
}


@pytest.fixture(scope="module")
def report() -> Audit:
    return audit(lkip_rules.load_catalog(ROOT / "indicators/bekasi-diskopukm"), 2025)


def test_the_audit_finds_exactly_the_wrong_figures(report: Audit) -> None:
    got = {
        (f.subject, f.field, f.printed, f.computed, f.cause, f.severity, f.root[1] if f.root else None) for f in report
    }
    assert got - EXPECTED == set(), "flagged a figure the report got right, or with the wrong cause"
    assert EXPECTED - got == set(), "missed a wrong figure"


def test_it_says_how_many_printed_figures_it_checked_and_which_it_could_not(report: Audit) -> None:
    document = tomllib.loads((ROOT / "indicators/bekasi-diskopukm/data/2025.toml").read_text("utf-8"))
    fields = ("target", "realisation", "achievement", "category", "end_target", "end_achievement")
    fields += ("pagu", "pagu_murni", "realisasi", "serapan", "sisa")
    printed = sum(field in entry for entries in document["reported"].values() for entry in entries for field in fields)
    # The one printed figure with nothing to compare it with: the 2024 target of umkm_naik_kelas (Tabel 3.9),
    # a year for which the catalog has no target (A03).
    assert [(u.subject, u.field, u.year) for u in report.unchecked] == [("umkm_naik_kelas", "target", 2024)]
    assert report.checked == printed - 1
    assert len(report.errors) == sum(1 for e in EXPECTED if e[5] == "error")
    assert len(report.infos) == sum(1 for e in EXPECTED if e[5] == "info")


def test_roots_come_before_what_follows_from_them(report: Audit) -> None:
    order = [f.key for f in report]
    for f in report:
        if f.root is not None:
            assert order.index(f.root) < order.index(f.key)


def test_every_finding_says_where(report: Audit) -> None:
    assert all(f.where and all(f.where) and f.explanation for f in report)
    copied = next(f for f in report if f.subject == "p_izin_usp" and f.cause == "copied")
    assert copied.where == ("Tabel 3.15 no. 2 (line 1173)", "Tabel 3.16 no. 2 (line 1194), 2025 columns")


def test_the_wrong_achievement_says_what_the_printed_inputs_give(report: Audit) -> None:
    f = next(f for f in report if f.subject == "sdm_koperasi_meningkat" and f.field == "achievement")
    assert f.computed == "164.59" and "13.98 / 8.5 x 100 = 164.47" in f.explanation


def test_budget_percentages_the_report_got_right_are_not_flagged(report: Audit) -> None:
    flagged = {(f.subject, f.printed) for f in report if f.field == "serapan"}
    # Tabel 3.7, 3.13, 3.15 rows, checked by hand: 68.40, 87.75, 89.85, 89.72, 75.73, 90.44, 79.97, 83.26, 81.67
    for subject, part, whole in [
        ("k_izin_usp", 41_125_500, 60_121_800),
        ("p_izin_usp", 41_125_500, 60_121_800),
        ("k_pengawasan", 46_419_000, 52_900_000),
        ("p_pengawasan", 46_419_000, 52_900_000),
        ("k_diklat", 333_603_030, 371_820_000),
        ("p_kesehatan", 63_129_000, 70_262_000),
        ("p_pemberdayaan_kop", 492_880_500, 650_805_000),
        ("p_pengembangan_umkm", 1_979_793_445, 2_189_180_100),
        ("p_pemberdayaan_umkm", 561_491_250, 702_103_900),
        ("p_penunjang", 6_900_097_751, 8_448_363_274),
    ]:
        assert (subject, pct(part, whole)) not in flagged
    assert not any(f.subject == "total" for f in report)  # 10418539476 and 83.05 are right


def test_a_year_without_printed_figures_says_so() -> None:
    empty = audit(lkip_rules.load_catalog(ROOT / "indicators/bekasi-diskopukm"), 2024)
    assert empty.checked == 0 and not empty.findings


def test_audit_command_exits_1_and_lists_causes() -> None:
    from click.testing import CliRunner

    from lkip_rules.cli import main

    run = CliRunner().invoke(main, ["audit", "--lang", "en"])
    assert run.exit_code == 1
    for cause in (
        "arithmetic",
        "rounding",
        "precision",
        "rollup",
        "copied",
        "category",
        "two-targets",
        "malformed",
        "follows",
    ):
        assert cause in run.output
    assert "28 wrong, 4 info" in run.output
    said = CliRunner().invoke(main, ["audit"], env={"COLUMNS": "400"})  # Indonesian by default
    assert said.exit_code == 1 and "28 salah, 4 catatan" in said.output
    for cause in ("salah hitung", "pembulatan", "kurang desimal (catatan)", "jumlah rincian", "tersalin", "dua target"):
        assert cause in said.output
    assert "naskah baris 726" in said.output and "914.028.030" in said.output and "prose line 726" not in said.output
