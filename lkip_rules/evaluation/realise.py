"""Realisations: each indicator's formula on the year's figures, or why there is none.

Inputs given by quarter are rolled up to the quarter evaluated. An indicator named in another's
formula stands for its realisation as printed (basis "rounded") or exact (basis "exact").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from lkip_rules import numbers, scoring
from lkip_rules.catalog.model import Data, Indicator
from lkip_rules.errors import DivisionByZeroError, EvaluationError, MissingValueError
from lkip_rules.formula.ast import Period
from lkip_rules.locale.text import Text

if TYPE_CHECKING:
    from lkip_rules.api import Catalog


@attrs.frozen
class Realised:
    """An indicator's realisation for a year, or why there is none."""

    status: scoring.Status
    value: Decimal | None = None
    message: str = ""
    given: bool = False
    values: Mapping[str, Decimal] = attrs.field(factory=dict)
    root: str = ""  # the first cause down a chain of indicators, so messages never nest deeper

    @property
    def cause(self) -> str:
        return self.root or self.message


class Realiser:
    """Computes realisations on demand, each (indicator, year) once."""

    def __init__(
        self, catalog: Catalog, data: Data, quarter: int | None, blocked: Mapping[str, str], keep_values: bool = True
    ) -> None:
        self.catalog = catalog
        self.keep_values = keep_values  # the figures each realisation used, for its result
        self.data = data
        self.quarter = quarter
        self.blocked = blocked  # indicator -> the catalog error that keeps it from being computed
        self.inputs, self.blank = _input_series(catalog, data, quarter)
        self.realised: dict[tuple[str, int], Realised] = {}
        self.busy: set[tuple[str, int]] = set()
        self.shown: dict[str, str] = {}

    def realisation(self, ind: Indicator, year: int) -> Realised:
        key = (ind.id, year)
        if key not in self.realised:
            if key in self.busy:  # a cycle: every (indicator, year) on it is an error, whoever asks first
                raise _Cycle(key)
            self.busy.add(key)
            try:
                self.realised[key] = self._realise(ind, year)
            except _Cycle as cycle:
                self.realised[key] = Realised("error", message=Text("realise.cycle", id=ind.id))
                if cycle.key != key:
                    raise
            except RecursionError:
                self.realised[key] = Realised("error", message=Text("realise.too-deep"))
            finally:
                self.busy.discard(key)
        return self.realised[key]

    def _realise(self, ind: Indicator, year: int) -> Realised:
        year_data = self.data.years.get(year)
        if year_data is None and not ind.period[0] <= year <= ind.period[1]:
            # Outside its period and without figures an indicator has no realisation, so a series
            # over the years (coalesce(x[N-1], 0) + 1) ends there instead of running back forever.
            return Realised("missing-data", message=Text("realise.no-year", id=ind.id, year=year))
        if year_data is not None and ind.id in year_data.realisations and ind.id not in self.blocked:
            if year_data.file not in self.shown:  # resolving a path asks the file system: once a file
                self.shown[year_data.file] = _shown_path(year_data.file, self.catalog.path)
            given = Text("realise.given", file=self.shown[year_data.file])
            return Realised("ok", year_data.realisations[ind.id], given, True)
        if ind.formula is None or ind.id in self.blocked:  # a broken formula or unknown name is a catalog error
            why = self.blocked.get(ind.id) or Text("realise.formula-errors")
            return Realised("error", message=blocked(why))
        values = {name: self.series(name) for name in ind.formula.names}
        try:
            value = ind.formula.evaluate(values, year=year)
        except MissingValueError as exc:
            message, root = self._missing(exc)
            return Realised("missing-data", message=message, root=root)
        except DivisionByZeroError as exc:
            return Realised("undefined", message=exc.message)
        except EvaluationError as exc:
            return Realised("error", message=exc.message)
        if value.adjusted() >= numbers.MAX_INTEGER_DIGITS:
            too_large = Text("realise.too-large", value=f"{value:.4E}", digits=numbers.MAX_INTEGER_DIGITS)
            return Realised("error", message=too_large)
        used = dict(_used(ind.formula.names, values, year)) if self.keep_values else {}
        return Realised("ok", value, values=used)

    def surely_missing(self, ind: Indicator, year: int) -> bool:
        """Whether ``ind`` surely has no realisation in ``year`` without computing it: no figure
        at all for that year and a formula that needs, in that year, inputs only."""
        formula = ind.formula
        return (
            year not in self.data.years
            and formula is not None
            and formula.same_year_only
            and not any(name in self.catalog.indicators for name in formula.names)
        )

    def referenced(self, ind: Indicator, year: int) -> Decimal | None:
        """What ``ind`` stands for in another indicator's formula: its realisation as printed when
        its basis is "rounded" (the arithmetic a report does on its own printed figures), its exact
        realisation when its basis is "exact"."""
        realised = self.realisation(ind, year)
        if realised.value is None or ind.policy.basis == "exact":
            return realised.value
        return scoring.round_value(realised.value, ind.policy.decimals, ind.policy.rounding)

    def series(self, name: str) -> Mapping[int, Decimal]:
        if name in self.catalog.indicators:
            return _IndicatorSeries(self, self.catalog.indicators[name])
        return self.inputs.get(name, {})

    def _missing(self, exc: MissingValueError) -> tuple[str, str]:
        """The message for a missing value, and the first cause down the chain (for those using it)."""
        reason = self.blank.get((exc.name, exc.year)) if exc.year is not None else None
        root = ""
        if exc.name in self.catalog.indicators and exc.year is not None:
            inner = self.realisation(self.catalog.indicators[exc.name], exc.year)
            reason, root = Text("labelled", name=Text(f"status.{inner.status}"), text=inner.cause), inner.cause
        if exc.year is None:
            message = Text("realise.no-value", name=exc.name)
        else:
            message = Text("realise.no-value-year", name=exc.name, year=exc.year)
        return (Text("with-detail", text=message, detail=reason) if reason else message), root


class _Cycle(Exception):
    """An (indicator, year) reached again while it is computed; caught where it began."""

    def __init__(self, key: tuple[str, int]) -> None:
        super().__init__(key)
        self.key = key


def blocked(why: str) -> str:
    return Text("realise.blocked", why=why)


class _IndicatorSeries(Mapping[int, Decimal]):
    """An indicator's realisations by year, computed on demand for formulas that use them."""

    def __init__(self, realiser: Realiser, ind: Indicator) -> None:
        self.realiser = realiser
        self.ind = ind

    def __getitem__(self, year: int) -> Decimal:
        value = self.realiser.referenced(self.ind, year)
        if value is None:
            raise KeyError(year)
        return value

    def __iter__(self) -> Iterator[int]:  # pragma: no cover - formulas only look years up
        return iter(())

    def __len__(self) -> int:  # pragma: no cover - formulas only look years up
        return 0


def _input_series(
    catalog: Catalog, data: Data, quarter: int | None
) -> tuple[dict[str, dict[int, Decimal]], dict[tuple[str, int], str]]:
    """Each input's value per year (quarters rolled up to ``quarter``), and why any is blank."""
    series: dict[str, dict[int, Decimal]] = {}
    blank: dict[tuple[str, int], str] = {}
    for year, year_data in data.years.items():
        for name, value in year_data.inputs.items():
            if not isinstance(value, Decimal):  # by quarter
                item = catalog.inputs.get(name)
                rollup = item.rollup if item is not None else None
                if rollup is None:  # pragma: no cover - refused with the data (missing-rollup)
                    blank[(name, year)] = Text("rollup.no-rule")
                    continue
                rolled, why = scoring.roll_up(value, rollup, quarter or 4)
                if rolled is None:
                    blank[(name, year)] = why
                    continue
                value = rolled
            series.setdefault(name, {})[year] = value
    return series, blank


def _used(
    names: Mapping[str, frozenset[Period]], values: Mapping[str, Mapping[int, Decimal]], year: int
) -> Iterator[tuple[str, Decimal]]:
    for name, periods in names.items():
        for period in sorted(periods, key=lambda p: (p.year or 0, p.offset)):
            at = period.resolve(year)
            found = values[name].get(at)
            if found is not None:
                yield (name if period.year is None and period.offset == 0 else f"{name}[{at}]"), found


def _shown_path(file: str, catalog_path: Path) -> str:
    """A data file as a planner knows it: relative to the catalog's folder when inside it
    ("data/2025.toml"), else as given (a --data file, "values" for Data.from_values)."""
    folder = catalog_path if catalog_path.is_dir() else catalog_path.parent
    try:
        if not Path(file).is_file():  # "values" of Data.from_values, or a file gone since: as given
            return file
        return Path(file).resolve().relative_to(folder.resolve()).as_posix()
    except (ValueError, OSError):
        return file
