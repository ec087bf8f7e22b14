"""The SAKIP year in the core: Rencana Aksi quarters, weights per year, budget-weighted parents,
years side by side, and the rules that check them. Every figure worked by hand."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

import lkip_rules
from lkip_rules import Data

CATALOG = """
[catalog]
id = "tahun"
name = "Dinas Tahun"
period = [2024, 2028]

[inputs.kasus]
name = "Kasus ditangani"
unit = "kasus"
rollup = "sum"
[inputs.indeks]
name = "Indeks kepuasan"
unit = "indeks"
rollup = "last"

[indicators.induk]
name = "Induk"
level = "sasaran"
aggregate = "weighted"

[indicators.ditangani]
name = "Kasus ditangani"
level = "iku"
parent = "induk"
formula = "kasus"
targets = { 2024 = 100, 2025 = 120 }
quarter_targets = { 2025 = [30, 60, 90, 120] }
weight = { 2025 = 1, 2026 = 3 }

[indicators.kepuasan]
name = "Indeks kepuasan"
level = "iku"
parent = "induk"
formula = "indeks"
targets = { 2025 = 80 }
quarter_targets = { 2025 = [[75, 85], [75, 85], [78, 85], 80] }
weight = 3

[indicators.tanpa_ra]
name = "Tanpa Rencana Aksi"
level = "iku"
formula = "kasus"
targets = { 2025 = 120 }

[indicators.anggaran]
name = "Induk tertimbang pagu"
level = "sasaran"
aggregate = "budget-weighted"
[indicators.a1]
name = "A1"
level = "program"
parent = "anggaran"
formula = "kasus"
targets = { 2025 = 100 }
[indicators.a2]
name = "A2"
level = "program"
parent = "anggaran"
formula = "indeks"
targets = { 2025 = 100 }

[budget.p1]
name = "P1"
level = "program"
supports = ["a1"]
[budget.p2]
name = "P2"
level = "program"
supports = ["a2"]
"""

DATA = {
    "kasus": {2024: {"q1": 20, "q2": 30, "q3": 25, "q4": 30}, 2025: {"q1": 25, "q2": 40, "q3": 33, "q4": 30}},
    "indeks": {2025: {"q1": "72.5", "q2": 79, "q3": 81, "q4": 83}},
}
BUDGET = {"p1": {2025: {"pagu": 100}}, "p2": {2025: {"pagu": 300}}}


def load(tmp_path: Path, catalog: str = CATALOG) -> lkip_rules.Catalog:
    (tmp_path / "catalog.toml").write_text(catalog, "utf-8")
    return lkip_rules.load_catalog(tmp_path)


def figures() -> Data:
    return Data.from_values(DATA, budget=BUDGET)


def test_each_quarter_against_its_own_target(tmp_path: Path) -> None:
    catalog = load(tmp_path)
    got = {q: catalog.evaluate(2025, figures(), quarter=q)["ditangani"] for q in (1, 2, 3, 4)}
    # cumulative cases 25, 65, 98, 128 against 30, 60, 90, 120
    assert [got[q].realisation for q in (1, 2, 3, 4)] == [D("25.00"), D("65.00"), D("98.00"), D("128.00")]
    assert [got[q].target for q in (1, 2, 3, 4)] == [D(30), D(60), D(90), D(120)]
    # 25/30 = 83.33; 65/60 = 108.33; 98/90 = 108.89; 128/120 = 106.67
    assert [got[q].achievement for q in (1, 2, 3, 4)] == [D("83.33"), D("108.33"), D("108.89"), D("106.67")]
    # the progress toward the year's 120: 20.83, 54.17, 81.67, 106.67
    assert [got[q].year_progress for q in (1, 2, 3, 4)] == [D("20.83"), D("54.17"), D("81.67"), D("106.67")]


def test_an_index_taken_at_the_last_quarter_against_a_range(tmp_path: Path) -> None:
    catalog = load(tmp_path)
    got = {q: catalog.evaluate(2025, figures(), quarter=q)["kepuasan"] for q in (1, 2, 3, 4)}
    # 72.5 below [75, 85]: 72.5/75 = 96.67; 79 inside: 100; 81 inside [78, 85]: 100; 83 against 80: 103.75
    assert [got[q].achievement for q in (1, 2, 3, 4)] == [D("96.67"), D("100.00"), D("100.00"), D("103.75")]


def test_without_a_rencana_aksi_no_quarter_is_scored_against_the_year(tmp_path: Path) -> None:
    catalog = load(tmp_path)
    q2 = catalog.evaluate(2025, figures(), quarter=2)["tanpa_ra"]
    assert (q2.status, q2.target, q2.achievement, q2.year_target) == ("missing-data", None, None, D(120))
    assert q2.year_progress == D("54.17")  # 65 / 120
    q4 = catalog.evaluate(2025, figures(), quarter=4)["tanpa_ra"]
    assert (q4.target, q4.achievement) == (D(120), D("106.67"))  # up to q4 is the year


def test_weights_per_year_and_budget_weighted_parents(tmp_path: Path) -> None:
    results = load(tmp_path).evaluate(2025, figures())
    # ditangani 128/120 = 106.67 weight 1; kepuasan 83/80 = 103.75 weight 3: (106.67 + 3 x 103.75) / 4
    assert results["induk"].achievement == D("104.48")  # 417.92 / 4 = 104.48
    # a1 128 against 100: 128.00 with pagu 100; a2 83 against 100: 83.00 with pagu 300: (12800 + 24900) / 400
    assert results["anggaran"].achievement == D("94.25")
    assert "budget-weighted of the children" in results["anggaran"].rule


def test_a_budget_weighted_parent_without_a_pagu_says_so(tmp_path: Path) -> None:
    results = load(tmp_path).evaluate(2025, Data.from_values(DATA, budget={"p1": {2025: {"pagu": 100}}}))
    assert results["anggaran"].status == "missing-data"
    assert "no budget line with a pagu for 2025 supports a2" in results["anggaran"].message


def test_the_years_side_by_side(tmp_path: Path) -> None:
    history = load(tmp_path).evaluate(2025, figures())["ditangani"].history
    # 2024: 105 against 100; 2025: 128 against 120
    assert [(h.year, h.realisation, h.achievement) for h in history] == [
        (2024, D("105.00"), D("105.00")),
        (2025, D("128.00"), D("106.67")),
    ]


def test_the_rules_of_the_year(tmp_path: Path) -> None:
    broken = (
        CATALOG.replace("[30, 60, 90, 120]", "[30, 20, 90, 110]")
        .replace(
            'formula = "indeks"\ntargets = { 2025 = 100 }',
            'formula = "indeks"\ntargets = { 2025 = 100 }\ntargets_initial = { 2030 = 1 }',
        )
        .replace('supports = ["a2"]', "supports = []")
    )
    issues = {(i.severity, i.code, i.key_path) for i in load(tmp_path, broken).validate(Data())}
    assert ("warning", "rencana-aksi", "indicators.ditangani.quarter_targets.2025") in issues  # goes down, q4 not 120
    assert ("error", "target-outside-period", "indicators.a2.targets_initial") in issues
    assert ("error", "missing-weight", "indicators.a2") in issues  # budget-weighted child without a line
    messages = [i.message for i in load(tmp_path, broken).validate(Data()) if i.code == "rencana-aksi"]
    assert any("the fourth quarter's target 110 is not the year's 120" in m for m in messages)
    assert any("go down" in m for m in messages)


def test_bulk_takes_the_weights_of_each_rows_year_and_has_no_budget_weights(tmp_path: Path) -> None:
    import polars as pl

    catalog = load(tmp_path)
    frame = pl.DataFrame({"entity": ["e", "e"], "year": [2025, 2026], "kasus": [128.0, 90.0], "indeks": [83.0, 85.0]})
    out = catalog.evaluate_frame(frame)
    got = {(r["year"], r["indicator"]): (r["achievement"], r["status"]) for r in out.iter_rows(named=True)}
    assert got[(2025, "induk")] == (D("104.48"), "ok")  # (106.67 + 3 x 103.75) / 4, as the scalar path
    assert got[(2025, "anggaran")][1] == "missing-data"  # the pagu behind the children is not in a bulk input
    scalar = catalog.evaluate(2025, Data.from_values({"kasus": {2025: 128}, "indeks": {2025: 83}}))
    # as the scalar path without budget figures
    assert (scalar["induk"].achievement, scalar["anggaran"].status) == (D("104.48"), "missing-data")


@pytest.mark.parametrize("engine", ["polars", "duckdb"])
def test_bulk_and_sql_score_each_quarter_against_the_rencana_aksi(tmp_path: Path, engine: str) -> None:
    """Quarterly rows: every indicator at every quarter as Catalog.evaluate(year, quarter=k) gives
    it — against the Rencana Aksi, a range or none (no quarter against the year's target)."""
    import duckdb
    import polars as pl

    from lkip_rules.bulk import sql

    catalog, data = load(tmp_path), figures()
    rows = [
        {"entity": "e", "year": year, "quarter": q, **{n: DATA[n].get(year, {}).get(f"q{q}") for n in DATA}}
        for year in (2024, 2025)
        for q in (1, 2, 3, 4)
    ]
    schema = {"entity": pl.String, "year": pl.Int64, "quarter": pl.Int64, "kasus": pl.Int64, "indeks": pl.String}
    frame = pl.DataFrame(rows, schema=schema)
    if engine == "polars":
        out = catalog.evaluate_frame(frame, quarter="quarter")
    else:
        con = duckdb.connect()
        con.register("lkip_input", frame)
        out = con.sql(sql(catalog, "lkip_input", columns=frame.columns, quarter="quarter")).pl()
    got = {(r["year"], r["quarter"], r["indicator"]): r for r in out.iter_rows(named=True)}
    for year in (2024, 2025):
        for quarter in (1, 2, 3, 4):
            for result in catalog.evaluate(year, data, quarter=quarter):
                row = got[(year, quarter, result.id)]
                if result.id == "anggaran":  # a bulk input has no budget: never a figure
                    assert row["achievement"] is None
                    continue
                achievement = result.achievement if result.status == "ok" else None
                want = (result.realisation, achievement, result.status)
                assert (row["realisation"], row["achievement"], row["status"]) == want, (year, quarter, result.id)
    # the Rencana Aksi at work: 65 cases up to q2 against 60 (108.33), 72.5 against [75, 85] at q1
    assert (got[(2025, 2, "ditangani")]["achievement"], got[(2025, 1, "kepuasan")]["status"]) == (D("108.33"), "ok")
    assert got[(2025, 2, "tanpa_ra")]["status"] == "missing-data"  # no quarterly target: none pretended
    assert got[(2025, 4, "anggaran")]["status"] == "missing-data"


def test_outputs_of_a_quarter_without_a_rencana_aksi_say_so_in_indonesian(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from lkip_rules.cli import main

    load(tmp_path)
    (tmp_path / "angka.csv").write_text("input;tahun;triwulan;nilai\nkasus;2025;I;25\nkasus;2025;II;40\n", "utf-8")
    args = [str(tmp_path), "--year", "2025", "--quarter", "2", "--data", str(tmp_path / "angka.csv")]
    table = CliRunner().invoke(main, ["evaluate", *args, "--format", "csv"])
    row = next(line for line in table.output.splitlines() if line.startswith("tanpa_ra,"))
    # 65 cases up to June against the 120 of the year: progress 54,17%, never an achievement
    assert row.endswith(
        "data belum lengkap: tidak ada target Rencana Aksi untuk triwulan II tahun 2025: capaian sampai suatu "
        'triwulan tidak dihitung terhadap target setahun (progres thd target tahunan: 54,17%)"'
    )
    assert ",65.00,,," in row
    told = CliRunner().invoke(main, ["explain", *args[:1], "tanpa_ra", *args[1:]])
    assert "Capaian Tanpa Rencana Aksi s.d. triwulan II 2025 belum dapat dihitung" in told.output
