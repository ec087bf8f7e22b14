"""Merging figures from several sources, cell by cell.

A cell is one figure: an input for a year (or one of its quarters), a given realisation, one
field of a budget line or benchmark. Sources that give different cells add up; two sources
giving the same cell the same value agree; two giving it different values are an error that
names both places — never "the last one wins". Printed figures under ``[reported]`` are
records of what a report printed, so they are all kept (an exact repeat only once). A figure
any source marks provisional (sementara) stays provisional in the merge.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import attrs

from lkip_rules.catalog.figures import Benchmark, BudgetFigures, CellPath, InputValue, Reported, YearData
from lkip_rules.errors import CatalogError, CatalogErrors
from lkip_rules.locale.text import Items, Text


def merged_years(parts: list[YearData]) -> dict[int, YearData]:
    """One YearData per year: the parts of each year merged cell by cell."""
    by_year: dict[int, list[YearData]] = {}
    for part in parts:
        by_year.setdefault(part.year, []).append(part)
    problems: list[CatalogError] = []
    years = {year: group[0] if len(group) == 1 else _year(group, problems) for year, group in sorted(by_year.items())}
    CatalogErrors.raise_all(problems)
    return years


class _Cells:
    """The cells seen so far, each with the source that gave it first."""

    def __init__(self, problems: list[CatalogError]) -> None:
        self.seen: dict[CellPath, tuple[object, YearData]] = {}
        self.problems = problems

    def put(self, path: CellPath, value: object, part: YearData) -> bool:
        """Record ``value`` at ``path``; False (and an error) when another source differs."""
        if path not in self.seen:
            self.seen[path] = (value, part)
            return True
        first, where = self.seen[path]
        if first == value:
            return True
        self.problems.append(_conflict(path, first, where, value, part))
        return False


def _conflict(path: CellPath, first: object, where: YearData, value: object, part: YearData) -> CatalogError:
    def at(source: YearData, shown: object) -> Text:
        line = source.line_of(path)
        if not line:
            return Text("load.given-at", value=_show(shown), file=source.file)
        place = "load.given-at-row" if source.rows else "load.given-at-line"  # a sheet's row, a TOML file's line
        return Text(place, value=_show(shown), file=source.file, line=line)

    return CatalogError(
        Text("load.given-twice", name=_name(path), year=part.year, first=at(where, first), second=at(part, value)),
        file=part.file,
        key_path=".".join(path),
        lineno=part.line_of(path),
        hint=Text("load.one-place"),
    )


_NAMED = {"inputs": "load.named-input", "realisations": "load.named-realisation", "budget": "load.named-budget"}


def _name(path: CellPath) -> Text:
    section, name, *rest = path
    what = (
        Text(_NAMED[section], name=name) if section in _NAMED else Text("load.named-other", section=section, name=name)
    )
    return Text("load.named-part", what=what, part=rest[0]) if rest else what


def _show(value: object) -> object:
    """A figure as the file wrote it (exact digits), or its quarters."""
    if isinstance(value, Mapping):
        return Text("load.quarters", values=Items(f"q{q} = {v}" for q, v in sorted(value.items())))
    return str(value)


def _year(group: list[YearData], problems: list[CatalogError]) -> YearData:
    cells = _Cells(problems)
    inputs: dict[str, InputValue] = {}
    realisations: dict[str, Decimal] = {}
    reported: dict[str, tuple[Reported, ...]] = {}
    records: dict[str, dict[str, dict[str, object]]] = {"benchmarks": {}, "budget": {}}
    for part in group:
        _inputs(part, inputs, cells)
        for name, value in part.realisations.items():
            if cells.put(("realisations", name), value, part):
                realisations[name] = value
        for section, fields in records.items():
            for name, record in getattr(part, section).items():
                _fields(section, name, record, part, fields.setdefault(name, {}), cells)
        for name, entries in part.reported.items():
            kept = reported.get(name, ())
            reported[name] = kept + tuple(entry for entry in entries if entry not in kept)
    first = group[0]
    return YearData(
        year=first.year,
        file=" + ".join(dict.fromkeys(part.file for part in group)),
        text="",
        source="; ".join(dict.fromkeys(part.source for part in group if part.source)),
        inputs=inputs,
        realisations=realisations,
        benchmarks={name: Benchmark(**fields) for name, fields in records["benchmarks"].items()},  # type: ignore[arg-type]
        budget={name: BudgetFigures(**fields) for name, fields in records["budget"].items()},  # type: ignore[arg-type]
        reported=reported,
        # A figure some source marks provisional stays flagged until every source calls it final.
        provisional=frozenset().union(*(part.provisional for part in group)),
    )


def _inputs(part: YearData, merged: dict[str, InputValue], cells: _Cells) -> None:
    for name, value in part.inputs.items():
        kept = merged.get(name)
        if isinstance(value, Mapping) != isinstance(kept, Mapping) and kept is not None:
            cells.problems.append(_conflict(("inputs", name), kept, _origin(cells, name), value, part))
            continue
        if not isinstance(value, Mapping):
            if cells.put(("inputs", name), value, part):
                merged[name] = value
            continue
        cells.seen.setdefault(("inputs", name), (value, part))
        quarters = dict(kept) if isinstance(kept, Mapping) else {}
        for quarter, figure in value.items():
            if cells.put(("inputs", name, f"q{quarter}"), figure, part):
                quarters[quarter] = figure
        merged[name] = quarters


def _origin(cells: _Cells, name: str) -> YearData:
    return cells.seen[("inputs", name)][1]


def _fields(section: str, name: str, record: object, part: YearData, merged: dict[str, object], cells: _Cells) -> None:
    for field, value in attrs.asdict(record, recurse=False).items():  # type: ignore[arg-type]
        if value not in (None, "") and cells.put((section, name, field), value, part):
            merged.setdefault(field, value)
