"""Validation: small rules that each collect Issues; ``Catalog.check()`` raises on errors.

Each rule is a function ``(catalog, data) -> Iterable[Issue]``, so a new check is one new
function added to RULES. Issues carry the file, the key path and the line.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Literal

import attrs

from lkip_rules._suggest import closest
from lkip_rules.errors import UnknownNameError
from lkip_rules.formula import parse_formula

if TYPE_CHECKING:
    from lkip_rules.catalog import Catalog
    from lkip_rules.catalog.model import Data

Severity = Literal["error", "warning"]


@attrs.frozen
class Issue:
    severity: Severity
    code: str
    message: str
    file: str = ""
    key_path: str = ""
    line: int = 0

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        head = f"{where}: " if where else ""
        path = f" {self.key_path}:" if self.key_path else ""
        return f"{head}{self.severity} [{self.code}]{path} {self.message}"


Rule = Callable[["Catalog", "Data"], Iterable[Issue]]


def _issue(catalog: Catalog, severity: Severity, code: str, message: str, file: str, *path: str) -> Issue:
    return Issue(severity, code, message, file, ".".join(path), catalog.line_of(file, path))


def _hint(word: str, options: Iterable[str]) -> str:
    suggestion = closest(word, options)
    return f"; did you mean '{suggestion}'?" if suggestion else ""


def loading_issues(catalog: Catalog, data: Data) -> Iterator[Issue]:
    """Formulas that did not parse and ids defined twice, found while loading."""
    yield from catalog.load_issues


def unknown_names(catalog: Catalog, data: Data) -> Iterator[Issue]:
    """Names in formulas that are neither inputs nor indicators, located in the key that has them."""
    known = catalog.names()
    for ind in catalog.indicators.values():
        if ind.formula is None or set(ind.formula.names) <= known:
            continue
        for key, text in ind.formula_parts:
            try:
                parse_formula(text, known_names=known)
            except UnknownNameError as exc:
                yield _issue(
                    catalog,
                    "error",
                    "unknown-name",
                    f"in the formula, {exc}",
                    ind.file,
                    "indicators",
                    ind.id,
                    key,
                )


def cycles(catalog: Catalog, data: Data) -> Iterator[Issue]:
    """Indicators whose formulas reference each other in a loop, or parents in a loop."""
    for label, edges in (("formula", _formula_edges(catalog)), ("parent", _parent_edges(catalog))):
        for loop in _find_cycles(edges):
            first = catalog.indicators[loop[0]]
            key = "parent" if label == "parent" else first.formula_key
            yield _issue(
                catalog,
                "error",
                "cycle",
                f"{'parents' if label == 'parent' else 'formulas'} form a cycle: "
                f"{' -> '.join([*loop, loop[0]])}; break it by removing one reference",
                first.file,
                "indicators",
                first.id,
                key,
            )


def _formula_edges(catalog: Catalog) -> dict[str, list[str]]:
    return {
        ind.id: [name for name in ind.formula.names if name in catalog.indicators]
        for ind in catalog.indicators.values()
        if ind.formula is not None
    }


def _parent_edges(catalog: Catalog) -> dict[str, list[str]]:
    return {
        ind.id: [ind.parent]
        for ind in catalog.indicators.values()
        if ind.parent is not None and ind.parent in catalog.indicators
    }


def _find_cycles(edges: dict[str, list[str]]) -> list[list[str]]:
    """Each elementary cycle once (iterative DFS; colours: 0 new, 1 on stack, 2 done)."""
    colour: dict[str, int] = {}
    found: list[list[str]] = []
    for root in edges:
        if colour.get(root):
            continue
        stack: list[tuple[str, Iterator[str]]] = [(root, iter(edges.get(root, ())))]
        colour[root] = 1
        path = [root]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                colour[node] = 2
                stack.pop()
                path.pop()
            elif colour.get(child, 0) == 0:
                colour[child] = 1
                stack.append((child, iter(edges.get(child, ()))))
                path.append(child)
            elif colour[child] == 1:
                found.append(path[path.index(child) :])
    return found


def references(catalog: Catalog, data: Data) -> Iterator[Issue]:
    """Parents, supported indicators and scales that do not exist."""
    ids = catalog.indicators.keys()
    for ind in catalog.indicators.values():
        if ind.parent is not None and ind.parent not in ids:
            yield _issue(
                catalog,
                "error",
                "missing-parent",
                f"parent '{ind.parent}' is not an indicator{_hint(ind.parent, ids)}",
                ind.file,
                "indicators",
                ind.id,
                "parent",
            )
        for target in ind.supports:
            if target not in ids:
                yield _issue(
                    catalog,
                    "error",
                    "missing-reference",
                    f"supports '{target}', which is not an indicator{_hint(target, ids)}",
                    ind.file,
                    "indicators",
                    ind.id,
                    "supports",
                )
        if ind.scale not in catalog.scales:
            yield _issue(
                catalog,
                "error",
                "unknown-scale",
                f"scale '{ind.scale}' is neither shipped nor declared{_hint(ind.scale, catalog.scales)}",
                ind.file,
                "indicators",
                ind.id,
                "scale",
            )


def aggregation(catalog: Catalog, data: Data) -> Iterator[Issue]:
    """Indicators without a formula need children; weighted ones need weights."""
    for ind in catalog.indicators.values():
        if not ind.aggregated:
            continue
        children = catalog.children(ind.id)
        if not children:
            yield _issue(
                catalog,
                "error",
                "no-formula",
                "has no formula, no numerator/denominator and no children to aggregate",
                ind.file,
                "indicators",
                ind.id,
            )
        elif ind.aggregate == "weighted":
            for child in children:
                if child.weight is None:
                    yield _issue(
                        catalog,
                        "error",
                        "missing-weight",
                        f"'{ind.id}' aggregates weighted, so this child needs a weight",
                        child.file,
                        "indicators",
                        child.id,
                    )


def targets(catalog: Catalog, data: Data) -> Iterator[Issue]:
    """Targets outside the period, and zero targets whose meaning is not declared."""
    for ind in catalog.indicators.values():
        first, last = ind.period
        for year, target in ind.targets.items():
            if not first <= year <= last:
                yield _issue(
                    catalog,
                    "error",
                    "target-outside-period",
                    f"a target for {year} lies outside the period {first}-{last}; "
                    "set the indicator's period if it belongs to another Renstra",
                    ind.file,
                    "indicators",
                    ind.id,
                    "targets",
                    str(year),
                )
            zero = (0 in target) if isinstance(target, tuple) else not target
            if zero and not ind.zero_target_declared:
                yield _issue(
                    catalog,
                    "warning",
                    "zero-target",
                    f"the target for {year} is 0 and zero_target is not declared, so the "
                    'achievement will be undefined; declare zero_target = "met" or "undefined"',
                    ind.file,
                    "indicators",
                    ind.id,
                    "targets",
                    str(year),
                )
        if ind.multiplier_defaulted and ind.unit.strip() in ("%", "persen", "Persen"):
            yield _issue(
                catalog,
                "warning",
                "multiplier",
                "the unit is % but there is no multiplier, so the ratio is not multiplied "
                "by 100; did you mean multiplier = 100?",
                ind.file,
                "indicators",
                ind.id,
            )


def missing_targets(catalog: Catalog, data: Data) -> Iterator[Issue]:
    """Indicators that can never be scored, or have figures for a year of their period but no target."""
    for ind in catalog.indicators.values():
        if ind.aggregated:
            continue
        if not ind.targets:
            yield _issue(
                catalog,
                "warning",
                "no-targets",
                "has no targets, so no achievement can be computed",
                ind.file,
                "indicators",
                ind.id,
            )
            continue
        first, last = ind.period
        for year in sorted(data.years):
            if first <= year <= last and year not in ind.targets:
                yield _issue(
                    catalog,
                    "warning",
                    "missing-target",
                    f"there are figures for {year}, within the period {first}-{last}, but no target for it",
                    ind.file,
                    "indicators",
                    ind.id,
                    "targets",
                )


def scales(catalog: Catalog, data: Data) -> Iterator[Issue]:
    """Declared scales: bands from the top, unique codes, only the last band unbounded."""
    for scale_id, file in catalog.declared_scales.items():
        bands = catalog.scales[scale_id].bands
        path = ("scales", scale_id, "bands")
        codes = [band.code for band in bands]
        for code in sorted({c for c in codes if codes.count(c) > 1}):
            yield _issue(catalog, "error", "scale-duplicate-code", f"band code '{code}' is used twice", file, *path)
        if bands[-1].bound is not None:
            yield _issue(
                catalog,
                "error",
                "scale-bounded-last",
                f"the last band '{bands[-1].code}' has a bound, so values below it fall in no "
                "band; remove its 'above'/'min'",
                file,
                *path,
            )
        for i, (upper, lower) in enumerate(itertools.pairwise(bands)):
            if upper.bound is None:
                yield _issue(
                    catalog,
                    "error",
                    "scale-unbounded-band",
                    f"band '{upper.code}' has no bound but is not the last one",
                    file,
                    *path,
                    str(i),
                )
                continue
            if lower.bound is None:
                continue
            equal_ok = upper.bound == lower.bound and upper.above is not None and lower.min is not None
            if upper.bound < lower.bound or (upper.bound == lower.bound and not equal_ok):
                yield _issue(
                    catalog,
                    "error",
                    "scale-order",
                    f"bands are out of order: '{upper.code}' ({upper.bound}) must be above "
                    f"'{lower.code}' ({lower.bound}); list bands from the top",
                    file,
                    *path,
                    str(i + 1),
                )


PARENT_LEVEL = {"kegiatan": "program", "subkegiatan": "kegiatan"}


def budget_lines(catalog: Catalog, data: Data) -> Iterator[Issue]:
    """Budget parents that exist and sit one level up; supported indicators that exist."""
    for line in catalog.budget.values():
        path = ("budget", line.id)
        if line.parent is not None:
            parent = catalog.budget.get(line.parent)
            if parent is None:
                yield _issue(
                    catalog,
                    "error",
                    "missing-parent",
                    f"parent '{line.parent}' is not a budget line{_hint(line.parent, catalog.budget)}",
                    line.file,
                    *path,
                    "parent",
                )
            elif PARENT_LEVEL.get(line.level) != parent.level:
                yield _issue(
                    catalog,
                    "error",
                    "budget-level",
                    f"a {line.level} cannot sit under a {parent.level} ('{parent.id}')",
                    line.file,
                    *path,
                    "parent",
                )
        elif line.level != "program":
            yield _issue(
                catalog, "warning", "budget-orphan", f"a {line.level} without a parent program", line.file, *path
            )
        for target in line.supports:
            if target not in catalog.indicators:
                yield _issue(
                    catalog,
                    "error",
                    "missing-reference",
                    f"supports '{target}', which is not an indicator{_hint(target, catalog.indicators)}",
                    line.file,
                    *path,
                    "supports",
                )


def unused_inputs(catalog: Catalog, data: Data) -> Iterator[Issue]:
    used = {name for ind in catalog.indicators.values() if ind.formula for name in ind.formula.names}
    for item in catalog.inputs.values():
        if item.id not in used:
            yield _issue(
                catalog,
                "warning",
                "unused-input",
                "declared but used by no formula",
                item.file,
                "inputs",
                item.id,
            )


def data_files(catalog: Catalog, data: Data) -> Iterator[Issue]:
    """Data for undeclared inputs or indicators, and quarters without a roll-up rule."""
    for year_data in data.years.values():
        file = year_data.file
        for name, value in year_data.inputs.items():
            item = catalog.inputs.get(name)
            if item is None:
                where = (
                    "an indicator, not an input; put it under [realisations]"
                    if name in catalog.indicators
                    else f"not a declared input{_hint(name, catalog.inputs)}"
                )
                yield Issue(
                    "error",
                    "undeclared-input",
                    f"'{name}' is {where}",
                    file,
                    f"inputs.{name}",
                    catalog.data_line(year_data, ("inputs", name)),
                )
            elif isinstance(value, dict) and item.rollup is None:
                yield Issue(
                    "error",
                    "missing-rollup",
                    f'quarterly values need a roll-up rule: add rollup = "sum" (or last, avg, '
                    f"max, min) to [inputs.{name}]",
                    file,
                    f"inputs.{name}",
                    catalog.data_line(year_data, ("inputs", name)),
                )
        reportable = {*catalog.indicators, *catalog.budget, "total"}
        for section, allowed, what in (
            ("realisations", set(catalog.indicators), "an indicator"),
            ("benchmarks", set(catalog.indicators), "an indicator"),
            ("budget", set(catalog.budget), "a budget line"),
            ("reported", reportable, "an indicator, a budget line or 'total'"),
        ):
            for name in getattr(year_data, section):
                if name not in allowed:
                    yield Issue(
                        "error",
                        "unknown-id",
                        f"'{name}' is not {what}{_hint(name, allowed)}",
                        file,
                        f"{section}.{name}",
                        catalog.data_line(year_data, (section, name)),
                    )


RULES: tuple[Rule, ...] = (
    loading_issues,
    unknown_names,
    cycles,
    references,
    aggregation,
    targets,
    missing_targets,
    scales,
    budget_lines,
    unused_inputs,
    data_files,
)


def validate(catalog: Catalog, data: Data) -> list[Issue]:
    """Every issue every rule finds, errors first, in file order."""
    found = [issue for rule in RULES for issue in rule(catalog, data)]
    return sorted(found, key=lambda i: (i.severity != "error", i.file, i.line))
