"""An independent Fraction evaluator for arithmetic formulas, with Decimal's rounding made explicit.

It extends ``tests/oracle.py`` (whose ``Missing`` and ``round_half_up`` it reuses) with what
that one leaves out, so it can judge formulas with signs, ``abs``, ``round``, conditions and
numbers of any size:

- ``-x``, ``+x`` and ``abs(x)`` round to 28 significant digits, as Decimal's unary operations
  do in the default context (``-Decimal('1.23456789012345678901234567890123')`` loses digits);
  a literal or a value read from the caller is exact, never rounded.
- ``round(x, d)`` raises :class:`TooPrecise` when the result needs more than 28 digits
  (Decimal's ``quantize`` signals InvalidOperation; the library reports NumericError).
- ``and``, ``or`` and ``not`` short-circuit like the interpreter, so an error in a branch
  that is not taken is not raised.
- rounding to 28 digits finds the magnitude from bit lengths, so a long product far past
  Python's 4300-digit int-to-text limit is still judged.

Errors are exceptions whose library counterparts :data:`EXPECTED` names.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

from lkip_rules.formula import ast
from tests.oracle import PRECISION, Missing, round_half_up


class TooPrecise(Exception):
    """round() would need more than PRECISION digits."""


EXPECTED = {ZeroDivisionError: "DivisionByZeroError", Missing: "MissingValueError", TooPrecise: "NumericError"}
"""Oracle exception -> name of the library error it predicts."""

Values = Mapping[str, Mapping[int, Fraction]]
LOG10_2 = 0.30102999566398120


def round_significant(value: Fraction, digits: int = PRECISION) -> Fraction:
    """``value`` rounded half-even to ``digits`` significant digits, as Decimal arithmetic does.

    Unlike ``tests/oracle.py`` it finds the magnitude from bit lengths, never by printing the
    numerator: a product of many values is far past Python's 4300-digit int-to-text limit.
    """
    if value == 0:
        return value
    magnitude = abs(value)
    exponent = int((magnitude.numerator.bit_length() - magnitude.denominator.bit_length()) * LOG10_2)
    while magnitude >= Fraction(10) ** (exponent + 1):
        exponent += 1
    while magnitude < Fraction(10) ** exponent:
        exponent -= 1
    scale = Fraction(10) ** (digits - 1 - exponent)
    return Fraction(round(value * scale)) / scale  # round() of a Fraction is half-even


def exact(values: Mapping[str, Mapping[int, object]]) -> dict[str, dict[int, Fraction]]:
    """Caller-style values (Decimal, int, str) as exact fractions."""
    return {
        name: {year: Fraction(Decimal(str(raw).strip())) for year, raw in by_year.items()}
        for name, by_year in values.items()
    }


def evaluate(node: ast.Node, values: Values, year: int) -> Fraction:
    """The value of a checked (not lowered) tree; raises an exception of :data:`EXPECTED`."""
    if isinstance(node, ast.Number):
        return Fraction(node.value)
    if isinstance(node, ast.Ref):
        return _ref(node, values, year)
    if isinstance(node, ast.Unary):
        operand = evaluate(node.operand, values, year)
        return round_significant(-operand if node.op == "-" else operand)
    if isinstance(node, ast.Call):
        return _call(node, values, year)
    left, right = evaluate(node.left, values, year), evaluate(node.right, values, year)
    return _arith(node.op, left, right)


def _ref(node: ast.Ref, values: Values, year: int) -> Fraction:
    at = node.period.resolve(year)
    found = values.get(node.name, {})
    if at not in found:
        raise Missing(node.name)
    return found[at]


def _arith(op: str, left: Fraction, right: Fraction) -> Fraction:
    """One arithmetic operation, exact, then rounded like Decimal's default context."""
    if op == "+":
        return round_significant(left + right)
    if op == "-":
        return round_significant(left - right)
    if op == "*":
        return round_significant(left * right)
    if right == 0:
        raise ZeroDivisionError
    return round_significant(left / right)


def condition(node: ast.Node, values: Values, year: int) -> bool:
    """A condition, short-circuiting as the interpreter does."""
    if isinstance(node, ast.Unary):
        return not condition(node.operand, values, year)
    assert isinstance(node, ast.Binary)
    if node.op == "and":
        return condition(node.left, values, year) and condition(node.right, values, year)
    if node.op == "or":
        return condition(node.left, values, year) or condition(node.right, values, year)
    left, right = evaluate(node.left, values, year), evaluate(node.right, values, year)
    return {"<": left < right, "<=": left <= right, ">": left > right, ">=": left >= right,
            "==": left == right, "!=": left != right}[node.op]  # fmt: skip


def _call(node: ast.Call, values: Values, year: int) -> Fraction:
    args = node.args
    if node.func == "if":
        return evaluate(args[1] if condition(args[0], values, year) else args[2], values, year)
    if node.func == "coalesce":
        for arg in args[:-1]:
            try:
                return evaluate(arg, values, year)
            except Missing:
                continue
        return evaluate(args[-1], values, year)
    if node.func == "growth":
        ref = args[0]
        assert isinstance(ref, ast.Ref)
        now = evaluate(ref, values, year)
        before = evaluate(ast.Ref(ref.name, ref.period.shifted(-1)), values, year)
        return _arith("*", _arith("/", _arith("-", now, before), before), Fraction(100))
    numbers = [evaluate(arg, values, year) for arg in args]
    return _function(node.func, numbers)


def _function(func: str, numbers: list[Fraction]) -> Fraction:
    if func in ("sum", "avg"):
        total = numbers[0]
        for number in numbers[1:]:
            total = _arith("+", total, number)
        return total if func == "sum" else _arith("/", total, Fraction(len(numbers)))
    if func == "pct":
        return _arith("*", _arith("/", numbers[0], numbers[1]), Fraction(100))
    if func == "min":
        return min(numbers)
    if func == "max":
        return max(numbers)
    if func == "abs":
        return round_significant(abs(numbers[0]))
    assert func == "round", func
    return _round(numbers[0], int(numbers[1]))


def _round(value: Fraction, places: int) -> Fraction:
    """round(x, d): half away from zero; more than 28 digits is TooPrecise, as quantize signals."""
    rounded = round_half_up(value, places)
    coefficient = abs(rounded * 10**places)
    assert coefficient.denominator == 1
    if coefficient.numerator >= 10**PRECISION:
        raise TooPrecise
    return rounded
