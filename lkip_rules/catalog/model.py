"""What a loaded catalog is made of: frozen records, checked and typed."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs

from lkip_rules.catalog.figures import (
    Benchmark,
    BudgetFigures,
    CellPath,
    InputValue,
    Printed,
    Reported,
    YearData,
)
from lkip_rules.catalog.frommap import year_parts
from lkip_rules.catalog.merge import merged_years
from lkip_rules.formula import Formula
from lkip_rules.scales import Scale
from lkip_rules.scoring import Policy, Target

__all__ = [  # the figures' records are re-exported: the model is one place to import from
    "Benchmark",
    "BudgetFigures",
    "BudgetLine",
    "CatalogInfo",
    "CellPath",
    "Data",
    "Indicator",
    "Input",
    "InputValue",
    "Printed",
    "Reported",
    "Source",
    "YearData",
]


@attrs.frozen
class CatalogInfo:
    id: str
    name: str
    period: tuple[int, int]
    description: str = ""
    source: str = ""
    efficiency: str = "points"  # the report's efficiency of resources: "points", "unspent" or "both"


@attrs.frozen
class Indicator:
    id: str
    name: str
    level: str
    file: str
    period: tuple[int, int]
    policy: Policy
    scale: str
    aggregate: str = "mean"
    parent: str | None = None
    supports: tuple[str, ...] = ()
    unit: str = ""
    description: str = ""
    owner: str = ""
    source: str = ""
    formula_text: str | None = None  # as written, or built from numerator / denominator
    formula_key: str = "formula"  # where the formula is written: "formula" or "numerator"
    formula_parts: tuple[tuple[str, str], ...] = ()  # (key, text) of each piece as written
    formula: Formula | None = attrs.field(default=None, eq=False)  # None: none, or it failed to parse
    multiplier_defaulted: bool = False
    zero_target_declared: bool = False
    targets: Mapping[int, Target] = attrs.field(factory=dict)  # in force (after a PK perubahan)
    targets_initial: Mapping[int, Target] = attrs.field(factory=dict)  # as signed in the Perjanjian Kinerja
    quarter_targets: Mapping[int, tuple[Target, Target, Target, Target]] = attrs.field(factory=dict)
    end_target: Target | None = None
    weight: Decimal | None = None  # every year's weight, unless ``weights`` gives the year's
    weights: Mapping[int, Decimal] = attrs.field(factory=dict)

    def weight_in(self, year: int) -> Decimal | None:
        """The weight of this indicator under a weighted parent in ``year``."""
        return self.weights.get(year, self.weight)

    def target_for(self, year: int, quarter: int | None = None) -> Target | None:
        """The target in force for ``year``, or for the Rencana Aksi's quarter (None if none is set)."""
        by_quarter = self.quarter_targets.get(year)
        if by_quarter is not None and quarter is not None:
            return by_quarter[quarter - 1]
        # Up to the fourth quarter is the whole year: the Rencana Aksi's last target is the year's.
        return self.targets.get(year) if quarter in (None, 4) else None

    def initial_target(self, year: int) -> Target | None:
        """The target signed in the Perjanjian Kinerja, when a revision changed it."""
        initial = self.targets_initial.get(year)
        return initial if initial is not None and initial != self.targets.get(year) else None

    @property
    def aggregated(self) -> bool:
        """True when the achievement comes from the children, not from a formula."""
        return self.formula_text is None

    def renstra_end_target(self) -> tuple[int, Target] | None:
        """The end target: declared, or the target of the period's last year."""
        last = self.period[1]
        if self.end_target is not None:
            return last, self.end_target
        if last in self.targets:
            return last, self.targets[last]
        return None


_COUNTED = """unit orang jiwa penduduk kk keluarga rumah_tangga koperasi umkm usaha pelaku_usaha perusahaan
    lembaga kelompok organisasi desa kelurahan kecamatan sekolah puskesmas rumah_sakit kasus pasien
    balita bayi anak ibu siswa peserta pegawai asn dokumen laporan kegiatan paket buah titik izin
    sertifikat produk kali kunjungan sampel dosis tempat_tidur tt pengaduan perkara"""
COUNT_UNITS = frozenset(_COUNTED.split())
"""Units of whole things: a figure in one of them must be a whole number (see docs/catalog-format.md)."""


@functools.lru_cache(maxsize=1024)
def _counted_unit(unit: str) -> bool:
    """Whether a unit names whole things (asked for every figure of every evaluation: cached)."""
    return unit.strip().lower().replace(" ", "_") in COUNT_UNITS


@attrs.frozen
class Input:
    id: str
    name: str
    file: str
    unit: str = ""
    description: str = ""
    source: str = ""
    rollup: str | None = None
    count: bool | None = None  # declared; None: told by the unit

    @property
    def is_count(self) -> bool:
        """A count of whole things (declared, or by its unit), so a fraction cannot be right."""
        if self.count is not None:
            return self.count
        return _counted_unit(self.unit)


@attrs.frozen
class BudgetLine:
    """A program, kegiatan or sub kegiatan of the budget."""

    id: str
    name: str
    level: str
    file: str
    parent: str | None = None
    supports: tuple[str, ...] = ()
    code: str = ""
    description: str = ""
    source: str = ""


@attrs.frozen
class Data:
    """Figures for any number of years, merged from any number of sources cell by cell.

    ``years`` is the merged view; ``parts`` keeps each source's figures as read, so messages
    can say which file and line a figure came from.
    """

    years: Mapping[int, YearData] = attrs.field(factory=dict)
    parts: tuple[YearData, ...] = attrs.field(default=(), eq=False, repr=False)

    def sources(self) -> tuple[YearData, ...]:
        """Each source's figures as read: one per file and year."""
        return self.parts or tuple(self.years.values())

    @classmethod
    def combine(cls, parts: Iterable[YearData]) -> Data:
        """Figures of several sources together; the same figure given twice differently is an error."""
        listed = list(parts)
        return cls(merged_years(listed), tuple(listed))

    def merge(self, other: Data) -> Data:
        """These figures and ``other``'s, cell by cell (see :meth:`combine`)."""
        if not isinstance(other, Data):
            from lkip_rules.errors import ArgumentError

            raise ArgumentError(f"merge takes another Data, not {type(other).__name__}")
        return Data.combine([*self.sources(), *other.sources()])

    @classmethod
    def from_values(
        cls,
        values: Mapping[str, Mapping[Any, Any]] | None = None,
        *,
        realisations: Mapping[str, Mapping[Any, Any]] | None = None,
        budget: Mapping[str, Mapping[Any, Any]] | None = None,
        benchmarks: Mapping[str, Mapping[Any, Any]] | None = None,
        reported: Mapping[str, Mapping[Any, Any]] | None = None,
        source: str = "values",
        catalog: Any = None,
    ) -> Data:
        """Figures from mappings, for tools that keep them in their own database; see docs/python-api.md.

        ``values`` is ``{input: {year: number or {"q1": number, ...}}}``, ``realisations``
        ``{indicator: {year: number}}``, ``budget`` ``{line: {year: {"pagu": ..., "realisasi": ...,
        "pagu_murni": ...}}}``, ``benchmarks`` ``{indicator: {year: {"source": ..., "realisation": ...}}}``
        and ``reported`` ``{subject: {year: {field: printed} or [..]}}``, as a data file has them.
        Years are ints or digit strings; numbers int, str or Decimal (never float); None is no value.
        With ``catalog``, every name is checked against it at once (did-you-mean on a typo).
        """
        data = cls.combine(
            year_parts(
                {} if values is None else values,
                realisations={} if realisations is None else realisations,
                budget={} if budget is None else budget,
                benchmarks={} if benchmarks is None else benchmarks,
                reported={} if reported is None else reported,
                source=source,
            )
        )
        if catalog is not None:  # every name checked against the catalog at once (did-you-mean)
            catalog.check_names(data)
        return data


@attrs.frozen
class Source:
    """One file of a catalog, kept to tell lines in messages."""

    file: str
    text: str = attrs.field(repr=False)


ScaleMap = Mapping[str, Scale]
