"""The cascade of Tabel 3.14: the "% kinerja" of every program, kegiatan and sub kegiatan.

indicators/bekasi-diskopukm/cascade.toml models each row of Tabel 3.14 (lines 1110-1163 of the
reference report) as an indicator: a sub kegiatan's printed % is its realisation against a target
of 100; a kegiatan or a program aggregates its children "budget-weighted", each child weighted by
the 2025 pagu of the budget line that supports it. Every expected value below is worked by hand
with fractions.Fraction from the figures printed in the report (the kinerja % and the pagu of
each row, copied here), not from the catalog's data files nor with lkip_rules: see
docs/reference-figures.md §3.4 and F21.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

import lkip_rules
from lkip_rules.audit import Audit, audit
from tests.test_audit import EXPECTED as AUDIT_EXPECTED

ROOT = Path(__file__).parent.parent
CATALOG = ROOT / "indicators" / "bekasi-diskopukm"

# Tabel 3.14 as printed: (budget line, level, line(s), "Realisasi (%) Kinerja", "Target Anggaran" = pagu 2025),
# each program followed by its kegiatan, each kegiatan by its sub kegiatan. Every row prints "Target Kinerja" 100.
# Program Pemberdayaan dan Perlindungan Koperasi is missing from the table (F22).
TABEL_314: list[tuple[str, str, str, str, int]] = [
    ("p_izin_usp", "program", "1114", "90", 60_121_800),
    ("k_izin_usp", "kegiatan", "1115", "90", 60_121_800),
    ("s_izin_usp", "subkegiatan", "1116", "90", 60_121_800),
    ("p_pengawasan", "program", "1117", "100", 52_900_000),
    ("k_pengawasan", "kegiatan", "1118", "100", 52_900_000),
    ("s_pengawasan", "subkegiatan", "1119", "100", 52_900_000),
    ("p_kesehatan", "program", "1120", "100", 70_262_000),
    ("k_kesehatan", "kegiatan", "1122", "100", 70_262_000),
    ("s_kesehatan", "subkegiatan", "1123", "100", 70_262_000),
    ("p_diklat", "program", "1124", "100", 371_820_000),
    ("k_diklat", "kegiatan", "1125", "100", 371_820_000),
    ("s_diklat", "subkegiatan", "1126", "100", 371_820_000),
    ("p_pengembangan_umkm", "program", "1127", "100", 2_189_180_100),
    ("k_pengembangan_mikro", "kegiatan", "1128", "100", 2_189_180_100),
    ("s_pengembangan_mikro", "subkegiatan", "1129", "100", 2_189_180_100),
    ("p_pemberdayaan_umkm", "program", "1130+1132", "100", 702_103_900),
    ("k_pemberdayaan_mikro", "kegiatan", "1133", "100", 702_103_900),
    ("s_kemitraan_mikro", "subkegiatan", "1134", "100", 102_533_000),
    ("s_kelembagaan_mikro", "subkegiatan", "1135", "90", 141_650_900),
    ("s_sdm_mikro", "subkegiatan", "1136", "100", 457_920_000),
    ("p_penunjang", "program", "1137", "99.83", 8_448_363_274),  # lines 1138-1140: other program indicators
    ("k_perencanaan", "kegiatan", "1141+1143", "100", 8_998_000),
    ("s_lapkin", "subkegiatan", "1144", "100", 8_998_000),
    ("k_adm_keuangan", "kegiatan", "1145", "100", 7_112_548_000),
    ("s_gaji_asn", "subkegiatan", "1146", "100", 7_106_548_000),
    ("s_lapkeu", "subkegiatan", "1147", "100", 6_000_000),
    ("k_adm_umum", "kegiatan", "1148", "95.81", 346_401_000),
    ("s_logistik", "subkegiatan", "1149", "100", 264_220_000),
    ("s_cetak", "subkegiatan", "1150", "91.45", 23_381_000),
    ("s_bacaan", "subkegiatan", "1151", "100", 13_800_000),
    ("s_tamu", "subkegiatan", "1152", "100", 20_000_000),
    ("s_rapat", "subkegiatan", "1153", "50", 25_000_000),
    ("k_jasa_penunjang", "kegiatan", "1154+1156", "100", 518_166_274),
    ("s_jasa_kantor", "subkegiatan", "1157", "100", 518_166_274),
    ("k_pemeliharaan_bmd", "kegiatan", "1158", "100", 387_000_000),
    ("s_kend_jabatan", "subkegiatan", "1159", "100", 197_000_000),
    ("s_kend_operasional", "subkegiatan", "1160", "100", 140_000_000),
    ("s_peralatan_mesin", "subkegiatan", "1161", "100", 50_000_000),
]
ROWS = {line: (level, where, Fraction(printed), pagu) for line, level, where, printed, pagu in TABEL_314}
# The existing program indicator each program's kinerja hangs under: the one its budget line supports (the first).
PROGRAM_PARENT = {
    "p_izin_usp": "koperasi_nib_simpan_pinjam",
    "p_pengawasan": "koperasi_patuh_regulasi",
    "p_kesehatan": "koperasi_tersertifikasi_sehat",
    "p_diklat": "sdm_koperasi_meningkat",
    "p_pengembangan_umkm": "mikro_informal_ke_formal",
    "p_pemberdayaan_umkm": "usaha_informal_diberdayakan",
    "p_penunjang": "keselarasan_perencanaan",
}
# F21: the two rows whose printed 100 no aggregation of their children gives.
INCONSISTENT = {"k_pemberdayaan_mikro", "p_pemberdayaan_umkm"}


def _tree() -> dict[str, list[str]]:
    """Each program's kegiatan and each kegiatan's sub kegiatan, by the order of the table."""
    children: dict[str, list[str]] = {}
    program = kegiatan = ""
    for line, level, *_ in TABEL_314:
        if level == "program":
            program = line
        elif level == "kegiatan":
            kegiatan = line
            children.setdefault(program, []).append(line)
        else:
            children.setdefault(kegiatan, []).append(line)
    return children


CHILDREN = _tree()


def kinerja(line: str) -> str:
    return f"kinerja_{line}"


def half_up(q: Fraction) -> Fraction:
    """q rounded half up (away from zero; every figure here is positive) to 2 decimals."""
    return Fraction(int(q * 100 + Fraction(1, 2)), 100)


def expected_achievement(line: str) -> Fraction:
    """A sub kegiatan: its printed % (against 100). A parent: the pagu-weighted mean of its children's
    achievements as printed (each rounded to 2 decimals), rounded half up."""
    level, _, printed, _ = ROWS[line]
    if level == "subkegiatan":
        return half_up(printed * 100 / 100)
    kids = CHILDREN[line]
    weighted = sum((expected_achievement(kid) * ROWS[kid][3] for kid in kids), Fraction(0))
    return half_up(weighted / sum(ROWS[kid][3] for kid in kids))


def dec(q: Fraction) -> Decimal:
    return Decimal(q.numerator) / Decimal(q.denominator)


@pytest.fixture(scope="module")
def catalog() -> lkip_rules.Catalog:
    return lkip_rules.load_catalog(CATALOG)


@pytest.fixture(scope="module")
def results(catalog: lkip_rules.Catalog) -> lkip_rules.Results:
    return catalog.evaluate(2025)


@pytest.fixture(scope="module")
def report(catalog: lkip_rules.Catalog) -> Audit:
    return audit(catalog, 2025)


# -- the hand-worked figures themselves ------------------------------------------------------------


def test_the_hand_worked_figures() -> None:
    """The worked arithmetic of docs/reference-figures.md §3.4, before any comparison with the library."""
    # Administrasi Umum (line 1148): 264.220.000 x 100 + 23.381.000 x 91.45 + 13.800.000 x 100 + 20.000.000 x 100
    # + 25.000.000 x 50 = 33.190.192.450, over 346.401.000 = 95.814366... -> 95.81 (the simple mean is 88.29)
    adm = 264_220_000 * 100 + 23_381_000 * Fraction("91.45") + 13_800_000 * 100 + 20_000_000 * 100 + 25_000_000 * 50
    assert adm == 33_190_192_450
    assert expected_achievement("k_adm_umum") == half_up(Fraction(33_190_192_450, 346_401_000)) == Fraction("95.81")
    assert half_up(Fraction(100 + Fraction("91.45") + 100 + 100 + 50, 5)) == Fraction("88.29")
    # Program Penunjang (line 1137): its five kegiatan weighted by their pagu, which add up to 8.373.113.274 (F14)
    kegiatan_pagu = 8_998_000 + 7_112_548_000 + 346_401_000 + 518_166_274 + 387_000_000
    assert kegiatan_pagu == 8_373_113_274
    penunjang = (kegiatan_pagu - 346_401_000) * 100 + 346_401_000 * Fraction("95.81")
    assert expected_achievement("p_penunjang") == half_up(penunjang / kegiatan_pagu) == Fraction("99.83")
    assert 99.826 < penunjang / kegiatan_pagu < 99.827
    # with the exact Administrasi Umum figure it is 99.83 as well; over the program's own pagu it would be 98.94
    exact = (kegiatan_pagu - 346_401_000) * 100 + Fraction(33_190_192_450)
    assert half_up(exact / kegiatan_pagu) == Fraction("99.83")
    assert half_up(penunjang / 8_448_363_274) == Fraction("98.94")
    # Pemberdayaan Usaha Mikro (line 1133), F21: 102.533.000 x 100 + 141.650.900 x 90 + 457.920.000 x 100
    # = 68.793.881.000, over 702.103.900 = 97.982479... -> 97.98; printed 100 (mean 96.67, min 90)
    mikro = 102_533_000 * 100 + 141_650_900 * 90 + 457_920_000 * 100
    assert mikro == 68_793_881_000
    assert expected_achievement("k_pemberdayaan_mikro") == half_up(Fraction(mikro, 702_103_900)) == Fraction("97.98")
    assert expected_achievement("p_pemberdayaan_umkm") == Fraction("97.98")
    # every other row: the table is consistent with the budget-weighted mean
    for line, (_, _, printed, _) in ROWS.items():
        assert (expected_achievement(line) == printed) == (line not in INCONSISTENT), line


# -- the catalog ---------------------------------------------------------------------------------------


def test_one_indicator_per_row_of_tabel_314(catalog: lkip_rules.Catalog) -> None:
    cascade = {i for i in catalog.indicators if i.startswith(("kinerja_p_", "kinerja_k_", "kinerja_s_"))}
    assert cascade == {kinerja(line) for line in ROWS}
    levels = [level for level, *_ in ROWS.values()]
    assert (levels.count("program"), levels.count("kegiatan"), levels.count("subkegiatan")) == (7, 11, 20)
    for line, (level, _, _, _) in ROWS.items():
        ind = catalog.indicators[kinerja(line)]
        assert (ind.level, ind.unit, ind.policy.polarity) == (level, "%", "positive"), line
        if level == "subkegiatan":
            assert ind.formula is not None and not ind.aggregated, line
            assert ind.targets == {2025: Decimal(100)}, line
        else:
            assert ind.aggregated and ind.aggregate == "budget-weighted", line
            assert [c.id for c in catalog.children(ind.id)] == [kinerja(kid) for kid in CHILDREN[line]], line


def test_program_kinerja_hangs_under_the_program_indicator(catalog: lkip_rules.Catalog) -> None:
    for program, parent in PROGRAM_PARENT.items():
        assert catalog.indicators[kinerja(program)].parent == parent
        assert parent in catalog.budget[program].supports
        # a parent with a formula does not aggregate: its own figures stay those of its formula
        assert not catalog.indicators[parent].aggregated
    # Tabel 3.14 prints the IKU's name on two program rows (A15), kept as printed
    assert catalog.indicators["kinerja_p_izin_usp"].name == "Persentase Koperasi yang Berkualitas"
    assert catalog.indicators["kinerja_p_pengembangan_umkm"].name == "Persentase Usaha Mikro menjadi Usaha Kecil"


def test_each_row_is_supported_by_its_own_budget_line(catalog: lkip_rules.Catalog) -> None:
    for line in ROWS:
        supporting = [b.id for b in catalog.budget.values() if kinerja(line) in b.supports]
        assert supporting == [line]
    # F22: the program missing from Tabel 3.14 gets no kinerja indicator, and keeps its program indicator
    for line in ("p_pemberdayaan_kop", "k_pemberdayaan_kop", "s_pemberdayaan_kop"):
        assert not any(s.startswith("kinerja_") for s in catalog.budget[line].supports)
        assert kinerja(line) not in catalog.indicators
    assert list(catalog.budget["p_pemberdayaan_kop"].supports) == ["pertumbuhan_volume_koperasi"]
    # the program lines keep what they supported before
    assert list(catalog.budget["p_penunjang"].supports)[:4] == [
        "keselarasan_perencanaan",
        "kinerja_keuangan_penunjang",
        "ip_asn",
        "bmd_akuntabel",
    ]


def test_the_catalog_stays_valid(catalog: lkip_rules.Catalog) -> None:
    assert [(i.severity, i.code, i.key_path) for i in catalog.validate()] == [
        ("warning", "missing-target", "indicators.nilai_akip.targets")
    ]


# -- evaluation 2025 -----------------------------------------------------------------------------------


@pytest.mark.parametrize("line", [line for line, level, *_ in TABEL_314 if level == "subkegiatan"])
def test_a_sub_kegiatan_scores_its_printed_percent(results: lkip_rules.Results, line: str) -> None:
    got = results[kinerja(line)]
    printed = dec(ROWS[line][2])
    assert got.status == "ok", got.message
    assert got.realisation_given
    assert (got.target, got.realisation, got.achievement) == (100, printed, printed)


@pytest.mark.parametrize("line", [line for line, level, *_ in TABEL_314 if level != "subkegiatan"])
def test_a_parent_is_the_budget_weighted_mean_of_its_children(results: lkip_rules.Results, line: str) -> None:
    got = results[kinerja(line)]
    assert got.status == "ok", got.message
    assert got.achievement == dec(expected_achievement(line))
    assert got.rule is not None and got.rule.startswith("budget-weighted")


@pytest.mark.parametrize("line", [line for line in ROWS if line not in INCONSISTENT])
def test_the_catalog_reproduces_tabel_314(results: lkip_rules.Results, line: str) -> None:
    assert results[kinerja(line)].achievement == dec(ROWS[line][2])


def test_the_two_inconsistent_rows_are_97_98(results: lkip_rules.Results) -> None:
    for line in sorted(INCONSISTENT):
        assert ROWS[line][2] == 100
        assert results[kinerja(line)].achievement == Decimal("97.98")


def test_existing_figures_do_not_change(results: lkip_rules.Results) -> None:
    """The program indicators that now have kinerja children keep the achievements of their formulas
    (worked by hand in tests/golden/bekasi-2025.toml), and the budget behind the IKU is the same."""
    for indicator, achievement in [
        ("koperasi_nib_simpan_pinjam", "244.40"),  # 60 / 982 -> 6.11 / 2.5
        ("koperasi_patuh_regulasi", "103.90"),  # 102 / 982 -> 10.39 / 10
        ("koperasi_tersertifikasi_sehat", "127.25"),  # 50 / 982 -> 5.09 / 4
        ("sdm_koperasi_meningkat", "164.59"),  # 412 / 2946 -> 13.99 / 8.5
        ("mikro_informal_ke_formal", "110.78"),  # 3679 / 8303 -> 44.31 / 40
        ("usaha_informal_diberdayakan", "157.50"),  # 462 / 2934 -> 15.75 / 10
        ("keselarasan_perencanaan", "100.00"),  # avg(100, 100, 100) / 100
    ]:
        got = results[indicator]
        assert got.achievement == Decimal(achievement) and got.realisation is not None, indicator
    koperasi = results["koperasi_berkualitas"].budget
    umkm = results["umkm_naik_kelas"].budget
    assert koperasi is not None and koperasi.pagu == 1_205_908_800  # Tabel 3.7 row I
    assert umkm is not None and umkm.pagu == 11_339_647_274  # Tabel 3.13 row I
    keselarasan = results["keselarasan_perencanaan"].budget
    assert keselarasan is not None and keselarasan.lines == ("p_penunjang",)


# -- the audit ---------------------------------------------------------------------------------------


def _cascade(subject: str) -> bool:
    return subject.startswith(("kinerja_p_", "kinerja_k_", "kinerja_s_"))


def test_the_audit_finds_exactly_the_inconsistent_aggregates(report: Audit) -> None:
    got = {
        (f.subject, f.field, f.printed, f.computed, f.cause, f.severity, f.root[1] if f.root else None)
        for f in report
        if _cascade(f.subject)
    }
    assert got == {
        ("kinerja_k_pemberdayaan_mikro", "achievement", "100", "97.98", "arithmetic", "error", None),
        ("kinerja_p_pemberdayaan_umkm", "achievement", "100", "97.98", "arithmetic", "error", None),
    }
    for f in report:
        if _cascade(f.subject):
            assert "budget-weighted" in f.explanation and "97.98" in f.explanation
            level, where, _, _ = ROWS[f.subject.removeprefix("kinerja_")]
            assert f.where == (f"Tabel 3.14, {level.replace('subkegiatan', 'sub kegiatan')} (line {where})",)


def test_every_row_is_recorded_once_as_printed_and_checked(report: Audit) -> None:
    document = tomllib.loads((CATALOG / "data" / "2025.toml").read_text("utf-8"), parse_float=Decimal)
    recorded = {subject: entries for subject, entries in document["reported"].items() if _cascade(subject)}
    assert set(recorded) == {kinerja(line) for line in ROWS}
    for line, (level, where, printed, _) in ROWS.items():
        [entry] = recorded[kinerja(line)]
        assert entry["where"] == f"Tabel 3.14, {level.replace('subkegiatan', 'sub kegiatan')} (line {where})"
        figures = {k: Fraction(str(v)) for k, v in entry.items() if k not in ("where", "note")}
        # a sub kegiatan row: the target 100 and its realisation; a kegiatan or program row: its achievement
        assert figures == (
            {"target": 100, "realisation": printed} if level == "subkegiatan" else {"achievement": printed}
        )
    # 20 x 2 + 18 printed figures, every one compared with the catalog's
    assert sum(len(entry) - ("note" in entry) - 1 for [entry] in recorded.values()) == 58
    assert not [u for u in report.unchecked if _cascade(u.subject)]


def test_nothing_else_in_the_audit_changes(report: Audit) -> None:
    """Apart from the cascade, the audit finds exactly tests/test_audit.py's expected set."""
    got = {
        (f.subject, f.field, f.printed, f.computed, f.cause, f.severity, f.root[1] if f.root else None)
        for f in report
        if not _cascade(f.subject)
    }
    assert got == {e for e in AUDIT_EXPECTED if not _cascade(e[0])}
