"""Compile a checked, lowered tree into a Python function, once, for fast evaluation.

The generated source is built from our own tree only: numbers and periods are passed in
as constants, operators come from a fixed set, and names appear only as string literals
after the grammar has restricted them to ``[a-z0-9_.]`` (checked again here). No other
text the user wrote reaches ``compile``.

The fast path assumes all goes well. Any surprise — a value that is not a Decimal, a
missing value, a zero divisor, a decimal signal — hands the call to the reference
interpreter, which then raises the precise error (or returns, if a lazily evaluated
branch made the value unnecessary). So the compiled code never has to explain anything.
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal
from typing import Any, Protocol

from lkip_rules.errors import EvaluationError
from lkip_rules.formula import ast, interpreter, values
from lkip_rules.formula.climb import NAME_PATTERN
from lkip_rules.formula.functions import maximum, mean, minimum, round_half_up, total


class Evaluator(Protocol):
    def __call__(self, values: values.Values, year: int | None = None) -> Decimal: ...


class _Fallback(Exception):
    """Leave the fast path; the reference interpreter will take over."""


# What sends a call from the fast path to the reference interpreter: our marker, a decimal
# signal, an evaluation error, a missing key or year, a value of an unexpected type.
_LEAVE_FAST_PATH = (_Fallback, ArithmeticError, EvaluationError, LookupError, TypeError, AttributeError)


def _fallback() -> Any:
    raise _Fallback


def _slow(vals: values.Values, name: str, period: ast.Period, year: int | None) -> Decimal:
    found = values.resolve(vals, name, period, year)
    if isinstance(found, values.Missing):
        raise _Fallback
    return found


def _year_expr(period: ast.Period) -> str:
    if period.year is not None:
        return str(period.year)
    if period.offset == 0:
        return "key"
    return f"key {'+' if period.offset > 0 else '-'} {abs(period.offset)}"


def compile_tree(node: ast.Node, source: str) -> Evaluator:
    """A function ``evaluate(values, year=None) -> Decimal`` for ``node``."""
    try:
        return _Compiler(node, source).build()
    except (SyntaxError, RecursionError, MemoryError):
        # Python's own compiler has limits (about 200 nested parentheses) that a formula within
        # ours can reach; such a formula stays on the reference interpreter, with the same results.
        def reference(values: values.Values, year: int | None = None) -> Decimal:
            return interpreter.evaluate(node, values, year, source)

        return reference


_SAFE_NAME = re.compile(NAME_PATTERN)


def _literal(name: str) -> str:
    """A name as a string literal; the grammar allows only [a-z0-9_.] in names."""
    if not _SAFE_NAME.fullmatch(name):  # trees built by hand must obey the grammar too
        raise ValueError(f"not a formula name: {name!r}")
    return repr(name)


class _Compiler:
    def __init__(self, node: ast.Node, source: str) -> None:
        self.node = node
        self.source = source
        self.slots: dict[ast.Ref, int] = {}  # (name, period) → slot; spans do not matter
        self.constants: dict[str, object] = {}
        self.counter = itertools.count()

    def build(self) -> Evaluator:
        body = self.expr(self.node)
        # A year that is no whole number is the reference interpreter's to refuse; with no year,
        # a look-up by year finds nothing (never a value stored under None) and falls back too.
        # The usual call has no year or an int: one identity test. The year is looked up (as
        # "key") only where a value is given by year. (The year may also be given by position:
        # a keyword-only argument costs every call about 20 ns on CPython 3.11.)
        lines = ["def evaluate(values, year=None):", "    try:"]
        lines.append("        if year is not None and year.__class__ is not int: _fallback()")
        # Values are looked up by subscript only in a plain dict: a subclass may answer a name
        # it does not hold (defaultdict, Counter) where the interpreter's .get finds nothing.
        lines.append("        if values.__class__ is not dict: _fallback()")
        lines += self.plain_path(body)
        lines += self.fetch_all()
        lines += [
            f"        if not ({self.all_finite()}): _fallback()",
            f"        return {body}",
            "    except _LEAVE_FAST_PATH:",
            "        pass",  # outside the except block, so the fallback's error is not chained
            "    return _reference(values, year)",
        ]
        node, source = self.node, self.source

        def reference(vals: values.Values, year: int | None) -> Decimal:
            return interpreter.evaluate(node, vals, year, source)

        namespace: dict[str, Any] = {
            "_D": Decimal,
            "_Fallback": _Fallback,
            "_fallback": _fallback,
            "_LEAVE_FAST_PATH": _LEAVE_FAST_PATH,
            "_reference": reference,
            "_slow": _slow,
            "_min": minimum,
            "_max": maximum,
            "_finite": Decimal.is_finite,  # a global name: cheaper than the method's look-up
            "_NO_YEAR": object(),
            "_sum": total,
            "_avg": mean,
            "_round": round_half_up,
            **self.constants,
        }
        code = compile("\n".join(lines), f"<formula {source[:60]!r}>", "exec")
        exec(code, namespace)  # noqa: S102 - code generated from our own tree, see module doc
        evaluate: Evaluator = namespace["evaluate"]
        return evaluate

    def all_finite(self) -> str:
        """A test that every value is a finite Decimal.

        ``Decimal.is_finite`` called as a function raises TypeError for anything but a Decimal
        (or a subclass, taken as the Decimal it is), so one call checks the kind and refuses
        Infinity and NaN, which the reference interpreter refuses where it meets them.
        """
        return " and ".join(f"_finite(s{slot})" for slot in self.slots.values()) or "True"

    def plain_path(self, body: str) -> list[str]:
        """Lines for the usual call of a formula on plain values: one Decimal under each name.

        Decided by the first value; any other value that is not a finite Decimal (a dict of
        values by year among plain ones, an int, text) leaves the fast path.
        """
        if not self.slots or any(ref.period != ast.CURRENT for ref in self.slots):
            return []
        first, *others = self.slots.items()
        lines = [f"        s{first[1]} = values[{_literal(first[0].name)}]", f"        if s{first[1]}.__class__ is _D:"]
        lines += [f"            s{slot} = values[{_literal(ref.name)}]" for ref, slot in others]
        lines += [f"            if {self.all_finite()}: return {body}", "            _fallback()"]
        return lines

    def constant(self, value: object) -> str:
        name = f"_c{next(self.counter)}"
        self.constants[name] = value
        return name

    def fetch_all(self) -> list[str]:
        """Lines that put every referenced value in its local ``s<slot>``.

        Fast cases: a Decimal under the name, or a dict of Decimals by year. Anything
        else (ints, text, other mappings) takes ``_slow``; a missing key or year leaves
        the fast path altogether.
        """
        by_name: dict[str, list[tuple[ast.Period, int]]] = {}
        for ref, slot in self.slots.items():
            by_name.setdefault(ref.name, []).append((ref.period, slot))
        lines: list[str] = []
        for name, uses in by_name.items():
            if [period for period, _ in uses] == [ast.CURRENT]:
                lines += self.fetch_current(name, uses[0][1])
            else:
                lines += self.fetch_series(name, uses)
        return lines

    def slow(self, name: str, period: ast.Period) -> str:
        return f"_slow(values, {_literal(name)}, {self.constant(period)}, year)"

    def fetch_current(self, name: str, slot: int) -> list[str]:
        var, slow = f"s{slot}", self.slow(name, ast.CURRENT)
        return [
            f"        {var} = values[{_literal(name)}]",
            f"        if {var}.__class__ is not _D:",
            f"            {var} = {var}[_NO_YEAR if year is None else year] if {var}.__class__ is dict else {slow}",
        ]

    def fetch_series(self, name: str, uses: list[tuple[ast.Period, int]]) -> list[str]:
        # One look-up of the name, then one subscript per year it is used at.
        series = f"n{uses[0][1]}"
        lines = [f"        {series} = values[{_literal(name)}]", f"        if {series}.__class__ is dict:"]
        lines.append("            key = _NO_YEAR if year is None else year")
        lines += [f"            s{slot} = {series}[{_year_expr(period)}]" for period, slot in uses]
        lines.append("        else:")  # a plain number (the value for year N) or another mapping
        lines += [f"            s{slot} = {self.slow(name, period)}" for period, slot in uses]
        return lines

    def expr(self, node: ast.Node) -> str:
        if isinstance(node, ast.Number):
            return self.constant(node.value)
        if isinstance(node, ast.Ref):
            key = ast.Ref(node.name, node.period)
            return f"s{self.slots.setdefault(key, len(self.slots))}"
        if isinstance(node, ast.Unary):
            op = "not " if node.op == "not" else node.op
            return f"({op}{self.expr(node.operand)})"
        if isinstance(node, ast.Call):
            return self.call(node)
        left, right = self.expr(node.left), self.expr(node.right)
        if node.op == "/":
            # A zero (or -0) divisor is falsy: leave the fast path to report it.
            return f"({left} / ({right} or _fallback()))"
        return f"({left} {node.op} {right})"

    def call(self, node: ast.Call) -> str:
        args = [self.expr(arg) for arg in node.args]
        if node.func == "if":
            return f"({args[1]} if {args[0]} else {args[2]})"
        if node.func == "coalesce":
            # Missing values make the fast path fall back, where coalesce is exact.
            return args[0]
        if node.func == "abs":
            return f"abs({args[0]})"
        if node.func == "round":
            return f"_round({args[0]}, int({args[1]}))"
        target = {"min": "_min", "max": "_max", "sum": "_sum", "avg": "_avg"}[node.func]
        return f"{target}({', '.join(args)})"
