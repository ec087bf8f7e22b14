"""Catalog and data errors: each says the file, the key path (and line), and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

import lkip_rules
from lkip_rules import CatalogError, CatalogValidationError

CATALOG = """\
[catalog]
id = "demo"
name = "Dinas Contoh"
period = [2025, 2029]

[inputs.koperasi_aktif]
name = "Jumlah koperasi aktif"

[inputs.koperasi_nib]
name = "Jumlah koperasi dengan NIB"

[indicators.nib]
name = "Persentase koperasi dengan NIB"
level = "program"
unit = "%"
numerator = "koperasi_nib"
denominator = "koperasi_aktif"
multiplier = 100
targets = { 2025 = 2.5 }
"""


def make(tmp_path: Path, catalog: str = CATALOG, data: str | None = None, extra: str | None = None) -> Path:
    root = tmp_path / "demo"
    (root / "data").mkdir(parents=True)
    (root / "catalog.toml").write_text(catalog, "utf-8")
    if extra is not None:
        (root / "more.toml").write_text(extra, "utf-8")
    if data is not None:
        (root / "data" / "2025.toml").write_text(data, "utf-8")
    return root


def issues(root: Path) -> list[str]:
    return [str(issue) for issue in lkip_rules.load_catalog(root).validate()]


def test_the_base_catalog_is_clean(tmp_path: Path) -> None:
    root = make(tmp_path, data="[inputs]\nkoperasi_aktif = 982\nkoperasi_nib = 60\n")
    catalog = lkip_rules.load_catalog(root)
    assert catalog.validate() == []
    catalog.check()
    assert catalog.evaluate(2025)["nib"].realisation == lkip_rules.parse_formula("6.11").evaluate({})


def test_typo_in_a_key_names_file_path_line_and_suggests(tmp_path: Path) -> None:
    root = make(tmp_path, CATALOG.replace('unit = "%"', 'unit = "%"\npolarty = "negative"'))
    with pytest.raises(CatalogError) as caught:
        lkip_rules.load_catalog(root)
    error = caught.value
    assert error.key_path == "indicators.nib.polarty"
    assert error.lineno == 16
    assert error.file.endswith("demo/catalog.toml")
    assert str(error).endswith(
        "demo/catalog.toml, indicators.nib.polarty (line 16): unknown key 'polarty'\ndid you mean 'polarity'?"
    )


def test_wrong_type_says_what_was_expected(tmp_path: Path) -> None:
    root = make(tmp_path, CATALOG.replace("multiplier = 100", 'multiplier = "100"'))
    with pytest.raises(
        CatalogError, match=r"indicators\.nib\.multiplier \(line 18\): expected a number, got the text '100'"
    ):
        lkip_rules.load_catalog(root)


def test_bad_choice_suggests_the_nearest(tmp_path: Path) -> None:
    root = make(tmp_path, CATALOG.replace('level = "program"', 'level = "programme"'))
    with pytest.raises(CatalogError, match="did you mean 'program'"):
        lkip_rules.load_catalog(root)


def test_toml_syntax_error_keeps_line_and_column(tmp_path: Path) -> None:
    root = make(tmp_path, CATALOG.replace("multiplier = 100", "multiplier = = 100"))
    with pytest.raises(CatalogError) as caught:
        lkip_rules.load_catalog(root)
    assert (caught.value.lineno, caught.value.colno) == (18, 14)
    assert "not valid TOML" in str(caught.value)
    assert str(caught.value).splitlines()[-1] == "    " + " " * 13 + "^"


def test_unknown_name_in_formula_has_a_caret_and_suggestion(tmp_path: Path) -> None:
    root = make(tmp_path, CATALOG.replace('denominator = "koperasi_aktif"', 'denominator = "koperasi_aktf"'))
    errors = [i for i in lkip_rules.load_catalog(root).validate() if i.severity == "error"]
    assert len(errors) == 1
    issue = errors[0]
    assert (issue.code, issue.key_path, issue.line) == ("unknown-name", "indicators.nib.denominator", 17)
    assert issue.file.endswith("demo/catalog.toml")
    assert issue.message == (
        "in the formula, line 1, column 1: unknown name 'koperasi_aktf'\n"
        "    koperasi_aktf\n"
        "    ^^^^^^^^^^^^^\n"
        "did you mean 'koperasi_aktif'?"
    )


def test_syntax_error_in_numerator_points_into_the_numerator(tmp_path: Path) -> None:
    root = make(tmp_path, CATALOG.replace('numerator = "koperasi_nib"', 'numerator = "koperasi_nib *"'))
    found = issues(root)
    assert any("[formula] indicators.nib.numerator: in the formula, line 1, column 15" in i for i in found)


def test_cycle_between_indicators(tmp_path: Path) -> None:
    extra = """
[indicators.a]
name = "A"
level = "kegiatan"
formula = "b + 1"
targets = { 2025 = 1 }

[indicators.b]
name = "B"
level = "kegiatan"
formula = "a * 2"
targets = { 2025 = 1 }
"""
    found = issues(make(tmp_path, extra=extra))
    assert any("error [cycle] indicators.a.formula: formulas form a cycle: a -> b -> a" in i for i in found)
    with pytest.raises(CatalogValidationError) as caught:
        lkip_rules.load_catalog(make(tmp_path / "again", extra=extra)).check()
    assert "cycle" in str(caught.value)


def test_scale_bands_out_of_order(tmp_path: Path) -> None:
    extra = """
[scales.mine]
name = "Mine"
bands = [
  { code = "B", label = "Baik", above = 80 },
  { code = "SB", label = "Sangat Baik", above = 100 },
  { code = "K", label = "Kurang" },
]
"""
    found = issues(make(tmp_path, extra=extra))
    assert any(
        "error [scale-order] scales.mine.bands.1: bands are out of order: 'B' (80) must be above 'SB' (100); "
        "list bands from the top" in i
        for i in found
    )


@pytest.mark.parametrize(
    ("bands", "code"),
    [
        ('{ code = "A", label = "a", above = 1 }, { code = "A", label = "b" }', "scale-duplicate-code"),
        (
            '{ code = "A", label = "a", above = 1 }, { code = "B", label = "b", min = 0 }',
            "scale-bounded-last",
        ),
        ('{ code = "A", label = "a" }, { code = "B", label = "b" }', "scale-unbounded-band"),
    ],
)
def test_other_scale_problems(tmp_path: Path, bands: str, code: str) -> None:
    found = issues(make(tmp_path, extra=f'[scales.mine]\nname = "m"\nbands = [{bands}]\n'))
    assert any(f"[{code}]" in i for i in found)


def test_data_for_an_undeclared_input_suggests_the_declared_one(tmp_path: Path) -> None:
    root = make(tmp_path, data="[inputs]\nkoperasi_aktif = 982\nkoperasi_nb = 60\n")
    found = issues(root)
    assert len(found) == 1
    assert found[0].endswith(
        "2025.toml:3: error [undeclared-input] inputs.koperasi_nb: 'koperasi_nb' is not a declared input; "
        "did you mean 'koperasi_nib'?"
    )


def test_quarters_without_rollup_are_an_error(tmp_path: Path) -> None:
    root = make(tmp_path, data="[inputs]\nkoperasi_aktif = 982\nkoperasi_nib = { q1 = 10, q2 = 20 }\n")
    assert any("[missing-rollup] inputs.koperasi_nib" in i for i in issues(root))


def test_missing_parent_duplicate_id_and_outside_period(tmp_path: Path) -> None:
    extra = """
[indicators.koperasi_aktif]
name = "Duplicate of an input"
level = "program"
formula = "1"

[indicators.c]
name = "C"
level = "program"
parent = "nibb"
formula = "koperasi_nib"
targets = { 2024 = 1, 2026 = 0 }
"""
    found = issues(make(tmp_path, extra=extra))
    codes = {i.split("[")[1].split("]")[0] for i in found}
    assert {"duplicate-id", "missing-parent", "target-outside-period", "zero-target"} <= codes
    assert any("parent 'nibb' is not an indicator; did you mean 'nib'?" in i for i in found)


def test_unused_input_and_missing_multiplier_are_warnings(tmp_path: Path) -> None:
    catalog = CATALOG.replace("multiplier = 100\n", "") + '\n[inputs.spare]\nname = "Spare"\n'
    found = lkip_rules.load_catalog(make(tmp_path, catalog)).validate()
    assert {(i.severity, i.code) for i in found} == {("warning", "unused-input"), ("warning", "multiplier")}
    lkip_rules.load_catalog(make(tmp_path / "b", catalog)).check()  # warnings do not raise


def test_data_file_year_must_match_its_name(tmp_path: Path) -> None:
    root = make(tmp_path, data="year = 2024\n")
    with pytest.raises(CatalogError, match=r"year = 2024, but the file is named 2025\.toml"):
        _ = lkip_rules.load_catalog(root).data


def test_a_folder_without_catalog_toml(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match=r"needs a catalog\.toml"):
        lkip_rules.load_catalog(tmp_path)
