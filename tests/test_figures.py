"""Figures from several sources: merged cell by cell, never silently dropped, checked as counts."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

import lkip_rules
from lkip_rules import Data
from lkip_rules.errors import ArgumentError, CatalogError, CatalogValidationError, InvalidValueError

CATALOG = """[catalog]
id = "t"
name = "T"
period = [2024, 2029]

[inputs.aktif]
name = "Koperasi aktif"
unit = "unit"
[inputs.sehat]
name = "Koperasi sehat"
unit = "unit"
[inputs.omzet]
name = "Omzet"
unit = "Rp"
rollup = "sum"

[indicators.persen_sehat]
name = "Persentase koperasi sehat"
level = "iku"
unit = "%"
numerator = "sehat"
denominator = "aktif"
multiplier = 100
targets = { 2024 = 5, 2025 = 5 }

[indicators.omzet_total]
name = "Omzet"
level = "iku"
unit = "Rp"
formula = "omzet"
targets = { 2025 = 100 }

[budget.p]
name = "Program P"
level = "program"
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "catalog.toml").write_text(CATALOG, "utf-8")
    (tmp_path / "data").mkdir()
    return tmp_path


def data_file(folder: Path, name: str, text: str) -> None:
    (folder / "data" / name).write_text(text, "utf-8")


def test_a_count_with_a_fraction_is_an_error_with_its_likely_meaning(folder: Path) -> None:
    data_file(folder, "2025.toml", "[inputs]\naktif = 1.982\nsehat = 60\n")
    catalog = lkip_rules.load_catalog(folder)
    issue = next(i for i in catalog.validate() if i.code == "fractional-count")
    assert (issue.severity, issue.key_path, issue.line, issue.file.endswith("2025.toml")) == (
        "error",
        "inputs.aktif",
        2,
        True,
    )
    assert "'aktif' counts unit, so 1.982 cannot be right: 1.982 — did you mean 1982? write 1982 or 1_982" in (
        issue.message
    )
    with pytest.raises(CatalogValidationError):  # never a realisation of 3027.25% with status ok
        catalog.evaluate(2025)


def test_a_percentage_of_counts_above_100_is_a_warning(folder: Path) -> None:
    data_file(folder, "2025.toml", "[inputs]\naktif = 98\nsehat = 197\n")
    catalog = lkip_rules.load_catalog(folder)
    issue = next(i for i in catalog.validate() if i.code == "implausible-percentage")
    # 197 / 98 x 100 = 201.0204...: a part larger than its whole
    assert issue.severity == "warning" and issue.key_path == "indicators.persen_sehat"
    assert "in 2025 the figures give 201.02%" in issue.message
    assert catalog.evaluate(2025)["persen_sehat"].realisation == D("201.02")  # a warning does not stop it


def test_two_files_for_one_year_merge_cell_by_cell(folder: Path) -> None:
    data_file(folder, "2025.toml", "[inputs]\naktif = 982\nomzet = { q1 = 10, q2 = 20 }\n")
    data_file(folder, "revisi.toml", "year = 2025\n[inputs]\nsehat = 60\nomzet = { q3 = 30, q4 = 40 }\n")
    results = lkip_rules.load_catalog(folder).evaluate(2025)
    assert results["persen_sehat"].realisation == D("6.11")  # 60 / 982 x 100 = 6.1099...
    assert results["omzet_total"].realisation == D("100.00")  # 10 + 20 + 30 + 40


def test_the_same_cell_twice_with_different_values_names_both_places(folder: Path) -> None:
    data_file(folder, "2025.toml", "[inputs]\naktif = 982\nomzet = { q1 = 10 }\n")
    data_file(folder, "revisi.toml", "year = 2025\n[inputs]\naktif = 990\nomzet = { q1 = 11 }\n")
    with pytest.raises(CatalogError) as caught:
        _ = lkip_rules.load_catalog(folder).data
    text = str(caught.value)
    assert "input 'aktif' for 2025 is given twice with different values: 982 in" in text
    assert "2025.toml (line 2) and 990 in" in text and "revisi.toml (line 3)" in text
    assert "input 'omzet' q1 for 2025" in text  # both conflicts, reported together


def test_a_yearly_value_and_quarters_of_one_input_in_two_files_is_an_error(folder: Path) -> None:
    data_file(folder, "2025.toml", "[inputs]\nomzet = 100\n")
    data_file(folder, "revisi.toml", "year = 2025\n[inputs]\nomzet = { q1 = 11 }\n")
    with pytest.raises(CatalogError, match=r"given twice with different values: 100 in .* and quarters q1 = 11"):
        _ = lkip_rules.load_catalog(folder).data


def test_a_file_name_that_is_not_a_year_needs_a_year_key(folder: Path) -> None:
    data_file(folder, "02025.toml", "[inputs]\naktif = 982\n")
    with pytest.raises(CatalogError, match="the year is unknown"):
        _ = lkip_rules.load_catalog(folder).data


def test_from_values_takes_string_years_quarters_budget_benchmarks_and_printed_figures(folder: Path) -> None:
    catalog = lkip_rules.load_catalog(folder)
    data = Data.from_values(
        {"aktif": {"2025": 982}, "sehat": {"2025": "60"}, "omzet": {2025: {"q1": 10, "q2": 20, 3: 30, 4: 40}}},
        budget={"p": {2025: {"pagu": 200, "realisasi": "150"}}},
        benchmarks={"persen_sehat": {2025: {"source": "Nasional", "realisation": "7.5"}}},
        reported={"persen_sehat": {2025: {"where": "Tabel 1", "realisation": "6,1", "achievement": "122.2"}}},
        catalog=catalog,
    )
    results = catalog.evaluate(2025, data)
    assert results["persen_sehat"].realisation == D("6.11")
    assert results["omzet_total"].realisation == D("100.00")
    assert (results.budget["p"].pagu, results.budget["p"].serapan) == (D(200), D("75.00"))
    assert results["persen_sehat"].benchmark is not None and results["persen_sehat"].benchmark.realisation == D("7.5")
    from lkip_rules.audit import audit

    report = audit(catalog, 2025, data)
    # 6,1 is 6.11 at one decimal (info); 6.11 / 5 x 100 = 122.20, printed 122.2: right
    assert [(f.field, f.severity) for f in report] == [("realisation", "info")]


def test_from_values_refuses_what_it_cannot_read() -> None:
    with pytest.raises(ArgumentError, match="'20x5' is not a year"):
        Data.from_values({"aktif": {"20x5": 1}})
    with pytest.raises(InvalidValueError, match=r"aktif\[2025\] is the float 0\.1"):
        Data.from_values({"aktif": {2025: 0.1}})
    with pytest.raises(ArgumentError, match="'q5' is not a quarter"):
        Data.from_values({"omzet": {2025: {"q5": 1}}})
    with pytest.raises(InvalidValueError, match="too large"):
        Data.from_values({"aktif": {2025: 10**20}})


def test_from_values_with_the_catalog_names_the_nearest_input(folder: Path) -> None:
    catalog = lkip_rules.load_catalog(folder)
    with pytest.raises(CatalogValidationError, match="'aktf' is not a declared input; did you mean 'aktif'"):
        Data.from_values({"aktf": {2025: 982}}, catalog=catalog)
    # Without the catalog, evaluating refuses the same data rather than ignore the figure.
    with pytest.raises(CatalogValidationError, match="did you mean 'aktif'"):
        catalog.evaluate(2025, Data.from_values({"aktf": {2025: 982}}))


def test_last_years_figures_stay_when_this_years_are_missing(folder: Path) -> None:
    data_file(folder, "2024.toml", "[inputs]\naktif = 900\nsehat = 45\n")
    data_file(folder, "2025.toml", "[inputs]\naktif = 982\n")
    result = lkip_rules.load_catalog(folder).evaluate(2025)["persen_sehat"]
    assert result.status == "missing-data"
    assert result.previous is not None and result.previous.realisation == D("5.00")  # 45 / 900 x 100
    assert result.previous.achievement == D("100.00") and result.previous.trend is None


def test_a_series_over_years_is_no_cycle(tmp_path: Path) -> None:
    (tmp_path / "catalog.toml").write_text(
        '[catalog]\nid = "c"\nname = "C"\nperiod = [2024, 2026]\n[inputs.baru]\nname = "Baru"\nunit = "unit"\n'
        '[indicators.kumulatif]\nname = "Kumulatif"\nlevel = "iku"\n'
        'formula = "coalesce(kumulatif[N-1], 0) + baru"\ntargets = { 2024 = 10, 2025 = 20, 2026 = 30 }\n',
        "utf-8",
    )
    catalog = lkip_rules.load_catalog(tmp_path)
    assert catalog.validate() == []
    data = Data.from_values({"baru": {2024: 5, 2025: 7, 2026: 9}})
    # 5, then 5 + 7 = 12, then 12 + 9 = 21, against 10, 20, 30
    got = [(r.realisation, r.achievement) for r in (catalog.evaluate(y, data)["kumulatif"] for y in (2024, 2025, 2026))]
    assert got == [(D("5.00"), D("50.00")), (D("12.00"), D("60.00")), (D("21.00"), D("70.00"))]


def _two_indicators(tmp_path: Path, period: str, a: str, b: str) -> lkip_rules.Catalog:
    (tmp_path / "catalog.toml").write_text(
        f'[catalog]\nid = "c"\nname = "C"\nperiod = {period}\n'
        f'[indicators.a]\nname = "A"\nlevel = "iku"\nformula = "{a}"\ntargets = {{ 2025 = 1 }}\n'
        f'[indicators.b]\nname = "B"\nlevel = "iku"\nformula = "{b}"\ntargets = {{ 2025 = 1, 2026 = 1 }}\n',
        "utf-8",
    )
    return lkip_rules.load_catalog(tmp_path)


@pytest.mark.parametrize(("period", "expected"), [("[2025, 2025]", D("1.00")), ("[2020, 2025]", D("6.00"))])
def test_a_series_over_the_years_ends_before_its_period(tmp_path: Path, period: str, expected: D) -> None:
    """a = coalesce(a[N-1], 0) + 1 counts the years of its period: before the period, and without
    figures, there is no realisation (it once ran back until Python's recursion limit, and gave
    a different figure depending on how deep the caller's stack was)."""
    catalog = _two_indicators(tmp_path, period, "coalesce(a[N-1], 0) + 1", "1")
    assert catalog.evaluate(2025, Data())["a"].realisation == expected
    assert catalog.assess(2025, Data())["a"].realisation == expected


def test_a_cycle_across_years_is_a_catalog_error(tmp_path: Path) -> None:
    """a(2025) needs b(2026), which needs a(2025): validation says so, and no year of either gives
    a figure (it once gave one, depending on which member the evaluation reached first)."""
    catalog = _two_indicators(tmp_path, "[2024, 2026]", "coalesce(b[N+1], 1)", "a[N-1] + 1")
    [issue] = [issue for issue in catalog.validate() if issue.code == "cycle"]
    assert (issue.severity, issue.key_path, issue.message) == (
        "error",
        "indicators.a.formula",
        "formulas form a cycle across years: a -> b[N+1] -> a[N-1] comes back to the same year; "
        "break it by removing one reference",
    )
    for year in (2024, 2025, 2026):
        full, fast = catalog.evaluate(year, Data()), catalog.assess(year, Data())
        assert (full["a"].status, full["b"].status) == ("error", "error") == (fast["a"].status, fast["b"].status)


@pytest.mark.parametrize(
    ("a", "b", "found"),
    [
        ("coalesce(a[N-1], 0) + 1", "1", None),  # a series moves on in time: no cycle
        ("coalesce(a[N+1], 0) + coalesce(a[N-1], 0)", "1", "a -> a[N-1] -> a[N+1]"),  # back and forth
        ("coalesce(b[N+2], 0)", "coalesce(a[N-1], 0) + coalesce(b[N-1], 0)", "a -> b[N+2] -> b[N-1] -> a[N-1]"),
        ("coalesce(b[N+1], 0)", "coalesce(a[N+1], 0)", None),  # always forward: ends after the period
        ("b", "a", None),  # within one year: the same-year rule reports it
    ],
)
def test_only_a_loop_back_to_the_same_year_is_a_cycle_across_years(
    tmp_path: Path, a: str, b: str, found: str | None
) -> None:
    catalog = _two_indicators(tmp_path, "[2024, 2026]", a, b)
    paths = [
        str(i.message).split(": ")[1].split(" comes")[0] for i in catalog.validate() if "across years" in str(i.message)
    ]
    assert paths == ([found] if found else [])


def test_a_cycle_through_an_absolute_year_is_an_error_when_evaluated(tmp_path: Path) -> None:
    """The same loop written with years (validation leaves it to the evaluation): its members are
    errors in the year the loop closes, whichever the evaluation reaches first, in evaluate and in
    assess alike (the member reached second once kept a figure computed from the other's passing
    error)."""
    catalog = _two_indicators(tmp_path, "[2024, 2026]", "coalesce(b[2026], 1)", "a[2025] + 1")
    assert not [issue for issue in catalog.validate() if issue.code == "cycle"]
    expected = {
        2024: ("missing-data", "missing-data"),
        2025: ("error", "missing-data"),
        2026: ("missing-data", "error"),
    }
    for year, statuses in expected.items():
        full, fast = catalog.evaluate(year, Data()), catalog.assess(year, Data())
        assert (full["a"].status, full["b"].status) == statuses == (fast["a"].status, fast["b"].status)
    assert "depends on itself" in catalog.evaluate(2025, Data())["a"].message
    assert "depends on itself" in catalog.evaluate(2025, Data())["b"].message  # the root of its missing value


@pytest.mark.parametrize(
    ("formula", "data", "previous"),
    [
        ("baru", {"baru": {2025: 7}}, None),  # no figure of 2024: surely none, not computed
        ("coalesce(baru, 3)", {"baru": {2025: 7}}, D("3.00")),  # a value without any figure of 2024
        ("if(1 > 0, 4, baru)", {"baru": {2025: 7}}, D("4.00")),
        ("baru[N-1]", {"baru": {2023: 6, 2025: 7}}, D("6.00")),  # 2024's value is 2023's figure
        ("lalu", {"baru": {2025: 7}}, D("2.00")),  # through another indicator
    ],
)
def test_last_year_without_any_figure_of_that_year(
    tmp_path: Path, formula: str, data: dict[str, dict[int, int]], previous: D | None
) -> None:
    """Last year's realisation is skipped only when it surely has none (no figure of that year and
    a formula needing its inputs in that very year); every other formula is still computed."""
    (tmp_path / "catalog.toml").write_text(
        '[catalog]\nid = "c"\nname = "C"\nperiod = [2023, 2026]\n[inputs.baru]\nname = "Baru"\n'
        f'[indicators.x]\nname = "X"\nlevel = "iku"\nformula = "{formula}"\ntargets = {{ 2024 = 10, 2025 = 10 }}\n'
        '[indicators.lalu]\nname = "Lalu"\nlevel = "iku"\nformula = "2"\ntargets = { 2025 = 2 }\n',
        "utf-8",
    )
    catalog = lkip_rules.load_catalog(tmp_path)
    result = catalog.evaluate(2025, Data.from_values(data))["x"]
    assert (result.previous.realisation if result.previous else None) == previous


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: Data.from_values([1]), "inputs must be a mapping of names to {year: value}, not list"),  # type: ignore[arg-type]
        (lambda: Data.from_values({1: {2025: 1}}), "inputs: the name 1 is not text"),  # type: ignore[dict-item]
        (lambda: Data.from_values({"a": 5}), "inputs.a must be a mapping {year: value}, not int"),  # type: ignore[dict-item]
        (lambda: Data.from_values({"a": {2025.0: 1}}), "the year 2025.0 is neither a whole number nor text"),
        (lambda: Data.from_values({"a": {2025: 1}, "b": {2025.0: 1}}), "b: the year 2025.0 is neither a whole number"),
        (lambda: Data.from_values(budget={"p": {2025: 5}}), "budget.p[2025] must be a mapping of pagu, realisasi"),
        (lambda: Data.from_values(reported={"p": {2025: 5}}), "reported.p[2025] must be a mapping of printed figures"),
        (lambda: Data.from_values(budget={"p": {2025: {"pagu": 1.5}}}), "budget.p[2025].pagu is the float 1.5"),
        (lambda: Data.from_values(budget={"p": {2025: {"pagoo": 1}}}), "did you mean 'pagu'?"),
        # Decimals, as an app's database gives them: the checks of a data file hold for them too
        (lambda: Data.from_values(budget={"p": {2025: {"pagu": D("NaN")}}}), "budget.p[2025].pagu"),
        (lambda: Data.from_values(budget={"p": {2025: {"pagu": D("1E+40")}}}), "budget.p[2025].pagu"),
        (lambda: Data.from_values(budget={"p": {2025: {"pagu": D("0.1234567890123")}}}), "budget.p[2025].pagu"),
    ],
)
def test_from_values_says_what_is_wrong_with_a_mapping(call: object, message: str) -> None:
    with pytest.raises(lkip_rules.LkipError) as caught:
        call()  # type: ignore[operator]
    assert message in str(caught.value)


def test_from_values_quarters_may_be_blank_and_benchmark_targets_ranges() -> None:
    data = Data.from_values(
        {"omzet": {2025: {"q1": 10, "q2": None}}},
        benchmarks={"persen_sehat": {2025: {"source": "Nasional", "target": ["5", "7"], "realisation": "6"}}},
    )
    assert data.years[2025].inputs["omzet"] == {1: D(10)}
    benchmark = data.years[2025].benchmarks["persen_sehat"]
    assert (benchmark.target, benchmark.realisation) == ((D(5), D(7)), D(6))


def test_a_data_file_that_is_not_there_and_an_unknown_quarter(folder: Path) -> None:
    with pytest.raises(CatalogError, match="no such data file or folder"):
        lkip_rules.load_data(folder / "tidak-ada.toml")
    data_file(folder, "2025.toml", "[inputs]\nomzet = { q5 = 1 }\n")
    with pytest.raises(CatalogError, match="unknown quarter 'q5'"):
        lkip_rules.load_data(folder / "data")


def test_provisional_figures_are_flagged_in_every_output(folder: Path) -> None:
    data_file(folder, "2025.toml", '[inputs]\naktif = { value = 982, status = "sementara" }\nsehat = 60\n')
    catalog = lkip_rules.load_catalog(folder)
    result = catalog.evaluate(2025)["persen_sehat"]
    assert result.provisional == ("aktif (2025)",) and result.history[-1].provisional
    assert catalog.evaluate(2025)["omzet_total"].provisional == ()
    from click.testing import CliRunner

    from lkip_rules.cli import main

    for command in (["evaluate", "--format", "csv"], ["explain", "persen_sehat"], ["tree"]):
        run = CliRunner().invoke(main, [command[0], str(folder), *command[1:]])
        assert "sementara" in run.output, command


def test_a_whole_file_may_be_provisional(folder: Path) -> None:
    data_file(folder, "2025.toml", 'status = "sementara"\n[inputs]\naktif = 982\nsehat = 60\n[budget.p]\npagu = 10\n')
    catalog = lkip_rules.load_catalog(folder)
    assert catalog.evaluate(2025)["persen_sehat"].provisional == ("aktif (2025)", "sehat (2025)")
    assert catalog.evaluate(2025).budget["p"].provisional


def test_a_budget_record_of_decimals_is_read_as_one_of_numbers_of_any_kind() -> None:
    decimals = Data.from_values(budget={"p": {2025: {"pagu": D("200"), "realisasi": D("150.5")}}})
    others = Data.from_values(budget={"p": {"2025": {"pagu": 200, "realisasi": "150.5"}}})
    assert decimals.years[2025].budget == others.years[2025].budget
    assert decimals.years[2025].budget["p"].pagu_murni is None


def test_a_large_tangle_of_references_across_years_is_checked_in_bounded_time(tmp_path: Path) -> None:
    """3,000 indicators in one ring, each naming the next a year on and the one after three years
    back: the search for a loop back to the same year stops at its budget (the evaluation catches
    any cycle it leaves). Without the budget it would visit billions of (indicator, years) states."""
    lines = ['[catalog]\nid = "c"\nname = "C"\nperiod = [2024, 2026]\n']
    for i in range(3000):
        formula = f"coalesce(x{(i + 1) % 3000}[N+1], 0) + coalesce(x{(i + 2) % 3000}[N-3], 0)"
        lines.append(f'[indicators.x{i}]\nname = "X"\nlevel = "iku"\nformula = "{formula}"\ntargets = {{ 2025 = 1 }}\n')
    (tmp_path / "catalog.toml").write_text("\n".join(lines), "utf-8")
    catalog = lkip_rules.load_catalog(tmp_path)
    assert not [issue for issue in catalog.validate() if "across years" in issue.message]
