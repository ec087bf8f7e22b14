"""Evaluating a catalog for a year (up to a quarter): realisations in dependency order, then
scoring against the target in force, then the money behind each indicator and its years side
by side.

Every indicator gets a result with a status — ``ok``, ``missing-data``, ``undefined`` or
``error`` — and a message; nothing is dropped and nothing becomes a quiet 0.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

from lkip_rules import budget
from lkip_rules.budget import BudgetResult
from lkip_rules.catalog.model import Data
from lkip_rules.errors import CatalogValidationError
from lkip_rules.evaluation.realise import Realiser
from lkip_rules.evaluation.score import Scorer
from lkip_rules.results import IndicatorResult, Results, YearFigures
from lkip_rules.validation import data_issues, touched, touched_lines

if TYPE_CHECKING:
    from lkip_rules.api import Catalog

__all__ = ["evaluate"]


def evaluate(catalog: Catalog, year: int, data: Data, quarter: int | None = None) -> Results:
    """Every indicator's result. Data with errors is refused (CatalogValidationError); an error
    of the catalog makes the indicators it touches come out as ``error``, never ``ok``."""
    problems = [issue for issue in data_issues(catalog, data) if issue.severity == "error"]
    if problems:
        raise CatalogValidationError(list(problems))
    issues = catalog.catalog_issues()
    scorer = Scorer(Realiser(catalog, data, quarter, touched(catalog, issues)))
    in_order = catalog.in_dependency_order()
    results = {ind.id: scorer.result(ind, year) for ind in in_order}
    years = sorted(y for y in data.years if y != year)
    for other in years:  # the other years too in dependency order, so no chain is walked by recursion
        for ind in in_order:
            if ind.period[0] <= other <= ind.period[1]:
                scorer.result(ind, other)
    year_data = data.years.get(year)
    lines = budget.line_results(catalog.budget, year_data.budget if year_data else {}, touched_lines(catalog, issues))
    if year_data is not None and year_data.provisional:
        lines = {line_id: _flag(line, year_data.provisional) for line_id, line in lines.items()}
    behind = _budget_behind(catalog)
    ordered = {
        ind_id: _finished(scorer, results[ind_id], years, _budget_of(catalog, results[ind_id], lines, behind))
        for ind_id in catalog.indicators
    }
    programs = [line.id for line in catalog.budget.values() if line.parent is None]
    total = budget.summarise(programs, lines) if programs else None
    return Results(catalog.info.id, year, quarter, ordered, lines, total)


def _finished(
    scorer: Scorer, result: IndicatorResult, years: list[int], money: budget.BudgetSummary | None
) -> IndicatorResult:
    """The year's result with its years side by side (this one included, in order) and the
    money behind it, in one record."""
    ind = scorer.catalog.indicators[result.id]
    first, last = ind.period
    chosen = [result] + [scorer.result(ind, y) for y in years if first <= y <= last]
    history = tuple(_figures(r) for r in sorted(chosen, key=lambda r: r.year))
    return attrs.evolve(result, history=history, budget=money)  # None: no money behind it, the default


def _figures(result: IndicatorResult) -> YearFigures:
    category = result.category.code if result.category else None
    return YearFigures(
        result.year,
        result.status,
        result.target,
        result.realisation,
        result.achievement,
        category,
        bool(result.provisional),
    )


def _flag(line: BudgetResult, provisional: frozenset[tuple[str, ...]]) -> BudgetResult:
    marked = any(cell[:2] == ("budget", line.id) for cell in provisional)
    return attrs.evolve(line, provisional=True) if marked else line


def _budget_behind(catalog: Catalog) -> dict[str, set[str]]:
    """Indicator -> the budget lines supporting it or any indicator below it: each line is
    credited to the indicators it supports and their ancestors (linear in lines x depth)."""
    behind: dict[str, set[str]] = {}
    for line in catalog.budget.values():
        for supported in line.supports:
            node: str | None = supported
            seen: set[str] = set()
            while node is not None and node in catalog.indicators and node not in seen:  # a parent cycle ends
                seen.add(node)
                behind.setdefault(node, set()).add(line.id)
                node = catalog.indicators[node].parent
    return behind


def _budget_of(
    catalog: Catalog, result: IndicatorResult, lines: Mapping[str, BudgetResult], behind: Mapping[str, set[str]]
) -> budget.BudgetSummary | None:
    """The money behind an indicator: lines supporting it or any indicator below it."""
    supporting = behind.get(result.id)
    if not supporting:
        return None
    summary = budget.summarise(budget.top_lines(supporting, catalog.budget), lines)
    if summary.serapan is not None and result.achievement is not None:
        summary = attrs.evolve(summary, efficiency=result.achievement - summary.serapan)
    return summary
