"""What a loaded catalog is made of: frozen records, checked and typed."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import attrs

from lkip_rules.formula import Formula
from lkip_rules.scales import Scale
from lkip_rules.scoring import Policy, Target


@attrs.frozen
class CatalogInfo:
    id: str
    name: str
    period: tuple[int, int]
    description: str = ""
    source: str = ""


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
    targets: Mapping[int, Target] = attrs.field(factory=dict)
    end_target: Target | None = None
    weight: Decimal | None = None

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


@attrs.frozen
class Input:
    id: str
    name: str
    file: str
    unit: str = ""
    description: str = ""
    source: str = ""
    rollup: str | None = None


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


@attrs.frozen
class YearData:
    year: int
    file: str
    text: str = attrs.field(repr=False, eq=False)
    source: str = ""
    inputs: Mapping[str, InputValue] = attrs.field(factory=dict)
    realisations: Mapping[str, Decimal] = attrs.field(factory=dict)
    benchmarks: Mapping[str, Benchmark] = attrs.field(factory=dict)
    budget: Mapping[str, BudgetFigures] = attrs.field(factory=dict)
    reported: Mapping[str, tuple[Reported, ...]] = attrs.field(factory=dict)


@attrs.frozen
class Data:
    """Figures for any number of years."""

    years: Mapping[int, YearData] = attrs.field(factory=dict)

    @classmethod
    def from_values(
        cls,
        values: Mapping[str, Mapping[int, object]],
        *,
        realisations: Mapping[str, Mapping[int, object]] | None = None,
        source: str = "values",
    ) -> Data:
        """Inputs from a mapping ``{input: {year: number}}`` (int, str or Decimal; never float;
        None is no value), and optionally realisations given directly, ``{indicator: {year: number}}``;
        for tools that keep their figures in their own database."""
        from lkip_rules.formula.values import to_decimal

        inputs: dict[int, dict[str, InputValue]] = {}
        given: dict[int, dict[str, Decimal]] = {}
        for target, mapping in ((inputs, values), (given, realisations or {})):
            for name, by_year in mapping.items():
                for year, raw in by_year.items():
                    target.setdefault(year, {})
                    if raw is not None:
                        target[year][name] = to_decimal(raw, f"{name}[{year}]")
        return cls(
            {
                year: YearData(year, source, "", inputs=inputs.get(year, {}), realisations=given.get(year, {}))
                for year in sorted(inputs.keys() | given.keys())
            }
        )

    def overlay(self, other: Data) -> Data:
        """These figures with ``other``'s laid over them, key by key within each year."""
        years = dict(self.years)
        for year, top in other.years.items():
            base = years.get(year)
            if base is None:
                years[year] = top
                continue
            years[year] = attrs.evolve(
                base,
                inputs={**base.inputs, **top.inputs},
                realisations={**base.realisations, **top.realisations},
                benchmarks={**base.benchmarks, **top.benchmarks},
                budget={**base.budget, **top.budget},
                reported={**base.reported, **top.reported},
            )
        return Data(years)


@attrs.frozen
class Source:
    """One file of a catalog, kept to tell lines in messages."""

    file: str
    text: str = attrs.field(repr=False)


ScaleMap = Mapping[str, Scale]
