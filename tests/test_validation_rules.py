"""Validation rules one by one, and what their errors keep from being computed."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

import lkip_rules
from lkip_rules import Data
from lkip_rules.errors import CatalogValidationError

HEAD = '[catalog]\nid = "t"\nname = "T"\nperiod = [2025, 2029]\n[inputs.a]\nname = "A"\nunit = "orang"\n'


def issues(tmp_path: Path, body: str, data: str | None = None) -> set[tuple[str, str, str]]:
    (tmp_path / "catalog.toml").write_text(HEAD + body, "utf-8")
    if data is not None:
        (tmp_path / "data").mkdir(exist_ok=True)
        (tmp_path / "data" / "2025.toml").write_text(data, "utf-8")
    return {(i.severity, i.code, i.key_path) for i in lkip_rules.load_catalog(tmp_path).validate()}


def test_references_to_what_does_not_exist(tmp_path: Path) -> None:
    body = (
        '[indicators.i]\nname = "I"\nlevel = "iku"\nformula = "a"\nsupports = ["lain"]\nscale = "skala"\n'
        'targets = { 2025 = 1 }\nparent = "induk"\n'
        '[budget.k]\nname = "K"\nlevel = "kegiatan"\nparent = "p"\nsupports = ["j"]\n'
        '[budget.s]\nname = "S"\nlevel = "subkegiatan"\n'
        '[budget.q]\nname = "Q"\nlevel = "program"\n[budget.t]\nname = "T"\nlevel = "subkegiatan"\nparent = "q"\n'
    )
    assert issues(tmp_path, body) == {
        ("error", "missing-reference", "indicators.i.supports"),
        ("error", "unknown-scale", "indicators.i.scale"),
        ("error", "missing-parent", "indicators.i.parent"),
        ("error", "missing-parent", "budget.k.parent"),
        ("error", "missing-reference", "budget.k.supports"),
        ("warning", "budget-orphan", "budget.s"),
        ("error", "budget-level", "budget.t.parent"),  # a sub kegiatan straight under a program
    }


def test_an_indicator_computed_from_one_a_catalog_error_touches_is_an_error_too(tmp_path: Path) -> None:
    body = (
        '[scales.s]\nname = "S"\nbands = [{ code = "A", label = "a", above = 1 }, { code = "A", label = "b" }]\n'
        '[indicators.i]\nname = "I"\nlevel = "iku"\nformula = "a"\nscale = "s"\ntargets = { 2025 = 1 }\n'
        '[indicators.j]\nname = "J"\nlevel = "iku"\nformula = "i * 2"\ntargets = { 2025 = 1 }\n'
        '[indicators.k]\nname = "K"\nlevel = "iku"\nformula = "a * 2"\ntargets = { 2025 = 1 }\n'
    )
    assert ("error", "scale-duplicate-code", "scales.s.bands") in issues(tmp_path, body)
    results = lkip_rules.load_catalog(tmp_path).evaluate(2025, Data.from_values({"a": {2025: 3}}))
    assert (results["i"].status, results["j"].status, results["k"].status) == ("error", "error", "ok")
    assert "it is computed from 'i', which cannot be computed (scale-duplicate-code" in results["j"].message
    assert results["k"].realisation == D("6.00")


def test_data_for_ids_the_catalog_does_not_have(tmp_path: Path) -> None:
    data = "[realisations]\nx = 1\n[benchmarks.y]\nsource = 's'\n[budget.z]\npagu = 1\n[reported.w]\nwhere = 'w'\n"
    found = issues(tmp_path, "", data.replace("'", '"'))
    assert {code for _, code, path in found if code == "unknown-id"} == {"unknown-id"}
    assert {path for _, code, path in found if code == "unknown-id"} == {
        "realisations.x",
        "benchmarks.y",
        "budget.z",
        "reported.w",
    }


def test_a_fraction_in_a_count_that_is_no_thousands_point(tmp_path: Path) -> None:
    (tmp_path / "catalog.toml").write_text(HEAD, "utf-8")
    catalog = lkip_rules.load_catalog(tmp_path)
    with pytest.raises(CatalogValidationError) as caught:
        catalog.evaluate(2025, Data.from_values({"a": {2025: "2.5"}}))
    assert "'a' counts orang, so 2.5 cannot be right: a count is a whole number" in str(caught.value)


def test_a_percentage_of_sums_of_counts(tmp_path: Path) -> None:
    body = (
        '[inputs.b]\nname = "B"\nunit = "orang"\n[inputs.c]\nname = "C"\nunit = "orang"\n'
        '[indicators.p]\nname = "P"\nlevel = "iku"\nunit = "%"\n'
        'formula = "(a + b) / c * 100"\ntargets = { 2025 = 50 }\n'
    )
    # (60 + 50) / 100 x 100 = 110%: more of a part than its whole
    found = issues(tmp_path, body, "[inputs]\na = 60\nb = 50\nc = 100\n")
    assert ("warning", "implausible-percentage", "indicators.p") in found
