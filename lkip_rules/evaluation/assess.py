"""The four figures of every indicator, and nothing else: the fast scalar path.

``Catalog.assess`` gives what a bulk row has — status, realisation and achievement as printed,
the category's code — for an app that scores figures as they are typed and has no use for the
rest of a result (messages, the rule, the figures used, the year before, the end target, the
years side by side, the money). It is computed by the same pieces as ``evaluate`` (the
realisations, ``scoring.achievement``, ``parent_figure``), so the two cannot disagree; the
property tests hold them equal.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from lkip_rules import scoring
from lkip_rules.catalog.model import Data, Indicator
from lkip_rules.errors import CatalogValidationError
from lkip_rules.evaluation.realise import Realiser
from lkip_rules.evaluation.score import parent_figure
from lkip_rules.results import Assessment
from lkip_rules.validation import data_issues, touched

if TYPE_CHECKING:
    from lkip_rules.api import Catalog

__all__ = ["Assessment", "assess"]


def assess(catalog: Catalog, year: int, data: Data, quarter: int | None = None) -> dict[str, Assessment]:
    """Every indicator's four figures, in the catalog's order; data with errors is refused, as by
    ``evaluate`` (CatalogValidationError), and an error of the catalog makes the indicators it
    touches come out as ``error``."""
    problems = [issue for issue in data_issues(catalog, data) if issue.severity == "error"]
    if problems:
        raise CatalogValidationError(list(problems))
    realiser = Realiser(catalog, data, quarter, touched(catalog, catalog.catalog_issues()), keep_values=False)
    assessing = _Assessing(catalog, data, realiser, year, quarter)
    for ind in catalog.in_dependency_order():
        assessing.one(ind)
    return {ind_id: assessing.found[ind_id] for ind_id in catalog.indicators}


class _Assessing:
    """One assessment's state (a class, not a closure calling itself: that is a reference
    cycle, which would keep the catalog alive until the cyclic collector runs)."""

    def __init__(self, catalog: Catalog, data: Data, realiser: Realiser, year: int, quarter: int | None) -> None:
        self.catalog, self.data, self.realiser = catalog, data, realiser
        self.year, self.quarter = year, quarter
        self.found: dict[str, Assessment] = {}

    def one(self, ind: Indicator) -> Assessment:
        found = self.found
        if ind.id not in found:  # in dependency order a parent's children are found before it
            if ind.id in self.realiser.blocked:
                found[ind.id] = Assessment("error")
            elif ind.aggregated:
                children = [(c.id, *_status_and_achievement(self.one(c))) for c in self.catalog.children(ind.id)]
                found[ind.id] = _parent(self.catalog, self.data, ind, self.year, children)
            else:
                found[ind.id] = _scored(self.catalog, self.realiser, ind, self.year, self.quarter)
        return found[ind.id]


def _status_and_achievement(found: Assessment) -> tuple[scoring.Status, Decimal | None]:
    return found.status, found.achievement


def _scored(catalog: Catalog, realiser: Realiser, ind: Indicator, year: int, quarter: int | None) -> Assessment:
    realised = realiser.realisation(ind, year)
    value, policy = realised.value, ind.policy
    if value is None:
        return Assessment(realised.status)
    printed = scoring.round_value(value, policy.decimals, policy.rounding)
    target = ind.target_for(year, quarter)
    if target is None:
        return Assessment("missing-data", printed)
    score = scoring.achievement(value, target, policy)
    return Assessment(score.status, printed, score.achievement, _band(catalog, ind, score.achievement))


def _parent(
    catalog: Catalog, data: Data, ind: Indicator, year: int, children: list[tuple[str, scoring.Status, Decimal | None]]
) -> Assessment:
    parent = parent_figure(catalog, data, ind, year, children)
    if parent.printed is None:
        return Assessment(parent.status)
    return Assessment("ok", None, parent.printed, _band(catalog, ind, parent.printed))


def _band(catalog: Catalog, ind: Indicator, printed: Decimal | None) -> str | None:
    scale = catalog.scales.get(ind.scale)
    if printed is None or scale is None:
        return None
    return scoring.category(scale, printed).code
