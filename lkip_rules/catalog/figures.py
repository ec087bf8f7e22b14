"""Figures as read from a data file, a sheet or an app: per year and source, with where each
cell was written. The records the model (model.Data), the merge and the readers share."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import attrs

from lkip_rules.catalog.toml import locate
from lkip_rules.scoring import Target


@attrs.frozen
class BudgetFigures:
    """A budget line's money for one year."""

    pagu: Decimal | None = None
    realisasi: Decimal | None = None
    pagu_murni: Decimal | None = None


@attrs.frozen
class Benchmark:
    source: str = ""
    year: int | None = None
    target: Target | None = None
    realisation: Decimal | None = None
    achievement: Decimal | None = None
    note: str = ""


Printed = Decimal | str  # text when the print is no well-formed number


@attrs.frozen
class Reported:
    """Figures exactly as a report printed them, for the audit (text where malformed)."""

    year: int
    where: str = ""
    quarter: int | None = None  # a Rencana Aksi figure, up to this quarter
    target: Target | str | None = None
    realisation: Printed | None = None
    achievement: Printed | None = None
    category: str | None = None
    end_target: Target | str | None = None
    end_achievement: Printed | None = None
    pagu: Printed | None = None
    pagu_murni: Printed | None = None
    realisasi: Printed | None = None
    serapan: Printed | None = None
    sisa: Printed | None = None
    note: str = ""


InputValue = Decimal | Mapping[int, Decimal]  # a year's value, or its quarters 1..4
CellPath = tuple[str, ...]  # ("inputs", "koperasi_aktif"), ("inputs", "x", "q2"), ("budget", "p1", "pagu")


@attrs.frozen
class YearData:
    """The figures of one year, as one source gave them (or merged from several)."""

    year: int
    file: str
    text: str = attrs.field(repr=False, eq=False)  # the TOML text, for line numbers in messages
    source: str = ""
    inputs: Mapping[str, InputValue] = attrs.field(factory=dict)
    realisations: Mapping[str, Decimal] = attrs.field(factory=dict)
    benchmarks: Mapping[str, Benchmark] = attrs.field(factory=dict)
    budget: Mapping[str, BudgetFigures] = attrs.field(factory=dict)
    reported: Mapping[str, tuple[Reported, ...]] = attrs.field(factory=dict)
    rows: Mapping[CellPath, int] = attrs.field(factory=dict, repr=False, eq=False)  # CSV/XLSX row of a cell
    provisional: frozenset[CellPath] = frozenset()  # figures marked sementara (provisional)

    def is_provisional(self, section: str, name: str) -> bool:
        """Whether any figure of ``name`` in ``section`` (a quarter, a budget field) is provisional."""
        return any(cell[:2] == (section, name) for cell in self.provisional)

    def line_of(self, path: CellPath) -> int:
        """The line (TOML) or row (CSV, XLSX) where the figure at ``path`` is written; 0 if unknown."""
        if path in self.rows:
            return self.rows[path]
        return locate(self.text, path) if self.text else 0
