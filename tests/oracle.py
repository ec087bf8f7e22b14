"""A second, independent evaluator over fractions.Fraction, for the property tests.

It rounds each arithmetic result to 28 significant digits, half-even, as Python's
default decimal context does, so on the same tree it must agree with the library's
evaluators exactly, digit for digit.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from lkip_rules.formula import ast

PRECISION = 28


class Missing(Exception):
    pass


def round_significant(value: Fraction, digits: int = PRECISION) -> Fraction:
    if value == 0:
        return value
    magnitude = abs(value)
    exponent = len(str(magnitude.numerator)) - len(str(magnitude.denominator))
    while magnitude >= Fraction(10) ** (exponent + 1):
        exponent += 1
    while magnitude < Fraction(10) ** exponent:
        exponent -= 1
    scale = Fraction(10) ** (digits - 1 - exponent)
    return Fraction(round(value * scale)) / scale  # round() of a Fraction is half-even


def round_half_up(value: Fraction, places: int) -> Fraction:
    scale = Fraction(10) ** places
    scaled = abs(value) * scale
    whole = int(scaled)
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    return (whole if value >= 0 else -whole) / scale


def evaluate(node: ast.Node, values: Mapping[str, Mapping[int, Any]], year: int) -> Fraction:
    """Evaluate a checked tree; raises ZeroDivisionError or Missing."""
    if isinstance(node, ast.Number):
        return Fraction(node.value)
    if isinstance(node, ast.Ref):
        at = node.period.resolve(year)
        if at not in values.get(node.name, {}):
            raise Missing(node.name)
        return Fraction(values[node.name][at])
    if isinstance(node, ast.Unary):
        operand = evaluate(node.operand, values, year)
        return -operand if node.op == "-" else operand
    if isinstance(node, ast.Call):
        return _call(node, values, year)
    left, right = evaluate(node.left, values, year), evaluate(node.right, values, year)
    if node.op == "+":
        return round_significant(left + right)
    if node.op == "-":
        return round_significant(left - right)
    if node.op == "*":
        return round_significant(left * right)
    if right == 0:
        raise ZeroDivisionError
    return round_significant(left / right)


def _condition(node: ast.Node, values: Mapping[str, Mapping[int, Any]], year: int) -> bool:
    assert isinstance(node, ast.Binary)
    left, right = evaluate(node.left, values, year), evaluate(node.right, values, year)
    return {
        "<": left < right,
        "<=": left <= right,
        ">": left > right,
        ">=": left >= right,
        "==": left == right,
        "!=": left != right,
    }[node.op]


def _call(node: ast.Call, values: Mapping[str, Mapping[int, Any]], year: int) -> Fraction:
    args = node.args
    if node.func == "if":
        return evaluate(args[1] if _condition(args[0], values, year) else args[2], values, year)
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
        before = ast.Ref(ref.name, ref.period.shifted(-1))
        now_value, before_value = evaluate(ref, values, year), evaluate(before, values, year)
        if before_value == 0:
            raise ZeroDivisionError
        change = round_significant(now_value - before_value)
        return round_significant(round_significant(change / before_value) * 100)
    numbers = [evaluate(arg, values, year) for arg in args]
    if node.func in ("sum", "avg"):
        total = numbers[0]
        for number in numbers[1:]:
            total = round_significant(total + number)
        return total if node.func == "sum" else round_significant(total / len(numbers))
    if node.func == "pct":
        if numbers[1] == 0:
            raise ZeroDivisionError
        return round_significant(round_significant(numbers[0] / numbers[1]) * 100)
    if node.func == "min":
        return min(numbers)
    if node.func == "max":
        return max(numbers)
    if node.func == "abs":
        return abs(numbers[0])
    assert node.func == "round"
    return round_half_up(numbers[0], int(numbers[1]))
