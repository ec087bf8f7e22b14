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
from lkip_rules.catalog.model import Data, Indicator
from lkip_rules.errors import CatalogValidationError
from lkip_rules.evaluation.realise import Realiser
from lkip_rules.evaluation.score import Record, Scorer
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
    records = {ind.id: scorer.record(ind, year) for ind in in_order}
    years = sorted(y for y in data.years if y != year)
    for other in years:  # the other years too in dependency order, so no chain is walked by recursion
        for ind in in_order:
            if ind.period[0] <= other <= ind.period[1]:
                scorer.record(ind, other)
    year_data = data.years.get(year)
    lines = budget.line_results(catalog.budget, year_data.budget if year_data else {}, touched_lines(catalog, issues))
    if year_data is not None and year_data.provisional:
        lines = {line_id: _flag(line, year_data.provisional) for line_id, line in lines.items()}
    behind = _budget_behind(catalog)
    ordered = {
        ind.id: _finished(scorer, ind, year, years, _budget_of(catalog, records[ind.id], lines, behind))
        for ind in catalog.indicators.values()
    }
    programs = [line.id for line in catalog.budget.values() if line.parent is None]
    total = budget.summarise(programs, lines) if programs else None
    return Results(catalog.info.id, year, quarter, ordered, lines, total)


def _finished(
    scorer: Scorer, ind: Indicator, year: int, years: list[int], money: budget.BudgetSummary | None
) -> IndicatorResult:
    """The year's result, built once, with its years side by side (this one included, in order)
    and the money behind it (None: no money behind it, the default)."""
    first, last = ind.period
    chosen = [year] + [y for y in years if first <= y <= last]
    history = tuple(_figures(scorer.record(ind, y)) for y in sorted(chosen))
    return scorer.result(ind, year, history=history, budget=money)


def _figures(record: Record) -> YearFigures:
    category = record.get("category")
    return YearFigures(
        record["year"],
        record["status"],
        record.get("target"),
        record.get("realisation"),
        record.get("achievement"),
        category.code if category else None,
        bool(record.get("provisional")),
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
    catalog: Catalog, record: Record, lines: Mapping[str, BudgetResult], behind: Mapping[str, set[str]]
) -> budget.BudgetSummary | None:
    """The money behind an indicator: lines supporting it or any indicator below it."""
    supporting = behind.get(record["id"])
    if not supporting:
        return None
    summary = budget.summarise(budget.top_lines(supporting, catalog.budget), lines)
    achievement = record.get("achievement")
    if summary.serapan is not None and achievement is not None:
        summary = attrs.evolve(summary, efficiency=achievement - summary.serapan)
    return summary
