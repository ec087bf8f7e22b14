"""Rules about the SAKIP year: the Perjanjian Kinerja's targets, the Rencana Aksi's quarters,
and parents weighted by the budget behind their children.

Each rule is a function ``(catalog) -> Iterable[Issue]``; YEAR_RULES run with the catalog rules.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import TYPE_CHECKING

from lkip_rules.issues import CatalogRule, Issue
from lkip_rules.issues import issue_at as _issue
from lkip_rules.locale.text import Items, Text
from lkip_rules.scoring import Target

if TYPE_CHECKING:
    from lkip_rules.api import Catalog


def outside_the_period(catalog: Catalog) -> Iterator[Issue]:
    """Signed or quarterly targets for a year outside the indicator's period."""
    for ind in catalog.indicators.values():
        first, last = ind.period
        for key, years in (("targets_initial", ind.targets_initial), ("quarter_targets", ind.quarter_targets)):
            for year in sorted(years):
                if not first <= year <= last:
                    message = Text("issue.key-outside-period", key=key, year=year, first=first, last=last)
                    path = ("indicators", ind.id, key)
                    yield _issue(catalog, "error", "target-outside-period", message, ind.file, *path)


def rencana_aksi(catalog: Catalog) -> Iterator[Issue]:
    """Quarterly targets that cannot be cumulative, or whose last one is not the year's."""
    for ind in catalog.indicators.values():
        for year, quarters in sorted(ind.quarter_targets.items()):
            path = ("indicators", ind.id, "quarter_targets", str(year))
            yearly = ind.targets.get(year)
            if yearly is None:
                message = Text("issue.quarters-without-year", year=year)
                yield _issue(catalog, "warning", "rencana-aksi", message, ind.file, *path)
            elif quarters[3] != yearly:
                message = Text("issue.fourth-quarter", fourth=_show(quarters[3]), yearly=_show(yearly))
                yield _issue(catalog, "warning", "rencana-aksi", message, ind.file, *path)
            if ind.policy.polarity == "positive" and not _rising(quarters):
                message = Text("issue.quarters-go-down", targets=Items(map(_show, quarters), sep_id="; "))
                yield _issue(catalog, "warning", "rencana-aksi", message, ind.file, *path)


def budget_weights(catalog: Catalog) -> Iterator[Issue]:
    """A budget-weighted parent's children each need a budget line that supports them."""
    supported = {indicator for line in catalog.budget.values() for indicator in line.supports}
    for ind in catalog.indicators.values():
        if not ind.aggregated or ind.aggregate != "budget-weighted":
            continue
        for child in catalog.children(ind.id):
            if child.id not in supported:
                message = Text("issue.budget-weight", parent=ind.id, child=child.id)
                path = ("indicators", child.id)
                yield _issue(catalog, "error", "missing-weight", message, child.file, *path, affects=(ind.id,))


def _rising(quarters: tuple[Target, ...]) -> bool:
    lows = [q[0] if isinstance(q, tuple) else q for q in quarters]
    return all(a <= b for a, b in itertools.pairwise(lows))


def _show(target: Target) -> object:
    """A target inside a message: [7, 8] in English, 7–8 in Indonesian; numbers in each one's way."""
    return Text("target.range", low=target[0], high=target[1]) if isinstance(target, tuple) else target


YEAR_RULES: tuple[CatalogRule, ...] = (outside_the_period, rencana_aksi, budget_weights)
