"""The formula grammar, in pyparsing, building AST nodes as it matches.

BNF (the language of DESIGN.md)::

    expr     := or
    or       := and ("or" and)*
    and      := not ("and" not)*
    not      := "not" not | compare
    compare  := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum)?
    sum      := product (("+" | "-") product)*
    product  := unary (("*" | "/") unary)*
    unary    := ("-" | "+") unary | atom
    atom     := NUMBER | call | ref | "(" expr ")"
    ref      := NAME ("[" period "]")?
    period   := "N" (("+" | "-") INT)? | YEAR
    call     := NAME "(" (expr ("," expr)*)? ")"
    NAME     := [a-z_][a-z0-9_]* ("." [a-z_][a-z0-9_]*)*     (not "and", "or", "not")
    NUMBER   := DIGITS ("." DIGITS)?       DIGITS := [0-9]+ ("_" [0-9]+)*
    YEAR     := [0-9]{4}

How it is matched: pyparsing reads an expression as a flat sequence
``prefix* atom (operator prefix* atom)*`` and :func:`_climb` (precedence climbing)
builds the tree the BNF describes. One flat level instead of eight nested ones makes a
parse several times faster and lets parentheses nest deeper before Python's recursion
limit. After an operator, an opening bracket or a comma the grammar uses pyparsing's
``-`` (no backtracking), so a failure is reported at the token that is wrong rather
than at the start of the expression where backtracking gave up.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import Any

import pyparsing as pp

from lkip_rules.formula import ast
from lkip_rules.formula.climb import (
    KEYWORDS,
    NAME_PATTERN,
    NOT_PRECEDENCE,
    PRECEDENCE,
    SIGN_PRECEDENCE,
    ClimbError,
    Operator,
    climb_from,
)

__all__ = [
    "KEYWORDS",
    "NAME_PATTERN",
    "NOT_PRECEDENCE",
    "PRECEDENCE",
    "SIGN_PRECEDENCE",
    "ClimbError",
    "build",
    "shared",
]


def _number(s: str, loc: int, toks: pp.ParseResults) -> ast.Number:
    text = toks[0]
    return ast.Number(Decimal(text.replace("_", "")), span=(loc, loc + len(text)))


def _period(toks: pp.ParseResults) -> ast.Period:
    if toks[0] != "N":
        return ast.Period(year=int(toks[0]))
    if len(toks) == 1:
        return ast.CURRENT
    offset = int(toks[2])
    return ast.Period(offset=-offset if toks[1] == "-" else offset)


def _named(s: str, loc: int, toks: pp.ParseResults) -> ast.Node:
    start, parts, end = toks
    name = parts[0]
    if len(parts) == 1:  # a bare name: end at the name, not at the blanks after it
        return ast.Ref(name, ast.CURRENT, span=(start, start + len(name)))
    if isinstance(parts[1], ast.Period):
        return ast.Ref(name, parts[1], span=(start, end))
    args = tuple(parts[1])
    return ast.Call(name, args, span=(start, end), name_span=(start, start + len(name)))


def _group(s: str, loc: int, toks: pp.ParseResults) -> Any:
    return toks[1][0]  # parentheses only group; the node keeps its own span


def _operator(s: str, loc: int, toks: pp.ParseResults) -> Operator:
    return Operator(toks[0], loc, loc + len(toks[0]))


def _climb(s: str, loc: int, toks: pp.ParseResults) -> ast.Node:
    items: list[Any] = list(toks)
    node, pos = climb_from(items, 0, 0)
    assert pos == len(items)
    return node


@functools.cache
def shared() -> pp.ParserElement:
    """The grammar, built once, when a formula first needs it."""
    return build()


def build() -> pp.ParserElement:
    """Build the grammar; the result is reused for every parse."""
    lpar, rpar, lbrack, rbrack, comma = map(pp.Suppress, "()[],")
    name = pp.Regex(NAME_PATTERN).set_name("name")
    name.add_condition(lambda toks: toks[0] not in KEYWORDS)
    # A number must not run into a letter ("2x") or a second point ("1.2.3").
    number = pp.Regex(r"[0-9]+(?:_[0-9]+)*(?:\.[0-9]+(?:_[0-9]+)*)?(?![A-Za-z0-9_.])")
    number.set_name("number").set_parse_action(_number)

    expr = pp.Forward()
    expr.set_name("expression")
    # Offsets are small (N-50..N+50, see the checker); a run of thousands of digits is no offset.
    integer = pp.Regex(r"[0-9]{1,6}(?![0-9])").set_name("whole number")
    year = pp.Regex(r"[0-9]{4}(?![0-9])").set_name("year")
    relative = pp.Literal("N") + pp.Optional(pp.one_of("+ -") - integer)
    period = (relative | year).set_name("period (N, N-1 or a year)")
    period.set_parse_action(_period)
    args = pp.Optional(expr + pp.ZeroOrMore(comma - expr))
    call_tail = pp.Group(lpar - args - rpar)
    period_tail = lbrack - period - rbrack
    # One alternative for names, so "f(" and "x[" are told apart without matching twice.
    named = pp.Located(name + pp.Optional(call_tail | period_tail)).set_parse_action(_named)
    group = pp.Located(lpar - expr - rpar).set_parse_action(_group)
    atom = (number | named | group).set_name("operand")

    prefix = pp.Regex(r"[-+]|not(?![a-z0-9_.])").set_name("operand")
    prefix.set_parse_action(_operator)
    binary = pp.Regex(r"<=|>=|==|!=|[-+*/<>]|(?:and|or)(?![a-z0-9_.])").set_name("operator")
    binary.set_parse_action(_operator)
    operand = (pp.ZeroOrMore(prefix) + atom).set_name("operand")
    expr <<= (operand + pp.ZeroOrMore(binary - operand)).set_parse_action(_climb)
    # Spans index the text as written: pyparsing would otherwise expand tabs to spaces first.
    return expr.parse_with_tabs()
