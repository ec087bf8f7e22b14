"""Catalogs made from scratch: small ones, valid unless the case's junk rate says otherwise."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from tests.fuzz.gen.base import Chooser
from tests.fuzz.gen.formulas import FormulaGen
from tests.fuzz.gen.toml import Docs, Raw

POLICY_VALUES: dict[str, list[Any]] = {
    "polarity": ["positive", "negative", "stable"],
    "negative_method": ["mirror", "inverse"],
    "zero_target": ["undefined", "met"],
    "basis": ["rounded", "exact"],
    "decimals": [2, 0, 10, 5],
    "rounding": ["half-up", "down", "half-even"],
    "aggregate": ["mean", "weighted", "min"],
    "cap": [120, 100, 0, 10**15],
    "floor": [0, -100, 50, -(10**15)],
    "scale": ["lkip-4", "permendagri-86", "akip"],
}
ODD_POLICY: dict[str, list[Any]] = {"cap": [Decimal("1E+30")], "floor": [Raw("-1e400")], "scale": ["nope"],
                                    "decimals": [11, -1], "polarity": ["Positive"]}  # fmt: skip
LEVELS = ["iku", "sasaran", "tujuan", "program", "kegiatan", "subkegiatan"]
SCRATCH_PERIODS = ["", "", "", "", "", "[N-1]", "[N]"]
"""Mostly the current year, so that generated catalogs reach scoring instead of missing data."""


def scratch_number(c: Chooser, junk: int = 8) -> Any:
    """A figure within the library's bounds (16 integer and 12 fraction digits); ``junk`` % not."""
    if not c.chance(junk):
        return c.pick([c.integer(0, 1000), Decimal(c.integer(0, 100_000)) / 100, 0, 100, c.integer(0, 10**15)])
    return c.pick([-5, 10**30, Raw("9" * 60), Decimal("1E-30"), Decimal("123456789012345678901234567890.5"),
                   Raw("1e400"), Decimal("0.1234567890123")])  # fmt: skip


def _policies(c: Chooser, table: dict[str, Any], percent: int, junk: int) -> None:
    for key, options in POLICY_VALUES.items():
        if c.chance(percent):
            table[key] = c.pick(ODD_POLICY.get(key, options)) if c.chance(junk) else c.pick(options)


def _target(c: Chooser, junk: int) -> Any:
    """A target: a number or a [low, high] range (upside down only as junk)."""
    if c.chance(25):
        pair = [scratch_number(c, junk), scratch_number(c, junk)]
        return pair if c.chance(junk) else sorted(pair, key=lambda v: Decimal(str(v)) if not isinstance(v, Raw) else 0)
    return scratch_number(c, junk)


def scratch_indicator(
    c: Chooser, index: int, ids: list[str], names: list[str], years: list[int], period: range, junk: int
) -> dict[str, Any]:
    table: dict[str, Any] = {"name": f"Indikator {index}", "level": c.pick(LEVELS), "unit": c.pick(["%", "", "unit"])}
    body = c.integer(0, 9)
    gen = FormulaGen(c, names, strict=not c.chance(junk), periods=SCRATCH_PERIODS)
    if body <= 6:
        table["formula"] = gen.text()
    elif body <= 8:
        table["numerator"], table["denominator"] = gen.expr(1), gen.expr(1)
        if c.chance(60):
            table["multiplier"] = c.pick([100, 1, 1000])
    if c.chance(40) and index:
        table["parent"] = c.pick(ids if c.chance(junk) else ids[:index])
    table["targets"] = {str(y): _target(c, junk) for y in years if c.chance(90) and (c.chance(junk) or y in period)}
    if c.chance(20):
        table["weight"] = c.pick([1, 2, Decimal("0.5"), 0, -1] if c.chance(junk) else [1, 2, Decimal("0.5")])
    _policies(c, table, 10, junk)
    return table


def scratch_docs(c: Chooser, notes: list[str]) -> Docs:
    """A small catalog — inputs, indicators over them, data for one to three years — valid unless
    the case's junk rate (0 to 30 %) says otherwise, so most reach scoring, explain and audit."""
    junk = c.pick([0, 0, 5, 30])
    first = c.pick([2025, 2024, 2020, 1900, 2196])
    period = [first, first + (c.pick([4, 0, 1]) if not c.chance(junk) else c.pick([10, -1]))]
    catalog: dict[str, Any] = {"id": "fuzz", "name": "Dinas Fuzz", "period": period}
    _policies(c, catalog, 20, junk)
    inputs = [f"in{i}" for i in range(c.integer(1, 5))]
    rollups = {name: c.pick(["sum", "last", "avg", "max", "min"]) for name in inputs if c.chance(40)}
    ids = [f"ind{i}" for i in range(c.integer(1, 6))]
    years = sorted({first, *(c.pick([first - 1, first + 1, first]) for _ in range(c.integer(0, 2)))})
    indicators = {}
    for i, ind in enumerate(ids):
        names = inputs + (ids if c.chance(junk) else ids[:i])  # earlier indicators only: no cycles
        indicators[ind] = scratch_indicator(c, i, ids, names, years, range(period[0], period[1] + 1), junk)
    _give_children(indicators, inputs[0], junk)
    declared = {
        "inputs": {name: {"name": f"Input {name}", **({"rollup": rollups[name]} if name in rollups else {})}
                   for name in inputs},
        "indicators": indicators,
    }  # fmt: skip
    docs: Docs = {"catalog.toml": {"catalog": catalog}, "indicators.toml": declared}
    if c.chance(20):
        docs["catalog.toml"]["scales"] = {"mine": {"name": "Mine", "bands": _bands(c, junk)}}
        catalog["scale"] = "mine"
    if c.chance(20):
        declared["budget"] = {"p0": {"name": "Program", "level": "program", "supports": [ids[0]]},
                              "k0": {"name": "Kegiatan", "level": "kegiatan", "parent": "p0"}}  # fmt: skip
    for year in years:
        quarterly = [name for name in inputs if name in rollups or c.chance(junk)]
        docs[f"data/{year}.toml"] = scratch_data(c, year, inputs, ids, "budget" in declared, quarterly, junk)
    notes.append(f"scratch catalog: {len(inputs)} inputs, {len(ids)} indicators, years {years}, {junk} % junk")
    return docs


def _give_children(indicators: dict[str, dict[str, Any]], fallback: str, junk: int) -> None:
    """An indicator without a formula aggregates its children; in a clean catalog it has some."""
    parents = {table.get("parent") for table in indicators.values()}
    for key, table in indicators.items():
        if not junk and key not in parents and not {"formula", "numerator"} & table.keys():
            table["formula"] = fallback


def _bands(c: Chooser, junk: int) -> list[dict[str, Any]]:
    """A custom scale's bands, top first; junk gives duplicate codes, a bounded last band, 1e400."""
    count = c.integer(1, 4)
    bands = []
    for i in range(count):
        band: dict[str, Any] = {"code": c.pick(["A", "B", "A", ""]) + str(i) if c.chance(junk) else f"B{i}",
                                "label": f"band {i}"}  # fmt: skip
        if i < count - 1 or c.chance(junk):
            band[c.pick(["above", "min"])] = c.pick([50, Raw("1e400"), -1]) if c.chance(junk) else 100 - 20 * i
        bands.append(band)
    return bands


def scratch_data(
    c: Chooser,
    year: int,
    inputs: list[str],
    ids: list[str],
    budget: bool,
    quarterly: Sequence[str] = (),
    junk: int = 8,
) -> dict[str, Any]:
    """One year's figures: inputs (by quarter where ``quarterly``), sometimes realisations,
    reported figures as a report prints them ("1.234,56", "63.129.00") and budget money."""
    values: dict[str, Any] = {}
    for name in inputs:
        if c.chance(90):
            values[name] = ({f"q{q}": scratch_number(c, junk) for q in range(1, 5) if c.chance(70)}
                            if name in quarterly and c.chance(70) else scratch_number(c, junk))  # fmt: skip
    doc: dict[str, Any] = {"year": year, "inputs": values}
    if c.chance(20):
        doc["realisations"] = {c.pick(ids): scratch_number(c, junk)}
    if c.chance(25):
        doc["reported"] = {
            c.pick(ids): {
                "target": _target(c, junk),
                "realisation": c.pick(["1.234,56", "75,80", "63.129.00", scratch_number(c, junk)]),
                "achievement": scratch_number(c, junk),
                "category": c.pick(["SB", "K", "?"]),
            }
        }
    if budget and c.chance(60):
        doc["budget"] = {"p0": {"pagu": scratch_number(c, junk), "realisasi": scratch_number(c, junk)},
                         "k0": {"pagu": scratch_number(c, junk), "realisasi": scratch_number(c, junk)}}  # fmt: skip
    return doc
