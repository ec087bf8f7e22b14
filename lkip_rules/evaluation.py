"""Evaluating a catalog for a year: realisations in dependency order, then scoring.

Every indicator gets a result with a status — ``ok``, ``missing-data``, ``undefined``
or ``error`` — and a message; nothing is dropped and nothing becomes a quiet 0.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from lkip_rules import budget, numbers, scoring
from lkip_rules.budget import BudgetResult
from lkip_rules.catalog.model import Data, Indicator
from lkip_rules.errors import CatalogValidationError, DivisionByZeroError, EvaluationError, MissingValueError
from lkip_rules.formula.ast import Period
from lkip_rules.results import (
    BenchmarkResult,
    Category,
    EndTarget,
    IndicatorResult,
    PreviousYear,
    Results,
)
from lkip_rules.validation import data_issues, touched, touched_lines

if TYPE_CHECKING:
    from lkip_rules.catalog import Catalog


@attrs.frozen
class Realised:
    """An indicator's realisation for a year, or why there is none."""

    status: scoring.Status
    value: Decimal | None = None
    message: str = ""
    given: bool = False
    values: Mapping[str, Decimal] = attrs.field(factory=dict)
    root: str = ""  # the first cause down a chain of indicators, so messages never nest deeper

    @property
    def cause(self) -> str:
        return self.root or self.message


def evaluate(catalog: Catalog, year: int, data: Data, quarter: int | None = None) -> Results:
    """Every indicator's result. Data with errors is refused (CatalogValidationError); an error
    of the catalog makes the indicators it touches come out as ``error``, never ``ok``."""
    problems = [issue for issue in data_issues(catalog, data) if issue.severity == "error"]
    if problems:
        raise CatalogValidationError(list(problems))
    issues = catalog.catalog_issues()
    evaluator = Evaluator(catalog, data, quarter, touched(catalog, issues))
    results = {ind.id: evaluator.result(ind, year) for ind in catalog.in_dependency_order()}
    year_data = data.years.get(year)
    lines = budget.line_results(catalog.budget, year_data.budget if year_data else {}, touched_lines(catalog, issues))
    behind = _budget_behind(catalog)
    ordered = {ind_id: _with_budget(catalog, results[ind_id], lines, behind) for ind_id in catalog.indicators}
    programs = [line.id for line in catalog.budget.values() if line.parent is None]
    total = budget.summarise(programs, lines) if programs else None
    return Results(catalog.info.id, year, quarter, ordered, lines, total)


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


def _with_budget(
    catalog: Catalog, result: IndicatorResult, lines: Mapping[str, BudgetResult], behind: Mapping[str, set[str]]
) -> IndicatorResult:
    """Attach the money behind an indicator: lines supporting it or any indicator below it."""
    supporting = behind.get(result.id)
    if not supporting:
        return result
    summary = budget.summarise(budget.top_lines(supporting, catalog.budget), lines)
    if summary.serapan is not None and result.achievement is not None:
        summary = attrs.evolve(summary, efficiency=result.achievement - summary.serapan)
    return attrs.evolve(result, budget=summary)


class Evaluator:
    def __init__(self, catalog: Catalog, data: Data, quarter: int | None, blocked: Mapping[str, str]) -> None:
        self.catalog = catalog
        self.data = data
        self.quarter = quarter
        self.blocked = blocked  # indicator -> the catalog error that keeps it from being computed
        self.inputs, self.blank = _input_series(catalog, data, quarter)
        self.realised: dict[tuple[str, int], Realised] = {}
        self.scored: dict[tuple[str, int], IndicatorResult] = {}
        self.busy: set[tuple[str, int]] = set()

    # -- realisation ------------------------------------------------------------------------

    def realisation(self, ind: Indicator, year: int) -> Realised:
        key = (ind.id, year)
        if key not in self.realised:
            if key in self.busy:
                return Realised("error", message=f"'{ind.id}' depends on itself (a cycle)")
            self.busy.add(key)
            try:
                self.realised[key] = self._realise(ind, year)
            except RecursionError:
                self.realised[key] = Realised("error", message="indicators reference each other too deeply")
            finally:
                self.busy.discard(key)
        return self.realised[key]

    def _realise(self, ind: Indicator, year: int) -> Realised:
        year_data = self.data.years.get(year)
        if year_data is not None and ind.id in year_data.realisations and ind.id not in self.blocked:
            return Realised("ok", year_data.realisations[ind.id], f"realisation given in {year_data.file}", True)
        if ind.formula is None or ind.id in self.blocked:  # a broken formula or unknown name is a catalog error
            return Realised("error", message=_blocked(self.blocked.get(ind.id, "the formula has errors")))
        values = {name: self.series(name) for name in ind.formula.names}
        try:
            value = ind.formula.evaluate(values, year=year)
        except MissingValueError as exc:
            message, root = self._missing(exc)
            return Realised("missing-data", message=message, root=root)
        except DivisionByZeroError as exc:
            return Realised("undefined", message=exc.message)
        except EvaluationError as exc:
            return Realised("error", message=exc.message)
        if value.adjusted() >= numbers.MAX_INTEGER_DIGITS:
            return Realised(
                "error",
                message=f"the realisation {value:.4E} has more than {numbers.MAX_INTEGER_DIGITS} digits before "
                "the decimal point; check the figures",
            )
        return Realised("ok", value, values=dict(_used(ind.formula.names, values, year)))

    def referenced(self, ind: Indicator, year: int) -> Decimal | None:
        """What ``ind`` stands for in another indicator's formula: its realisation as printed when
        its basis is "rounded" (the arithmetic a report does on its own printed figures), its exact
        realisation when its basis is "exact"."""
        realised = self.realisation(ind, year)
        if realised.value is None or ind.policy.basis == "exact":
            return realised.value
        return scoring.round_value(realised.value, ind.policy.decimals, ind.policy.rounding)

    def series(self, name: str) -> Mapping[int, Decimal]:
        if name in self.catalog.indicators:
            return _IndicatorSeries(self, self.catalog.indicators[name])
        return self.inputs.get(name, {})

    def _missing(self, exc: MissingValueError) -> tuple[str, str]:
        """The message for a missing value, and the first cause down the chain (for those using it)."""
        at = f" for {exc.year}" if exc.year is not None else ""
        reason = self.blank.get((exc.name, exc.year)) if exc.year is not None else None
        root = ""
        if exc.name in self.catalog.indicators and exc.year is not None:
            inner = self.realisation(self.catalog.indicators[exc.name], exc.year)
            reason, root = f"{inner.status}: {inner.cause}", inner.cause
        message = f"no value for '{exc.name}'{at}" + (f" ({reason})" if reason else "")
        return message, root

    # -- scoring ----------------------------------------------------------------------------

    def result(self, ind: Indicator, year: int) -> IndicatorResult:
        key = (ind.id, year)
        if key not in self.scored:
            self.scored[key] = self._score(ind, year)
        return self.scored[key]

    def _score(self, ind: Indicator, year: int) -> IndicatorResult:
        blank = IndicatorResult(
            id=ind.id,
            name=ind.name,
            level=ind.level,
            unit=ind.unit,
            polarity=ind.policy.polarity,
            year=year,
            quarter=self.quarter,
            parent=ind.parent,
            status="ok",
            formula=str(ind.formula) if ind.formula is not None else None,
        )
        if ind.id in self.blocked:
            return attrs.evolve(blank, status="error", message=_blocked(self.blocked[ind.id]))
        if ind.aggregated:
            return self._aggregate(ind, year, blank)
        target = ind.targets.get(year)
        realised = self.realisation(ind, year)
        result = attrs.evolve(
            blank,
            target=target,
            status=realised.status,
            message=realised.message,
            realisation_given=realised.given,
            values=realised.values,
            benchmark=self._benchmark(ind, year),
            end_target=self._end(ind, realised.value),
        )
        if realised.value is None:
            return attrs.evolve(result, previous=self._previous(ind, year, None))
        rounded = scoring.round_value(realised.value, ind.policy.decimals, ind.policy.rounding)
        result = attrs.evolve(
            result,
            realisation_exact=realised.value,
            realisation=rounded,
            previous=self._previous(ind, year, rounded),
        )
        if target is None:
            return attrs.evolve(result, status="missing-data", message=_join(realised.message, f"no target for {year}"))
        score = scoring.achievement(realised.value, target, ind.policy)
        return attrs.evolve(
            result,
            status=score.status,
            achievement_exact=score.achievement_exact,
            achievement=score.achievement,
            rule=score.rule,
            category=self._category(ind, score.achievement),
            message=_join(realised.message, score.message),
        )

    def _category(self, ind: Indicator, printed: Decimal | None) -> Category | None:
        scale = self.catalog.scales.get(ind.scale)
        if printed is None or scale is None:
            return None
        band = scoring.category(scale, printed)
        return Category(band.code, band.label)

    def _aggregate(self, ind: Indicator, year: int, blank: IndicatorResult) -> IndicatorResult:
        children = [self.result(child, year) for child in self.catalog.children(ind.id)]
        method = ind.aggregate
        not_ok = [c for c in children if c.status != "ok" or c.achievement is None]
        if not_ok or not children:
            status: scoring.Status = (
                "error" if any(c.status == "error" for c in not_ok) else (not_ok[0].status if not_ok else "error")
            )
            why = "; ".join(f"{c.id}: {c.status}" for c in not_ok) or "it has no children"
            previous = self._previous_aggregate(ind, year, None) if year - 1 >= ind.period[0] else None
            message = f"cannot aggregate ({method}): {why}"
            return attrs.evolve(blank, status=status, message=message, rule=method, previous=previous)
        weights = [self.catalog.indicators[c.id].weight for c in children]
        exact = scoring.aggregate([c.achievement for c in children if c.achievement is not None], method, weights)
        if exact is None:  # pragma: no cover - weights are validated above 0
            return attrs.evolve(blank, status="undefined", message="the children's weights add up to 0", rule=method)
        printed = scoring.round_value(exact, ind.policy.decimals, ind.policy.rounding)
        previous = self._previous_aggregate(ind, year, printed) if year - 1 >= ind.period[0] else None
        return attrs.evolve(
            blank,
            achievement_exact=exact,
            achievement=printed,
            category=self._category(ind, printed),
            rule=f"{method} of the children ({', '.join(c.id for c in children)})",
            previous=previous,
        )

    def _previous(self, ind: Indicator, year: int, now: Decimal | None) -> PreviousYear | None:
        """Last year's figures, whether or not this year's are in yet."""
        before = year - 1
        realised = self.realisation(ind, before)
        if realised.value is None:
            return None
        rounded = scoring.round_value(realised.value, ind.policy.decimals, ind.policy.rounding)
        target = ind.targets.get(before)
        score = scoring.achievement(realised.value, target, ind.policy) if target is not None else None
        # For a stable indicator closer to the target is better; the direction alone says nothing.
        comparable = now is not None and ind.policy.polarity != "stable"
        trend = _trend(now, rounded, ind.policy.polarity != "negative") if comparable and now is not None else None
        return PreviousYear(before, rounded, score.achievement if score else None, trend)

    def _previous_aggregate(self, ind: Indicator, year: int, now: Decimal | None) -> PreviousYear | None:
        before = self.result(ind, year - 1)
        if before.achievement is None:
            return None
        trend = _trend(now, before.achievement, True) if now is not None else None
        return PreviousYear(year - 1, None, before.achievement, trend)

    def _end(self, ind: Indicator, value: Decimal | None) -> EndTarget | None:
        end = ind.renstra_end_target()
        if end is None:
            return None
        end_year, target = end
        achieved = scoring.achievement(value, target, ind.policy).achievement if value is not None else None
        return EndTarget(end_year, target, achieved)

    def _benchmark(self, ind: Indicator, year: int) -> BenchmarkResult | None:
        year_data = self.data.years.get(year)
        given = year_data.benchmarks.get(ind.id) if year_data else None
        if given is None:
            return None
        computed = None
        if given.target is not None and given.realisation is not None:
            computed = scoring.achievement(given.realisation, given.target, ind.policy).achievement
        return BenchmarkResult(given.source, given.year, given.target, given.realisation, computed, given.achievement)


class _IndicatorSeries(Mapping[int, Decimal]):
    """An indicator's realisations by year, computed on demand for formulas that use them."""

    def __init__(self, evaluator: Evaluator, ind: Indicator) -> None:
        self.evaluator = evaluator
        self.ind = ind

    def __getitem__(self, year: int) -> Decimal:
        value = self.evaluator.referenced(self.ind, year)
        if value is None:
            raise KeyError(year)
        return value

    def __iter__(self) -> Iterator[int]:  # pragma: no cover - formulas only look years up
        return iter(())

    def __len__(self) -> int:  # pragma: no cover - formulas only look years up
        return 0


def _input_series(
    catalog: Catalog, data: Data, quarter: int | None
) -> tuple[dict[str, dict[int, Decimal]], dict[tuple[str, int], str]]:
    """Each input's value per year (quarters rolled up to ``quarter``), and why any is blank."""
    series: dict[str, dict[int, Decimal]] = {}
    blank: dict[tuple[str, int], str] = {}
    for year, year_data in data.years.items():
        for name, value in year_data.inputs.items():
            if isinstance(value, Mapping):
                item = catalog.inputs.get(name)
                rollup = item.rollup if item is not None else None
                if rollup is None:  # pragma: no cover - refused with the data (missing-rollup)
                    blank[(name, year)] = "quarterly values but no rollup rule"
                    continue
                rolled, why = scoring.roll_up(value, rollup, quarter or 4)
                if rolled is None:
                    blank[(name, year)] = why
                    continue
                value = rolled
            series.setdefault(name, {})[year] = value
    return series, blank


def _used(
    names: Mapping[str, frozenset[Period]], values: Mapping[str, Mapping[int, Decimal]], year: int
) -> Iterator[tuple[str, Decimal]]:
    for name, periods in names.items():
        for period in sorted(periods, key=lambda p: (p.year or 0, p.offset)):
            at = period.resolve(year)
            found = values[name].get(at)
            if found is not None:
                yield (name if period.year is None and period.offset == 0 else f"{name}[{at}]"), found


def _trend(now: Decimal, before: Decimal, higher_is_better: bool) -> str:
    if now == before:
        return "unchanged"
    return "improved" if (now > before) == higher_is_better else "declined"


def _blocked(why: str) -> str:
    return f"not computed because of an error in the catalog ({why}); run 'lkip check'"


def _join(*parts: str) -> str:
    return "; ".join(part for part in parts if part)
