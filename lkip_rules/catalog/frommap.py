"""``Data.from_values``: figures from plain mappings, checked as strictly as a data file.

A tool that keeps its figures in a database (or receives them as JSON) can give everything a
data file can — inputs with quarters, realisations, budget lines, benchmarks, printed figures —
and gets the same errors, each naming the mapping key that has the problem.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from lkip_rules import numbers
from lkip_rules.catalog import schema
from lkip_rules.catalog.figures import Benchmark, BudgetFigures, CellPath, InputValue, Reported, YearData
from lkip_rules.errors import ArgumentError
from lkip_rules.formula.values import figure as to_decimal

_PLAIN = frozenset({Decimal, int, str})  # a figure's own types: no mapping to look into (a fast test)
QUARTER_KEYS = {"q1": 1, "q2": 2, "q3": 3, "q4": 4, 1: 1, 2: 2, 3: 3, 4: 4}


def year_parts(
    values: Mapping[str, Mapping[Any, Any]],
    *,
    realisations: Mapping[str, Mapping[Any, Any]],
    budget: Mapping[str, Mapping[Any, Any]],
    benchmarks: Mapping[str, Mapping[Any, Any]],
    reported: Mapping[str, Mapping[Any, Any]],
    source: str,
) -> list[YearData]:
    """One YearData per year of the mappings, every value read as a data file's would be."""
    years: dict[int, dict[str, dict[str, Any]]] = {}
    provisional: dict[int, set[CellPath]] = {}
    for section, mapping, read in (
        ("inputs", values, _input),
        ("realisations", realisations, _realisation),
        ("budget", budget, _record(schema.BUDGET_DATA_FIELDS, BudgetFigures)),
        ("benchmarks", benchmarks, _record(schema.BENCHMARK_FIELDS, Benchmark)),
    ):
        for name, year, raw in _cells(section, mapping):
            if section == "inputs" and type(raw) is Decimal and numbers.problem(raw) is None:
                years.setdefault(year, {}).setdefault(section, {})[name] = raw  # the usual figure, taken as it is
            elif raw is not None:
                where = f"{name}[{year}]" if section == "inputs" else f"{section}.{name}[{year}]"
                years.setdefault(year, {}).setdefault(section, {})[name] = read(raw, where)
                if _status(raw, where) == "sementara":
                    provisional.setdefault(year, set()).add((section, name))
    for name, year, raw in _cells("reported", reported):
        entries = raw if isinstance(raw, list) else [raw]
        found = tuple(_reported(entry, year, f"reported.{name}[{year}]") for entry in entries)
        years.setdefault(year, {}).setdefault("reported", {})[name] = found
    return [
        attrs.evolve(_year_data(year, source, sections), provisional=frozenset(provisional.get(year, ())))
        for year, sections in sorted(years.items())
    ]


def _year_data(year: int, source: str, sections: Mapping[str, dict[str, Any]]) -> YearData:
    return YearData(
        year,
        source,
        "",
        inputs=sections.get("inputs", {}),
        realisations=sections.get("realisations", {}),
        budget=sections.get("budget", {}),
        benchmarks=sections.get("benchmarks", {}),
        reported=sections.get("reported", {}),
    )


def _cells(section: str, mapping: Any) -> list[tuple[str, int, Any]]:
    if not isinstance(mapping, Mapping):
        raise ArgumentError(f"{section} must be a mapping of names to {{year: value}}, not {type(mapping).__name__}")
    found: list[tuple[str, int, Any]] = []
    seen: dict[tuple[type, object], int] = {}
    for name, by_year in mapping.items():
        if not isinstance(name, str):
            raise ArgumentError(f"{section}: the name {name!r} is not text")
        if not isinstance(by_year, Mapping):
            raise ArgumentError(
                f"{section}.{name} must be a mapping {{year: value}}, not {type(by_year).__name__}",
            )
        for year, raw in by_year.items():
            key = (year.__class__, year)  # 2025.0 equals 2025 but is no year: the type is part of the key
            if key not in seen:  # each year is read once; a wrong one raises before it is kept
                seen[key] = _year(year, f"{section}.{name}")
            found.append((name, seen[key], raw))
    return found


def _year(raw: object, where: str) -> int:
    """A year given as 2025 or "2025" (JSON keys are text)."""
    if isinstance(raw, bool) or not isinstance(raw, (int, str)):
        raise ArgumentError(f"{where}: the year {raw!r} is neither a whole number nor text such as '2025'")
    text = str(raw).strip()
    if not schema.YEAR_TEXT.fullmatch(text) or int(text) not in schema.YEARS:
        raise ArgumentError(f"{where}: {raw!r} is not a year from 1900 to 2200")
    return int(text)


def _realisation(raw: object, where: str) -> Decimal:
    return to_decimal(raw["value"] if isinstance(raw, Mapping) and "value" in raw else raw, where)


def _status(raw: object, where: str) -> str:
    """A figure's mark, given as ``{"value": ..., "status": "sementara"}``; final (tetap) when not given."""
    if type(raw) in _PLAIN:  # the usual figure: no mark
        return "tetap"
    status = raw.get("status", "tetap") if isinstance(raw, Mapping) else "tetap"
    if status not in ("sementara", "tetap"):
        raise ArgumentError(f"{where}: status is 'sementara' (provisional) or 'tetap' (final), not {status!r}")
    return str(status)


def _input(raw: object, where: str) -> InputValue:
    if type(raw) in _PLAIN or not isinstance(raw, Mapping):
        return to_decimal(raw, where)
    if "value" in raw:
        return to_decimal(raw["value"], where)
    quarters: dict[int, Decimal] = {}
    for key, value in raw.items():
        if key == "status":
            continue
        quarter = QUARTER_KEYS.get(key) if not isinstance(key, bool) else None
        if quarter is None:
            raise ArgumentError(f"{where}: {key!r} is not a quarter; write 'q1'..'q4' (or 1..4)")
        if value is not None:
            quarters[quarter] = to_decimal(value, f"{where} q{quarter}")
    return quarters


def _record(fields: Mapping[str, schema.Checker], kind: Any) -> Any:
    numeric = frozenset(name for name, checker in fields.items() if checker is schema.number)

    def read(raw: object, where: str) -> Any:
        if raw.__class__ is dict and raw.keys() <= numeric and all(_plain_number(v) for v in raw.values()):
            return kind(**raw)  # the usual record (a budget line's pagu and realisasi): what the checks would give
        if not isinstance(raw, Mapping):
            raise ArgumentError(f"{where} must be a mapping of {', '.join(fields)}")
        checked = schema.check_table(_exact(raw, where), fields, set(), _context(), tuple(where.split(".")))
        checked.pop("status", None)  # a mark, recorded apart
        return kind(**checked)

    return read


def _plain_number(value: object) -> bool:
    """A Decimal within the bounds: schema.number would give it back as it is."""
    return type(value) is Decimal and numbers.problem(value) is None


def _reported(raw: object, year: int, where: str) -> Reported:
    if not isinstance(raw, Mapping):
        raise ArgumentError(f"{where} must be a mapping of printed figures (target, realisation, ...)")
    exact = _exact(raw, where, numeric=False)
    fields = schema.check_table(exact, schema.REPORTED_FIELDS, set(), _context(), tuple(where.split(".")))
    return Reported(**{"year": year, **fields})


NUMERIC = {"pagu", "realisasi", "pagu_murni", "realisation", "achievement", "target"}


def _exact(raw: Mapping[Any, Any], where: str, numeric: bool = True) -> dict[str, Any]:
    """Numbers as the TOML reader gives them (int or Decimal); a float is refused. Text in a number
    field is read as a number, except in printed figures, which are kept as printed."""
    found = {}
    for key, value in raw.items():
        field = str(key)
        if isinstance(value, float) or (numeric and field in NUMERIC and isinstance(value, str)):
            value = to_decimal(value, f"{where}.{field}")  # a float raises, saying why it is refused
        elif numeric and field == "target" and isinstance(value, (list, tuple)):
            value = [to_decimal(item, f"{where}.target") for item in value]
        found[field] = value
    return found


def _context() -> schema.Context:
    return schema.Context("values", "")
