"""Rules about figures read against the catalog: names it does not know, quarters it cannot roll
up, counts that are not whole, percentages of counts that cannot be, years without targets.

Each rule is a function ``(catalog, data) -> Iterable[Issue]``; a new check is one more
function in DATA_RULES. Figures are checked per source, so an issue names the file and line
(or row) where the figure is written.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from lkip_rules.formula import ast
from lkip_rules.issues import DataRule, Issue
from lkip_rules.issues import hint as _hint
from lkip_rules.issues import issue_at as _issue
from lkip_rules.locale.text import Items, Text

if TYPE_CHECKING:
    from lkip_rules.api import Catalog
    from lkip_rules.catalog.model import Data, Indicator, YearData

PERCENT_UNITS = ("%", "persen")


SUGGESTED = 200
"""Unknown names per source that get a did-you-mean: every typo a person makes, while a file of
300,000 unknown names is still checked in linear time (a suggestion costs a comparison with
every declared name)."""


def names(catalog: Catalog, data: Data) -> Iterator[Issue]:
    """Figures for undeclared inputs or unknown ids, and quarters without a roll-up rule."""
    for part in data.sources():
        unknown = 0
        for name, value in part.inputs.items():
            item = catalog.inputs.get(name)
            if item is None:
                unknown += 1
                hint = _hint(name, catalog.inputs) if unknown <= SUGGESTED else ""
                message = (
                    Text("issue.indicator-not-input", name=name)
                    if name in catalog.indicators
                    else Text("issue.undeclared-input", name=name, hint=hint)
                )
                yield _at(part, "undeclared-input", message, "inputs", name)
            elif not isinstance(value, Decimal) and item.rollup is None:  # by quarter
                yield _at(part, "missing-rollup", Text("issue.missing-rollup", name=name), "inputs", name)
        reportable = {*catalog.indicators, *catalog.budget, "total"}
        for section, allowed, what in (
            ("realisations", set(catalog.indicators), "issue.not-an-indicator"),
            ("benchmarks", set(catalog.indicators), "issue.not-an-indicator"),
            ("budget", set(catalog.budget), "issue.not-a-budget-line"),
            ("reported", reportable, "issue.not-reportable"),
        ):
            for name in getattr(part, section):
                if name not in allowed:
                    yield _at(part, "unknown-id", Text(what, name=name, hint=_hint(name, allowed)), section, name)


def counts(catalog: Catalog, data: Data) -> Iterator[Issue]:
    """A count of whole things (koperasi, orang, unit, ...) given with a fraction: most often a
    thousands point read as a decimal point (1.982 for 1982)."""
    for part in data.sources():
        for name, value in part.inputs.items():
            item = catalog.inputs.get(name)
            if item is None or not item.is_count:
                continue
            cells = [("", value)] if isinstance(value, Decimal) else [(f"q{q}", v) for q, v in value.items()]
            for quarter, figure in cells:
                if figure != figure.to_integral_value():
                    unit = item.unit.strip() or Text("count.whole-things")
                    why = _whole_meant(figure)
                    message = Text("issue.fractional-count", name=name, unit=unit, figure=str(figure), why=why)
                    yield _at(part, "fractional-count", message, "inputs", name, *([quarter] if quarter else []))


def _whole_meant(figure: Decimal) -> str:
    if abs(figure) >= 1 and figure.as_tuple().exponent == -3:  # written like 1.982: a thousands point?
        whole = int(figure * 1000)
        return Text("issue.thousands-point", figure=str(figure), whole=str(whole), grouped=f"{whole:_}")
    return Text("issue.not-whole")


def percentages(catalog: Catalog, data: Data) -> Iterator[Issue]:
    """A percentage of two counts outside 0-100 (part above its whole) deserves a second look."""
    for ind, ratio in _count_ratios(catalog):
        for year, year_data in sorted(data.years.items()):
            part, whole = (_total(year_data, side) for side in ratio)
            if part is None or not whole:
                continue
            share = part / whole * 100
            if not 0 <= share <= 100:
                yield _issue(
                    catalog,
                    "warning",
                    "implausible-percentage",
                    Text(
                        "issue.implausible-percentage",
                        year=year,
                        share=Decimal(f"{share:.2f}"),  # from text: any size, no context precision
                        part=part,
                        whole=whole,
                        names=Items(ratio[0] + ratio[1]),
                        file=year_data.file,
                    ),
                    ind.file,
                    "indicators",
                    ind.id,
                )


_RATIOS: weakref.WeakKeyDictionary[Catalog, list[tuple[Indicator, tuple[list[str], list[str]]]]] = (
    weakref.WeakKeyDictionary()
)


def _count_ratios(catalog: Catalog) -> list[tuple[Indicator, tuple[list[str], list[str]]]]:
    """The percentage indicators that are a ratio of counts, with their counts: found once per
    catalog (a catalog does not change; every evaluation checks its data against them)."""
    if catalog not in _RATIOS:
        found = []
        for ind in catalog.indicators.values():
            if ind.formula is not None and ind.unit.strip().lower() in PERCENT_UNITS:
                ratio = _count_ratio(catalog, ind.formula.lowered)
                if ratio is not None:
                    found.append((ind, ratio))
        _RATIOS[catalog] = found
    return _RATIOS[catalog]


def _count_ratio(catalog: Catalog, node: ast.Node) -> tuple[list[str], list[str]] | None:
    """The count inputs of ``part / whole * 100`` (each side a sum of counts), or None."""
    if not (isinstance(node, ast.Binary) and node.op == "*" and isinstance(node.right, ast.Number)):
        return None
    ratio = node.left
    if node.right.value != 100 or not (isinstance(ratio, ast.Binary) and ratio.op == "/"):
        return None
    sides = _counts_added(catalog, ratio.left), _counts_added(catalog, ratio.right)
    return (sides[0], sides[1]) if sides[0] and sides[1] else None


def _counts_added(catalog: Catalog, node: ast.Node) -> list[str]:
    if isinstance(node, ast.Ref):
        item = catalog.inputs.get(node.name)
        return [node.name] if item is not None and item.is_count and node.period == ast.CURRENT else []
    if isinstance(node, ast.Binary) and node.op == "+":
        left, right = _counts_added(catalog, node.left), _counts_added(catalog, node.right)
        return left + right if left and right else []
    return []


def _total(year_data: YearData, names: list[str]) -> Decimal | None:
    values = [year_data.inputs.get(name) for name in names]
    if not all(isinstance(value, Decimal) for value in values):
        return None  # missing, or by quarter: the plausibility check looks at yearly figures
    return sum((v for v in values if isinstance(v, Decimal)), Decimal(0))


def missing_targets(catalog: Catalog, data: Data) -> Iterator[Issue]:
    """Figures for a year of an indicator's period that has no target."""
    for ind in catalog.indicators.values():
        if ind.aggregated or not ind.targets:
            continue
        first, last = ind.period
        for year in sorted(data.years):
            if first <= year <= last and year not in ind.targets:
                yield _issue(
                    catalog,
                    "warning",
                    "missing-target",
                    Text("issue.missing-target", year=year, first=first, last=last),
                    ind.file,
                    "indicators",
                    ind.id,
                    "targets",
                )


def _at(part: YearData, code: str, message: str, *path: str) -> Issue:
    return Issue("error", code, message, part.file, ".".join(path), part.line_of(path))


DATA_RULES: tuple[DataRule, ...] = (names, counts, percentages, missing_targets)
