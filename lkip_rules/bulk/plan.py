"""The order of the work: indicators grouped in levels (each needs only the levels before it),
their columns in stages, and the checks of the input's key columns every engine shares."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeVar

from lkip_rules.bulk.compiler import BulkError, Compiler, Stages, error_column, failed, realisation_column
from lkip_rules.validation import touched

if TYPE_CHECKING:
    from lkip_rules.api import Catalog
    from lkip_rules.catalog.model import Indicator

E = TypeVar("E")


def levels(catalog: Catalog) -> list[list[Indicator]]:
    """Indicators grouped so that each group needs only the groups before it."""
    level: dict[str, int] = {}
    for ind in catalog.in_dependency_order():
        if ind.aggregated:
            needs = [child.id for child in catalog.children(ind.id)]
        else:
            needs = [n for n in ind.formula.names if n in catalog.indicators] if ind.formula is not None else []
        level[ind.id] = 1 + max((level[n] for n in needs if n in level), default=-1)
    grouped: dict[int, list[Indicator]] = {}
    for ind_id, lvl in level.items():
        grouped.setdefault(lvl, []).append(catalog.indicators[ind_id])
    return [grouped[k] for k in sorted(grouped)]


def plan(catalog: Catalog, compiler: Compiler[E], given: set[str]) -> Stages[E]:
    """Every column to compute, in stages: for each level of indicators, their realisations
    (a column ``id`` in the input is a realisation given directly), then their scores. An
    indicator an error of the catalog touches is ``error`` on every row, as in the scalar path."""
    b = compiler.b
    blocked = touched(catalog, catalog.catalog_issues())
    stages: Stages[E] = []
    for group in levels(catalog):
        raw: list[tuple[str, E]] = []
        real: list[tuple[str, E]] = []
        scoring: Stages[E] = []
        for ind in group:
            if ind.id in blocked:
                parts = [failed(ind.id, b)]
            elif ind.aggregated:
                parts = compiler.aggregate(ind, catalog.children(ind.id))
            else:
                value, err = compiler.realisation(ind)
                if ind.id in given:  # as [realisations] in a data file: used when present
                    given_value = b.col(ind.id)
                    value = b.case([(b.is_null(given_value), value)], given_value)
                    err = b.case([(b.is_null(given_value), err)], b.null())
                raw += [(f"{ind.id}__raw", value), (error_column(ind.id), err)]
                # A value computed past an error (the other branch of an if) is no realisation.
                kept = b.case([(b.is_null(b.col(error_column(ind.id))), b.col(f"{ind.id}__raw"))], b.null())
                real.append((realisation_column(ind.id), kept))
                parts = compiler.score(ind, b.col(realisation_column(ind.id)), b.col(error_column(ind.id)))
            for index, stage in enumerate(parts):
                if index == len(scoring):
                    scoring.append([])
                scoring[index] += stage
        if raw:
            stages += [raw, real]
        stages += scoring
    return stages


def output_scale(catalog: Catalog) -> int:
    """Decimals of the printed numbers in the output: the most any indicator prints."""
    return max((ind.policy.decimals for ind in catalog.indicators.values()), default=0)


def check_keys(columns: Sequence[str], entity: str, year: str, quarter: str | None) -> list[str]:
    """The key columns, after checking the input has them (and no quarter column left unsaid)."""
    keys = [entity, year] + ([quarter] if quarter else [])
    for key in keys:
        if key not in columns:
            shown = ", ".join(columns) if len(columns) <= 30 else ", ".join(columns[:30]) + ", ..."
            hint = "; the file seems separated by ';': save it as comma-separated CSV" if ";" in shown else ""
            raise BulkError(f"the input has no '{key}' column; it has {shown}{hint}")
    if quarter is None and "quarter" in columns:
        raise BulkError(
            "the input has a 'quarter' column: name it as the quarter column (quarter='quarter', "
            "lkip bulk --quarter-column quarter) to evaluate rows up to each quarter"
        )
    return keys
