# ruff: noqa: RUF001 - look-alike characters (multiplication sign, minus sign, full-width and Arabic digits) are fuzz input
"""Input generators for the fuzzers, written once for two drivers.

Every generator takes a :class:`Chooser` and makes all its random choices through it. The
pytest tests drive them with Hypothesis (``DrawChooser``: choices are draws, so failures
shrink); ``run_long.py`` drives them with ``random.Random`` (``RandomChooser``: no engine
overhead, millions of examples). Choices are ordered so that the first option, and a
``chance`` that comes out False, are the plainest: that is where Hypothesis shrinks to.

Generators build *cases* (plain, picklable data: text, values, file bytes) so that a failing
case can be saved and replayed. File cases carry ``notes`` saying what was mutated, which is
what a person needs to read first when a case fails.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import functools
import io
import json
import os
import re
import tomllib
import zipfile
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from random import Random
from typing import Any, TypeVar

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

import lkip_rules

T = TypeVar("T")

# -- drivers ------------------------------------------------------------------------------------


class Chooser:
    """The one source of randomness of every generator; subclasses supply ``integer``."""

    def integer(self, low: int, high: int) -> int:
        raise NotImplementedError

    def chance(self, percent: int) -> bool:
        """True about ``percent`` times in a hundred; shrinks to False."""
        return self.integer(0, 99) >= 100 - percent

    def pick(self, options: Sequence[T]) -> T:
        """One of ``options``; shrinks to the first."""
        return options[self.integer(0, len(options) - 1)]


class DrawChooser(Chooser):
    """Choices as Hypothesis draws, so failing inputs shrink."""

    def __init__(self, draw: Callable[[st.SearchStrategy[Any]], Any]) -> None:
        self.draw = draw

    def integer(self, low: int, high: int) -> int:
        return int(self.draw(st.integers(low, high)))


class RandomChooser(Chooser):
    """Choices from ``random.Random``: cheap, for the long runs."""

    def __init__(self, seed: object) -> None:
        self.random = Random(str(seed))

    def integer(self, low: int, high: int) -> int:
        return self.random.randint(low, high)

    def chance(self, percent: int) -> bool:
        return self.random.random() * 100 < percent


def strategy(generate: Callable[[Chooser], T]) -> st.SearchStrategy[T]:
    """A Hypothesis strategy from a generator."""

    @st.composite
    def build(draw: Callable[[st.SearchStrategy[Any]], Any]) -> T:
        return generate(DrawChooser(draw))

    return build()


SCALE = float(os.environ.get("LKIP_FUZZ_EXAMPLES", "1"))
"""Multiplies every test's number of examples: ``LKIP_FUZZ_EXAMPLES=20`` for a longer run by hand."""


def fuzz_settings(examples: int) -> settings:
    """Deterministic, quick settings local to one fuzz test.

    Shrinking is off unless LKIP_FUZZ_SHRINK=1: a failure that takes seconds (a hang) would
    otherwise be replayed hundreds of times, and the CI run must stay under a minute.
    """
    phases = [Phase.explicit, Phase.generate]
    if os.environ.get("LKIP_FUZZ_SHRINK") == "1":
        phases.append(Phase.shrink)
    return settings(
        max_examples=max(1, round(examples * SCALE)),
        derandomize=True,
        database=None,
        deadline=None,
        phases=phases,
        suppress_health_check=list(HealthCheck),
    )


# -- values with evaluable reprs (for reproducers) ---------------------------------------------


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


class Raw(str):
    """Text written into TOML exactly as it is: 1e400, inf, a table nested 300 deep."""


# -- pools --------------------------------------------------------------------------------------

NAMES = ["a", "b", "c", "x.y", "volume_usaha", "koperasi_aktif", "_", "n1", "sum", "pct", "a.b.c"]
BAD_NAMES = ["and", "or", "not", "N", "Abc", "1a", "a-b", "é", "ａ", "a..b"]
FUNCS = ["sum", "avg", "min", "max", "abs", "round", "if", "pct", "growth", "coalesce"]
BAD_FUNCS = ["Sum", "SUM", "foo", "sqrt", "and", "x.y", "_", "if_", "N"]
VARIADIC = {"sum", "avg", "min", "max", "coalesce"}
GOOD_PERIODS = ["", "", "[N]", "[N-1]", "[N+1]", "[2024]", "[N-2]"]
ODD_PERIODS = [
    "[N-50]", "[N+50]", "[N-51]", "[N+999]", "[1900]", "[2200]", "[1899]", "[2201]", "[0000]", "[9999]",
    "[N - 1]", "[N-0]", "[N-99999999999999999999]", "[n-1]", "[N-1.5]", "[]", "[N-]", "[2024][N]",
    "[ 2024 ]", "[20240]", "[N+-1]",
]  # fmt: skip
COMPARE = ["<", "<=", ">", ">=", "==", "!="]
CHAR_POOL = [
    "(", ")", "[", "]", ",", "+", "-", "*", "/", ".", "_", " ", "0", "9", "a", "N", "%", "^", "=", ";", ":",
    "×", "−", "١", "１", "\u00a0", "\u200b", "\x00", "\ud800", "😀", "\u202e", "é", "İ", "ß", "\r\n", "\\",
    "'", '"', "#", "$", "{", "}", "@", "!", "~", "|", "&", "\t", "\x0b", "e",
]  # fmt: skip
TOKEN_POOL = [
    " and ", " or ", " not ", "not ", "sum(", "if(", "growth(", "[N-1]", ", ", "1e26", "**", "//", "0x1F",
    "E5", "..", "1" + "0" * 26, "9" * 400, "a[N-1]", " < ", "==", "round(", ",2)", "pct(", "coalesce(",
]  # fmt: skip
ODD_STRINGS = [
    "", " ", "or", "and", "not", "total", "2,5", "1.234,56", "63.129.00", "Rp 1.000,-", "١٢٣", "x" * 5000,
    "\u0000", "😀", "=HYPERLINK(\"http://x\",\"y\")", "\ud800", "a\nb", "[", "{", "\\",
]  # fmt: skip


def digits(c: Chooser, count: int) -> str:
    """``count`` digits, not starting with 0, from two choices (cheap for Hypothesis)."""
    block = str(c.integer(10**8, 10**9 - 1))
    return (str(c.integer(1, 9)) + block * (count // 9 + 1))[:count]


def deep_table(depth: int) -> Raw:
    """An inline table nested ``depth`` deep: TOML readers recurse, and Python's stack does not."""
    return Raw("{ a = " * depth + "1" + " }" * depth)


def deep_array(depth: int) -> Raw:
    """An array nested ``depth`` deep, for the same reason."""
    return Raw("[" * depth + "1" + "]" * depth)


DEPTHS = [10, 100, 300, 333, 500, 1000, 5000]


# -- formula text -------------------------------------------------------------------------------


BUDGET = 12_000
"""Characters a generated formula grows to before it stops nesting (the parser's limit is 10,000)."""


class FormulaGen:
    """Grammar-aware formula text. ``strict`` keeps to well-formed, well-typed arithmetic."""

    def __init__(
        self, c: Chooser, names: Sequence[str] = NAMES, *, strict: bool = False, periods: Sequence[str] = GOOD_PERIODS
    ) -> None:
        self.c = c
        self.names = list(names) or ["a"]
        self.strict = strict
        self.periods = periods
        self.space = " " if strict else c.pick([" ", "", "\n", "  ", "\t", " \r\n "])
        self.used: set[str] = set()
        self.spent = 0  # characters produced so far: past BUDGET, expressions stay atoms

    def odd(self, percent: int) -> bool:
        return not self.strict and self.c.chance(percent)

    def number(self) -> str:
        c = self.c
        form = c.integer(0, 9 if not self.strict else 8)
        if form == 0:
            return str(c.integer(0, 100))
        if form == 1:
            return f"{c.integer(0, 9999)}.{c.integer(0, 99):02d}"
        if form == 2:
            return digits(c, c.pick([20, 28, 29, 30, 60]))
        if form == 3:
            return "1" + "0" * c.pick([25, 26, 27, 28, 40])
        if form == 4:
            return "0." + "0" * c.pick([20, 27, 28, 40]) + "1"
        if form == 5:
            return "_".join(str(c.integer(100, 999)) for _ in range(c.integer(2, 4)))
        if form == 6:
            return digits(c, c.pick([100, 400] if self.strict else [400, 1000, 5000, 9990]))
        if form == 7:
            return c.pick(["007", "0000.5", "0.0", "00"])
        if form == 8:
            return "9" * 28 + "." + "9" * 28
        return c.pick(["1.", ".5", "1e5", "1_", "1__0", "1.2.3", "0x1F", "1,5", "2x", "1E+5"])

    def ref(self) -> str:
        name = self.c.pick(BAD_NAMES) if self.odd(4) else self.c.pick(self.names)
        self.used.add(name)
        period = self.c.pick(ODD_PERIODS) if self.odd(8) else self.c.pick(self.periods)
        return name + period

    def atom(self) -> str:
        text = self.number() if self.c.chance(45) else self.ref()
        self.spent += len(text)
        return text

    def small_atom(self) -> str:
        """A name or a short number: what a long list repeats (a 10,000-digit one, repeated, is waste)."""
        return str(self.c.integer(0, 10**6)) if self.c.chance(30) else self.ref()

    def expr(self, depth: int) -> str:
        if depth <= 0 or self.spent > BUDGET or not self.c.chance(60):
            return self.atom()
        form = self.c.integer(0, 5)
        s = self.space
        if form == 0:
            return f"{self.expr(depth - 1)}{s}{self.c.pick('+-*/')}{s}{self.expr(depth - 1)}"
        if form == 1:
            return f"({s}{self.expr(depth - 1)}{s})"
        if form == 2:
            return self.c.pick(["-", "+", "- ", "--", "-+"]) + self.expr(depth - 1)
        if form == 3:
            return self.call(depth - 1)
        if form == 4:
            return f"if({self.condition(depth - 1)}, {self.expr(depth - 1)}, {self.expr(depth - 1)})"
        return self.call(depth - 1, many=True)

    def condition(self, depth: int) -> str:
        if self.odd(5):
            return self.expr(depth)  # a number where a condition is needed
        form = 0 if depth <= 0 else self.c.integer(0, 4)
        s = self.space
        if form == 0:
            return f"{self.expr(depth - 1)}{s}{self.c.pick(COMPARE)}{s}{self.expr(depth - 1)}"
        if form == 1:
            return f"not {self.condition(depth - 1)}"
        if form == 2:
            return f"({self.condition(depth - 1)}){s}{self.c.pick(['and', 'or'])}{s}({self.condition(depth - 1)})"
        if form == 3:
            return f"{self.condition(depth - 1)}{s}{self.c.pick(['and', 'or'])}{s}{self.condition(depth - 1)}"
        return f"({self.condition(depth - 1)})"

    def call(self, depth: int, *, many: bool = False) -> str:
        func = self.c.pick(BAD_FUNCS) if self.odd(4) else self.c.pick(FUNCS)
        if many and func not in VARIADIC:
            func = self.c.pick(sorted(VARIADIC))
        args = self.many_args(depth) if many else self.args(func, depth)
        if self.odd(5):
            args = args[:-1] if args and self.c.chance(50) else [*args, self.atom()]
        return f"{func}({', '.join(args)})"

    def args(self, func: str, depth: int) -> list[str]:
        if func == "round":
            odd = ["0", "2", "20", "21", "2.5", "-1", "a"]
            places = self.c.pick(odd) if self.odd(10) else str(self.c.integer(0, 20))
            return [self.expr(depth), places]
        if func == "if":
            return [self.condition(depth), self.expr(depth), self.expr(depth)]
        if func == "growth":
            return [self.expr(depth) if self.odd(10) else self.ref()]
        if func == "pct":
            return [self.expr(depth), self.expr(depth)]
        if func in VARIADIC:
            return [self.expr(depth) for _ in range(self.c.pick([1, 2, 3]))]
        return [self.expr(depth)]

    def many_args(self, depth: int) -> list[str]:
        """Hundreds of arguments from a few templates, so Hypothesis needs few choices."""
        count = self.c.pick([50, 100, 150, 199, 200, 201, 250, 300, 500, 1000])
        templates = [
            self.small_atom() if self.c.chance(70) else f"-{self.small_atom()} * {self.small_atom()}" for _ in range(3)
        ]
        self.spent += count * len(templates[0])
        return [templates[i % len(templates)] for i in range(count)]

    def text(self) -> str:
        shape = self.c.integer(0, 9)
        if shape <= 5:
            return self.expr(self.c.integer(1, 6))
        if shape == 6:
            return self.call(1, many=True)
        if shape == 7:
            return self.chain()
        if shape == 8 and not self.strict:
            return deep_formula(self.c)
        return self.condition(2) if not self.strict else self.expr(2)

    def chain(self) -> str:
        count = self.c.pick([50, 99, 100, 101] if self.strict else [50, 99, 100, 101, 200, 1000])
        op = self.c.pick(["+", "*", "-", "/"])
        return f"{self.space}{op}{self.space}".join([self.atom(), *([self.small_atom()] * (count - 1))])


def deep_formula(c: Chooser) -> str:
    """Nesting around the limits (32 brackets or signs, 100 operations deep) and far past them."""
    k = c.pick([8, 16, 31, 32, 33, 34, 40, 100, 500, 5000])
    shapes = [
        ("(" * k, "a", ")" * k),
        ("-" * k, "a", ""),
        ("- " * k, "a", ""),
        ("-(" * k, "a", ")" * k),
        ("abs(" * k, "a", ")" * k),
        ("sum(" * k, "a", ", 1)" * k),
        ("round(" * k, "a", ", 2)" * k),
        ("if(a > 1, " * k, "1", ", 2)" * k),
        ("if(" + "not " * k, "a > 1", ", 1, 2)"),
        ("(" * k, "a", ""),
        ("", "a", ")" * k),
        ("a[" * k, "N", "]" * k),
        ("-+" * k, "a", ""),
    ]
    head, middle, tail = c.pick(shapes)
    return head + middle + tail


def mutate_text(c: Chooser, text: str) -> str:
    """Character-level damage: insert, delete, swap, duplicate, huge numbers, odd unicode."""
    for _ in range(c.integer(1, 4)):
        at = c.integer(0, len(text))
        op = c.integer(0, 7)
        if op == 0:
            text = text[:at] + c.pick(CHAR_POOL) + text[at:]
        elif op == 1:
            text = text[:at] + text[at + c.integer(1, 5) :]
        elif op == 2 and at + 1 < len(text):
            text = text[:at] + text[at + 1] + text[at] + text[at + 2 :]
        elif op == 3:
            text = text[:at] + text[at : at + c.integer(1, 20)] * c.integer(2, 3) + text[at:]
        elif op == 4:
            text = re.sub(r"[0-9]+", c.pick(["1" + "0" * 26, "9" * 30, "9" * 4000, "0" * 50 + "1"]), text, count=1)
        elif op == 5:
            text = text[:at] + c.pick(TOKEN_POOL) + text[at:]
        elif op == 6:
            text = text[:at] + text[at:].upper()
        else:
            text = text[:at]
    return text


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


@dataclass
class FormulaCase:
    """A formula text, the names it may use, and nine or more ``evaluate`` calls."""

    text: str
    known_names: object
    calls: list[tuple[object, object]]
    kind: str = "formula"

    def size(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        years = [year for _, year in self.calls]
        return f"FormulaCase(text={self.text[:2000]!r}, known_names={self.known_names!r}, years={years!r})"


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


ARITH_NAMES = ["a", "b", "c", "zz", "p"]
"""a, b, c have values for 2022..2027; zz never; p only for 2025 (so some references are missing)."""


@dataclass
class ArithCase:
    """Well-typed arithmetic over exact values, for the Fraction oracle."""

    text: str
    values: dict[str, dict[int, object]]
    year: int = 2025
    kind: str = "arith"

    def size(self) -> int:
        return len(self.text)


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


# -- TOML: writing, and mutating documents and bytes --------------------------------------------

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def toml_key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else json.dumps(key, ensure_ascii=False)


def toml_value(item: Any) -> str:
    """``item`` as TOML text; a :class:`Raw` is written as it is, so odd literals get through."""
    if isinstance(item, Raw):
        return str(item)
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int):
        return str(item)
    if isinstance(item, Decimal):
        return format(item, "f") if item.is_finite() else ("nan" if item.is_nan() else f"{'-' if item < 0 else ''}inf")
    if isinstance(item, float):
        return repr(item)  # nan, inf and -inf are TOML too
    if isinstance(item, str):
        return json.dumps(item, ensure_ascii=False)
    if isinstance(item, (dt.date, dt.time)):
        return item.isoformat()
    if isinstance(item, list):
        return "[" + ", ".join(toml_value(v) for v in item) + "]"
    if isinstance(item, dict):
        return "{ " + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in item.items()) + " }"
    raise TypeError(f"cannot write {type(item).__name__} as TOML")


def toml_dumps(doc: Mapping[str, Any]) -> str:
    """Plain keys, then one ``[table]`` per nested table; lists of tables are written inline."""
    lines: list[str] = []
    _emit(lines, (), doc)
    return "\n".join(lines) + "\n"


def _emit(lines: list[str], path: tuple[str, ...], table: Mapping[str, Any]) -> None:
    plain = [(k, v) for k, v in table.items() if not isinstance(v, dict)]
    tables = [(k, v) for k, v in table.items() if isinstance(v, dict)]
    if path and (plain or not tables):
        lines.append(f"\n[{'.'.join(toml_key(part) for part in path)}]")
    lines += [f"{toml_key(k)} = {toml_value(v)}" for k, v in plain]
    for key, sub in tables:
        _emit(lines, (*path, key), sub)


def encode(text: str) -> bytes:
    """UTF-8, keeping lone surrogates as the invalid bytes a broken editor would write."""
    return text.encode("utf-8", "surrogatepass")


def odd_toml_value(c: Chooser) -> Any:
    """A value to put where the schema expects something else: huge, 1e400, dates, empty, deep."""
    pools: list[list[Any]] = [
        [0, -1, 1, 100, Decimal("0.0"), Decimal("2.5"), 10**30, -(10**18), 2**64, Decimal("1E+26")],
        [Raw("9" * 5000), Raw("1e400"), Raw("-1e400"), Raw("1e-400"), Raw("inf"), Raw("-inf"), Raw("nan"),
         Raw("1_000"), Raw("0x10"), Raw("+5"), Raw("-0.0"), Decimal("0." + "0" * 40 + "1"), Decimal("9" * 500)],
        [Raw("1979-05-27T07:32:00Z"), Raw("1979-05-27"), Raw("07:32:00"), True, False, [], [1, "a"], {},
         {"a": 1}, [[1, 2]], Raw('"""multi\nline"""')],
        ODD_STRINGS,
    ]  # fmt: skip
    form = c.integer(0, len(pools))
    if form == len(pools):
        return c.pick([deep_table, deep_array])(c.pick(DEPTHS))
    return c.pick(pools[form])


SCHEMA_KEYS = [
    "name", "level", "parent", "supports", "unit", "formula", "numerator", "denominator", "multiplier", "targets",
    "end_target", "period", "weight", "polarity", "negative_method", "zero_target", "basis", "decimals",
    "rounding", "cap", "floor", "scale", "aggregate", "rollup", "bands", "code", "label", "above", "min", "id",
    "year", "source", "inputs", "realisations", "benchmarks", "budget", "reported", "pagu", "realisasi",
    "pagu_murni", "target", "realisation", "achievement", "category", "where", "q1", "q4", "catalog",
    "indicators", "scales", "description",
]  # fmt: skip
WEIRD_KEYS = [
    "or", "and", "not", "total", "N", "", " ", "Polarity", "polarty", "a.b", "é", "x" * 300, "1", "2025",
    "q5", "Q1", "__proto__", "sum", "if",
]  # fmt: skip


def _slots(doc: Any) -> list[tuple[Any, Any, str]]:
    """Every (container, key, dotted path) of a parsed document, without recursion."""
    found: list[tuple[Any, Any, str]] = []
    stack: list[tuple[Any, str]] = [(doc, "")]
    while stack:
        node, where = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            path = f"{where}.{key}" if where else str(key)
            found.append((node, key, path))
            if isinstance(value, (dict, list)):
                stack.append((value, path))
    return found


def mutate_doc(c: Chooser, doc: dict[str, Any]) -> str:
    """One structural mutation somewhere in ``doc``; returns what it did."""
    slots = _slots(doc)
    if not slots:
        doc[c.pick(SCHEMA_KEYS)] = odd_toml_value(c)
        return "added a key to an empty document"
    container, key, path = c.pick(slots)
    op = c.integer(0, 5)
    if op == 0:
        del container[key]
        return f"deleted {path}"
    if op == 1 and isinstance(container, dict):
        new = c.pick(SCHEMA_KEYS + WEIRD_KEYS)
        container[new] = container.pop(key)
        return f"renamed {path} to {new!r}"
    if op == 3:
        container[key] = _retyped(c, container[key])
        return f"changed the type of {path} to {type(container[key]).__name__}"
    if op == 4 and isinstance(container, dict):
        new = c.pick(SCHEMA_KEYS + WEIRD_KEYS)
        container[new] = odd_toml_value(c)
        return f"inserted {new!r} = {short(container[new])} beside {path}"
    if op == 5 and isinstance(container, dict):
        new = c.pick(["copy", "or", "not", "total", "x"])
        container[new] = copy.deepcopy(container[key])
        return f"copied {path} to {new!r}"
    container[key] = odd_toml_value(c)
    return f"set {path} = {short(container[key])}"


def _retyped(c: Chooser, value: Any) -> Any:
    """The same value as another TOML type (text for a number, a list for text...)."""
    if isinstance(value, str):
        return c.pick([Decimal("2.5"), 0, [value], {"value": value}, True])
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return c.pick([str(value), [value], {"value": value}, Raw(f'"{value}"'.replace(".", ","))])
    if isinstance(value, list):
        return c.pick([{str(i): v for i, v in enumerate(value)}, "list", len(value)])
    return c.pick([[value], "table", 1])


def short(value: Any) -> str:
    """A value as TOML, cut short for notes."""
    text = toml_value(value) if not isinstance(value, (set, complex, bytes)) else repr(value)
    return text if len(text) <= 60 else f"{text[:40]}...({len(text)} chars)"


BYTE_POOL = [b"\x00", b"\xff", b"\xc3(", b"\r", b"\n", b'"', b"[", b"=", b"\\", b"\xef\xbb\xbf", b"#", b"'''", b"\t"]


def mutate_bytes(c: Chooser, data: bytes) -> tuple[bytes, str]:
    """Byte-level damage as editors and copy-paste cause it."""
    op = c.integer(0, 9)
    at = c.integer(0, len(data))
    if op == 0:
        return b"\xef\xbb\xbf" + data, "a BOM in front"
    if op == 1:
        junk = c.pick(BYTE_POOL)
        return data[:at] + junk + data[at:], f"inserted {junk!r} at byte {at}"
    if op == 2:
        span = c.integer(1, 40)
        return data[:at] + data[at + span :], f"deleted {span} bytes at {at}"
    if op == 3:
        return data[:at], f"truncated at byte {at}"
    if op == 4:
        return re.sub(rb"(\d)\.(\d)", rb"\1,\2", data), "decimal commas: 2,5"
    if op == 5:
        return data.replace(b"\n", b"\r\n"), "CRLF line ends"
    if op == 6:
        lines = data.split(b"\n")
        i, j = c.integer(0, len(lines) - 1), c.integer(0, len(lines) - 1)
        lines[i], lines[j] = lines[j], lines[i]
        return b"\n".join(lines), f"swapped lines {i + 1} and {j + 1}"
    if op == 7:
        return data.decode("utf-8", "replace").encode("utf-16"), "saved as UTF-16"
    if op == 8 and data:
        at = min(at, len(data) - 1)
        return data[:at] + bytes([c.integer(0, 255)]) + data[at + 1 :], f"changed byte {at}"
    lines = data.split(b"\n")
    i = c.integer(0, len(lines) - 1)
    return b"\n".join([*lines[: i + 1], lines[i], *lines[i + 1 :]]), f"duplicated line {i + 1}"


# -- the bundled catalog as seed -----------------------------------------------------------------


def bundled_dir() -> Path:
    """The repository's copy of the bundled catalog (read only: cases copy it to a tmp dir)."""
    here = Path(__file__).resolve().parents[2] / "indicators" / "bekasi-diskopukm"
    return here if here.is_dir() else lkip_rules.BUNDLED_CATALOG


@functools.cache
def seed_files() -> dict[str, bytes]:
    """The bundled catalog's TOML files by relative path (cached; cases copy, never write)."""
    root = bundled_dir()
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.toml"))}


@functools.cache
def _seed_docs() -> dict[str, dict[str, Any]]:
    """The seed files parsed once (numbers as Decimal, as the library reads them)."""
    return {rel: tomllib.loads(data.decode(), parse_float=Decimal) for rel, data in seed_files().items()}


def seed_docs() -> dict[str, dict[str, Any]]:
    """A private copy of the parsed seeds, for a case to mutate."""
    return copy.deepcopy(_seed_docs())


@functools.cache
def bundled_ids() -> tuple[list[str], list[str]]:
    """The bundled catalog's input ids and indicator ids."""
    inputs: list[str] = []
    indicators: list[str] = []
    for rel, doc in _seed_docs().items():
        if not rel.startswith("data/"):
            inputs += list(doc.get("inputs", {}))
            indicators += list(doc.get("indicators", {}))
    return inputs, indicators


Figure = tuple[str, int, int | None, str]  # input, year, quarter, value as written


@dataclass
class FilesCase:
    """Files for the library to read: a catalog folder, a data file, a CSV or a workbook."""

    kind: str
    files: dict[str, bytes]
    entry: str
    notes: list[str] = field(default_factory=list)
    expected: list[Figure] | None = None  # every figure a clean CSV or workbook holds, for the reader

    def size(self) -> int:
        return sum(len(data) for data in self.files.values())

    def __repr__(self) -> str:
        sizes = {name: len(data) for name, data in self.files.items()}
        return f"FilesCase(kind={self.kind!r}, entry={self.entry!r}, notes={self.notes!r}, sizes={sizes})"


# -- catalogs -----------------------------------------------------------------------------------

Docs = dict[str, dict[str, Any]]


def _indicators(docs: Docs) -> list[tuple[str, str, dict[str, Any]]]:
    found = []
    for rel, doc in docs.items():
        table = doc.get("indicators")
        if isinstance(table, dict):
            found += [(rel, key, value) for key, value in table.items() if isinstance(value, dict)]
    return found


def _catalog_table(docs: Docs) -> dict[str, Any]:
    table = docs.get("catalog.toml", {}).get("catalog")
    return table if isinstance(table, dict) else {}


def op_parent_cycle(c: Chooser, docs: Docs) -> str:
    """A ring of one to four indicators naming each other as parent (one: its own parent)."""
    found = _indicators(docs)
    ring = [c.pick(found) for _ in range(c.integer(1, 4))]
    for (_, _, table), (_, target, _) in zip(ring, ring[1:] + ring[:1], strict=True):
        table["parent"] = target
    return "parent cycle " + " -> ".join(key for _, key, _ in ring)


def op_formula_cycle(c: Chooser, docs: Docs) -> str:
    """A ring of indicators whose formulas use each other."""
    found = _indicators(docs)
    ring = [c.pick(found) for _ in range(c.integer(1, 3))]
    for (_, _, table), (_, target, _) in zip(ring, ring[1:] + ring[:1], strict=True):
        for key in ("numerator", "denominator", "multiplier"):
            table.pop(key, None)
        table["formula"] = f"{target} + 1"
    return "formula cycle " + " -> ".join(key for _, key, _ in ring)


def op_weights(c: Chooser, docs: Docs) -> str:
    """Weighted aggregation with weights 0, negative, huge, 1e400."""
    _catalog_table(docs)["aggregate"] = "weighted"
    weights = []
    for _, _, table in _indicators(docs):
        if "parent" in table and c.chance(70):
            table["weight"] = c.pick([0, -1, 1, Decimal("0.5"), Raw("1e400"), 10**30, Decimal("-0.0")])
            weights.append(short(table["weight"]))
    return f"aggregate weighted with weights {weights}"


def op_floor_cap(c: Chooser, docs: Docs) -> str:
    """A floor above the cap, or both at extremes."""
    target = _catalog_table(docs) if c.chance(50) else c.pick(_indicators(docs))[2]
    target["floor"], target["cap"] = c.pick([(100, 50), (0, 0), (Raw("1e400"), -1), (-(10**30), 10**30)])
    return f"floor {short(target['floor'])} and cap {short(target['cap'])}"


def op_keyword_id(c: Chooser, docs: Docs) -> str:
    """An indicator renamed to a formula keyword, a function, 'total' or a non-id, sometimes with its uses."""
    rel, key, _ = c.pick(_indicators(docs))
    new = c.pick(["or", "and", "not", "total", "n", "sum", "if", "N", "x.y", "Upper", "1a", "", "growth"])
    docs[rel]["indicators"][new] = docs[rel]["indicators"].pop(key)
    if c.chance(50):
        for _, _, other in _indicators(docs):
            for name in ("formula", "numerator", "denominator", "parent"):
                if isinstance(other.get(name), str):
                    other[name] = re.sub(rf"\b{re.escape(key)}\b", new, other[name])
    return f"renamed indicator {key} to {new!r}"


def op_formula(c: Chooser, docs: Docs) -> str:
    """A generated (sometimes damaged) formula over the catalog's names in place of one indicator's."""
    _, key, table = c.pick(_indicators(docs))
    inputs, indicators = bundled_ids()
    gen = FormulaGen(c, inputs + indicators + [k for _, k, _ in _indicators(docs)])
    text = gen.text() if c.chance(70) else mutate_text(c, gen.text())
    for name in ("numerator", "denominator", "multiplier"):
        table.pop(name, None)
    table["formula"] = text
    return f"formula of {key} = {short(text)}"


def op_targets(c: Chooser, docs: Docs) -> str:
    """Targets keyed by odd years, with upside-down ranges, 1e400, text."""
    _, key, table = c.pick(_indicators(docs))
    years = c.pick([["2025"], ["2024", "2025"], ["1899"], ["20250"], ["2025.0"], ["N"], ["0"]])
    odd: list[Any] = [0, -5, [5, 1], [1, 5, 9], [], Raw("1e400"), "20", [Raw("-inf"), 1], 10**40, Decimal("1E-30")]
    table["targets"] = {year: c.pick(odd) for year in years}
    return f"targets of {key} = {short(table['targets'])}"


def op_data_value(c: Chooser, docs: Docs) -> str:
    """An input of a data file set to a huge or odd number, or to quarters with odd keys."""
    data = [rel for rel in docs if rel.startswith("data/")] or sorted(docs)
    rel = c.pick(data)
    table = docs[rel].setdefault("inputs", {})
    if not isinstance(table, dict):
        return "inputs is not a table"
    name = c.pick(sorted(table) or ["koperasi_aktif"])
    quarters = {c.pick(["q1", "q2", "q4", "q5", "Q1", "1"]): odd_toml_value(c) for _ in range(c.integer(1, 3))}
    table[name] = quarters if c.chance(30) else c.pick([10**30, Raw("9" * 60), Raw("1e400"), 0, -1, odd_toml_value(c)])
    return f"{rel}: inputs.{name} = {short(table[name])}"


def op_deep(c: Chooser, docs: Docs) -> str:
    """A value replaced by a table or array nested 10 to 5000 deep."""
    rel = c.pick(sorted(docs))
    slots = _slots(docs[rel])
    depth = c.pick(DEPTHS)
    raw = c.pick([deep_table, deep_array])(depth)
    if slots:
        container, key, path = c.pick(slots)
        container[key] = raw
        return f"{rel}: {path} nested {depth} deep"
    docs[rel]["deep"] = raw
    return f"{rel}: deep = nested {depth} deep"


DOMAIN_OPS = [op_formula, op_parent_cycle, op_formula_cycle, op_weights, op_floor_cap, op_keyword_id,
              op_targets, op_data_value, op_deep]  # fmt: skip


def mutate_docs(c: Chooser, docs: Docs, rounds: int) -> tuple[set[str], list[str]]:
    """Generic and catalog-aware mutations; returns the files touched and what was done."""
    touched: set[str] = set()
    notes: list[str] = []
    for _ in range(rounds):
        if c.chance(55) and _indicators(docs):
            notes.append(c.pick(DOMAIN_OPS)(c, docs))
            touched.update(docs)
        else:
            rel = c.pick(sorted(docs))
            notes.append(f"{rel}: {mutate_doc(c, docs[rel])}")
            touched.add(rel)
    return touched, notes


def serialise(docs: Docs, touched: set[str], originals: Mapping[str, bytes]) -> dict[str, bytes]:
    """Touched documents written as TOML, the others kept byte for byte (comments and all)."""
    return {rel: encode(toml_dumps(doc)) if rel in touched or rel not in originals else originals[rel]
            for rel, doc in docs.items()}  # fmt: skip


def file_ops(c: Chooser, files: dict[str, bytes], notes: list[str]) -> str:
    """Whole-file damage; returns the entry to load (the folder, or one file)."""
    op = c.integer(0, 9)
    if op == 0 and files:
        gone = c.pick(sorted(files))
        del files[gone]
        notes.append(f"removed {gone}")
    elif op == 1:
        name = c.pick(["notes.toml", "data/abc.toml", "data/2025.TOML", "data/20250.toml", "data/1899.toml", "x.txt"])
        files[name] = c.pick([b"", b"\x00\xff", b"[indicators.x]\nname = 1\n", b"year = 2025\n[inputs]\nq = 1\n"])
        notes.append(f"added {name}")
    elif op == 2:
        merged = _merge_docs({rel: tomllib.loads(files[rel].decode("utf-8", "replace"), parse_float=Decimal)
                              for rel in files if not rel.startswith("data/") and _parses(files[rel])})  # fmt: skip
        try:
            text = toml_dumps(merged)
        except RecursionError:  # a value nested hundreds deep: this writer recurses too; keep the folder
            return "."
        notes.append("one-file catalog")
        return _single(files, text)
    return "."


def _parses(data: bytes) -> bool:
    try:
        tomllib.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        return False
    return True


def _merge_docs(docs: Docs) -> dict[str, Any]:
    """The sections of several files in one document, for a one-file catalog."""
    merged: dict[str, Any] = {}
    for doc in docs.values():
        for section, table in doc.items():
            if isinstance(table, dict) and isinstance(merged.get(section), dict):
                merged[section].update(table)
            else:
                merged[section] = table
    return merged


def _single(files: dict[str, bytes], text: str) -> str:
    """Replace the catalog's files (not its data) by one file; returns its name."""
    for rel in [rel for rel in files if not rel.startswith("data/")]:
        del files[rel]
    files["single.toml"] = encode(text)
    return "single.toml"


def catalog_case(c: Chooser, mode: str = "any") -> FilesCase:
    """The bundled catalog mutated (TOML level or bytes), or a small catalog made from scratch."""
    if mode == "any":
        mode = c.pick(["toml", "bytes", "scratch"])
    notes: list[str] = []
    if mode == "bytes":
        files = dict(seed_files())
        for _ in range(c.integer(1, 3)):
            rel = c.pick(sorted(files))
            files[rel], note = mutate_bytes(c, files[rel])
            notes.append(f"{rel}: {note}")
        return FilesCase("catalog", files, ".", notes)
    if mode == "scratch":
        docs = scratch_docs(c, notes)
        touched, more = mutate_docs(c, docs, c.integer(1, 2)) if c.chance(30) else (set(docs), [])
        files = serialise(docs, set(docs), {})
        notes += more
    else:
        docs = seed_docs()
        touched, notes = mutate_docs(c, docs, c.integer(1, 3))
        files = serialise(docs, touched, seed_files())
    entry = file_ops(c, files, notes) if c.chance(15) else "."
    return FilesCase("catalog", files, entry, notes)


def torture_case(c: Chooser) -> FilesCase:
    """Shapes aimed at recursion and size: long parent or formula chains, deep TOML, cycles."""
    shape = c.integer(0, 3)
    notes: list[str] = []
    docs = scratch_docs(c, notes)
    if shape <= 1:
        n = c.pick([50, 120, 400, 1001, 1100, 5000])  # past the recursion limit; 5000 finds quadratic work
        year = docs["catalog.toml"]["catalog"]["period"][0]
        docs["chain.toml"] = {"indicators": _chain(n, by_parent=shape == 0, year=year)}
        notes.append(f"{'parent' if shape == 0 else 'formula'} chain of {n} indicators")
    elif shape == 2:
        notes.append(op_deep(c, docs))
    else:
        notes.append(op_parent_cycle(c, docs))
        notes.append(op_formula_cycle(c, docs))
    return FilesCase("catalog", serialise(docs, set(docs), {}), ".", notes)


def _chain(n: int, *, by_parent: bool, year: int = 2025) -> dict[str, Any]:
    """``n`` indicators in a line, by parent (aggregated) or by formula (each uses the one before),
    with a target for ``year`` (the first of the catalog's period, so the catalog stays valid)."""
    chain: dict[str, Any] = {}
    for i in range(n):
        table: dict[str, Any] = {"name": f"chain {i}", "level": "iku", "targets": {str(year): 1}}
        if by_parent:
            if i:
                table["parent"] = f"ch{i - 1}"
            if i == n - 1:
                table["formula"] = "in0"
        else:
            table["formula"] = f"ch{i - 1} + 1" if i else "in0"
        chain[f"ch{i}"] = table
    return chain


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


# -- data files: TOML, CSV, XLSX ----------------------------------------------------------------

DATA_NAMES = ["2025.toml", "2024.toml", "data.toml", "2026.toml", "1899.toml", "20250.toml", "2025.TOML"]


def data_toml_case(c: Chooser) -> FilesCase:
    """One year's data file for the bundled catalog: a seed mutated, or made from scratch."""
    mode = c.integer(0, 2)
    rel = c.pick(["data/2025.toml", "data/2024.toml"])
    name = c.pick(DATA_NAMES) if c.chance(20) else rel.removeprefix("data/")
    notes = [f"from {rel}" if mode < 2 else "made from scratch", f"named {name}"]
    if mode == 1:
        data = seed_files()[rel]
        for _ in range(c.integer(1, 3)):
            data, note = mutate_bytes(c, data)
            notes.append(note)
        return FilesCase("data", {name: data}, name, notes)
    inputs, indicators = bundled_ids()
    doc = _seed_docs()[rel] if mode == 0 else scratch_data(c, int(rel[5:9]), inputs, indicators, False)
    doc = copy.deepcopy(doc)
    docs = {rel: doc}
    for _ in range(c.integer(0, 3)):
        notes.append(op_data_value(c, docs) if c.chance(40) else mutate_doc(c, doc))
    return FilesCase("data", {name: encode(toml_dumps(doc))}, name, notes)


HEADER = ["input", "year", "quarter", "value"]
YEAR_CELLS = ["2025", "2024", "2025.0", "2025,0", "1899", "2201", "٢٠٢٥", " 2025 ", "", "abc", "2025-01-01", "9" * 50]
QUARTER_CELLS = ["", "", "1", "4", "0", "5", "1.0", "Q1", "-1", " 2 ", "1,0", "9" * 400]
VALUE_CELLS = [
    "982", "1.982", "1.234,56", "2,5", "-0", "1e5", "Rp 1.000", "12%", '=HYPERLINK("http://x","y")', "=1+2",
    "31/12/2025", "2025-12-31", "", "abc", "9" * 28, "9" * 29, "9" * 40, "9" * 400, "9" * 5000,
    "0." + "0" * 40 + "1", "-" + "9" * 30, "٣٫٥", " 12 ", "1.5", "0", "+5", "1_000",
]  # fmt: skip


GOOD_VALUES = ["982", "0", "100", "2946", "357122775671", "3", "412", "93.10", "12,5"]
HEADERS = [
    [h.upper() for h in HEADER], [*HEADER, "note"], HEADER[:3], ["\ufeffinput", *HEADER[1:]],
    list(reversed(HEADER)), [" input ", "year", "quarter", "value"], [],
]  # fmt: skip


def data_rows(c: Chooser) -> tuple[list[list[str]], int]:
    """``input,year,quarter,value`` rows and the junk rate used.

    A junk rate per case (0 to 50 % of cells odd) makes some files clean, so they reach the
    evaluation, and others full of Indonesian numbers, text, dates and formulas in cells.
    Rows name distinct (input, year) pairs, so a clean file has no figure twice.
    """
    inputs, _ = bundled_ids()
    odd_names = ["Koperasi_Aktif", "", " koperasi_aktif ", "x" * 300, "unknown_input", "koperasi-aktif", "١"]
    junk = c.pick([0, 0, 0, 1, 5, 30])
    rows = [list(HEADER) if not c.chance(junk // 2 + 5) else list(c.pick(HEADERS))]
    offset = c.integer(0, len(inputs) - 1)
    for i in range(c.pick([3, 0, 1, 10, 50, 2000])):
        row = [
            c.pick(odd_names) if c.chance(junk) else inputs[(offset + i) % len(inputs)],
            c.pick(YEAR_CELLS) if c.chance(junk) else str(2025 - i // len(inputs)),
            c.pick(QUARTER_CELLS) if c.chance(junk) else (str(c.integer(1, 4)) if c.chance(10) else ""),
            c.pick(VALUE_CELLS) if c.chance(junk) else c.pick([*GOOD_VALUES, digits(c, c.integer(1, 15))]),
        ]
        if c.chance(junk // 3):
            row = row[: c.integer(0, 3)] if c.chance(50) else [*row, c.pick(VALUE_CELLS)]
        rows.append(row)
    return rows, junk


def csv_case(c: Chooser) -> FilesCase:
    """A CSV in the documented layout, written the ways spreadsheets and people write them."""
    rows, junk = data_rows(c)
    sep = "," if c.chance(85) else c.pick([";", "\t", "|"])
    style = c.pick(["csv", "quote-all", "raw"])
    end = c.pick(["\n", "\r\n", "\r"])
    notes = [f"{len(rows)} rows, {junk} % junk cells, separator {sep!r}, {style}, line end {end!r}"]
    buffer = io.StringIO()
    if style == "raw":
        buffer.write(end.join(sep.join(row) for row in rows) + end)
    else:
        writer = csv.writer(
            buffer,
            delimiter=sep,
            lineterminator=end,
            quoting=csv.QUOTE_ALL if style == "quote-all" else csv.QUOTE_MINIMAL,
        )
        writer.writerows(rows)
    text = buffer.getvalue()
    expected = figures(rows, junk)
    if c.chance(5):
        text, expected = "", None
        notes.append("empty file")
    if c.chance(5):
        text += c.pick(["koperasi_aktif,2025,,", "x,2025,,"]) + c.pick(["9", "a", '"']) * 200_000 + end
        expected = None
        notes.append("a huge cell")
    encoding = "utf-8" if c.chance(75) else c.pick(["utf-8-sig", "utf-16", "latin-1", "cp1252"])
    data = text.encode(encoding, "replace")
    notes.append(f"encoded {encoding}")
    if c.chance(15):
        data, note = mutate_bytes(c, data)
        expected = None
        notes.append(note)
    name = c.pick(["data.csv", "data.CSV"])
    return FilesCase("csv", {name: data}, name, notes, expected)


def figures(rows: list[list[str]], junk: int) -> list[Figure] | None:
    """The figures of a clean file (no junk cells, the documented header), else None."""
    if junk or rows[0] != HEADER:
        return None
    return [(name, int(year), int(quarter) if quarter else None, value) for name, year, quarter, value in rows[1:]]


def xlsx_cell(c: Chooser, text: str, junk: int) -> Any:
    """The cell as a spreadsheet holds it: a number where the text is one, else text; with
    ``junk`` % odd cells — booleans, dates, Decimals, NaN and infinite floats, 2**70, empty."""
    if c.chance(junk):
        return c.pick([None, True, dt.datetime(2025, 12, 31), dt.date(2025, 1, 1), Decimal("1.5"), float("nan"),
                       float("inf"), 1e308, 0.1, 2**70, "=SUM(1,2)"])  # fmt: skip
    if re.fullmatch(r"-?[0-9]{1,17}", text) and c.chance(80):
        return int(text)
    if re.fullmatch(r"-?[0-9]+\.[0-9]+", text) and c.chance(80):
        return float(text)
    return text


def _workbook(c: Chooser, rows: list[list[str]], junk: int, notes: list[str]) -> bytes:
    """The rows as an .xlsx; sometimes a cell far away (XFD20000, A1048576) or an extra first sheet."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = Workbook()
    sheet = book.active
    sheet.append(rows[0])
    for row in rows[1:]:
        cells = [xlsx_cell(c, cell, junk) for cell in row]
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in cells])
    if c.chance(15):
        far = c.pick(["XFD20000", "XFD1", "A1048576", "AAA5000", "E2"])
        sheet[far] = c.pick([1, "x", 0.5])
        notes.append(f"a cell at {far}")
    if c.chance(10):
        first = book.create_sheet("Kosong", 0)
        first["A1"] = "catatan"
        notes.append("an extra first sheet")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _rezip(data: bytes, change: Callable[[str, bytes], bytes]) -> bytes:
    """The workbook with some of its XML parts changed: what openpyxl will not write on its own."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, change(item.filename, source.read(item.filename)))
    return out.getvalue()


def _no_sheets(name: str, data: bytes) -> bytes:
    """workbook.xml with an empty <sheets/>: a workbook with no worksheet at all."""
    if name == "xl/workbook.xml":
        return re.sub(rb"<sheets>.*</sheets>", b"<sheets/>", data)
    return data


def xlsx_case(c: Chooser) -> FilesCase:
    """A workbook in the layout, built with openpyxl; some without sheets, with a stale
    <dimension>, a cell far away, or damaged bytes."""
    notes: list[str] = []
    rows, junk = data_rows(c) if c.chance(80) else ([HEADER, ["koperasi_aktif", "2025", "", "982"]], 0)
    data = _workbook(c, rows, junk, notes)
    notes.insert(0, f"{len(rows)} rows, {junk} % junk cells")
    variant = c.integer(0, 9)
    if variant == 7:
        data = _rezip(data, _no_sheets)
        notes.append("no sheets")
    elif variant == 8:
        ref = c.pick(["A1:A1", "A1:XFD1048576", "A1:D1", "B2:C3", "garbage", "A1:XFD20000"])
        stale = b'<dimension ref="' + ref.encode() + b'"'
        data = _rezip(data, lambda name, xml: re.sub(rb'<dimension ref="[^"]*"', stale, xml))
        notes.append(f"stale dimension {ref}")
    elif variant == 9:
        data, note = mutate_bytes(c, data)
        notes.append(note)
    name = c.pick(["data.xlsx", "data.xlsm", "data.XLSX"])
    return FilesCase("xlsx", {name: data}, name, notes, figures(rows, junk) if variant != 9 else None)


def data_case(c: Chooser, kind: str = "any") -> FilesCase:
    """A data file of one kind (toml, csv, xlsx) or any."""
    makers = {"toml": data_toml_case, "csv": csv_case, "xlsx": xlsx_case}
    kind = c.pick(sorted(makers)) if kind == "any" else kind
    return makers[kind](c)


# -- the command line ---------------------------------------------------------------------------


@dataclass
class CliCase:
    """Arguments for ``lkip`` and the files they name; ``{root}`` is the case's work folder."""

    files: dict[str, bytes]
    argv: list[str]
    notes: list[str] = field(default_factory=list)
    kind: str = "cli"

    def size(self) -> int:
        return sum(len(data) for data in self.files.values()) + sum(len(a) for a in self.argv)

    def __repr__(self) -> str:
        sizes = {name: len(data) for name, data in self.files.items()}
        return f"CliCase(argv={self.argv!r}, notes={self.notes!r}, sizes={sizes})"


COMMANDS = ["evaluate", "check", "explain", "audit", "tree", "sql", "formula", "chart", "bulk", "help"]
YEARS_ARG = ["2025", "2024", "0", "-1", "1899", "2201", "99999", "1" + "0" * 30, "abc", "2025.5", ""]
OUTPUTS = ["{root}/out.x", "{root}/out.xlsx", "{root}/nodir/out.csv", "{root}", "{root}/cat", "{root}/note.txt"]


def _cli_catalog(c: Chooser, files: dict[str, bytes], notes: list[str]) -> tuple[list[str], list[str], bool]:
    """Catalog arguments, the indicator ids it has, and whether it is small (for charts)."""
    mode = c.integer(0, 3)
    if mode == 0:
        return [], bundled_ids()[1], False
    if mode == 3:
        docs = scratch_docs(c, notes)
        case = FilesCase("catalog", serialise(docs, set(docs), {}), ".")
        ids = list(docs["indicators.toml"]["indicators"])
    else:
        case = catalog_case(c, "toml") if mode == 2 else FilesCase("catalog", dict(seed_files()), ".")
        ids = bundled_ids()[1]
        notes += case.notes
    files.update({f"cat/{rel}": data for rel, data in case.files.items()})
    return [f"{{root}}/cat/{case.entry}".removesuffix("/.")], ids, mode == 3


def _options(c: Chooser, command: str) -> list[str]:
    """--year, --lang, --quarter, --format and --output as a planner might type them, right and wrong."""
    found: list[str] = []
    if command != "sql" and c.chance(50):
        found += ["--year", c.pick(YEARS_ARG[:2]) if c.chance(60) else c.pick(YEARS_ARG)]
    if command in ("evaluate", "explain", "audit", "tree", "chart") and c.chance(30):
        found += ["--lang", c.pick(["id", "en", "fr"])]
    if command == "evaluate":
        if c.chance(20):
            found += ["--quarter", c.pick(["1", "4", "0", "5", "x"])]
        fmt = c.pick(["table", "markdown", "csv", "json", "xlsx", "pdf"])
        found += ["--format", fmt]
        if fmt == "xlsx" or c.chance(25):
            found += ["--output", c.pick(OUTPUTS)]
    if command == "chart":
        found += ["--output", c.pick(["{root}/charts", "{root}/note.txt", "{root}/charts/deeper"])]
    return found


ODD_COLUMNS = ["lkip_input", "x; drop table y", 'a"b', "'", "", "schema.t", "😀", "year", "entity"]
BULK_ROWS = ["x,2025,982,60", "y,2025,abc,", "z,abc,1,2", "x,2025,982,60", "w,2025," + "9" * 400 + ",1",
             "v,2025,1e400,1", ",,,", "u,2025,-0,0", "t,1899,1,1", "s,2025,1.5,2,extra"]  # fmt: skip


def _key_options(c: Chooser, options: Sequence[str]) -> list[str]:
    """Column-name options with names that are SQL, quotes, emoji or empty."""
    found: list[str] = []
    for option in options:
        if c.chance(30):
            found += [option, c.pick(ODD_COLUMNS)]
    return found


def _bulk_options(c: Chooser, files: dict[str, bytes]) -> list[str]:
    """``lkip bulk`` over a small CSV of (entity, year, inputs...), with junk rows and odd columns."""
    header = c.pick(["entity,year,koperasi_aktif,koperasi_usp_nib", "entity,year", "a,a,a,a", "entity,year,😀,x"])
    rows = [c.pick(BULK_ROWS[:1]) if c.chance(60) else c.pick(BULK_ROWS) for _ in range(c.integer(0, 4))]
    files["in.csv"] = encode("\n".join([header, *rows]) + "\n")
    files["in.parquet"] = b"PAR1\x00\x00PAR1"
    source = c.pick(["{root}/in.csv", "{root}/in.parquet", "{root}/note.txt"])
    output = c.pick(["{root}/out.parquet", "{root}/out.csv", "{root}/nodir/out.parquet", "{root}/cat"])
    engine = ["--engine", c.pick(["duckdb", "polars"])]
    return ["--input", source, "--output", output, *engine, *_key_options(c, ("--entity", "--year-column"))]


def _sql_options(c: Chooser, files: dict[str, bytes]) -> list[str]:
    """``lkip sql`` options, sometimes with a --columns-from CSV whose header is odd."""
    found: list[str] = []
    for option in ("--source", "--entity", "--year-column", "--quarter-column"):
        if c.chance(30):
            found += [option, c.pick(ODD_COLUMNS)]
    if c.chance(30):
        header = c.pick(["entity,year,koperasi_aktif", "entity,year", "", "a,a,a", "entity,year,ind0,😀"])
        files["cols.csv"] = encode(header + "\nx,2025,1\n")
        found += ["--columns-from", "{root}/cols.csv"]
    return found


def cli_case(c: Chooser) -> CliCase:
    """One ``lkip`` command line over a bundled, mutated or generated catalog, maybe with --data."""
    files: dict[str, bytes] = {"note.txt": b"not a folder\n"}
    notes: list[str] = []
    command = c.pick(COMMANDS)
    if command == "help":
        return CliCase(files, c.pick([["--help"], ["evaluate", "--help"], ["--version"], [], ["nope"]]), notes)
    if command == "formula":
        text = FormulaGen(c).text()
        pairs = [c.pick(["a=1", "b:2024=5", "c=abc", "a=1e999999", "x.y=2", "a:2025=0", "a=", "=1"])
                 for _ in range(c.integer(0, 3))]  # fmt: skip
        return CliCase(files, ["formula", text, *pairs, *(["--year", c.pick(YEARS_ARG)] if c.chance(40) else [])])
    catalog, ids, small = _cli_catalog(c, files, notes)
    if command == "chart" and not small:
        command = "tree"  # charts of the full catalog take longer than the per-example timeout
    argv = [command, *catalog]
    if command == "explain":
        argv.append(c.pick(ids) if c.chance(75) else c.pick(["", "x", "../cat", "Koperasi", "or", "🙂", "a" * 300]))
    if command in ("sql", "bulk"):
        argv += _sql_options(c, files) if command == "sql" else _bulk_options(c, files)
    else:
        argv += _options(c, command)
    if command not in ("sql", "bulk") and c.chance(35):
        data = data_case(c)
        name = "data" + Path(data.entry).suffix
        files[name] = next(iter(data.files.values()))
        notes += [f"--data {name}: {note}" for note in data.notes]
        argv += ["--data", f"{{root}}/{name}"]
    return CliCase(files, argv, notes)


# -- API arguments ------------------------------------------------------------------------------


@dataclass
class ApiCase:
    """One call of the public API with arguments a careless caller might pass."""

    op: str
    params: dict[str, Any]
    files: dict[str, bytes] = field(default_factory=dict)
    kind: str = "api"

    def size(self) -> int:
        return len(repr(self.params))


API_YEARS: list[Any] = [2025, 2024, "2025", 2025.0, True, None, Decimal("2025"), 10**20, -1, 0, 1899, [2025]]
API_DATA: list[Any] = [("default",), ("none",), ("empty",), ("values",), ("junk", "x"), ("junk", {2025: {}}),
                       ("junk", 5), ("junk", {"koperasi_aktif": 5})]  # fmt: skip
API_PATHS = ["{root}", "{root}/none", "", "\x00", "{root}/note.txt", "{root}/x.CSV", "{root}/x.xls",
             "{root}/dir.xlsx", "{root}/dir.toml", "{root}/empty.xlsx", None, 5, b"/tmp", ["a"]]  # fmt: skip
API_FILES = {"note.txt": b"hello\n", "x.CSV": b"input,year,quarter,value\nkoperasi_aktif,2025,,1\n",
             "x.xls": b"\xd0\xcf\x11\xe0", "dir.xlsx/a": b"", "dir.toml/a": b"", "empty.xlsx": b""}  # fmt: skip


def api_values(c: Chooser) -> Any:
    """A Data.from_values mapping with str years, unknown names, floats or nesting."""
    inputs, _ = bundled_ids()
    name = c.pick([*inputs[:3], "unknown", "Koperasi_Aktif", 5, None])
    by_year = c.pick([{2025: 5}, {"2025": 5}, {2025: 0.5}, {2025: "1.234,56"}, {2025: [1]}, 5, None, [1, 2],
                      {2025: {2025: 1}}, {2025.0: 1}, {None: 1}, {2025: Decimal("NaN")}, {2025: 10**30}])  # fmt: skip
    return {name: by_year}


API_OPS = {
    "catalog": ["evaluate", "explain", "audit", "validate", "check", "to_dict"],
    "formula": ["parse", "formula_values"],
    "data": ["from_values", "merge"],
    "paths": ["load_catalog", "load_data", "read"],
}
"""The public calls by family: one test each, so one family's bug does not hide another's."""


def api_case(c: Chooser, family: str = "any") -> ApiCase:
    """A public function called with wrong types, unknown ids and junk data."""
    ops = [op for name, group in API_OPS.items() if family in ("any", name) for op in group]
    op = c.pick(ops)
    _, ids = bundled_ids()
    data = c.pick(API_DATA)
    if data == ("values",):
        data = ("values", api_values(c))
    params: dict[str, Any] = {"year": c.pick(API_YEARS), "data": data}
    if op in ("evaluate", "to_dict"):
        params["quarter"] = c.pick([None, 1, 4, 0, 5, "1", True, 2.0])
    elif op == "explain":
        params.update(id=c.pick([*ids[:3], "unknown", "", None, 5, ("a",)]), lang=c.pick(["id", "en", "fr", None, 5]))
    elif op == "parse":
        params.update(
            text=c.pick(["a + b", None, 5, b"a + b", ["a"], "a" * 20000, Decimal(1), "sum(a)"]),
            known=c.pick([None, 5, "abc", [1, None], {"a": 1}, b"ab", {"a", "b"}, 2.5, ["a", ["b"]]]),
        )
    elif op in ("from_values", "formula_values"):
        params.update(
            values=c.pick([api_values(c), None, [], "abc", 5, {1: 2}, {"a": {"2025": 1}}]),
            realisations=c.pick([None, {}, {"koperasi_berkualitas": {2025: "x"}}, 5, {"x": {2025: 1}}]),
        )
    elif op in ("load_catalog", "load_data", "read"):
        params["path"] = c.pick(API_PATHS)
    return ApiCase(op, params, dict(API_FILES))


# -- registry -----------------------------------------------------------------------------------

GENERATORS: dict[str, Callable[[Chooser], Any]] = {
    "formula": formula_case,
    "arith": arith_case,
    "catalog": lambda c: torture_case(c) if c.chance(10) else catalog_case(c),
    "data": lambda c: data_case(c, "toml"),
    "csv": lambda c: data_case(c, "csv"),
    "xlsx": lambda c: data_case(c, "xlsx"),
    "cli": cli_case,
    "api": api_case,
}
"""One generator per input kind, for run_long.py."""

grammar_formulas = strategy(lambda c: formula_case(c, "grammar"))
mutated_formulas = strategy(lambda c: formula_case(c, "mutated"))
deep_formulas = strategy(lambda c: formula_case(c, "deep"))
arithmetic = strategy(arith_case)
mutated_catalogs = strategy(lambda c: catalog_case(c, "toml"))
byte_catalogs = strategy(lambda c: catalog_case(c, "bytes"))
scratch_catalogs = strategy(lambda c: catalog_case(c, "scratch"))
torture_catalogs = strategy(torture_case)
toml_data = strategy(lambda c: data_case(c, "toml"))
csv_data = strategy(lambda c: data_case(c, "csv"))
xlsx_data = strategy(lambda c: data_case(c, "xlsx"))
cli_cases = strategy(cli_case)
api_catalog_calls = strategy(lambda c: api_case(c, "catalog"))
api_formula_calls = strategy(lambda c: api_case(c, "formula"))
api_data_calls = strategy(lambda c: api_case(c, "data"))
api_path_calls = strategy(lambda c: api_case(c, "paths"))
