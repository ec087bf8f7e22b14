"""Rules about the catalog itself: names, cycles, references, policies, scales, budget lines.

Each rule is a function ``(catalog) -> Iterable[Issue]``; a new check is one more function
in CATALOG_RULES.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import TYPE_CHECKING

from lkip_rules.errors import UnknownNameError
from lkip_rules.formula import parse_formula
from lkip_rules.issues import CatalogRule, Issue
from lkip_rules.issues import hint as _hint
from lkip_rules.issues import issue_at as _issue
from lkip_rules.locale.text import Said, Text
from lkip_rules.validation.cycle_rules import cycles, find_cycles, year_cycles

if TYPE_CHECKING:
    from lkip_rules.api import Catalog


def loading_issues(catalog: Catalog) -> Iterator[Issue]:
    """Formulas that did not parse and ids defined twice, found while loading."""
    yield from catalog.load_issues


def unknown_names(catalog: Catalog) -> Iterator[Issue]:
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
                    Text("issue.unknown-name", error=Said(exc)),
                    ind.file,
                    "indicators",
                    ind.id,
                    key,
                )


def references(catalog: Catalog) -> Iterator[Issue]:
    """Parents, supported indicators and scales that do not exist."""
    ids = catalog.indicators.keys()
    for ind in catalog.indicators.values():
        if ind.parent is not None and ind.parent not in ids:
            yield _issue(
                catalog,
                "error",
                "missing-parent",
                Text("issue.missing-parent", parent=ind.parent, hint=_hint(ind.parent, ids)),
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
                    Text("issue.supports-unknown", target=target, hint=_hint(target, ids)),
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
                Text("issue.unknown-scale", scale=ind.scale, hint=_hint(ind.scale, catalog.scales)),
                ind.file,
                "indicators",
                ind.id,
                "scale",
            )


def aggregation(catalog: Catalog) -> Iterator[Issue]:
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
                Text("issue.no-formula"),
                ind.file,
                "indicators",
                ind.id,
            )
        elif ind.aggregate == "weighted":
            for child in children:
                if child.weight is None and not child.weights:
                    yield _issue(
                        catalog,
                        "error",
                        "missing-weight",
                        Text("issue.missing-weight", parent=ind.id),
                        child.file,
                        "indicators",
                        child.id,
                        affects=(ind.id,),
                    )


def targets(catalog: Catalog) -> Iterator[Issue]:
    """Targets outside the period, and zero targets whose meaning is not declared."""
    for ind in catalog.indicators.values():
        first, last = ind.period
        for year, target in ind.targets.items():
            if not first <= year <= last:
                yield _issue(
                    catalog,
                    "error",
                    "target-outside-period",
                    Text("issue.target-outside-period", year=year, first=first, last=last),
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
                    Text("issue.zero-target", year=year),
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
                Text("issue.multiplier"),
                ind.file,
                "indicators",
                ind.id,
            )


def no_targets(catalog: Catalog) -> Iterator[Issue]:
    """Indicators that can never be scored."""
    for ind in catalog.indicators.values():
        if not ind.aggregated and not ind.targets:
            yield _issue(
                catalog,
                "warning",
                "no-targets",
                Text("issue.no-targets"),
                ind.file,
                "indicators",
                ind.id,
            )


def policies(catalog: Catalog) -> Iterator[Issue]:
    """A floor above the cap leaves no achievement possible."""
    for ind in catalog.indicators.values():
        cap, floor = ind.policy.cap, ind.policy.floor
        if cap is not None and floor is not None and floor > cap:
            yield _issue(
                catalog,
                "error",
                "floor-above-cap",
                Text("issue.floor-above-cap", floor=floor, cap=cap),
                ind.file,
                "indicators",
                ind.id,
            )


def scales(catalog: Catalog) -> Iterator[Issue]:
    """Declared scales: bands from the top, unique codes, only the last band unbounded."""
    for scale_id, file in catalog.declared_scales.items():
        bands = catalog.scales[scale_id].bands
        path = ("scales", scale_id, "bands")
        codes = [band.code for band in bands]
        for code in sorted({c for c in codes if codes.count(c) > 1}):
            message = Text("issue.scale-duplicate-code", code=code)
            yield _issue(catalog, "error", "scale-duplicate-code", message, file, *path)
        if bands[-1].bound is not None:
            yield _issue(
                catalog,
                "error",
                "scale-bounded-last",
                Text("issue.scale-bounded-last", code=bands[-1].code),
                file,
                *path,
            )
        for i, (upper, lower) in enumerate(itertools.pairwise(bands)):
            if upper.bound is None:
                yield _issue(
                    catalog,
                    "error",
                    "scale-unbounded-band",
                    Text("issue.scale-unbounded-band", code=upper.code),
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
                    Text(
                        "issue.scale-order",
                        upper=upper.code,
                        upper_bound=upper.bound,
                        lower=lower.code,
                        lower_bound=lower.bound,
                    ),
                    file,
                    *path,
                    str(i + 1),
                )


PARENT_LEVEL = {"kegiatan": "program", "subkegiatan": "kegiatan"}


def budget_lines(catalog: Catalog) -> Iterator[Issue]:
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
                    Text("issue.budget-missing-parent", parent=line.parent, hint=_hint(line.parent, catalog.budget)),
                    line.file,
                    *path,
                    "parent",
                )
            elif PARENT_LEVEL.get(line.level) != parent.level:
                yield _issue(
                    catalog,
                    "error",
                    "budget-level",
                    Text("issue.budget-level", level=line.level, parent_level=parent.level, parent=parent.id),
                    line.file,
                    *path,
                    "parent",
                )
        elif line.level != "program":
            orphan = Text("issue.budget-orphan", level=line.level)
            yield _issue(catalog, "warning", "budget-orphan", orphan, line.file, *path)
        for target in line.supports:
            if target not in catalog.indicators:
                yield _issue(
                    catalog,
                    "error",
                    "missing-reference",
                    Text("issue.supports-unknown", target=target, hint=_hint(target, catalog.indicators)),
                    line.file,
                    *path,
                    "supports",
                )


def budget_cycles(catalog: Catalog) -> Iterator[Issue]:
    """Budget lines that are their own parent, or ancestors of themselves."""
    edges = {line.id: [line.parent] for line in catalog.budget.values() if line.parent in catalog.budget}
    for loop in find_cycles(edges):  # type: ignore[arg-type]
        first = catalog.budget[loop[0]]
        path = " -> ".join([*loop, loop[0]])
        message = Text("issue.budget-own-parent") if len(loop) == 1 else Text("issue.budget-cycle", path=path)
        yield _issue(catalog, "error", "cycle", message, first.file, "budget", first.id, affects=tuple(loop))


def unused_inputs(catalog: Catalog) -> Iterator[Issue]:
    used = {name for ind in catalog.indicators.values() if ind.formula for name in ind.formula.names}
    for item in catalog.inputs.values():
        if item.id not in used:
            yield _issue(
                catalog,
                "warning",
                "unused-input",
                Text("issue.unused-input"),
                item.file,
                "inputs",
                item.id,
            )


CATALOG_RULES: tuple[CatalogRule, ...] = (
    loading_issues,
    unknown_names,
    cycles,
    year_cycles,
    references,
    aggregation,
    targets,
    no_targets,
    policies,
    scales,
    budget_lines,
    budget_cycles,
    unused_inputs,
)
