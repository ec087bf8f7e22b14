"""AST → canonical formula text (minimal parentheses, one space around operators)."""

from __future__ import annotations

from lkip_rules.formula import ast
from lkip_rules.formula.climb import NOT_PRECEDENCE, PRECEDENCE, SIGN_PRECEDENCE

_ATOM = 8


def unparse(node: ast.Node) -> str:
    """Canonical text of ``node``; parsing it gives back an equal tree."""
    return _text(node)[0]


def _text(node: ast.Node) -> tuple[str, int]:
    """The text of ``node`` and the precedence of its outermost operator."""
    if isinstance(node, ast.Number):
        return format(node.value, "f"), _ATOM
    if isinstance(node, ast.Ref):
        if node.period == ast.CURRENT:
            return node.name, _ATOM
        return f"{node.name}[{node.period}]", _ATOM
    if isinstance(node, ast.Call):
        return f"{node.func}({', '.join(unparse(arg) for arg in node.args)})", _ATOM
    if isinstance(node, ast.Unary):
        if node.op == "not":
            return f"not {_wrap(node.operand, NOT_PRECEDENCE)}", NOT_PRECEDENCE
        # A sign binds tighter than any binary operator: -(a + b), -a * b.
        return f"{node.op}{_wrap(node.operand, SIGN_PRECEDENCE)}", SIGN_PRECEDENCE
    prec = PRECEDENCE[node.op]
    left = _wrap(node.left, prec)
    # Left-associative: an equal-precedence right operand needs parentheses,
    # and comparisons do not chain, so their left operand needs them too.
    right = _wrap(node.right, prec + 1)
    if prec == PRECEDENCE["<"]:
        left = _wrap(node.left, prec + 1)
    return f"{left} {node.op} {right}", prec


def _wrap(node: ast.Node, min_prec: int) -> str:
    text, prec = _text(node)
    return text if prec >= min_prec else f"({text})"
