"""The audit of the bundled catalog finds exactly the figures the report got wrong.

Every expected finding below was worked out by hand from the report (docs/reference-figures.md
§4.4 lists them as F01..F32 with the arithmetic); the test asserts the audit's set of wrong
figures is exactly this set — nothing missed, and nothing the report got right.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

import lkip_rules
from lkip_rules.audit import Finding, audit, half_unit

ROOT = Path(__file__).parent.parent


def pct(part: int, whole: int) -> str:
    """part / whole x 100 rounded half-up to 2 decimals, from Fractions."""
    q = Fraction(part * 100, whole) * 100
    return str(Decimal(int(q + Fraction(1, 2))) / 100)


TABEL_37_ROWS = 41_125_500 + 46_419_000 + 63_129_000 + 333_603_030 + 492_880_500
TABEL_315_PRINTED_ROWS = (
    7_327_081_454 + 71_250_000 + 36_009_000 + 182_135_800 + 238_932_000 + 492_880_500 + 561_491_250 + 1_979_793_445
)

# (subject, field, printed, computed, cause) — worked by hand
EXPECTED = {
    ("sdm_koperasi_meningkat", "achievement", "144.7", "164.47", "arithmetic"),  # F01: 13.98 / 8.5
    ("sdm_koperasi_meningkat", "realisation", "13.98", "13.99", "rounding"),  # F02: 412 / 2946 truncated
    ("pertumbuhan_volume_koperasi", "achievement", "662.66", "662.67", "rounding"),  # F03: 9.94 / 1.5 truncated
    ("umkm_naik_kelas", "achievement", "100", "110.00", "precision"),  # F05: 9 / 8303 -> 0.11 -> 110
    ("umkm_naik_kelas", "end_achievement", "100", "110.00", "precision"),  # F05, Tabel 3.10
    ("umkm_naik_kelas", "realisation", "100", "0.11", "arithmetic"),  # F24: capaian printed as realisasi
    ("koperasi_berkualitas", "category", "B", "SB", "category"),  # F07: 100.3 is above 100
    ("koperasi_berkualitas", "realisasi", "914028030", str(TABEL_37_ROWS), "rollup"),  # F10
    ("koperasi_berkualitas", "serapan", "75.80", pct(TABEL_37_ROWS, 1_205_908_800), "arithmetic"),  # F10
    ("p_kesehatan", "realisasi", "63.129.00", "", "malformed"),  # F11
    ("k_kesehatan", "realisasi", "63.129.00", "", "malformed"),  # F11
    ("s_kesehatan", "realisasi", "63.129.00", "", "malformed"),  # F11
    ("k_adm_umum", "realisasi", "2.56.124.062", "", "malformed"),  # F12
    ("s_tamu", "serapan", "99.29", pct(19_856_000, 20_000_000), "arithmetic"),  # F13: exactly 99.28
    ("p_penunjang", "pagu", "8448363274", "8373113274", "rollup"),  # F14
    ("p_penunjang", "realisasi", "6900097751", "6841051251", "rollup"),  # F14
    # F15: 2025 realisasi of Tabel 3.15 / 3.16 copied from 2024, and the % that then do not follow
    ("p_penunjang", "realisasi", "7327081454", "6900097751", "copied"),
    ("p_izin_usp", "realisasi", "71250000", "41125500", "copied"),
    ("p_pengawasan", "realisasi", "36009000", "46419000", "copied"),
    ("p_kesehatan", "realisasi", "182135800", "63129000", "copied"),
    ("p_diklat", "realisasi", "238932000", "333603030", "copied"),
    ("p_penunjang", "serapan", "81.67", pct(7_327_081_454, 8_448_363_274), "arithmetic"),
    ("p_izin_usp", "serapan", "68.40", pct(71_250_000, 60_121_800), "arithmetic"),
    ("p_pengawasan", "serapan", "87.75", pct(36_009_000, 52_900_000), "arithmetic"),
    ("p_kesehatan", "serapan", "89.85", pct(182_135_800, 70_262_000), "arithmetic"),
    ("p_diklat", "serapan", "89.72", pct(238_932_000, 371_820_000), "arithmetic"),
    ("total", "realisasi", "10418539476", str(TABEL_315_PRINTED_ROWS), "rollup"),  # F16
    ("kinerja_keuangan_penunjang", "target", "100", "88", "two-targets"),  # F19
    ("kinerja_keuangan_penunjang", "realisation", "100", "81.67", "arithmetic"),  # F19, template sentence
    ("kinerja_keuangan_penunjang", "realisation", "83.05", "81.67", "arithmetic"),  # F19, Tabel 3.14
    ("peningkatan_volume_koperasi", "target", "1, 1.5", "", "two-targets"),  # F20
    ("daya_saing_koperasi_umkm", "achievement", "100", "105.15", "arithmetic"),  # F26
}


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    return audit(lkip_rules.load_catalog(ROOT / "indicators/bekasi-diskopukm"), 2025)


def test_the_audit_finds_exactly_the_wrong_figures(findings: list[Finding]) -> None:
    got = {(f.subject, f.field, f.printed, f.computed, f.cause) for f in findings}
    assert got - EXPECTED == set(), "flagged a figure the report got right"
    assert EXPECTED - got == set(), "missed a wrong figure"


def test_every_finding_says_where(findings: list[Finding]) -> None:
    assert all(f.where and all(f.where) and f.explanation for f in findings)
    copied = next(f for f in findings if f.subject == "p_izin_usp" and f.cause == "copied")
    assert copied.where == ("Tabel 3.15 no. 2 (line 1173)", "Tabel 3.16 no. 2 (line 1194), 2025 columns")


def test_budget_percentages_the_report_got_right_are_not_flagged(findings: list[Finding]) -> None:
    flagged = {(f.subject, f.printed) for f in findings if f.field == "serapan"}
    # Tabel 3.7 and 3.13 rows, checked by hand: 68.40, 87.75, 89.85, 89.72, 75.73, 90.44, 79.97, 83.26
    for subject, part, whole in [
        ("k_izin_usp", 41_125_500, 60_121_800),
        ("k_pengawasan", 46_419_000, 52_900_000),
        ("k_diklat", 333_603_030, 371_820_000),
        ("p_pemberdayaan_kop", 492_880_500, 650_805_000),
        ("p_pengembangan_umkm", 1_979_793_445, 2_189_180_100),
        ("p_pemberdayaan_umkm", 561_491_250, 702_103_900),
    ]:
        assert (subject, pct(part, whole)) not in flagged


@pytest.mark.parametrize(("printed", "half"), [("100.3", "0.05"), ("244", "0.5"), ("13.98", "0.005"), ("6.1", "0.05")])
def test_half_a_unit_of_the_last_printed_digit(printed: str, half: str) -> None:
    assert half_unit(Decimal(printed)) == Decimal(half)


def test_audit_command_exits_1_and_lists_causes() -> None:
    from click.testing import CliRunner

    from lkip_rules.cli import main

    run = CliRunner().invoke(main, ["audit"])
    assert run.exit_code == 1
    for cause in ("arithmetic", "rounding", "precision", "rollup", "copied", "category", "two-targets", "malformed"):
        assert cause in run.output
    assert "32 temuan" in run.output
