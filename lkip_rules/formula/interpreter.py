"""The reference evaluator: a plain walk over the (lowered) tree.

It is the definition of what a formula means. The compiled evaluator must agree with
it on every input (the property tests check that), and hands over to it whenever
something goes wrong, so every error is raised from here, with full detail.
"""

from __future__ import annotations

import decimal
from collections.abc import Callable
from decimal import Decimal

from lkip_rules.errors import ArgumentError, DivisionByZeroError, MissingValueError, NumericError
from lkip_rules.formula import ast, values
from lkip_rules.formula.functions import maximum, mean, minimum, round_half_up, total
from lkip_rules.formula.unparse import unparse
from lkip_rules.locale.text import Items, Text

Resolver = Callable[[ast.Ref], Decimal]


def evaluate(node: ast.Node, vals: values.Values, year: int | None, source: str) -> Decimal:
    """Evaluate a checked, lowered tree on ``vals`` for ``year``."""
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise ArgumentError(f"the year must be a whole number such as 2025, not {year!r}")

    def resolve(ref: ast.Ref) -> Decimal:
        found = values.resolve(vals, ref.name, ref.period, year)
        if isinstance(found, values.Missing):
            raise values.missing_error(ref.name, ref.period, year, source, ref.span)
        return found

    try:
        result = _Walker(resolve, source).number(node)
    except (decimal.Overflow, decimal.InvalidOperation) as exc:
        raise NumericError(
            Text("formula.result-too-large", kind=type(exc).__name__),
            source=source,
            span=node.span,
        ) from None
    if not result.is_finite():  # only under a decimal context whose traps were turned off
        raise NumericError(Text("formula.result-not-finite", result=str(result)), source=source, span=node.span)
    return result


class _Walker:
    def __init__(self, resolve: Resolver, source: str) -> None:
        self.resolve = resolve
        self.source = source

    def number(self, node: ast.Node) -> Decimal:
        if isinstance(node, ast.Number):
            return node.value
        if isinstance(node, ast.Ref):
            return self.resolve(node)
        if isinstance(node, ast.Unary):
            operand = self.number(node.operand)
            return -operand if node.op == "-" else +operand
        if isinstance(node, ast.Call):
            return self.call(node)
        left = self.number(node.left)
        right = self.number(node.right)
        if node.op == "+":
            return left + right
        if node.op == "-":
            return left - right
        if node.op == "*":
            return left * right
        if not right:
            raise self.division_by_zero(node)
        return left / right

    def condition(self, node: ast.Node) -> bool:
        if isinstance(node, ast.Unary):  # only "not" gives a condition
            return not self.condition(node.operand)
        assert isinstance(node, ast.Binary)
        if node.op == "and":
            return self.condition(node.left) and self.condition(node.right)
        if node.op == "or":
            return self.condition(node.left) or self.condition(node.right)
        left, right = self.number(node.left), self.number(node.right)
        return _COMPARE[node.op](left, right)

    def call(self, node: ast.Call) -> Decimal:
        args = node.args
        if node.func == "if":
            return self.number(args[1] if self.condition(args[0]) else args[2])
        if node.func == "coalesce":
            for arg in args[:-1]:
                try:
                    return self.number(arg)
                except MissingValueError:
                    continue
            return self.number(args[-1])
        numbers = [self.number(arg) for arg in args]
        if node.func == "min":
            return minimum(*numbers)
        if node.func == "max":
            return maximum(*numbers)
        if node.func == "sum":
            return total(*numbers)
        if node.func == "avg":
            return mean(*numbers)
        if node.func == "abs":
            return abs(numbers[0])
        assert node.func == "round", node.func
        return round_half_up(numbers[0], int(numbers[1]))

    def division_by_zero(self, node: ast.Binary) -> DivisionByZeroError:
        divisor = unparse(node.right)
        involved = {}
        for sub in ast.walk(node.right):
            if isinstance(sub, ast.Ref):
                try:
                    involved[unparse(sub)] = self.resolve(sub)
                except MissingValueError:  # a name coalesce() passed over: no value to show
                    continue
        shown = Items(Text("assigned", name=name, value=value) for name, value in involved.items())
        message = (
            Text("eval.division-by-zero-values", divisor=divisor, values=shown)
            if involved
            else Text("eval.division-by-zero", divisor=divisor)
        )
        return DivisionByZeroError(
            message,
            divisor=divisor,
            values=involved,
            source=self.source,
            span=node.right.span,
            hint=Text("formula.zero-hint"),
        )


_COMPARE: dict[str, Callable[[Decimal, Decimal], bool]] = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
}
