"""Precedence climbing over a flat sequence ``prefix* atom (operator prefix* atom)*``: the tree the
BNF in :mod:`.grammar` describes, built without pyparsing. The grammar hands its matches here, and so
does the hand-written reader of :mod:`.descent`, so both build the same tree.
"""

from __future__ import annotations

from typing import Any

import attrs

from lkip_rules.formula import ast
from lkip_rules.locale.text import Text

KEYWORDS = frozenset({"and", "or", "not"})
NAME_PATTERN = r"[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*"
WHITE_SPACE = "[ \t\r\n]*"
"""What the grammar skips between tokens: pyparsing's default white space, and nothing else."""

# Binding strength of binary operators; prefix "-"/"+" bind tighter than all of them,
# prefix "not" binds tighter than "and" but looser than the comparisons.
PRECEDENCE = {"or": 1, "and": 2, **dict.fromkeys(ast.COMPARE_OPS, 4), "+": 5, "-": 5, "*": 6, "/": 6}
NOT_PRECEDENCE = 3
SIGN_PRECEDENCE = 7


@attrs.frozen
class Operator:
    """An operator token with its place in the source, used while climbing."""

    op: str
    start: int
    end: int


class ClimbError(Exception):
    """Raised while climbing; the parser turns it into a FormulaSyntaxError."""

    def __init__(self, message: str, span: ast.Span) -> None:
        super().__init__(message)
        self.message = message
        self.span = span


def climb_from(items: list[Any], pos: int, min_prec: int) -> tuple[ast.Node, int]:
    """Precedence climbing over ``prefix* atom (operator prefix* atom)*``."""
    left, pos = _operand(items, pos, min_prec)
    while pos < len(items):
        op: Operator = items[pos]
        prec = PRECEDENCE[op.op]
        if prec < min_prec:
            break
        right, pos = climb_from(items, pos + 1, prec + 1)
        left = ast.Binary(op.op, left, right, span=(left.span[0], right.span[1]))  # type: ignore[arg-type]
        if prec == PRECEDENCE["<"] and pos < len(items) and PRECEDENCE[items[pos].op] == prec:
            nxt = items[pos]
            raise ClimbError(Text("formula.chained"), (nxt.start, nxt.end))
    return left, pos


def _operand(items: list[Any], pos: int, min_prec: int) -> tuple[ast.Node, int]:
    item = items[pos]
    if not isinstance(item, Operator):
        return item, pos + 1
    if item.op == "not":
        if min_prec > NOT_PRECEDENCE:
            raise ClimbError(Text("formula.bracket-not"), (item.start, item.end))
        operand, pos = climb_from(items, pos + 1, NOT_PRECEDENCE)
    else:
        operand, pos = _operand(items, pos + 1, SIGN_PRECEDENCE)
    return ast.Unary(item.op, operand, span=(item.start, operand.span[1])), pos  # type: ignore[arg-type]
