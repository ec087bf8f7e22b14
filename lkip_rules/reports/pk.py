"""The Perjanjian Kinerja of a year, like the reference report's Tabel 2.3/2.4: each sasaran with
its indicators (IKU) and their targets, then the programs that pay for them with their money
(pagu murni, the APBD as signed; pagu, after the P-APBD) and the total.

A revised target (PK perubahan) is shown beside the one signed, never in its place.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from lkip_rules.catalog.model import Data
from lkip_rules.scoring import Target

if TYPE_CHECKING:
    from lkip_rules.api import Catalog
    from lkip_rules.catalog.model import Indicator

PK_LEVELS = ("iku",)  # the indicators a Perjanjian Kinerja signs, under their sasaran


@attrs.frozen
class PkRow:
    sasaran: str
    indicator: str
    unit: str
    target: Target | None  # in force
    signed: Target | None  # as signed, when a revision changed it


@attrs.frozen
class PkProgram:
    code: str
    name: str
    pagu_murni: Decimal | None
    pagu: Decimal | None


@attrs.frozen
class PerjanjianKinerja:
    year: int
    rows: tuple[PkRow, ...]
    programs: tuple[PkProgram, ...]
    total_murni: Decimal | None
    total: Decimal | None

    @property
    def revised(self) -> bool:
        """Whether any target was revised after signing (a column for the signed one is shown)."""
        return any(row.signed is not None for row in self.rows)


def perjanjian_kinerja(catalog: Catalog, year: int, data: Data) -> PerjanjianKinerja:
    rows = tuple(_row(catalog, ind, year) for ind in _signed(catalog, year))
    figures = data.years[year].budget if year in data.years else {}
    programs = tuple(
        PkProgram(line.code, line.name, figures[line.id].pagu_murni, figures[line.id].pagu)
        if line.id in figures
        else PkProgram(line.code, line.name, None, None)
        for line in catalog.budget.values()
        if line.parent is None
    )
    return PerjanjianKinerja(
        year, rows, programs, _total([p.pagu_murni for p in programs]), _total([p.pagu for p in programs])
    )


def _signed(catalog: Catalog, year: int) -> list[Indicator]:
    """IKU indicators whose period holds the year, in catalog order."""
    return [
        ind for ind in catalog.indicators.values() if ind.level in PK_LEVELS and ind.period[0] <= year <= ind.period[1]
    ]


def _row(catalog: Catalog, ind: Indicator, year: int) -> PkRow:
    parent = catalog.indicators.get(ind.parent or "")
    sasaran = parent.name if parent is not None else ""
    return PkRow(sasaran, ind.name, ind.unit, ind.targets.get(year), ind.initial_target(year))


def _total(amounts: Sequence[Decimal | None]) -> Decimal | None:
    """The sum, or nothing when any amount is missing (never a partial total)."""
    if not amounts or any(a is None for a in amounts):
        return None
    return sum((a for a in amounts if a is not None), Decimal(0))
