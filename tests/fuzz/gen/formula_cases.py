"""Formula cases: formula text with the values ``Formula.evaluate`` is called with, and exact
arithmetic for the Fraction oracle."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from tests.fuzz.gen.base import Chooser, digits
from tests.fuzz.gen.cases import ArithCase, FormulaCase
from tests.fuzz.gen.formulas import NAMES, FormulaGen, deep_formula, mutate_text

# -- values with evaluable reprs (for reproducers) ----------------------------------------------


class FrozenMapping(Mapping[Any, Any]):
    """A read-only mapping that is not a dict: the compiled path treats it differently."""

    def __init__(self, items: Mapping[Any, Any]) -> None:
        self._items = dict(items)

    def __getitem__(self, key: Any) -> Any:
        return self._items[key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"FrozenMapping({self._items!r})"


class SubDecimal(Decimal):
    """A Decimal subclass, as some database drivers return."""

    def __repr__(self) -> str:
        return f"SubDecimal({str(self)!r})"


# -- values for Formula.evaluate ----------------------------------------------------------------


def nice_decimal(c: Chooser, max_digits: int = 40, max_exponent: int = 30) -> Decimal:
    """An exact Decimal with up to 40 digits and exponents far from 1: past the 28-digit context."""
    sign = "-" if c.chance(25) else ""
    exponent = c.integer(-max_exponent, max_exponent) if c.chance(40) else -c.integer(0, 4)
    return Decimal(f"{sign}{digits(c, c.integer(1, max_digits))}E{exponent}")


def odd_scalar(c: Chooser) -> object:
    """A value no caller should pass (huge, non-finite, float, bool, text, containers): evaluate
    must refuse it with an LkipError or read it exactly."""
    form = c.integer(0, 10)
    pools: list[list[Any]] = [
        [0, -1, 10**30, 10**400, -(2**63), 10**5000, True, False],
        [Decimal("1E+999999"), Decimal("9.99E+999999"), Decimal("1E-999999"), Decimal("1E+1000000"),
         Decimal("-1E+999999"), Decimal("1E-1000030"), Decimal("1E+26"), Decimal("-0")],
        [Decimal("Infinity"), Decimal("-Infinity"), Decimal("NaN"), Decimal("sNaN"), Decimal("-NaN")],
        [0.1, 1.0, float("nan"), float("inf"), 1e308, -0.0, 5e-324],
        ["1e999999999", "1e-999999999", " 7 ", "1,5", "1.234,56", "abc", "", "Infinity", "nan", "1_000",
         "٣", "+.5", "5.", "-0", "1e5", "9" * 5000, "0x10", "1e+1000000", "\u00a0 5"],
        [SubDecimal("1.5"), SubDecimal("NaN"), Fraction(1, 3), complex(1, 0), b"1", [1], (1,), {1}],
    ]  # fmt: skip
    if form < len(pools):
        return c.pick(pools[form])
    return None if form == len(pools) else nice_decimal(c)


YEAR_KEYS: list[object] = [2025, 2024, 2026, 2023, "2025", 2025.0, True, None, Decimal(2025), -1, 10**20]


def series(c: Chooser, junk: int) -> Mapping[Any, Any]:
    """Values by year, usually a dict of Decimals; sometimes odd keys, odd values, other mappings."""
    items: dict[Any, Any] = {}
    for year in (2023, 2024, 2025, 2026):
        if c.chance(85):
            items[year] = odd_scalar(c) if c.chance(junk) else nice_decimal(c)
    if c.chance(junk):
        items[c.pick(YEAR_KEYS)] = odd_scalar(c) if c.chance(50) else {2025: nice_decimal(c)}
    kind = c.integer(0, 9)
    if kind == 8:
        return FrozenMapping(items)
    return OrderedDict(items) if kind == 9 else items


def value_map(c: Chooser, names: Sequence[str], junk: int) -> object:
    """What a caller hands to ``evaluate``: usually a dict of names, sometimes not even a mapping."""
    if c.chance(junk // 5):
        return c.pick([None, [], "abc", 5, {1: 2}, FrozenMapping({"a": 1})])
    found: dict[str, object] = {}
    for name in names:
        form = c.integer(0, 9)
        if form <= 4:
            found[name] = series(c, junk)
        elif form <= 7:
            found[name] = odd_scalar(c) if c.chance(junk) else nice_decimal(c)
        elif form == 8:
            found[name] = str(nice_decimal(c)) if c.chance(50) else c.integer(-1000, 10**6)
    return found


EVAL_YEARS: list[object] = [2025, 2024, None, 2026, 1900, 0, -5, 10**6, "2025", 2025.0, True, Decimal(2025)]


# -- formula cases ------------------------------------------------------------------------------


def known_names(c: Chooser, used: set[str]) -> object:
    """``known_names`` for parse_formula: usually None, sometimes a near-miss set, sometimes junk."""
    form = c.integer(0, 9)
    if form <= 5:
        return None
    if form == 6:
        return set(used) | set(NAMES)
    if form == 7:
        return sorted(used)[1:]
    if form == 8:
        return frozenset(NAMES)
    return c.pick([5, "abc", [1, None], b"ab", {"a": 1}, 2.5, ["a", ["b"]]])


def formula_case(c: Chooser, mode: str = "any") -> FormulaCase:
    """Formula text (grammar, mutated or deep) with a schedule of at least nine evaluations."""
    gen = FormulaGen(c)
    if mode == "any":
        mode = c.pick(["grammar", "mutated", "deep"])
    text = deep_formula(c) if mode == "deep" else gen.text()
    if mode == "mutated":
        text = mutate_text(c, text)
    junk = c.pick([0, 5, 20, 50])
    maps = [value_map(c, NAMES, junk) for _ in range(c.integer(1, 3))]
    calls = []
    for _ in range(c.integer(9, 12)):
        year = c.pick(EVAL_YEARS) if c.chance(junk // 2) else 2025
        calls.append((maps[c.integer(0, len(maps) - 1)], year))
    return FormulaCase(text, known_names(c, gen.used), calls)


# -- arithmetic for the Fraction oracle ---------------------------------------------------------

ARITH_NAMES = ["a", "b", "c", "zz", "p"]
"""a, b, c have values for 2022..2027; zz never; p only for 2025 (so some references are missing)."""


def exact_value(c: Chooser) -> object:
    """A number as callers pass it: Decimal, int or text, exact in every form."""
    number = nice_decimal(c)
    form = c.integer(0, 3)
    if form == 1 and number == number.to_integral_value() and abs(number) < 10**40:
        return int(number)
    return str(number) if form == 2 else number


def arith_case(c: Chooser) -> ArithCase:
    """Strict arithmetic over a, b, c (complete), p (2025 only) and zz (never), for the oracle."""
    gen = FormulaGen(c, ARITH_NAMES if c.chance(20) else ARITH_NAMES[:3], strict=True)
    text = gen.text()
    values: dict[str, dict[int, object]] = {name: {y: exact_value(c) for y in range(2022, 2028)} for name in "abc"}
    values["p"] = {2025: exact_value(c)}
    if c.chance(20):
        values[c.pick(["a", "b", "c"])][c.pick([2024, 2025])] = c.pick([0, "0", Decimal("-0"), Decimal("0E-30")])
    return ArithCase(text, values, c.pick([2025, 2025, 2024, 2026]))
