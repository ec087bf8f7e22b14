"""Checks of file cases: catalogs through load, validate, evaluate, explain and audit; data
files read, laid over the bundled catalog, and given to ``lkip --data``."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

import lkip_rules
from lkip_rules import Data, load_catalog
from tests.fuzz.checks.base import FuzzFailure, Steps, assert_finite, bundled_catalog, materialise, merged_data
from tests.fuzz.checks.commands import run_cli
from tests.fuzz.gen import Figure, FilesCase

MAX_EXPLAINED = 30
"""Indicators explained per catalog: explain() evaluates the whole catalog each time, so
explaining every one of thousands would time the harness, not the library."""
BIG = 200
"""Indicators past which a catalog is checked with one call of each kind (see check_catalog)."""


def check_catalog(case: FilesCase, root: Path) -> str:
    """load -> validate -> evaluate every data year (and to a quarter) -> explain each indicator -> audit.

    A catalog of over BIG indicators gets one year, one explanation and no quarter: every
    call is still made, but the example's time stays that of one call, so a hang is one call
    taking too long rather than many calls adding up.
    """
    from lkip_rules.audit import audit
    from lkip_rules.explain import explain

    steps = Steps()
    catalog = steps.run(load_catalog, materialise(case.files, root) / case.entry)
    if catalog is None:
        return steps.outcome
    steps.run(catalog.validate)
    data = steps.run(lambda: catalog.data) or Data()
    big = len(catalog.indicators) > BIG
    years = (sorted(data.years)[-1:] if big else sorted(data.years)[:4]) or [catalog.info.period[0]]
    for year in years:
        _evaluate(steps, catalog, year, data)
    if not big:
        _evaluate(steps, catalog, years[-1], data, quarter=2)
    for number, indicator in enumerate(list(catalog.indicators)[: 1 if big else MAX_EXPLAINED]):
        steps.run(explain, catalog, indicator, years[-1], lang="en" if number % 2 else "id", data=data)
    for year in years:
        steps.run(audit, catalog, year, data)
    return steps.outcome


def _evaluate(steps: Steps, catalog: lkip_rules.Catalog, year: int, data: Data, quarter: int | None = None) -> None:
    """evaluate, and assess beside it: the same four figures of every indicator, or both refused."""
    results = steps.run(catalog.evaluate, year, data, quarter=quarter)
    found = steps.run(catalog.assess, year, data, quarter=quarter)
    if (results is None) != (found is None):
        raise FuzzFailure("evaluate and assess disagree on refusing", f"year {year}, quarter {quarter}")
    if results is not None:
        assert_finite(results)
        steps.run(results.to_dict)
        for ind_id, result in results.indicators.items():
            category = result.category.code if result.category else None
            full = lkip_rules.Assessment(result.status, result.realisation, result.achievement, category)
            if found.get(ind_id) != full:
                detail = f"{ind_id} in {year} (quarter {quarter}): evaluate {full}, assess {found.get(ind_id)}"
                raise FuzzFailure("assess gives other figures than evaluate", detail)


def check_data(case: FilesCase, root: Path) -> str:
    """A TOML, CSV or XLSX data file: read it, lay it over the bundled catalog's figures,
    evaluate and audit its years; then the same file through ``lkip evaluate/check --data``."""
    from lkip_rules.audit import audit
    from lkip_rules.datafiles import read
    from lkip_rules.validation import data_files

    path = materialise(case.files, root) / case.entry
    steps = Steps()
    data = steps.run(read, path)
    if data is not None and case.expected is not None:
        check_figures(data, case.expected)
    if data is not None:
        catalog = bundled_catalog()
        steps.run(lambda: list(data_files(catalog, data)))
        merged = steps.run(merged_data, catalog.data, data)
        for year in sorted(data.years)[:3] if merged is not None else []:
            _evaluate(steps, catalog, year, merged)
            steps.run(audit, catalog, year, merged)
    fmt = ("csv", "json", "table", "markdown")[case.size() % 4]
    codes = [run_cli(["evaluate", "--data", str(path), "--format", fmt]), run_cli(["check", "--data", str(path)])]
    return "lkip" if steps.refused or any(codes) else "ok"


def check_figures(data: Data, expected: list[Figure]) -> None:
    """Nothing dropped or changed silently: a clean file read without error holds exactly its figures."""
    found: dict[tuple[str, int, int | None], Decimal] = {}
    for year, year_data in data.years.items():
        for name, value in year_data.inputs.items():
            items = value.items() if isinstance(value, Mapping) else [(None, value)]
            found.update({(name, year, quarter): number for quarter, number in items})
    wanted = {(name, year, quarter): Decimal(value.replace(",", ".")) for name, year, quarter, value in expected}
    if found != wanted:
        missing = sorted(set(wanted) - set(found), key=str)[:5]
        extra = sorted(set(found) - set(wanted), key=str)[:5]
        changed = [key for key in wanted.keys() & found.keys() if wanted[key] != found[key]][:5]
        raise FuzzFailure(
            "the file was read without error but its figures differ",
            f"missing {missing}, extra {extra}, changed {[(k, wanted[k], found[k]) for k in changed]}",
        )
