"""Checks run when a formula is built, and the rewrite of sugar into arithmetic.

Everything that can be known before values arrive is checked here: names (with a
did-you-mean), functions and their arity, numbers versus conditions, year references.
"""

from __future__ import annotations

from collections.abc import Collection
from decimal import Decimal
from typing import Literal

from lkip_rules import numbers
from lkip_rules._suggest import closest
from lkip_rules.errors import ArityError, FormulaLimitError, FormulaTypeError, UnknownNameError
from lkip_rules.formula import ast
from lkip_rules.formula.functions import MAX_ROUND_DIGITS, SPECS
from lkip_rules.locale.text import Text

Kind = Literal["number", "condition"]

MAX_OFFSET = 50
"""Farthest year offset accepted: N-50 .. N+50."""
YEARS = range(1900, 2201)
"""Absolute years accepted in references."""

_HUNDRED = Decimal(100)


def check(node: ast.Node, source: str, known_names: Collection[str] | None) -> None:
    """Raise a FormulaError for the first problem found in ``node``; return if none."""
    kind = _kind(node, source, known_names)
    if kind != "number":
        raise FormulaTypeError(
            Text("formula.gives-condition"), source=source, span=node.span, hint=Text("formula.wrap-in-if")
        )


def _kind(node: ast.Node, source: str, known: Collection[str] | None) -> Kind:
    if isinstance(node, ast.Number):
        problem = numbers.problem(node.value)
        if problem is not None:  # the bounds of every figure hold for the numbers written in formulas too
            raise FormulaLimitError(problem, source=source, span=node.span)
        return "number"
    if isinstance(node, ast.Ref):
        _check_ref(node, source, known)
        return "number"
    if isinstance(node, ast.Call):
        return _check_call(node, source, known)
    if isinstance(node, ast.Unary):
        wanted: Kind = "condition" if node.op == "not" else "number"
        _expect(node.operand, wanted, f"'{node.op}'", source, known)
        return wanted
    if node.op in ast.LOGIC_OPS:
        _expect(node.left, "condition", f"'{node.op}'", source, known)
        _expect(node.right, "condition", f"'{node.op}'", source, known)
        return "condition"
    _expect(node.left, "number", f"'{node.op}'", source, known)
    _expect(node.right, "number", f"'{node.op}'", source, known)
    return "condition" if node.op in ast.COMPARE_OPS else "number"


def _expect(node: ast.Node, wanted: Kind, user: str, source: str, known: Collection[str] | None) -> None:
    got = _kind(node, source, known)
    if got == wanted:
        return
    if wanted == "number":
        message, hint = Text("formula.needs-number", user=user), Text("formula.make-number")
    else:
        message, hint = Text("formula.needs-condition", user=user), Text("formula.compare-it")
    raise FormulaTypeError(message, source=source, span=node.span, hint=hint)


def _check_ref(node: ast.Ref, source: str, known: Collection[str] | None) -> None:
    if known is not None and node.name not in known:
        suggestion = closest(node.name, known)
        raise UnknownNameError(
            Text("formula.unknown-name", name=node.name),
            name=node.name,
            suggestion=suggestion,
            source=source,
            span=(node.span[0], node.span[0] + len(node.name)),
        )
    period = node.period
    if period.year is not None and period.year not in YEARS:
        raise FormulaTypeError(
            Text("formula.year-outside", year=period.year, first=YEARS.start, last=YEARS.stop - 1),
            source=source,
            span=node.span,
        )
    if abs(period.offset) > MAX_OFFSET:
        raise FormulaTypeError(
            Text("formula.offset", offset=period.offset, limit=MAX_OFFSET),
            source=source,
            span=node.span,
        )


def _check_call(node: ast.Call, source: str, known: Collection[str] | None) -> Kind:
    spec = SPECS.get(node.func)
    if spec is None:
        raise UnknownNameError(
            Text("formula.unknown-function", name=node.func),
            name=node.func,
            suggestion=closest(node.func, SPECS),
            source=source,
            span=node.name_span,
        )
    count = len(node.args)
    if count < spec.min_args or (spec.max_args is not None and count > spec.max_args):
        if spec.max_args is None:
            message = Text("formula.arity-at-least", func=node.func, n=spec.min_args, count=count)
        else:
            key = "formula.arity-one" if spec.min_args == 1 else "formula.arity"
            message = Text(key, func=node.func, n=spec.min_args, count=count)
        hint = Text("load.write", example=spec.signature)
        raise ArityError(message, source=source, span=node.span, hint=hint)
    if node.func == "if":
        _expect(node.args[0], "condition", "if()", source, known)
        _expect(node.args[1], "number", "if()", source, known)
        _expect(node.args[2], "number", "if()", source, known)
        return "number"
    if node.func == "growth" and not isinstance(node.args[0], ast.Ref):
        raise ArityError(
            Text("formula.growth-name"), source=source, span=node.args[0].span, hint=Text("formula.growth-expression")
        )
    if node.func == "round":
        _check_digits(node.args[1], source)
    for arg in node.args:
        _expect(arg, "number", f"{node.func}()", source, known)
    return "number"


def _check_digits(node: ast.Node, source: str) -> None:
    value = node.value if isinstance(node, ast.Number) else None
    if value is None or value != value.to_integral_value() or value > MAX_ROUND_DIGITS:
        raise ArityError(
            Text("formula.round-digits", max=MAX_ROUND_DIGITS),
            source=source,
            span=node.span,
        )


def lower(node: ast.Node) -> ast.Node:
    """Rewrite pct and growth into arithmetic; the tree must be checked."""
    if isinstance(node, (ast.Number, ast.Ref)):
        return node
    # A part with nothing to rewrite is kept as it is: the lowered tree shares it.
    if isinstance(node, ast.Unary):
        operand = lower(node.operand)
        return node if operand is node.operand else ast.Unary(node.op, operand, span=node.span)
    if isinstance(node, ast.Binary):
        left, right = lower(node.left), lower(node.right)
        if left is node.left and right is node.right:
            return node
        return ast.Binary(node.op, left, right, span=node.span)
    args = tuple(lower(arg) for arg in node.args)
    span = node.span
    if node.func == "pct":
        ratio = ast.Binary("/", args[0], args[1], span=span)
        return ast.Binary("*", ratio, ast.Number(_HUNDRED, span=span), span=span)
    if node.func == "growth":
        now = args[0]
        assert isinstance(now, ast.Ref)
        before = ast.Ref(now.name, now.period.shifted(-1), span=now.span)
        change = ast.Binary("-", now, before, span=span)
        ratio = ast.Binary("/", change, before, span=span)
        return ast.Binary("*", ratio, ast.Number(_HUNDRED, span=span), span=span)
    if all(new is old for new, old in zip(args, node.args, strict=True)):
        return node
    return ast.Call(node.func, args, span=span, name_span=node.name_span)
