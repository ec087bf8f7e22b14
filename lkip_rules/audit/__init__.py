"""The audit: every figure a report printed, against the right one worked from the raw data.

For each ``[reported]`` row of the year's data, every printed figure is compared with the right
figure at the precision it was printed with, by the indicator's declared decimals and rounding
(:mod:`.compare`). A right figure is never flagged, whatever is printed beside it. A wrong one
becomes a :class:`Finding` whose ``computed`` is the figure to print instead, with a likely
cause; one that only follows from another wrong printed figure names that figure as its
``root``. A figure printed with fewer decimals than the catalog declares but right at that
precision is a finding of severity ``info``. The budget lines' own roll-ups and one measure
scored against two targets are checked too.

>>> report = audit(catalog, 2025)               # doctest: +SKIP
>>> report.checked, len(report.errors), len(report.infos)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from lkip_rules.audit.finding import CAUSES, Finding, Key, Severity, Unchecked, table_of
from lkip_rules.audit.indicator_row import IndicatorRow
from lkip_rules.audit.money_row import MoneyRow
from lkip_rules.audit.rows import Row
from lkip_rules.catalog import check_quarter, check_year
from lkip_rules.catalog.model import Data, Reported
from lkip_rules.locale.text import Items, Text
from lkip_rules.results import IndicatorResult, Results

if TYPE_CHECKING:
    from lkip_rules.api import Catalog

__all__ = ["CAUSES", "Audit", "Finding", "Key", "Severity", "Unchecked", "audit"]


@attrs.frozen
class Audit:
    """The findings of one year's audit, roots first with what follows from them, and how many
    printed figures were checked."""

    catalog: str
    year: int
    checked: int
    findings: tuple[Finding, ...]
    unchecked: tuple[Unchecked, ...] = ()  # printed figures with nothing to compare them with, and why

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def infos(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "info")

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)


def audit(catalog: Catalog, year: int, data: Data | None = None, *, quarter: int | None = None) -> Audit:
    """Every printed figure of ``year``'s data (its ``[reported]`` rows) against the right one;
    with ``quarter``, only the rows printed for that quarter (a Rencana Aksi report). Each row is
    checked at its own year and quarter."""
    year = check_year(year)
    quarter = check_quarter(quarter)
    data = catalog.data if data is None else data
    results: dict[tuple[int, int | None], Results] = {(year, None): catalog.evaluate(year, data)}
    year_data = data.years.get(year)
    printed = year_data.reported if year_data is not None else {}
    if quarter is not None:
        printed = {s: tuple(e for e in entries if e.quarter == quarter) for s, entries in printed.items()}
    found: list[Finding] = []
    unchecked: list[Unchecked] = []
    checked = 0

    def evaluated(year: int, quarter: int | None = None) -> Results:
        if (year, quarter) not in results:
            results[(year, quarter)] = catalog.evaluate(year, data, quarter=quarter)
        return results[(year, quarter)]

    def realised(indicator_id: str) -> dict[int, Decimal]:
        every = {year: evaluated(year)[indicator_id].realisation for year in data.years}
        return {year: value for year, value in every.items() if value is not None}

    for subject, entries in printed.items():
        for entry in entries:
            row = Row(catalog, data, evaluated(entry.year, entry.quarter), subject, entry, printed, realised)
            row.malformed()
            if subject in catalog.indicators:
                IndicatorRow(row).run()
            MoneyRow(row).run()
            found += list(row.found.values())
            checked += row.checked
            unchecked += row.unchecked()
    found += _budget_rollups(catalog, results[(year, None)], printed)
    found += _two_targets(catalog, results[(year, None)])
    return Audit(catalog.info.id, year, checked, _ordered(_merged(found)), tuple(unchecked))


def _budget_rollups(
    catalog: Catalog, results: Results, reported: Mapping[str, tuple[Reported, ...]]
) -> Iterator[Finding]:
    """Budget lines whose kegiatan or sub kegiatan do not add up to them."""
    for line in results.budget.values():
        if line.adds_up is not False:
            continue
        # Where the report prints the line next to its children: the tables that have both.
        kids = [k for k, other in catalog.budget.items() if other.parent == line.id]
        kid_tables = {table_of(e.where) for k in kids for e in reported.get(k, ()) if e.year == results.year}
        places = tuple(
            e.where
            for e in reported.get(line.id, ())
            if e.year == results.year and table_of(e.where) in kid_tables - {None}
        )
        places = places or (catalog.budget[line.id].source or f"budget.{line.id}",)
        for field, own, children in (
            ("pagu", line.pagu, line.children_pagu),
            ("realisasi", line.realisasi, line.children_realisasi),
        ):
            if own is not None and children is not None and own != children:
                yield Finding(
                    line.id,
                    field,
                    results.year,
                    str(own),
                    str(children),
                    "rollup",
                    Text("audit.rollup", children=children, own=own, difference=own - children),
                    places,
                )


def _two_targets(catalog: Catalog, results: Results) -> Iterator[Finding]:
    """Indicators computing the same formula for the year but scored against different targets:
    a note about the catalog (severity info), not a wrong printed figure."""
    by_formula: dict[str, list[IndicatorResult]] = {}
    for result in results:
        if result.formula is not None and isinstance(result.target, Decimal):
            by_formula.setdefault(result.formula, []).append(result)
    for formula, group in by_formula.items():
        targets = {r.target for r in group}
        if len(targets) > 1:
            listed = Items(Text("audit.against", id=r.id, target=r.target, achievement=r.achievement) for r in group)
            yield Finding(
                group[0].id,
                "target",
                results.year,
                ", ".join(str(target) for target in sorted({r.target for r in group if isinstance(r.target, Decimal)})),
                "",
                "two-targets",
                Text("audit.two-targets", formula=formula, listed=listed),
                tuple(catalog.indicators[r.id].source for r in group),
                "info",
            )


def _merged(findings: list[Finding]) -> list[Finding]:
    """One finding per wrong printed figure, with every place it was printed (the first row's
    cause and root kept: rows come in the order the report prints them)."""
    merged: dict[Key, Finding] = {}
    for item in findings:
        kept = merged.get(item.key)
        if kept is None:
            merged[item.key] = item
        elif not set(item.where) <= set(kept.where):
            merged[item.key] = attrs.evolve(kept, where=(*kept.where, *item.where))
    return list(merged.values())


def _ordered(findings: list[Finding]) -> tuple[Finding, ...]:
    """By year, subject and field; each finding followed by those that follow from it."""
    by_root: dict[Key, list[Finding]] = {}
    keys = {f.key for f in findings}
    tops = []
    for f in sorted(findings, key=lambda f: (f.year, f.subject, f.field, f.printed)):
        if f.root is not None and f.root in keys and f.root != f.key:
            by_root.setdefault(f.root, []).append(f)
        else:
            tops.append(f)
    ordered: list[Finding] = []
    seen: set[Key] = set()

    def place(finding: Finding) -> None:
        if finding.key in seen:
            return
        seen.add(finding.key)
        ordered.append(finding)
        for follower in by_root.get(finding.key, ()):
            place(follower)

    for top in tops:
        place(top)
    for f in findings:  # roots in a loop (not expected): keep every finding
        place(f)
    return tuple(ordered)
