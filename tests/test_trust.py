"""No silent wrong figure: what a catalog error touches is never ok, references use printed figures,
numbers too large are errors, and every misuse of the API is our error."""

from __future__ import annotations

import sys
from decimal import Decimal as D
from pathlib import Path

import pytest
from click.testing import CliRunner

import lkip_rules
import lkip_rules.explain
from lkip_rules import Data, parse_formula
from lkip_rules.cli import main
from lkip_rules.errors import ArgumentError, InvalidValueError, LkipError, MissingDependencyError, UnknownIdError

HEAD = """[catalog]
id = "t"
name = "T"
period = [2025, 2029]

[inputs.a]
name = "A"
[inputs.b]
name = "B"
"""


def catalog(tmp_path: Path, body: str) -> lkip_rules.Catalog:
    (tmp_path / "catalog.toml").write_text(HEAD + body, "utf-8")
    return lkip_rules.load_catalog(tmp_path)


def values(**figures: int | str) -> Data:
    return Data.from_values({name: {2025: value} for name, value in figures.items()})


WEIGHTED = """
[indicators.induk]
name = "Induk"
level = "sasaran"
aggregate = "weighted"
[indicators.satu]
name = "Satu"
level = "iku"
parent = "induk"
formula = "a"
weight = 1
targets = { 2025 = 10 }
[indicators.dua]
name = "Dua"
level = "iku"
parent = "induk"
formula = "b"
targets = { 2025 = 10 }
[indicators.lain]
name = "Lain"
level = "iku"
formula = "a"
targets = { 2025 = 10 }
"""


def test_a_weighted_parent_whose_child_lost_its_weight_is_an_error_not_ok(tmp_path: Path) -> None:
    found = catalog(tmp_path, WEIGHTED)
    assert [i.code for i in found.validate() if i.severity == "error"] == ["missing-weight"]
    results = found.evaluate(2025, values(a=12, b=8))
    assert results["induk"].status == "error" and results["induk"].achievement is None
    assert "missing-weight" in results["induk"].message and "lkip check" in results["induk"].message
    assert results["lain"].status == "ok" and results["lain"].achievement == D("120.00")  # untouched


def test_a_floor_above_the_cap_is_refused(tmp_path: Path) -> None:
    body = '[indicators.i]\nname = "I"\nlevel = "iku"\nformula = "a"\ncap = 120\nfloor = 130\ntargets = { 2025 = 10 }\n'
    found = catalog(tmp_path, body)
    issue = next(i for i in found.validate() if i.code == "floor-above-cap")
    assert issue.key_path == "indicators.i" and "the floor 130 is above the cap 120" in issue.message
    assert found.evaluate(2025, values(a=12))["i"].status == "error"


PARENT_CYCLE = """
[indicators.x]
name = "X"
level = "sasaran"
parent = "y"
[indicators.y]
name = "Y"
level = "sasaran"
parent = "x"
[budget.p]
name = "P"
level = "program"
parent = "p"
"""


def test_parent_cycles_are_errors_and_nothing_crashes(tmp_path: Path) -> None:
    found = catalog(tmp_path, PARENT_CYCLE)
    codes = {(i.code, i.key_path) for i in found.validate() if i.severity == "error"}
    assert ("cycle", "indicators.x.parent") in codes and ("cycle", "budget.p") in codes
    results = found.evaluate(2025, values(a=1))
    assert results["x"].status == results["y"].status == "error"
    assert results.budget["p"].status == "error"
    for command in (["tree", str(tmp_path)], ["evaluate", str(tmp_path)], ["explain", str(tmp_path), "x"]):
        run = CliRunner().invoke(main, command)
        assert run.exception is None or isinstance(run.exception, SystemExit), command
        assert "Traceback" not in run.output


REFERENCE = """
[indicators.stunting]
name = "Prevalensi stunting"
level = "iku"
unit = "%"
formula = "a / b * 100"
polarity = "negative"
targets = { 2025 = 15 }
[indicators.turun]
name = "Penurunan stunting"
level = "iku"
unit = "%"
formula = "stunting[N-1] - stunting"
targets = { 2025 = 2 }
"""


STUNTING = {"a": {2024: 16914, 2025: 14296}, "b": {2024: 100000, 2025: 100000}}


def test_an_indicator_in_a_formula_stands_for_its_printed_realisation(tmp_path: Path) -> None:
    # 16914 / 100000 x 100 = 16.914, printed 16.91; 14296 / 100000 x 100 = 14.296, printed 14.30.
    # The report's arithmetic on its printed figures: 16.91 - 14.30 = 2.61 (the exact ones give 2.618 -> 2.62).
    results = catalog(tmp_path, REFERENCE).evaluate(2025, Data.from_values(STUNTING))
    assert results["stunting"].realisation == D("14.30")
    assert results["turun"].realisation_exact == D("2.61") and results["turun"].realisation == D("2.61")
    assert dict(results["turun"].values) == {"stunting[2024]": D("16.91"), "stunting": D("14.30")}


def test_exact_basis_references_use_the_exact_realisation(tmp_path: Path) -> None:
    found = catalog(tmp_path, REFERENCE.replace('polarity = "negative"', 'polarity = "negative"\nbasis = "exact"'))
    turun = found.evaluate(2025, Data.from_values(STUNTING))["turun"]
    assert turun.realisation_exact == D("2.618") and turun.realisation == D("2.62")


def test_a_realisation_too_large_to_print_is_an_error_not_a_crash(tmp_path: Path) -> None:
    body = '[indicators.i]\nname = "I"\nlevel = "iku"\nformula = "a / b"\ntargets = { 2025 = 1 }\n'
    found = catalog(tmp_path, body)
    result = found.evaluate(2025, values(a=10**15, b="0.000000000001"))  # 1e27
    assert result["i"].status == "error" and "more than 16 digits" in result["i"].message
    result = found.evaluate(2025, values(a=10**15, b=1))  # 1e15 against a target of 1: 1e17 %
    assert result["i"].status == "error" and "too large to print" in result["i"].message


def test_the_compiled_formula_refuses_what_the_interpreter_refuses() -> None:
    formula = parse_formula("if(x > 0, 1, 2)")
    for _ in range(20):  # well past the calls after which it compiles
        with pytest.raises(InvalidValueError, match="not a finite number"):
            formula.evaluate({"x": D("Infinity")})
    formula.compiled()
    with pytest.raises(InvalidValueError):
        formula.evaluate({"x": D("NaN")})


@pytest.mark.parametrize("count", [202, 989, 1600])
def test_sums_of_many_arguments_compile_and_agree(count: int) -> None:
    formula = parse_formula("sum(" + ", ".join(["x"] * count) + ") + avg(" + ", ".join(["x"] * count) + ")")
    reference = formula.evaluate_reference({"x": D("1.5")})
    assert reference == D("1.5") * count + D("1.5")
    assert formula.compiled()({"x": D("1.5")}) == reference


def test_a_formula_python_cannot_compile_stays_interpreted() -> None:
    text = "a" + " / (a" * 31 + ")" * 31  # a chain of divisions within our limits, beyond Python's parentheses
    formula = parse_formula(text)
    assert formula.compiled()({"a": D(2)}) == formula.evaluate_reference({"a": D(2)})


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda c: c.evaluate("2025"), ArgumentError),
        (lambda c: c.evaluate(True), ArgumentError),
        (lambda c: c.evaluate(2025, quarter=5), ArgumentError),
        (lambda c: c.evaluate(2025, data={"a": 1}), ArgumentError),
        (lambda c: c.evaluate(2025, values(a=1))["lian"], UnknownIdError),
        (lambda c: lkip_rules.explain.explain(c, "lian", 2025, data=values(a=1)), UnknownIdError),
        (lambda c: lkip_rules.explain.explain(c, "lain", 2025, lang="fr", data=values(a=1)), ArgumentError),
        (lambda c: parse_formula("a", known_names=5), ArgumentError),  # type: ignore[arg-type]
        (lambda c: parse_formula("a", known_names="a"), ArgumentError),
        (lambda c: parse_formula("a[N-1]").evaluate({"a": {2024: 1}}, year="2025"), ArgumentError),  # type: ignore[arg-type]
        (lambda c: lkip_rules.load_catalog(5), ArgumentError),  # type: ignore[arg-type]
    ],
)
def test_api_misuse_is_our_error(tmp_path: Path, call: object, error: type[Exception]) -> None:
    found = catalog(tmp_path, WEIGHTED)
    with pytest.raises(error) as caught:
        call(found)  # type: ignore[operator]
    assert isinstance(caught.value, LkipError)


def test_an_unknown_id_suggests_the_nearest(tmp_path: Path) -> None:
    with pytest.raises(UnknownIdError) as caught:
        catalog(tmp_path, WEIGHTED).evaluate(2025, values(a=1))["lian"]
    assert str(caught.value) == "'lian' is not an indicator of t; did you mean 'lain'?"
    assert isinstance(caught.value, KeyError)  # code written for a dict still catches it


@pytest.mark.parametrize(
    ("module", "command", "extra"),
    [
        ("openpyxl", ["evaluate", "--format", "xlsx", "--output", "{tmp}/x.xlsx"], "excel"),
        ("matplotlib", ["chart", "--output", "{tmp}/gambar"], "charts"),
        ("duckdb", ["bulk", "--input", "{tmp}/in.csv", "--output", "{tmp}/out.parquet"], "bulk"),
        ("polars", ["bulk", "--engine", "polars", "--input", "{tmp}/in.csv", "--output", "{tmp}/o.parquet"], "bulk"),
    ],
)
def test_a_missing_extra_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: str, command: list[str], extra: str
) -> None:
    (tmp_path / "in.csv").write_text("entity,year,koperasi_aktif\na,2025,982\n", "utf-8")
    for name in list(sys.modules):
        if name == module or name.startswith(module + "."):
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, module, None)  # import now fails as if it were not installed
    run = CliRunner().invoke(main, [part.format(tmp=tmp_path) for part in command])
    assert run.exit_code == 1, run.output
    assert f"pip install 'lkip-rules[{extra}]'" in run.output and "Traceback" not in run.output


def test_the_missing_extra_error_is_an_import_error_too(monkeypatch: pytest.MonkeyPatch) -> None:
    from lkip_rules._optional import require

    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingDependencyError) as caught:
        require("matplotlib", "charts")
    assert isinstance(caught.value, ImportError)


@pytest.mark.parametrize(
    ("output", "lang", "message"),
    [
        ("{tmp}", "en", "Error: --output {tmp} is a folder; give a file name"),
        ("{tmp}", "id", "Galat: --output {tmp} adalah folder; berikan nama berkas"),
        ("{tmp}/no/such/folder/x.csv", "en", "does not exist; create it first"),
        ("{tmp}/no/such/folder/x.csv", "id", "tidak ada; buat dulu"),
    ],
)
def test_output_places_that_cannot_be_written_are_usage_errors(
    tmp_path: Path, output: str, lang: str, message: str
) -> None:
    args = ["evaluate", "--format", "csv", "--lang", lang, "--output", output.format(tmp=tmp_path)]
    run = CliRunner().invoke(main, args)
    assert run.exit_code == 2 and message.format(tmp=tmp_path) in run.output


@pytest.mark.parametrize(("lang", "word"), [("en", "(replaced the earlier file)"), ("id", "(menggantikan berkas")])
def test_an_existing_output_file_is_replaced_with_a_word(tmp_path: Path, lang: str, word: str) -> None:
    target = tmp_path / "capaian.csv"
    target.write_text("old", "utf-8")
    run = CliRunner().invoke(main, ["evaluate", "--format", "csv", "--lang", lang, "--output", str(target)])
    assert run.exit_code == 0 and word in run.output and target.read_text() != "old"


@pytest.mark.parametrize("kind", ["parent", "formula"])
def test_long_chains_over_several_years_need_no_deep_recursion(tmp_path: Path, kind: str) -> None:
    """1,500 indicators each resting on the next, declared top first, with figures for three years
    (each result's history walks the other years too): nothing recurses as deep as the chain."""
    depth = 1500
    parts = ['[catalog]\nid = "c"\nname = "C"\nperiod = [2024, 2026]\n[inputs.a]\nname = "A"\n']
    for i in range(depth):  # i0 on top; the last one reads the input
        last = i == depth - 1
        if kind == "parent":  # i0 <- i1 <- ... : each the mean of its one child
            body = 'formula = "a"\n' if last else ""
            body += f'parent = "i{i - 1}"\n' if i else ""
        else:  # i0 = i1 + a, i1 = i2 + a, ...
            body = 'formula = "a"\n' if last else f'formula = "i{i + 1} + a"\n'
        parts.append(f'[indicators.i{i}]\nname = "I{i}"\nlevel = "iku"\n{body}targets = {{ 2025 = 1 }}\n')
    (tmp_path / "catalog.toml").write_text("".join(parts), "utf-8")
    catalog = lkip_rules.load_catalog(tmp_path)
    data = Data.from_values({"a": {2024: 1, 2025: {"value": 2, "status": "sementara"}, 2026: 3}})
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(1000)  # Python's default, whatever the test runner set
    try:
        top = catalog.evaluate(2025, data)["i0"]
    finally:
        sys.setrecursionlimit(limit)
    assert top.provisional == ("a (2025)",) and len(top.history) == 3
    # a formula chain adds a 1,500 times; a parent chain passes on the last one's 2 / 1 = 200%
    assert (top.realisation, top.achievement) == ((D(2 * depth), D(300_000)) if kind == "formula" else (None, D(200)))
