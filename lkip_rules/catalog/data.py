"""Reading data files: one TOML file per year (``data/2025.toml``), or a folder of them."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from lkip_rules.catalog import schema, toml
from lkip_rules.catalog.model import Benchmark, BudgetFigures, Data, InputValue, Reported, YearData
from lkip_rules.errors import CatalogError

DATA_FIELDS = ("year", "source", "inputs", "realisations", "benchmarks", "budget", "reported")
QUARTERS = {"q1": 1, "q2": 2, "q3": 3, "q4": 4}


def load_data(path: str | Path) -> Data:
    """Figures from one data file, or from every ``<year>.toml`` in a folder."""
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.glob("*.toml"))
        return Data({d.year: d for d in (read_year(p) for p in files)})
    if not path.exists():
        raise CatalogError("no such data file or folder", file=str(path))
    one = read_year(path)
    return Data({one.year: one})


def read_year(path: Path) -> YearData:
    shown = str(path)
    doc, text = toml.read(path, shown)
    ctx = schema.Context(shown, text)
    for key in doc:
        if key not in DATA_FIELDS:
            raise ctx.error((key,), f"unknown key '{key}'", _did_you_mean(key, DATA_FIELDS))
    year = _year_of(path, doc, ctx)
    return YearData(
        year=year,
        file=shown,
        text=text,
        source=schema.text(doc["source"], ctx, ("source",)) if "source" in doc else "",
        inputs=_inputs(doc.get("inputs", {}), ctx),
        realisations={
            key: schema.number(value, ctx, ("realisations", key))
            for key, value in _table(doc.get("realisations", {}), ctx, ("realisations",)).items()
        },
        benchmarks={
            key: Benchmark(**schema.check_table(value, schema.BENCHMARK_FIELDS, set(), ctx, ("benchmarks", key)))
            for key, value in _table(doc.get("benchmarks", {}), ctx, ("benchmarks",)).items()
        },
        budget={
            key: BudgetFigures(**schema.check_table(value, schema.BUDGET_DATA_FIELDS, set(), ctx, ("budget", key)))
            for key, value in _table(doc.get("budget", {}), ctx, ("budget",)).items()
        },
        reported=_reported(doc.get("reported", {}), year, ctx),
    )


def _did_you_mean(key: str, options: Any) -> str:
    from lkip_rules._suggest import closest

    suggestion = closest(key, options)
    return f"did you mean '{suggestion}'?" if suggestion else "valid keys: " + ", ".join(options)


def _year_of(path: Path, doc: Mapping[str, Any], ctx: schema.Context) -> int:
    stated = schema.year(doc["year"], ctx, ("year",)) if "year" in doc else None
    named = int(path.stem) if path.stem.isdigit() else None
    if stated is None and named is None:
        raise ctx.error((), "the year is unknown", "name the file after its year (2025.toml) or add year = 2025")
    if stated is not None and named is not None and stated != named:
        raise ctx.error(("year",), f"year = {stated}, but the file is named {path.name}")
    return stated if stated is not None else named  # type: ignore[return-value]


def _table(value: Any, ctx: schema.Context, path: schema.Path) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ctx.error(path, "expected a table")
    return value


def _inputs(raw: Any, ctx: schema.Context) -> dict[str, InputValue]:
    found: dict[str, InputValue] = {}
    for key, value in _table(raw, ctx, ("inputs",)).items():
        where = ("inputs", key)
        if isinstance(value, dict):
            quarters: dict[int, Decimal] = {}
            for q, item in value.items():
                if q not in QUARTERS:
                    raise ctx.error((*where, q), f"unknown quarter '{q}'", "quarters are q1, q2, q3, q4")
                quarters[QUARTERS[q]] = schema.number(item, ctx, (*where, q))
            found[key] = quarters
        else:
            found[key] = schema.number(value, ctx, where)
    return found


def _reported(raw: Any, year: int, ctx: schema.Context) -> dict[str, tuple[Reported, ...]]:
    found = {}
    for key, value in _table(raw, ctx, ("reported",)).items():
        entries = value if isinstance(value, list) else [value]
        records = []
        for i, entry in enumerate(entries):
            where = ("reported", key, str(i)) if isinstance(value, list) else ("reported", key)
            fields = schema.check_table(entry, schema.REPORTED_FIELDS, set(), ctx, where)
            records.append(Reported(**{"year": year, **fields}))
        found[key] = tuple(records)
    return found
