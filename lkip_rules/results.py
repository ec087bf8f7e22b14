"""Typed results of evaluating a catalog, and their JSON-ready form (numbers exact, as text)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

import attrs

from lkip_rules.budget import BudgetResult, BudgetSummary
from lkip_rules.errors import UnknownIdError
from lkip_rules.locale.text import Text
from lkip_rules.scoring import Status, Target


@attrs.frozen
class Category:
    code: str
    label: str


@attrs.frozen
class PreviousYear:
    year: int
    realisation: Decimal | None
    achievement: Decimal | None
    trend: str | None  # "improved", "declined", "unchanged"; None when not comparable


@attrs.frozen
class YearFigures:
    """One year of an indicator, for the years side by side (the trend tables and charts)."""

    year: int
    status: Status
    target: Target | None
    realisation: Decimal | None
    achievement: Decimal | None
    category: str | None  # the band's code
    provisional: bool = False


@attrs.frozen
class EndTarget:
    year: int
    target: Target
    achievement: Decimal | None  # this year's realisation against the end target


@attrs.frozen
class BenchmarkResult:
    source: str
    year: int | None
    target: Target | None
    realisation: Decimal | None
    achievement: Decimal | None  # computed from target and realisation when both are given
    achievement_given: Decimal | None


@attrs.frozen
class Assessment:
    """One indicator's figures for a year, as ``Catalog.assess`` gives them: a bulk row's columns."""

    status: Status
    realisation: Decimal | None = None  # as printed
    achievement: Decimal | None = None  # as printed
    category: str | None = None  # the band's code


@attrs.frozen
class IndicatorResult:
    id: str
    name: str
    level: str
    unit: str
    polarity: str
    year: int
    status: Status
    message: str = ""
    quarter: int | None = None
    parent: str | None = None
    target: Target | None = None  # in force: the year's, or the quarter's (Rencana Aksi) when a quarter
    target_initial: Target | None = None  # the Perjanjian Kinerja's, when a revision (PK perubahan) changed it
    year_target: Target | None = None  # up to a quarter: the year's target, beside the quarter's
    year_progress: Decimal | None = None  # up to a quarter: the figures so far against the year's target (%)
    realisation_exact: Decimal | None = None
    realisation: Decimal | None = None  # rounded as printed
    achievement_exact: Decimal | None = None
    achievement: Decimal | None = None  # rounded as printed
    category: Category | None = None
    rule: str = ""
    formula: str | None = None
    values: Mapping[str, Decimal] = attrs.field(factory=dict)  # the figures the formula used
    realisation_given: bool = False
    previous: PreviousYear | None = None
    end_target: EndTarget | None = None
    benchmark: BenchmarkResult | None = None
    budget: BudgetSummary | None = None  # the money behind it, with efficiency
    provisional: tuple[str, ...] = ()  # provisional (sementara) figures it rests on: "name (year)"
    history: tuple[YearFigures, ...] = ()  # every year of the period with figures, side by side

    def to_dict(self) -> dict[str, Any]:
        return _plain(attrs.asdict(self, recurse=True))  # type: ignore[no-any-return]


@attrs.frozen
class Results:
    """The results of one evaluation, by indicator id, in catalog order."""

    catalog: str
    year: int
    quarter: int | None
    indicators: Mapping[str, IndicatorResult]
    budget: Mapping[str, BudgetResult] = attrs.field(factory=dict)
    budget_total: BudgetSummary | None = None  # every program line of the agency

    def __getitem__(self, indicator_id: str) -> IndicatorResult:
        found = self.indicators.get(indicator_id) if isinstance(indicator_id, str) else None
        if found is None:
            from lkip_rules._suggest import closest

            suggestion = closest(indicator_id, self.indicators) if isinstance(indicator_id, str) else None
            message = Text("error.not-an-indicator", id=repr(indicator_id), catalog=self.catalog)
            raise UnknownIdError(message, id=str(indicator_id), suggestion=suggestion)
        return found

    def __iter__(self) -> Iterator[IndicatorResult]:
        return iter(self.indicators.values())

    def __len__(self) -> int:
        return len(self.indicators)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: numbers as exact decimal text, ranges as two-item lists."""
        return {
            "catalog": self.catalog,
            "year": self.year,
            "quarter": self.quarter,
            "indicators": [result.to_dict() for result in self],
            "budget": [_plain(attrs.asdict(line)) for line in self.budget.values()],
            "budget_total": _plain(attrs.asdict(self.budget_total)) if self.budget_total else None,
        }


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")  # 2000, never 2.00E+3
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
