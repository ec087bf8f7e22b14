"""The audit: recompute every figure a report printed and explain each one that is off.

A printed figure is off when it differs from the computed one by more than half a unit of
its last printed digit (100.3 may stand for anything from 100.25 to 100.35). Each finding
names where it was printed, the printed and computed values, and the likely cause:

- ``arithmetic``   the figure does not follow from the report's own numbers
- ``rounding``     truncated (or rounded the wrong way) instead of rounded half-up
- ``precision``    printed with too few decimals, which changes a later figure or category
- ``rollup``       parts that do not add up to their printed total
- ``copied``       equal to another year's figure
- ``category``     a category the scale does not give for that achievement
- ``two-targets``  one measure scored against two different targets
- ``malformed``    a printed figure that is no well-formed number
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from decimal import ROUND_DOWN, Decimal
from typing import TYPE_CHECKING

import attrs

from lkip_rules import scoring
from lkip_rules.budget import BudgetSummary, absorption
from lkip_rules.catalog.model import Data, Reported
from lkip_rules.results import IndicatorResult, Results

if TYPE_CHECKING:
    from lkip_rules.catalog import Catalog

CAUSES = ("arithmetic", "rounding", "precision", "rollup", "copied", "category", "two-targets", "malformed")
_TABLE = re.compile(r"Tabel\s+\d+\.\s*\d+")

Make = Callable[[str, object, object, str, str], "Finding"]
"""Builds a finding for one reported entry: (field, printed, computed, cause, explanation)."""


@attrs.frozen
class Finding:
    subject: str  # indicator id, budget line id, or "total"
    field: str  # "achievement", "realisasi", "serapan", ...
    year: int
    printed: str
    computed: str
    cause: str
    explanation: str
    where: tuple[str, ...] = ()


def audit(catalog: Catalog, year: int, data: Data | None = None) -> list[Finding]:
    """Every printed figure of ``year``'s data file that the catalog's arithmetic contradicts."""
    data = catalog.data if data is None else data
    year_data = data.years.get(year)
    if year_data is None:
        return []
    results = {year: catalog.evaluate(year, data)}
    found: list[Finding] = []
    for subject, entries in year_data.reported.items():
        for entry in entries:
            if entry.year not in results:
                results[entry.year] = catalog.evaluate(entry.year, data)
            found += _entry(catalog, data, results[entry.year], subject, entry)
    found += _printed_totals(catalog, year_data.reported)
    found += _budget_rollups(catalog, results[year], year_data.reported)
    found += _two_targets(catalog, results[year])
    return _merged(found)


def half_unit(printed: Decimal) -> Decimal:
    """Half a unit of the last printed digit: 0.05 for 100.3, 0.5 for 244."""
    exponent = printed.as_tuple().exponent
    assert isinstance(exponent, int)
    return Decimal(5).scaleb(exponent - 1)


def _off(printed: Decimal, computed: Decimal) -> bool:
    return abs(printed - computed) > half_unit(printed)


def _show(value: object) -> str:
    if isinstance(value, tuple):
        return f"[{value[0]}, {value[1]}]"
    return "" if value is None else str(value)


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _entry(catalog: Catalog, data: Data, results: Results, subject: str, entry: Reported) -> Iterator[Finding]:
    def finding(field: str, printed: object, computed: object, cause: str, why: str) -> Finding:
        return Finding(subject, field, entry.year, _show(printed), _show(computed), cause, why, (entry.where,))

    for field in (
        "target",
        "realisation",
        "achievement",
        "end_target",
        "end_achievement",
        "pagu",
        "pagu_murni",
        "realisasi",
        "serapan",
        "sisa",
    ):
        value = getattr(entry, field)
        if isinstance(value, str):
            yield finding(field, value, "", "malformed", f"'{value}' is not a well-formed number")
    if subject in catalog.indicators:
        yield from _indicator(catalog, results[subject], entry, finding)
    yield from _budget(catalog, data, results, subject, entry, finding)


def _indicator(catalog: Catalog, result: IndicatorResult, entry: Reported, make: Make) -> Iterator[Finding]:
    ind = catalog.indicators[result.id]
    policy = ind.policy
    target, real, ach = entry.target, entry.realisation, entry.achievement
    if isinstance(target, Decimal) and isinstance(result.target, Decimal) and _off(target, result.target):
        yield make(
            "target",
            target,
            result.target,
            "two-targets",
            f"the catalog's target for {entry.year} is {result.target}; the same indicator is "
            f"scored here against {target}",
        )
    if isinstance(real, Decimal) and result.realisation_exact is not None and _off(real, result.realisation_exact):
        yield make("realisation", real, result.realisation, *_why_realisation(real, result.realisation_exact, result))
    if isinstance(ach, Decimal):
        yield from _achievement(ind.policy, ach, target, real, result, make, entry)
    if entry.category is not None:
        yield from _category(catalog, result, entry, make)
    if isinstance(entry.end_achievement, Decimal) and result.end_target is not None:
        computed = result.end_target.achievement
        if computed is not None and _off(entry.end_achievement, computed):
            yield make(
                "end_achievement",
                entry.end_achievement,
                computed,
                *_why_precision(entry.end_achievement, computed, real, result, catalog, policy),
            )


def _worked(rule: str, real: Decimal, target: Decimal) -> str:
    """The polarity rule with the printed numbers put in: "(2 x 3 - 2.79) / 3 x 100"."""
    worked = rule.replace("2T", f"2 x {target}").replace("R/T", f"{real}/{target}")
    return worked.replace("R", str(real)).replace("T", str(target))


def _why_realisation(printed: Decimal, exact: Decimal, result: IndicatorResult) -> tuple[str, str]:
    places = _places(printed)
    truncated = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN)
    rounded = scoring.round_value(exact, places, "half-up")
    if truncated == printed != rounded:
        return "rounding", f"{exact:.6f}… truncated gives {printed}; rounded half-up it is {rounded}"
    if result.previous is not None and result.previous.realisation == printed:
        return "copied", f"equal to the {result.previous.year} realisation; {result.year} gives {result.realisation}"
    return "arithmetic", f"the figures give {exact:.6f}…, which is printed {result.realisation}"


def _achievement(
    policy: scoring.Policy,
    printed: Decimal,
    target: object,
    real: object,
    result: IndicatorResult,
    finding: Make,
    entry: Reported,
) -> Iterator[Finding]:
    # First: does it follow from the target and realisation printed next to it? (Only when that
    # realisation is itself near the right one; a wrong realisation is a finding of its own.)
    exact_real = result.realisation_exact
    near = isinstance(real, Decimal) and (exact_real is None or abs(real - exact_real) <= 2 * half_unit(real))
    if isinstance(target, Decimal) and isinstance(real, Decimal) and target and near:
        own = scoring.achievement(real, target, attrs.evolve(policy, basis="exact", cap=None, floor=None))
        if own.achievement_exact is not None and _off(printed, own.achievement_exact):
            places = _places(printed)
            truncated = own.achievement_exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN)
            rounded = scoring.round_value(own.achievement_exact, max(places, 2), "half-up")
            worked = _worked(own.rule, real, target)
            if truncated == printed:
                yield finding(
                    "achievement",
                    printed,
                    rounded,
                    "rounding",
                    f"{worked} = {own.achievement_exact:.6f}…: truncated to {printed}, rounded half-up {rounded}",
                )
            else:
                yield finding("achievement", printed, rounded, "arithmetic", f"{worked} = {rounded}, not {printed}")
            return
        if exact_real is not None and _off(real, exact_real):
            return  # it follows from the printed realisation, which is the wrong figure (its own finding)
    # Then: does it follow from the raw figures?
    if result.achievement is not None and _off(printed, result.achievement):
        yield finding(
            "achievement",
            printed,
            result.achievement,
            *_why_precision(printed, result.achievement, real, result, None, policy),
        )


def _why_precision(
    printed: Decimal, computed: Decimal, real: object, result: IndicatorResult, catalog: object, policy: scoring.Policy
) -> tuple[str, str]:
    """Explain an achievement that does not follow from the raw figures."""
    exact = result.realisation_exact
    target = result.end_target.target if catalog is not None and result.end_target else result.target
    if exact is not None and target is not None:
        # Would the realisation printed with fewer decimals give the printed achievement?
        for places in range(policy.decimals):
            short = scoring.round_value(exact, places, "half-up")
            score = scoring.achievement(short, target, attrs.evolve(policy, basis="exact"))
            if score.achievement_exact is not None and not _off(printed, score.achievement_exact):
                change = ""
                if result.category is not None:
                    change = (
                        f"; at {result.realisation} the category is {result.category.code} ({result.category.label})"
                    )
                return "precision", (
                    f"it follows from the realisation shortened to {short} ({places} decimals); the figures give "
                    f"{result.realisation}, so the achievement is {computed}{change}"
                )
    if result.rule and exact is None:
        return "arithmetic", f"the {result.rule} gives {computed}"
    return "arithmetic", f"the raw figures give {computed}"


def _category(catalog: Catalog, result: IndicatorResult, entry: Reported, finding: Make) -> Iterator[Finding]:
    scale = catalog.scales.get(catalog.indicators[result.id].scale)
    if scale is None or entry.category is None:
        return
    basis = entry.achievement if isinstance(entry.achievement, Decimal) else result.achievement
    if basis is None:
        return
    band = scale.category(basis)
    if band.code != entry.category and band.label.lower() != entry.category.lower():
        yield finding(
            "category", entry.category, band.code, "category", f"on scale {scale.id}, {basis} is {band.describe()}"
        )


def _budget(
    catalog: Catalog, data: Data, results: Results, subject: str, entry: Reported, finding: Make
) -> Iterator[Finding]:
    figures = _budget_figures(catalog, data, results, subject, entry.year)
    if figures is None:
        return
    pagu, realisasi, pagu_murni, kind = figures
    for field, computed in (("pagu", pagu), ("pagu_murni", pagu_murni), ("realisasi", realisasi)):
        printed = getattr(entry, field)
        if isinstance(printed, Decimal) and computed is not None and _off(printed, computed):
            yield finding(
                field, printed, computed, *_why_amount(catalog, data, subject, field, printed, entry.year, kind)
            )
    serapan = entry.serapan
    if isinstance(serapan, Decimal) and pagu and realisasi is not None:
        computed = absorption(pagu, realisasi)
        row_pagu = entry.pagu if isinstance(entry.pagu, Decimal) else pagu
        row_real = entry.realisasi if isinstance(entry.realisasi, Decimal) else realisasi
        own = absorption(row_pagu, row_real) if row_pagu else None
        if _off(serapan, realisasi * 100 / pagu):
            exact = realisasi * 100 / pagu
            cause = "rounding" if exact.quantize(Decimal("0.01"), ROUND_DOWN) == serapan else "arithmetic"
            if own is not None and row_real != realisasi and not _off(serapan, row_real * 100 / row_pagu):
                why = (
                    f"{serapan}% follows from the printed realisasi {row_real}, which is itself wrong; "
                    f"the right realisasi {realisasi} of pagu {pagu} gives {computed}%"
                )
            else:
                why = f"{realisasi} / {pagu} x 100 = {computed}"
            yield finding("serapan", serapan, computed, cause, why)
        elif own is not None and _off(serapan, row_real * 100 / row_pagu):
            yield finding(
                "serapan",
                serapan,
                own,
                "arithmetic",
                f"the row prints realisasi {row_real} of pagu {row_pagu}, which is {own}%; "
                f"{serapan}% follows from the right realisasi {realisasi}",
            )
    sisa = entry.sisa
    if isinstance(sisa, Decimal) and pagu is not None and realisasi is not None and _off(sisa, pagu - realisasi):
        yield finding("sisa", sisa, pagu - realisasi, "arithmetic", f"{pagu} - {realisasi} = {pagu - realisasi}")


def _budget_figures(
    catalog: Catalog, data: Data, results: Results, subject: str, year: int
) -> tuple[Decimal | None, Decimal | None, Decimal | None, str] | None:
    if subject in catalog.budget:
        line = results.budget.get(subject)
        year_data = data.years.get(year)
        murni = year_data.budget[subject].pagu_murni if year_data and subject in year_data.budget else None
        return (line.pagu, line.realisasi, murni, "line") if line else None
    summary: BudgetSummary | None
    if subject == "total":
        summary = results.budget_total
        kind = "total"
    elif subject in catalog.indicators:
        summary = results[subject].budget
        kind = "indicator"
    else:
        return None
    if summary is None:
        return None
    murni = None
    if subject == "total":
        year_data = data.years.get(year)
        values = [year_data.budget[i].pagu_murni for i in summary.lines if year_data and i in year_data.budget]
        if values and all(v is not None for v in values):
            murni = sum((v for v in values if v is not None), Decimal(0))
    return summary.pagu, summary.realisasi, murni, kind


def _why_amount(
    catalog: Catalog, data: Data, subject: str, field: str, printed: Decimal, year: int, kind: str
) -> tuple[str, str]:
    for other_year, other in sorted(data.years.items()):
        figures = other.budget.get(subject)
        if other_year != year and figures is not None and getattr(figures, field) == printed:
            return "copied", f"equal to the {other_year} {field} of the same line"
    if kind in ("indicator", "total"):
        return "rollup", "the budget lines under it add up to another amount"
    return "arithmetic", f"the {field} of this line is another amount in the data"


def _printed_totals(catalog: Catalog, reported: Mapping[str, tuple[Reported, ...]]) -> Iterator[Finding]:
    """Within one printed table, do the printed program rows add up to the printed total?"""
    tables: dict[tuple[str, int], dict[str, Reported]] = {}
    for subject, entries in reported.items():
        for entry in entries:
            found = _TABLE.search(entry.where)
            if found is not None:
                tables.setdefault((re.sub(r"\s+", " ", found.group()), entry.year), {})[subject] = entry
    for (table, year), rows in tables.items():
        total = rows.get("total")
        programs = [s for s, line in catalog.budget.items() if line.parent is None and s in rows]
        if total is None or len(programs) < 2:
            continue
        for field in ("pagu", "realisasi"):
            printed_total = getattr(total, field)
            parts = [getattr(rows[s], field) for s in programs]
            if not isinstance(printed_total, Decimal) or not all(isinstance(p, Decimal) for p in parts):
                continue
            added = sum(parts, Decimal(0))
            if added != printed_total:
                yield Finding(
                    "total",
                    field,
                    year,
                    str(printed_total),
                    str(added),
                    "rollup",
                    f"the {len(parts)} program rows of {table} add up to {added}, "
                    f"not the printed total {printed_total}",
                    (total.where,),
                )


def _budget_rollups(
    catalog: Catalog, results: Results, reported: Mapping[str, tuple[Reported, ...]]
) -> Iterator[Finding]:
    """Budget lines whose kegiatan or sub kegiatan do not add up to them."""
    for line in results.budget.values():
        if line.adds_up is not False:
            continue
        # Where the report prints the line next to its children: the tables that have both.
        kids = [k for k, other in catalog.budget.items() if other.parent == line.id]
        kid_tables = {_table_of(e.where) for k in kids for e in reported.get(k, ()) if e.year == results.year}
        places = tuple(
            e.where
            for e in reported.get(line.id, ())
            if e.year == results.year and _table_of(e.where) in kid_tables - {None}
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
                    f"the lines under it add up to {children}, not {own} (a difference of {own - children})",
                    places,
                )


def _table_of(where: str) -> str | None:
    found = _TABLE.search(where)
    return re.sub(r"\s+", " ", found.group()) if found else None


def _two_targets(catalog: Catalog, results: Results) -> Iterator[Finding]:
    """Indicators computing the same formula for the year but scored against different targets."""
    by_formula: dict[str, list[IndicatorResult]] = {}
    for result in results:
        if result.formula is not None and isinstance(result.target, Decimal):
            by_formula.setdefault(result.formula, []).append(result)
    for formula, group in by_formula.items():
        targets = {r.target for r in group}
        if len(targets) > 1:
            listed = ", ".join(f"{r.id} against {r.target} ({r.achievement})" for r in group)
            yield Finding(
                group[0].id,
                "target",
                results.year,
                ", ".join(str(r.target) for r in group),
                "",
                "two-targets",
                f"one measure, {formula}, is scored against two targets: {listed}",
                tuple(catalog.indicators[r.id].source for r in group),
            )


def _merged(findings: list[Finding]) -> list[Finding]:
    """One finding per wrong figure, with every place it was printed."""
    merged: dict[tuple[str, ...], Finding] = {}
    for item in findings:
        key = (item.subject, item.field, str(item.year), item.printed, item.computed, item.cause)
        if key in merged:
            merged[key] = attrs.evolve(merged[key], where=(*merged[key].where, *item.where))
        else:
            merged[key] = item
    return sorted(merged.values(), key=lambda f: (f.year, f.subject, f.field))
