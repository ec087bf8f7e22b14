# ruff: noqa: RUF001 - look-alike characters (multiplication sign, minus sign, full-width and Arabic digits) are fuzz input
"""Formula text: grammar-aware expressions, nesting around the parser's limits, and character-level damage."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tests.fuzz.gen.base import Chooser, digits

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
