"""The public face of a catalog: load it, validate it, evaluate it.

>>> catalog = load_catalog("indicators/bekasi-diskopukm")   # doctest: +SKIP
>>> catalog.check()                                          # raises on any error
>>> results = catalog.evaluate(2025)

It sits above the model (lkip_rules.catalog), validation, evaluation and bulk, and imports each
of them; none of them imports it back except for type hints.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from lkip_rules._gc import without_collector
from lkip_rules.budget import top_lines
from lkip_rules.catalog import check_quarter, check_year, toml
from lkip_rules.catalog.data import load_data
from lkip_rules.catalog.loader import load
from lkip_rules.catalog.model import BudgetLine, CatalogInfo, Data, Indicator, Input
from lkip_rules.errors import ArgumentError, CatalogValidationError
from lkip_rules.evaluation import evaluate
from lkip_rules.evaluation.assess import assess
from lkip_rules.formula.ast import CURRENT
from lkip_rules.issues import Issue
from lkip_rules.results import Assessment, Results
from lkip_rules.scales import Scale
from lkip_rules.validation import catalog_issues, data_issues, validate

__all__ = ["Catalog", "load_catalog"]


def load_catalog(path: str | Path) -> Catalog:
    """Load a catalog folder (``catalog.toml`` plus any ``*.toml``) or a single TOML file.

    Raises CatalogError for files that cannot be read as a catalog; problems of meaning
    are reported by ``validate()`` / ``check()``.
    """
    if not isinstance(path, (str, Path)):
        raise ArgumentError(f"give the catalog as a path (text or pathlib.Path), not {type(path).__name__}")
    return Catalog(Path(path))


class Catalog:
    """A loaded catalog. Immutable by convention; load again to see edits."""

    @without_collector  # see lkip_rules._gc: a large catalog is many objects and no cycles
    def __init__(self, path: Path) -> None:
        loaded, indicators, data_dir = load(path)
        assert loaded.info is not None
        self.path = path
        self.info: CatalogInfo = loaded.info
        self.indicators: Mapping[str, Indicator] = {ind.id: ind for ind in indicators}
        self.inputs: Mapping[str, Input] = loaded.inputs
        self.budget: Mapping[str, BudgetLine] = loaded.budget
        self.scales: Mapping[str, Scale] = loaded.scales
        self.declared_scales: Mapping[str, str] = loaded.declared_scales
        self.load_issues: tuple[Issue, ...] = tuple(loaded.issues)
        self.data_dir = data_dir
        self._sources = loaded.sources
        self._children: dict[str, list[Indicator]] = {}
        for ind in indicators:
            if ind.parent is not None:
                self._children.setdefault(ind.parent, []).append(ind)
        self._data: Data | None = None
        self._issues: tuple[Issue, ...] | None = None
        self._order: tuple[Indicator, ...] | None = None
        self._lines_of: dict[str, list[str]] | None = None

    def __repr__(self) -> str:
        return f"<Catalog {self.info.id}: {len(self.indicators)} indicators, {len(self.inputs)} inputs>"

    # -- structure --------------------------------------------------------------------------

    def names(self) -> set[str]:
        """Every name a formula may use: inputs and indicators."""
        return set(self.inputs) | set(self.indicators)

    def children(self, indicator_id: str) -> list[Indicator]:
        return self._children.get(indicator_id, [])

    def in_dependency_order(self) -> list[Indicator]:
        """Indicators so that each comes after those its formula or aggregation needs."""
        if self._order is None:  # a catalog does not change: sorted once
            self._order = tuple(self._dependency_order())
        return list(self._order)

    def _dependency_order(self) -> list[Indicator]:
        order: list[Indicator] = []
        state: dict[str, int] = {}
        for root in self.indicators:
            stack = [(root, False)]
            while stack:
                node, expanded = stack.pop()
                if expanded:
                    state[node] = 2
                    order.append(self.indicators[node])
                    continue
                if state.get(node):
                    continue
                state[node] = 1
                stack.append((node, True))
                stack.extend((dep, False) for dep in self._needs(node) if not state.get(dep))
        return order

    def _needs(self, indicator_id: str) -> list[str]:
        ind = self.indicators[indicator_id]
        if ind.aggregated:
            return [child.id for child in self.children(indicator_id)]
        return self.same_year_needs(ind)

    def same_year_needs(self, ind: Indicator) -> list[str]:
        """The indicators ``ind``'s formula uses in the year it is evaluated for."""
        if ind.formula is None:
            return []
        return [name for name, periods in ind.formula.names.items() if name in self.indicators and CURRENT in periods]

    def budget_lines_of(self, indicator_id: str) -> list[str]:
        """The top-most budget lines supporting ``indicator_id`` directly (a budget-weighted
        parent weighs its child by their pagu); worked out once for every indicator."""
        if self._lines_of is None:
            supporting: dict[str, set[str]] = {}
            for line in self.budget.values():
                for supported in line.supports:
                    supporting.setdefault(supported, set()).add(line.id)
            self._lines_of = {ind: top_lines(lines, self.budget) for ind, lines in supporting.items()}
        return self._lines_of.get(indicator_id, [])

    # -- data -------------------------------------------------------------------------------

    @property
    def data(self) -> Data:
        """The catalog's own figures: every ``data/<year>.toml`` next to it."""
        if self._data is None:
            self._data = load_data(self.data_dir) if self.data_dir is not None else Data()
        return self._data

    def line_of(self, file: str, path: tuple[str, ...]) -> int:
        source = self._sources.get(file)
        return toml.locate(source.text, path) if source is not None else 0

    # -- the three calls --------------------------------------------------------------------

    def catalog_issues(self) -> tuple[Issue, ...]:
        """The issues of the catalog itself, found once (a catalog does not change)."""
        if self._issues is None:
            self._issues = tuple(catalog_issues(self))
        return self._issues

    @without_collector
    def validate(self, data: Data | None = None) -> list[Issue]:
        """Every issue found in the catalog and in ``data`` (default: its own data folder)."""
        return validate(self, self.data if data is None else _checked_data(data))

    def check(self, data: Data | None = None) -> None:
        """Raise CatalogValidationError listing every error; warnings do not raise."""
        errors = [issue for issue in self.validate(data) if issue.severity == "error"]
        if errors:
            raise CatalogValidationError(list(errors))

    def check_names(self, data: Data) -> None:
        """Raise CatalogValidationError when ``data`` names what the catalog does not declare (or
        has any other error of figures against the catalog); used by Data.from_values(catalog=...)."""
        errors = [issue for issue in data_issues(self, data) if issue.severity == "error"]
        if errors:
            raise CatalogValidationError(list(errors))

    def evaluate_frame(self, frame: Any, **keys: Any) -> Any:
        """Every indicator over a Polars frame of (entity, year[, quarter]) rows; see lkip_rules.bulk."""
        from lkip_rules.bulk import evaluate_frame

        return evaluate_frame(self, frame, **keys)

    @without_collector
    def evaluate(self, year: int, data: Data | None = None, *, quarter: int | None = None) -> Results:
        """Results for every indicator in ``year`` (up to ``quarter``, when given).

        Raises CatalogValidationError when ``data`` has errors (a name the catalog does not
        know, a count with a fraction, ...); an error of the catalog itself makes the
        indicators it touches come out with status ``error``, never ``ok``.
        """
        figures = self.data if data is None else _checked_data(data)
        return evaluate(self, check_year(year), figures, check_quarter(quarter))

    def assess(self, year: int, data: Data | None = None, *, quarter: int | None = None) -> dict[str, Assessment]:
        """Every indicator's status, realisation and achievement as printed, and category code —
        what a bulk row has — without the rest of a result: the fast path for an app that scores
        figures as they are typed. The same figures as ``evaluate``, refusing the same data.
        """
        figures = self.data if data is None else _checked_data(data)
        return assess(self, check_year(year), figures, check_quarter(quarter))


def _checked_data(data: object) -> Data:
    if not isinstance(data, Data):
        raise ArgumentError(
            f"data must be a lkip_rules.Data (from load_data or Data.from_values), not {type(data).__name__}"
        )
    return data
