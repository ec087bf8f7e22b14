"""The audit's rules on a small catalog, every expected figure worked by hand.

412 / 2946 x 100 = 13.985064...: rounded half-up 13.99, truncated 13.98. Against a target of 10 the
achievement is the printed realisation / 10 x 100: 139.90 (half-up) or 139.80 (truncated).
Budget line p: pagu 200, realisasi 150 -> serapan 75.00, sisa 50.
"""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

import lkip_rules
from lkip_rules.audit import Audit, audit

CATALOG = """
[catalog]
id = "kecil"
name = "Katalog kecil"
period = [2025, 2029]

[inputs.a]
name = "A"
unit = "orang"
[inputs.b]
name = "B"
unit = "orang"

[indicators.r_down]
name = "Dibulatkan ke bawah"
level = "iku"
unit = "%"
formula = "a / b * 100"
rounding = "down"
targets = { 2025 = 10 }

[indicators.r_up]
name = "Dibulatkan setengah ke atas"
level = "iku"
unit = "%"
formula = "a / b * 100"
targets = { 2025 = 10 }

[budget.p]
name = "Program P"
level = "program"
supports = ["r_up"]
"""

DATA = """
year = 2025

[inputs]
a = 412
b = 2946

[budget.p]
pagu = 200
realisasi = 150
"""


def write(tmp_path: Path, reported: str) -> Audit:
    (tmp_path / "catalog.toml").write_text(CATALOG, "utf-8")
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "2025.toml").write_text(DATA + reported, "utf-8")
    return audit(lkip_rules.load_catalog(tmp_path), 2025)


def rows(report: Audit) -> set[tuple[str, str, str, str, str, str | None]]:
    return {(f.subject, f.field, f.printed, f.computed, f.cause, f.root[1] if f.root else None) for f in report}


def test_the_declared_rounding_is_the_rule(tmp_path: Path) -> None:
    report = write(
        tmp_path,
        """
[[reported.r_down]]
where = "Tabel 1"
realisation = 13.98
achievement = 139.8

[[reported.r_down]]
where = "Tabel 2"
realisation = 13.99
""",
    )
    # 13.98 and 139.8 are what rounding = "down" prints: right. 13.99 is half-up: wrong for this indicator.
    assert rows(report) == {("r_down", "realisation", "13.99", "13.98", "rounding", None)}
    assert "rounded half-up gives 13.99; truncated (the catalog's rule) it is 13.98" in report.findings[0].explanation
    assert report.checked == 3


def test_a_right_figure_is_never_flagged_whatever_is_printed_beside_it(tmp_path: Path) -> None:
    report = write(
        tmp_path,
        """
[[reported.r_up]]
where = "Tabel 1"
realisation = 13.98
achievement = 139.90

[[reported.p]]
where = "Tabel 2"
pagu = 200
realisasi = 160
serapan = 75.00
sisa = 50
""",
    )
    assert rows(report) == {
        ("r_up", "realisation", "13.98", "13.99", "rounding", None),
        ("p", "realisasi", "160", "150", "arithmetic", None),
    }


def test_a_wrong_figure_that_follows_from_another_is_listed_under_it_with_the_right_figure(tmp_path: Path) -> None:
    report = write(
        tmp_path,
        """
[[reported.r_up]]
where = "Tabel 1"
realisation = 13.98
achievement = 139.80

[[reported.p]]
where = "Tabel 2"
pagu = 200
realisasi = 160
serapan = 80.00
sisa = 40
""",
    )
    # 13.98 / 10 = 139.80 follows from the wrong 13.98; the right achievement is 139.90. 160 / 200 = 80.00 and
    # 200 - 160 = 40 follow from the wrong realisasi 160; the right ones are 75.00 and 50.
    assert rows(report) == {
        ("r_up", "realisation", "13.98", "13.99", "rounding", None),
        ("r_up", "achievement", "139.80", "139.90", "follows", "realisation"),
        ("p", "realisasi", "160", "150", "arithmetic", None),
        ("p", "serapan", "80.00", "75.00", "follows", "realisasi"),
        ("p", "sisa", "40", "50", "follows", "realisasi"),
    }
    order = [(f.subject, f.field) for f in report]
    assert order.index(("p", "realisasi")) < order.index(("p", "serapan"))
    assert all(f.severity == "error" for f in report)


def test_fewer_decimals_right_at_that_precision_is_info(tmp_path: Path) -> None:
    report = write(
        tmp_path,
        """
[[reported.r_up]]
where = "Tabel 1"
realisation = 14.0
achievement = 140
category = "SB"
""",
    )
    # 13.985064 at 1 decimal is 14.0; 139.90 at 0 decimals is 140: right at the precision printed, so info.
    assert rows(report) == {
        ("r_up", "realisation", "14.0", "13.99", "precision", None),
        ("r_up", "achievement", "140", "139.90", "precision", None),
    }
    assert {f.severity for f in report} == {"info"} and len(report.infos) == 2 and not report.errors


def test_a_category_that_follows_from_a_wrong_achievement(tmp_path: Path) -> None:
    report = write(
        tmp_path,
        """
[[reported.r_up]]
where = "Tabel 1"
realisation = 13.99
achievement = 99.9
category = "B"
""",
    )
    # 99.9 is B (above 80, not above 100) and the B follows from it; 139.90 is SB.
    assert rows(report) == {
        ("r_up", "achievement", "99.9", "139.90", "arithmetic", None),
        ("r_up", "category", "B", "SB", "follows", "achievement"),
    }


def test_nothing_printed_means_nothing_checked(tmp_path: Path) -> None:
    report = write(tmp_path, "")
    assert report.checked == 0 and report.findings == () and report.unchecked == ()


@pytest.mark.parametrize("bad", ["2025", 2025.0, None])
def test_the_year_must_be_a_year(tmp_path: Path, bad: object) -> None:
    write(tmp_path, "")
    with pytest.raises(lkip_rules.LkipError):
        audit(lkip_rules.load_catalog(tmp_path), bad)  # type: ignore[arg-type]


def test_a_figure_equal_to_another_years_is_copied_whichever_year(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "2026.toml").write_text("[inputs]\na = 500\nb = 2946\n", "utf-8")
    # 500 / 2946 x 100 = 16.97 in 2026; the 2025 column printing 16.97 copied the later year.
    report = write(tmp_path, '\n[[reported.r_up]]\nwhere = "Tabel 1"\nrealisation = 16.97\n')
    assert rows(report) == {("r_up", "realisation", "16.97", "13.99", "copied", None)}
    assert report.findings[0].explanation.startswith("equal to the 2026 realisation")


def test_a_parent_or_a_serapan_printed_with_fewer_decimals_is_info(tmp_path: Path) -> None:
    parent = '\n[indicators.induk]\nname = "Induk"\nlevel = "sasaran"\n'
    children = CATALOG.replace(
        'formula = "a / b * 100"\nrounding', 'parent = "induk"\nformula = "a / b * 100"\nrounding'
    )
    children = children.replace(
        'name = "Dibulatkan setengah ke atas"', 'name = "Dibulatkan setengah ke atas"\nparent = "induk"'
    )
    (tmp_path / "catalog.toml").write_text(children + parent, "utf-8")
    (tmp_path / "data").mkdir()
    printed = '[[reported.induk]]\nwhere = "Tabel 1"\nachievement = 139.9\n'
    printed += '[[reported.p]]\nwhere = "Tabel 2"\nserapan = 75.1\n'
    figures = DATA.replace("realisasi = 150", "realisasi = 150.15") + "\n" + printed
    (tmp_path / "data" / "2025.toml").write_text(figures, "utf-8")
    report = audit(lkip_rules.load_catalog(tmp_path), 2025)
    # induk: mean(139.80, 139.90) = 139.85, printed 139.9 (right at one decimal);
    # p: 150.15 / 200 x 100 = 75.075 -> 75.08, printed 75.1 (right at one decimal).
    assert rows(report) == {
        ("induk", "achievement", "139.9", "139.85", "precision", None),
        ("p", "serapan", "75.1", "75.08", "precision", None),
    }
    assert {f.severity for f in report} == {"info"}


MORE = """
[catalog]
id = "lagi"
name = "Lagi"
period = [2025, 2029]

[inputs.a]
name = "A"
[inputs.b]
name = "B"

[indicators.tujuh]
name = "Target tujuh"
level = "iku"
formula = "a / b * 100"
targets = { 2025 = 7 }

[indicators.eksak]
name = "Basis eksak"
level = "iku"
formula = "a / b * 100"
basis = "exact"
targets = { 2025 = 7 }

[indicators.nol]
name = "Target nol"
level = "iku"
formula = "a / b * 100"
targets = { 2025 = 0 }
zero_target = "undefined"

[indicators.rentang]
name = "Rentang"
level = "iku"
formula = "a / b * 100"
targets = { 2025 = [10, 15] }

[indicators.induk]
name = "Induk"
level = "sasaran"
[indicators.anak]
name = "Anak"
level = "iku"
parent = "induk"
formula = "c"
targets = { 2025 = 1 }
[inputs.c]
name = "C"

[budget.p]
name = "P"
level = "program"
[budget.q]
name = "Q"
level = "program"
"""


def test_more_rules_worked_by_hand(tmp_path: Path) -> None:
    (tmp_path / "catalog.toml").write_text(MORE, "utf-8")
    (tmp_path / "data").mkdir()
    reported = """
[inputs]
a = 412
b = 2946

[budget.p]
pagu = 300
realisasi = 200
[budget.q]
pagu = 0
realisasi = 0

# 13.99 / 7 x 100 = 199.857142...: half-up 199.86, truncated 199.85 (no realisation printed beside it)
[[reported.tujuh]]
where = "Tabel 1"
achievement = 199.85

# basis exact: 13.985064... / 7 x 100 = 199.786... -> 199.79; the printed 13.99 gives 199.86
[[reported.eksak]]
where = "Tabel 2"
realisation = 13.99
achievement = 199.86

# a target of 0 under zero_target = "undefined": nothing to compare the printed 100 with
[[reported.nol]]
where = "Tabel 3"
target = 0
realisation = 13.99
achievement = 100

# the range is printed as it is in the catalog; 13.99 lies inside it, so 100
[[reported.rentang]]
where = "Tabel 4"
target = [10, 15]
realisation = 13.99
achievement = 100

# a wrong category that does not follow from the (also wrong) printed achievement either
[[reported.tujuh]]
where = "Tabel 5"
achievement = 50
category = "B"

# the parent's child has no figure: nothing to compare with
[[reported.induk]]
where = "Tabel 6"
achievement = 100

# 200 / 300 x 100 = 66.666...: half-up 66.67, truncated 66.66; sisa 100, printed 90
[[reported.p]]
where = "Tabel 7"
serapan = 66.66
sisa = 90

# a pagu of 0: no serapan to compare with
[[reported.q]]
where = "Tabel 8"
serapan = 0

# no budget line supports this indicator
[[reported.tujuh]]
where = "Tabel 9"
pagu = 100
"""
    (tmp_path / "data" / "2025.toml").write_text(reported, "utf-8")
    report = audit(lkip_rules.load_catalog(tmp_path), 2025)
    assert rows(report) == {
        ("tujuh", "achievement", "199.85", "199.86", "rounding", None),
        ("eksak", "achievement", "199.86", "199.79", "arithmetic", None),
        ("tujuh", "achievement", "50", "199.86", "arithmetic", None),
        ("tujuh", "category", "B", "SB", "category", None),
        ("p", "serapan", "66.66", "66.67", "rounding", None),
        ("p", "sisa", "90", "100", "arithmetic", None),
        ("tujuh", "target", "0, 7", "", "two-targets", None),  # one measure, a / b * 100, three targets: a note
    }
    assert len(report) == 7 and len(report.infos) == 1
    why = {(u.subject, u.field): u.why for u in report.unchecked}
    assert why[("nol", "achievement")].startswith("the achievement is undefined")
    assert why[("induk", "achievement")].startswith("the catalog gives no figure: missing-data")
    assert why[("q", "serapan")] == "nothing to compare it with"
    assert why[("tujuh", "pagu")] == "no budget line of the catalog stands behind it"
    eksak = next(f for f in report if f.subject == "eksak")
    assert "basis: the exact realisation" in eksak.explanation


def test_the_signed_target_printed_after_a_revision_is_named_so(tmp_path: Path) -> None:
    revised = CATALOG.replace(
        'formula = "a / b * 100"\ntargets = { 2025 = 10 }\n\n[budget.p]',
        'formula = "a / b * 100"\ntargets = { 2025 = 10 }\ntargets_initial = { 2025 = 12 }\n\n[budget.p]',
    )
    (tmp_path / "catalog.toml").write_text(revised, "utf-8")
    (tmp_path / "data").mkdir()
    # The Perjanjian Kinerja signed 12; revised to 10. 13.99 / 10 x 100 = 139.90.
    printed = '\n[[reported.r_up]]\nwhere = "PK"\ntarget = 12\n[[reported.r_up]]\nwhere = "LKIP"\ntarget = 10\n'
    (tmp_path / "data" / "2025.toml").write_text(DATA + printed, "utf-8")
    report = audit(lkip_rules.load_catalog(tmp_path), 2025)
    assert rows(report) == {("r_up", "target", "12", "10", "two-targets", None)}
    assert "the target signed in the Perjanjian Kinerja (targets_initial)" in report.findings[0].explanation
    result = lkip_rules.load_catalog(tmp_path).evaluate(2025)["r_up"]
    assert (result.target, result.target_initial) == (D(10), D(12))


def test_a_quarter_is_audited_against_its_rencana_aksi(tmp_path: Path) -> None:
    quarterly = CATALOG.replace(
        'formula = "a / b * 100"\ntargets = { 2025 = 10 }\n\n[budget.p]',
        'formula = "a / b * 100"\ntargets = { 2025 = 10 }\nquarter_targets = { 2025 = [4, 6, 8, 10] }\n\n[budget.p]',
    )
    (tmp_path / "catalog.toml").write_text(quarterly, "utf-8")
    (tmp_path / "data").mkdir()
    # a and b are yearly figures, the same at every quarter: 13.99 up to q2, against q2's 6: 233.17
    printed = (
        '\n[[reported.r_up]]\nwhere = "RA q2"\nquarter = 2\ntarget = 6\nrealisation = 13.99\nachievement = 233.17\n'
    )
    printed += '[[reported.r_up]]\nwhere = "RA q3"\nquarter = 3\ntarget = 6\n'
    (tmp_path / "data" / "2025.toml").write_text(DATA + printed, "utf-8")
    catalog = lkip_rules.load_catalog(tmp_path)
    report = audit(catalog, 2025)
    assert rows(report) == {("r_up", "target", "6", "8", "two-targets", None)}
    assert "Rencana Aksi target for q3" in report.findings[0].explanation
    assert audit(catalog, 2025, quarter=2).findings == ()
