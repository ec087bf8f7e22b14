"""Reading data files: one TOML file per year (``data/2025.toml``), or a folder of them."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from lkip_rules.catalog import schema, toml
from lkip_rules.catalog.model import Benchmark, BudgetFigures, CellPath, Data, InputValue, Reported, YearData
from lkip_rules.errors import ArgumentError, CatalogError, CatalogErrors
from lkip_rules.locale.text import Items, Text

DATA_FIELDS = ("year", "source", "status", "inputs", "realisations", "benchmarks", "budget", "reported")
QUARTERS = {"q1": 1, "q2": 2, "q3": 3, "q4": 4}


def load_data(path: str | Path) -> Data:
    """Figures from one data file, or from every ``*.toml`` in a folder, merged cell by cell.

    Every error of every file is reported together (CatalogErrors)."""
    if not isinstance(path, (str, os.PathLike)) or not str(path):
        raise ArgumentError(f"a data file or folder is given by its path, not by {path!r}")
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.glob("*.toml"))
    elif path.exists():
        files = [path]
    else:
        raise CatalogError(Text("load.no-such-data"), file=str(path))
    parts, problems = [], []
    for file in files:
        try:
            parts.append(read_year(file))
        except CatalogError as exc:
            problems.append(exc)
    CatalogErrors.raise_all(problems)
    return Data.combine(parts)


def read_year(path: Path) -> YearData:
    shown = str(path)
    doc, text = toml.read(path, shown)
    ctx = schema.Context(shown, text)
    problems: list[CatalogError] = []
    for key in doc:
        if key not in DATA_FIELDS:
            problems.append(ctx.error((key,), Text("load.unknown-key", key=key), _did_you_mean(key, DATA_FIELDS)))
    year = _year_of(path, doc, ctx)
    default = schema.status(doc["status"], ctx, ("status",)) if "status" in doc else "tetap"
    marks = _Marks(default)

    def each(section: str, read: Callable[[Any, schema.Path], Any]) -> dict[str, Any]:
        found = {}
        for key, value in _table(doc.get(section, {}), ctx, (section,)).items():
            try:
                found[key] = read(value, (section, key))
            except CatalogError as exc:
                problems.append(exc)
        return found

    def record(fields: Mapping[str, schema.Checker], kind: Callable[..., Any]) -> Callable[[Any, schema.Path], Any]:
        return lambda value, where: kind(**schema.check_table(value, fields, set(), ctx, where))

    found = YearData(
        year=year,
        file=shown,
        text=text,
        source=schema.text(doc["source"], ctx, ("source",)) if "source" in doc else "",
        inputs=each("inputs", lambda value, where: _input(value, ctx, where, marks)),
        realisations=each("realisations", lambda value, where: _realisation(value, ctx, where, marks)),
        benchmarks=each("benchmarks", record(schema.BENCHMARK_FIELDS, Benchmark)),
        budget=each("budget", lambda value, where: _budget(value, ctx, where, marks)),
        reported=each("reported", lambda value, where: _reported(value, year, ctx, where)),
        provisional=frozenset(marks.provisional),
    )
    CatalogErrors.raise_all(problems)
    return found


def _did_you_mean(key: str, options: Any) -> str:
    from lkip_rules._suggest import closest

    suggestion = closest(key, options)
    return schema.did_you_mean(suggestion) if suggestion else Text("load.valid-keys", keys=Items(options))


def _year_of(path: Path, doc: Mapping[str, Any], ctx: schema.Context) -> int:
    stated = schema.year(doc["year"], ctx, ("year",)) if "year" in doc else None
    named = int(path.stem) if schema.YEAR_TEXT.fullmatch(path.stem) else None
    if stated is None and named is None:
        raise ctx.error((), Text("load.year-unknown"), Text("load.name-after-year"))
    if stated is not None and named is not None and stated != named:
        raise ctx.error(("year",), Text("load.year-mismatch", stated=stated, name=path.name))
    return stated if stated is not None else named  # type: ignore[return-value]


def _table(value: Any, ctx: schema.Context, path: schema.Path) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ctx.error(path, Text("load.expected-plain-table"))
    return value


class _Marks:
    """Which figures of a file are provisional (sementara): the file's own mark, or a figure's."""

    def __init__(self, default: str) -> None:
        self.default = default
        self.provisional: set[CellPath] = set()

    def mark(self, cells: list[CellPath], status: str | None) -> None:
        if (status or self.default) == "sementara":
            self.provisional.update(cells)


def _input(value: Any, ctx: schema.Context, where: schema.Path, marks: _Marks) -> InputValue:
    """A yearly figure (``982`` or ``{ value = 982, status = "sementara" }``), or its quarters
    (``{ q1 = 10, q2 = 12, status = "sementara" }``)."""
    if not isinstance(value, dict):
        marks.mark([where], None)
        return schema.number(value, ctx, where)
    status = schema.status(value["status"], ctx, (*where, "status")) if "status" in value else None
    if "value" in value:
        extra = sorted(set(value) - {"value", "status"})
        if extra:
            raise ctx.error(
                (*where, extra[0]), Text("load.next-to-value", key=extra[0]), Text("load.yearly-or-quarters")
            )
        marks.mark([where], status)
        return schema.number(value["value"], ctx, (*where, "value"))
    quarters: dict[int, Decimal] = {}
    for q, item in value.items():
        if q == "status":
            continue
        if q not in QUARTERS:
            raise ctx.error((*where, q), Text("load.unknown-quarter", key=q), Text("load.quarter-keys"))
        quarters[QUARTERS[q]] = schema.number(item, ctx, (*where, q))
    marks.mark([(*where, f"q{q}") for q in quarters], status)
    return quarters


def _realisation(value: Any, ctx: schema.Context, where: schema.Path, marks: _Marks) -> Decimal:
    if isinstance(value, dict):
        fields = schema.check_table(value, {"value": schema.number, "status": schema.status}, {"value"}, ctx, where)
        marks.mark([where], fields.get("status"))
        return fields["value"]  # type: ignore[no-any-return]
    marks.mark([where], None)
    return schema.number(value, ctx, where)


def _budget(value: Any, ctx: schema.Context, where: schema.Path, marks: _Marks) -> BudgetFigures:
    fields = schema.check_table(value, schema.BUDGET_DATA_FIELDS, set(), ctx, where)
    status = fields.pop("status", None)
    marks.mark([(*where, field) for field in fields], status)
    return BudgetFigures(**fields)


def _reported(value: Any, year: int, ctx: schema.Context, where: schema.Path) -> tuple[Reported, ...]:
    entries = value if isinstance(value, list) else [value]
    records = []
    for i, entry in enumerate(entries):
        path = (*where, str(i)) if isinstance(value, list) else where
        fields = schema.check_table(entry, schema.REPORTED_FIELDS, set(), ctx, path)
        records.append(Reported(**{"year": year, **fields}))
    return tuple(records)
