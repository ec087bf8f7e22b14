"""Scoring: a realisation against the target in force — the year's, or the quarter's in the
Rencana Aksi — into an achievement and a category; parents from their children.

A quarter is scored only against the quarter's own target. Without one the result says so
(status ``missing-data``) and shows, apart, the progress against the yearly target.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from lkip_rules import scoring
from lkip_rules.evaluation.realise import Realiser, blocked
from lkip_rules.locale.text import Items, Text, joined
from lkip_rules.results import BenchmarkResult, Category, EndTarget, IndicatorResult, PreviousYear
from lkip_rules.scoring import Target

if TYPE_CHECKING:
    from lkip_rules.api import Catalog
    from lkip_rules.catalog.model import Data, Indicator


Record = dict[str, Any]
"""The fields of an IndicatorResult before it is built: a result is built once, when the years
beside it and the money behind it are known (``result``)."""


class Scorer:
    """Results of indicators, each (indicator, year) scored once."""

    def __init__(self, realiser: Realiser) -> None:
        self.realiser = realiser
        self.catalog: Catalog = realiser.catalog
        self.quarter = realiser.quarter
        self.scored: dict[tuple[str, int], Record] = {}
        self.flagged: dict[tuple[str, int], tuple[str, ...]] = {}
        self.any_provisional = any(year.provisional for year in realiser.data.years.values())

    def record(self, ind: Indicator, year: int) -> Record:
        key = (ind.id, year)
        if key not in self.scored:
            self.scored[key] = self._score(ind, year)
        return self.scored[key]

    def result(self, ind: Indicator, year: int, **more: Any) -> IndicatorResult:
        """The result, with ``more`` fields (its history, its money) that scoring does not give."""
        return IndicatorResult(**self.record(ind, year), **more)

    def _score(self, ind: Indicator, year: int) -> Record:
        # The fields every result has, then those of the path taken, in one dict (an attrs.evolve
        # per field would cost more than the arithmetic).
        base: Record = {
            "id": ind.id,
            "name": ind.name,
            "level": ind.level,
            "unit": ind.unit,
            "polarity": ind.policy.polarity,
            "year": year,
            "quarter": self.quarter,
            "parent": ind.parent,
            "formula": str(ind.formula) if ind.formula is not None else None,
            "target_initial": ind.initial_target(year),
            "provisional": self.provisional(ind, year),
        }
        if ind.id in self.realiser.blocked:
            return base | {"status": "error", "message": blocked(self.realiser.blocked[ind.id])}
        if ind.aggregated:
            return self._aggregate(ind, year, base)
        return self._scored(ind, year, base)

    def _scored(self, ind: Indicator, year: int, base: Record) -> Record:
        """An indicator with a formula: its fields worked out first, then one record."""
        realised = self.realiser.realisation(ind, year)
        value, policy = realised.value, ind.policy
        target = ind.target_for(year, self.quarter)
        year_target = ind.targets.get(year) if self.quarter is not None else None
        fields: Record = {
            "target": target,
            "year_target": year_target,
            "status": realised.status,
            "message": realised.message,
            "realisation_given": realised.given,
            "values": realised.values,
            "benchmark": self._benchmark(ind, year),
        }
        score = scoring.achievement(value, target, policy) if value is not None and target is not None else None
        fields["end_target"] = self._end(ind, value, target, score)
        rounded = scoring.round_value(value, policy.decimals, policy.rounding) if value is not None else None
        fields["previous"] = self._previous(ind, year, rounded)
        if value is not None:
            fields |= {"realisation_exact": value, "realisation": rounded}
            if year_target is not None:
                fields["year_progress"] = scoring.achievement(value, year_target, policy).achievement
            if target is None:
                fields |= {"status": "missing-data", "message": joined([realised.message, self._no_target(year)])}
            elif score is not None:
                fields |= {
                    "status": score.status,
                    "achievement_exact": score.achievement_exact,
                    "achievement": score.achievement,
                    "rule": score.rule,
                    "category": self._category(ind, score.achievement),
                    "message": joined([realised.message, score.message]),
                }
        return base | fields

    def _no_target(self, year: int) -> str:
        if self.quarter is None:
            return Text("score.no-target", year=year)
        return Text("score.no-quarter-target", quarter=Text(f"quarter.{self.quarter}"), year=year)

    def _category(self, ind: Indicator, printed: Decimal | None) -> Category | None:
        scale = self.catalog.scales.get(ind.scale)
        if printed is None or scale is None:
            return None
        band = scoring.category(scale, printed)
        return Category(band.code, band.label)

    # -- parents ----------------------------------------------------------------------------

    def _aggregate(self, ind: Indicator, year: int, base: Record) -> Record:
        children = [self.record(child, year) for child in self.catalog.children(ind.id)]
        method = _METHODS[ind.aggregate]
        figures = [(c["id"], c["status"], c.get("achievement")) for c in children]
        parent = parent_figure(self.catalog, self.realiser.data, ind, year, figures)
        if parent.printed is None:
            previous = self._previous_aggregate(ind, year) if parent.children_failed else None
            return base | {"status": parent.status, "message": parent.message, "rule": method, "previous": previous}
        previous = self._previous_aggregate(ind, year)
        if previous is not None:
            previous = attrs.evolve(previous, trend=_trend(parent.printed, previous.achievement, True))
        return base | {
            "status": "ok",
            "achievement_exact": parent.exact,
            "achievement": parent.printed,
            "category": self._category(ind, parent.printed),
            "rule": Text("aggregate.rule", method=method, children=Items(c["id"] for c in children)),
            "previous": previous,
        }

    # -- beside the year's figure -----------------------------------------------------------

    def _previous(self, ind: Indicator, year: int, now: Decimal | None) -> PreviousYear | None:
        """Last year's figures, whether or not this year's are in yet."""
        before = year - 1
        if self.realiser.surely_missing(ind, before):  # the common case of a year without figures
            return None
        realised = self.realiser.realisation(ind, before)
        if realised.value is None:
            return None
        rounded = scoring.round_value(realised.value, ind.policy.decimals, ind.policy.rounding)
        target = ind.target_for(before, self.quarter)
        score = scoring.achievement(realised.value, target, ind.policy) if target is not None else None
        # For a stable indicator closer to the target is better; the direction alone says nothing.
        comparable = now is not None and ind.policy.polarity != "stable"
        trend = _trend(now, rounded, ind.policy.polarity != "negative") if comparable and now is not None else None
        return PreviousYear(before, rounded, score.achievement if score else None, trend)

    def _previous_aggregate(self, ind: Indicator, year: int) -> PreviousYear | None:
        if year - 1 < ind.period[0]:
            return None
        achievement = self.record(ind, year - 1).get("achievement")
        if achievement is None:
            return None
        return PreviousYear(year - 1, None, achievement, None)

    def _end(
        self, ind: Indicator, value: Decimal | None, target: Target | None, score: scoring.Score | None
    ) -> EndTarget | None:
        """The Renstra's end target and this year's realisation against it (the score against
        the target in force when the two are the same, as they are in the period's last year)."""
        end = ind.renstra_end_target()
        if end is None:
            return None
        end_year, end_target = end
        if value is None:
            return EndTarget(end_year, end_target, None)
        if score is None or end_target != target:
            score = scoring.achievement(value, end_target, ind.policy)
        return EndTarget(end_year, end_target, score.achievement)

    def _benchmark(self, ind: Indicator, year: int) -> BenchmarkResult | None:
        year_data = self.realiser.data.years.get(year)
        given = year_data.benchmarks.get(ind.id) if year_data else None
        if given is None:
            return None
        computed = None
        if given.target is not None and given.realisation is not None:
            computed = scoring.achievement(given.realisation, given.target, ind.policy).achievement
        return BenchmarkResult(given.source, given.year, given.target, given.realisation, computed, given.achievement)

    # -- provisional figures ----------------------------------------------------------------

    def provisional(self, ind: Indicator, year: int) -> tuple[str, ...]:
        """The provisional (sementara) figures an indicator's result rests on, as "name (year)"."""
        if not self.any_provisional:  # the common case: nothing is marked sementara
            return ()
        key = (ind.id, year)
        if key not in self.flagged:
            self.flagged[key] = ()  # a cycle of references adds nothing
            self.flagged[key] = tuple(sorted(set(self._provisional(ind, year))))
        return self.flagged[key]

    def _provisional(self, ind: Indicator, year: int) -> list[str]:
        data = self.realiser.data
        if ind.aggregated:
            return [name for child in self.catalog.children(ind.id) for name in self.provisional(child, year)]
        realised = self.realiser.realisation(ind, year)
        year_data = data.years.get(year)
        if realised.given:
            return [f"{ind.id} ({year})"] if year_data and year_data.is_provisional("realisations", ind.id) else []
        found: list[str] = []
        for key in realised.values:
            name, _, at = key.partition("[")
            used = int(at.rstrip("]")) if at else year
            other = self.catalog.indicators.get(name)
            if other is not None:
                found += self.provisional(other, used)
            elif (source := data.years.get(used)) is not None and source.is_provisional("inputs", name):
                found.append(f"{name} ({used})")
        return found


@attrs.frozen
class ParentFigure:
    """A parent's achievement from its children's, or why it has none."""

    status: scoring.Status
    exact: Decimal | None = None
    printed: Decimal | None = None
    message: str = ""
    children_failed: bool = False  # no figure because a child has none (not for want of weights)


def parent_figure(
    catalog: Catalog, data: Data, ind: Indicator, year: int, children: list[tuple[str, scoring.Status, Decimal | None]]
) -> ParentFigure:
    """The figure of a parent from its children's (id, status, printed achievement), by its method."""
    method = _METHODS[ind.aggregate]
    not_ok = [(child, status) for child, status, achieved in children if status != "ok" or achieved is None]
    if not_ok or not children:
        statuses = [status for _, status in not_ok]
        status: scoring.Status = "error" if "error" in statuses or not children else statuses[0]
        why = joined([Text("labelled", name=child, text=Text(f"status.{status}")) for child, status in not_ok])
        message = Text("aggregate.cannot", method=method, why=why or Text("aggregate.no-children"))
        return ParentFigure(status, message=message, children_failed=True)
    weights, missing = _weights(catalog, data, ind, year, [child for child, _, _ in children])
    if missing:  # a pagu not given is a gap in the data; a weight not declared, in the catalog
        status = "missing-data" if ind.aggregate == "budget-weighted" else "error"
        return ParentFigure(status, message=Text("aggregate.cannot", method=method, why=missing))
    achievements = [achieved for _, _, achieved in children if achieved is not None]
    exact = scoring.aggregate(achievements, "weighted" if weights else ind.aggregate, weights)
    if exact is None:  # pragma: no cover - weights are validated above 0, and a pagu of 0 is refused
        return ParentFigure("undefined", message=Text("aggregate.zero-weights"))
    return ParentFigure("ok", exact, scoring.round_value(exact, ind.policy.decimals, ind.policy.rounding))


def _weights(
    catalog: Catalog, data: Data, ind: Indicator, year: int, children: list[str]
) -> tuple[list[Decimal | None], str]:
    """The children's weights for a weighted or budget-weighted parent ([] for mean and min),
    or why one is missing."""
    if ind.aggregate == "weighted":
        weights = [catalog.indicators[c].weight_in(year) for c in children]
        lacking = [c for c, w in zip(children, weights, strict=True) if w is None]
        return weights, Text("aggregate.no-weight", year=year, children=Items(lacking)) if lacking else ""
    if ind.aggregate == "budget-weighted":
        pagu = [_pagu_behind(catalog, data, c, year) for c in children]
        lacking = [c for c, p in zip(children, pagu, strict=True) if not p]
        why = Text("aggregate.no-pagu", year=year, children=Items(lacking)) if lacking else ""
        return list(pagu), why
    return [], ""


def _pagu_behind(catalog: Catalog, data: Data, indicator_id: str, year: int) -> Decimal | None:
    """The pagu of the budget lines supporting ``indicator_id`` directly (top-most lines only)."""
    year_data = data.years.get(year)
    figures = year_data.budget if year_data is not None else {}
    amounts = [figures[i].pagu if i in figures else None for i in catalog.budget_lines_of(indicator_id)]
    if not amounts or any(a is None for a in amounts):
        return None
    return sum((a for a in amounts if a is not None), Decimal(0))


_METHODS = {method: Text(f"method.{method}") for method in ("mean", "weighted", "budget-weighted", "min")}


def _trend(now: Decimal, before: Decimal | None, higher_is_better: bool) -> str | None:
    if before is None:
        return None
    if now == before:
        return "unchanged"
    return "improved" if (now > before) == higher_is_better else "declined"
