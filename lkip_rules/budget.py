"""Budget: absorption (serapan), remaining budget, roll-up checks, and the budget behind an
indicator. Pure functions over the catalog's budget lines and one year's figures."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import attrs

from lkip_rules.catalog.model import BudgetFigures, BudgetLine
from lkip_rules.locale.text import Text
from lkip_rules.scoring import HUNDRED, divide_rounded


@attrs.frozen
class BudgetResult:
    id: str
    name: str
    level: str
    parent: str | None
    status: str  # "ok", "missing-data" or "error" (an error of the catalog about this line)
    pagu: Decimal | None = None
    realisasi: Decimal | None = None
    serapan_exact: Decimal | None = None
    serapan: Decimal | None = None  # rounded as printed
    sisa: Decimal | None = None
    children_pagu: Decimal | None = None  # the sums of the children, when it has any with figures
    children_realisasi: Decimal | None = None
    message: str = ""
    provisional: bool = False  # a figure of the line is marked sementara in the data

    @property
    def adds_up(self) -> bool | None:
        """Whether the children add up to this line; None when there is nothing to compare."""
        if self.children_pagu is None or self.pagu is None:
            return None
        return self.children_pagu == self.pagu and self.children_realisasi == self.realisasi


@attrs.frozen
class BudgetSummary:
    """The money behind one indicator: the top-most lines that support it or its children."""

    lines: tuple[str, ...]
    pagu: Decimal | None
    realisasi: Decimal | None
    serapan: Decimal | None
    efficiency: Decimal | None = None  # achievement minus serapan, in percentage points


def absorption(pagu: Decimal, realisasi: Decimal, decimals: int = 2, rounding: str = "half-up") -> Decimal:
    """realisasi / pagu x 100, rounded exactly."""
    return divide_rounded(realisasi * HUNDRED, pagu, decimals, rounding)


def line_results(
    lines: Mapping[str, BudgetLine],
    figures: Mapping[str, BudgetFigures],
    blocked: Mapping[str, str] | None = None,
    decimals: int = 2,
) -> dict[str, BudgetResult]:
    """Each line's absorption; a line in ``blocked`` (an error in the catalog) gets status error."""
    blocked = blocked or {}
    children: dict[str, list[str]] = {}
    for line in lines.values():
        if line.parent is not None:
            children.setdefault(line.parent, []).append(line.id)
    return {
        line.id: (
            BudgetResult(line.id, line.name, line.level, line.parent, "error", message=blocked[line.id])
            if line.id in blocked
            else _line(line, figures, children.get(line.id, []), decimals)
        )
        for line in lines.values()
    }


def _line(line: BudgetLine, figures: Mapping[str, BudgetFigures], kids: list[str], decimals: int) -> BudgetResult:
    own = figures.get(line.id, BudgetFigures())
    base = BudgetResult(line.id, line.name, line.level, line.parent, "ok", own.pagu, own.realisasi)
    kid_figures = [figures[k] for k in kids if k in figures]
    if kid_figures and all(f.pagu is not None and f.realisasi is not None for f in kid_figures):
        base = attrs.evolve(
            base,
            children_pagu=sum((f.pagu for f in kid_figures if f.pagu is not None), Decimal(0)),
            children_realisasi=sum((f.realisasi for f in kid_figures if f.realisasi is not None), Decimal(0)),
        )
    if own.pagu is None or own.realisasi is None:
        missing = "pagu" if own.pagu is None else "realisasi"
        return attrs.evolve(base, status="missing-data", message=Text(f"budget.no-{missing}"))
    result = attrs.evolve(base, sisa=own.pagu - own.realisasi)
    if own.pagu:
        result = attrs.evolve(
            result,
            serapan_exact=own.realisasi * HUNDRED / own.pagu,
            serapan=absorption(own.pagu, own.realisasi, decimals),
        )
    else:
        result = attrs.evolve(result, status="missing-data", message=Text("budget.zero-pagu"))
    if result.adds_up is False:
        result = attrs.evolve(
            result,
            message=Text(
                "budget.not-adding-up",
                children_pagu=result.children_pagu,
                children_realisasi=result.children_realisasi,
                pagu=own.pagu,
                realisasi=own.realisasi,
            ),
        )
    return result


def top_lines(line_ids: set[str], lines: Mapping[str, BudgetLine]) -> list[str]:
    """The lines of ``line_ids`` that have no ancestor in the set (no double counting)."""

    def has_ancestor_in_set(line_id: str) -> bool:
        parent = lines[line_id].parent
        seen = set()
        while parent is not None and parent in lines and parent not in seen:
            if parent in line_ids:
                return True
            seen.add(parent)
            parent = lines[parent].parent
        return False

    return sorted(line_id for line_id in line_ids if not has_ancestor_in_set(line_id))


def summarise(line_ids: list[str], results: Mapping[str, BudgetResult], decimals: int = 2) -> BudgetSummary:
    """Sum of the given lines; None amounts when any line lacks figures (never a partial sum)."""
    chosen = [results[i] for i in line_ids if i in results]
    if not chosen or any(r.pagu is None or r.realisasi is None for r in chosen):
        return BudgetSummary(tuple(line_ids), None, None, None)
    pagu = sum((r.pagu for r in chosen if r.pagu is not None), Decimal(0))
    realisasi = sum((r.realisasi for r in chosen if r.realisasi is not None), Decimal(0))
    serapan = absorption(pagu, realisasi, decimals) if pagu else None
    return BudgetSummary(tuple(line_ids), pagu, realisasi, serapan)
