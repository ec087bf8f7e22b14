"""The formula AST: small frozen nodes that remember where they came from.

Every node carries ``span`` (start, end offsets in the source). Spans are left out of
equality and hashing, so two formulas that differ only in spacing have equal trees;
that is what makes ``parse(unparse(tree)) == tree`` a meaningful property.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Literal

import attrs

Span = tuple[int, int]
NO_SPAN: Span = (0, 0)

ArithOp = Literal["+", "-", "*", "/"]
CompareOp = Literal["<", "<=", ">", ">=", "==", "!="]
LogicOp = Literal["and", "or"]
BinaryOp = ArithOp | CompareOp | LogicOp
UnaryOp = Literal["-", "+", "not"]

ARITH_OPS: frozenset[str] = frozenset({"+", "-", "*", "/"})
COMPARE_OPS: frozenset[str] = frozenset({"<", "<=", ">", ">=", "==", "!="})
LOGIC_OPS: frozenset[str] = frozenset({"and", "or"})


@attrs.frozen
class Period:
    """A year reference: ``offset`` years from N (``[N-1]``), or an absolute ``year``."""

    offset: int = 0
    year: int | None = None

    def resolve(self, n: int) -> int:
        """The calendar year this period means when evaluating year ``n``."""
        return self.year if self.year is not None else n + self.offset

    def shifted(self, by: int) -> Period:
        """The period ``by`` years later (earlier when negative)."""
        if self.year is not None:
            return Period(year=self.year + by)
        return Period(offset=self.offset + by)

    def __str__(self) -> str:
        if self.year is not None:
            return str(self.year)
        if self.offset == 0:
            return "N"
        return f"N{self.offset:+d}"


CURRENT = Period()


@attrs.frozen
class Number:
    value: Decimal
    span: Span = attrs.field(default=NO_SPAN, eq=False)


@attrs.frozen
class Ref:
    """A name at a period; a bare name means ``[N]``."""

    name: str
    period: Period = CURRENT
    span: Span = attrs.field(default=NO_SPAN, eq=False)


@attrs.frozen
class Unary:
    op: UnaryOp
    operand: Node
    span: Span = attrs.field(default=NO_SPAN, eq=False)


@attrs.frozen
class Binary:
    op: BinaryOp
    left: Node
    right: Node
    span: Span = attrs.field(default=NO_SPAN, eq=False)


@attrs.frozen
class Call:
    func: str
    args: tuple[Node, ...]
    span: Span = attrs.field(default=NO_SPAN, eq=False)
    name_span: Span = attrs.field(default=NO_SPAN, eq=False)


Node = Number | Ref | Unary | Binary | Call


def children(node: Node) -> tuple[Node, ...]:
    """The direct sub-expressions of ``node``, left to right."""
    if isinstance(node, Unary):
        return (node.operand,)
    if isinstance(node, Binary):
        return (node.left, node.right)
    if isinstance(node, Call):
        return node.args
    return ()


def walk(node: Node) -> Iterator[Node]:
    """Every node of the tree, parents before children, left to right (no recursion). Every
    formula of a catalog is walked when it is made, so the children are pushed here directly
    rather than through children()."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        if isinstance(current, Binary):
            stack += (current.right, current.left)
        elif isinstance(current, Call):
            stack += reversed(current.args)
        elif isinstance(current, Unary):
            stack.append(current.operand)


def depth(node: Node) -> int:
    """The number of nodes on the longest root-to-leaf path (no recursion)."""
    deepest = 0
    stack = [(node, 1)]
    while stack:
        current, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in children(current))
    return deepest


def shift(node: Node, by: int) -> Node:
    """The same tree with every span moved ``by`` characters (for a formula built from parts)."""

    def move(span: Span) -> Span:
        return (span[0] + by, span[1] + by)

    if isinstance(node, Unary):
        return Unary(node.op, shift(node.operand, by), span=move(node.span))
    if isinstance(node, Binary):
        return Binary(node.op, shift(node.left, by), shift(node.right, by), span=move(node.span))
    if isinstance(node, Call):
        args = tuple(shift(arg, by) for arg in node.args)
        return Call(node.func, args, span=move(node.span), name_span=move(node.name_span))
    if isinstance(node, Ref):
        return Ref(node.name, node.period, span=move(node.span))
    return Number(node.value, span=move(node.span))
