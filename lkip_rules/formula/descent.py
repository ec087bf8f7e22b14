"""The grammar of :mod:`.grammar` read by hand, without pyparsing: every formula that is valid.

Recursive descent builds the flat sequence ``prefix* atom (operator prefix* atom)*`` of each
expression — in parentheses and call arguments too — and :func:`.climb.climb_from` turns it into
the tree, exactly as the grammar does, with the same spans (the parser's tests compare both on
generated formulas). Anything unexpected returns None: the grammar then parses the text again
and, when the text is wrong, says where and why. So this module never has to explain an error.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from lkip_rules.formula import ast
from lkip_rules.formula.climb import KEYWORDS, NAME_PATTERN, WHITE_SPACE, ClimbError, Operator, climb_from

_SPACE = WHITE_SPACE  # pyparsing's, so both read the same language
_TOKEN = re.compile(
    _SPACE + r"(?:(?P<number>[0-9]+(?:_[0-9]+)*(?:\.[0-9]+(?:_[0-9]+)*)?)(?![A-Za-z0-9_.])"
    r"|(?P<name>" + NAME_PATTERN + r")"
    r"|(?P<op><=|>=|==|!=|[-+*/<>(),\[]))"
)
_PERIOD = re.compile(
    _SPACE + r"(?:N(?:" + _SPACE + r"(?P<sign>[-+])" + _SPACE + r"(?P<offset>[0-9]{1,6})(?![0-9]))?"
    r"|(?P<year>[0-9]{4})(?![0-9]))" + _SPACE + r"\]"
)
_REST = re.compile(_SPACE)
_PUNCTUATION = {char: re.compile(_SPACE + re.escape(char)) for char in "),"}
_BINARY = frozenset({"<=", ">=", "==", "!=", "+", "-", "*", "/", "<", ">", "and", "or"})


class _NotHere(Exception):
    """The text is not read here: the grammar reads it (and explains what is wrong)."""


def parse(text: str) -> ast.Node | None:
    """The tree of ``text`` as the grammar builds it, or None to leave the text to the grammar."""
    reader = _Reader(text)
    try:
        node = reader.expression()
    except (_NotHere, ClimbError, RecursionError):
        return None
    if _REST.match(text, reader.pos).end() != len(text):  # type: ignore[union-attr]
        return None
    return node


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def token(self) -> tuple[str, str, int, int] | None:
        """The next token as (kind, text, start, end), without taking it."""
        found = _TOKEN.match(self.text, self.pos)
        if found is None or found.lastgroup is None:
            return None
        kind = found.lastgroup
        return kind, found.group(kind), found.start(kind), found.end()

    def expression(self) -> ast.Node:
        """``prefix* atom (operator prefix* atom)*``, climbed into a tree."""
        items: list[Any] = []
        self.operand(items)
        while True:
            ahead = self.token()
            if ahead is None or ahead[1] not in _BINARY:
                break
            items.append(Operator(ahead[1], ahead[2], ahead[3]))
            self.pos = ahead[3]
            self.operand(items)
        node, taken = climb_from(items, 0, 0)
        if taken != len(items):  # pragma: no cover - the climb takes every item it is given
            raise _NotHere
        return node

    def operand(self, items: list[Any]) -> None:
        while True:
            ahead = self.token()
            if ahead is None:
                raise _NotHere
            kind, token, start, end = ahead
            if token in ("-", "+", "not"):
                items.append(Operator(token, start, end))
                self.pos = end
                continue
            self.pos = end
            items.append(self.atom(kind, token, start, end))
            return

    def atom(self, kind: str, token: str, start: int, end: int) -> ast.Node:
        if kind == "number":
            return ast.Number(Decimal(token.replace("_", "")), span=(start, end))
        if kind == "op":
            if token != "(":
                raise _NotHere
            node = self.expression()  # parentheses only group: the node keeps its own span
            self.expect(")")
            return node
        if token in KEYWORDS:
            raise _NotHere
        ahead = self.token()
        if ahead is not None and ahead[1] == "(":
            self.pos = ahead[3]
            return ast.Call(token, self.arguments(), span=(start, self.pos), name_span=(start, end))
        if ahead is not None and ahead[1] == "[":
            return ast.Ref(token, self.period(ahead[3]), span=(start, self.pos))
        return ast.Ref(token, ast.CURRENT, span=(start, end))

    def arguments(self) -> tuple[ast.Node, ...]:
        args: list[ast.Node] = []
        if self._next_is(")"):
            return ()
        args.append(self.expression())
        while self._next_is(","):
            args.append(self.expression())
        self.expect(")")
        return tuple(args)

    def period(self, after_bracket: int) -> ast.Period:
        found = _PERIOD.match(self.text, after_bracket)
        if found is None:
            raise _NotHere
        self.pos = found.end()
        if found.group("year") is not None:
            return ast.Period(year=int(found.group("year")))
        if found.group("sign") is None:
            return ast.CURRENT
        offset = int(found.group("offset"))
        return ast.Period(offset=-offset if found.group("sign") == "-" else offset)

    def _next_is(self, char: str) -> bool:
        """Take the next token when it is ``char``."""
        found = _PUNCTUATION[char].match(self.text, self.pos)
        if found is None:
            return False
        self.pos = found.end()
        return True

    def expect(self, char: str) -> None:
        if not self._next_is(char):
            raise _NotHere
