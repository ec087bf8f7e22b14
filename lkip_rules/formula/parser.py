"""Formula text → AST, with size limits and errors that point at the wrong token."""

from __future__ import annotations

import functools
import re

from lkip_rules.errors import FormulaLimitError, FormulaSyntaxError
from lkip_rules.formula import ast, descent
from lkip_rules.formula.climb import KEYWORDS, NAME_PATTERN, WHITE_SPACE, ClimbError
from lkip_rules.locale.text import Grouped, Text

MAX_LENGTH = 10_000
"""Longest formula text accepted, in characters."""
MAX_NESTING = 32
"""Deepest nesting of brackets, parentheses and prefix operators accepted."""
MAX_DEPTH = 100
"""Deepest tree accepted (a chain of 100 operators; use sum() for longer lists)."""

# White space is what the grammar skips (pyparsing's " \t\r\n"); any other space is a character
# the formula cannot have, pointed at with a hint.
_BARE_NAME = re.compile(WHITE_SPACE + "(" + NAME_PATTERN + ")" + WHITE_SPACE)
_TOKEN = re.compile(WHITE_SPACE + "(" + NAME_PATTERN + r"|[0-9][0-9_.]*|<=|>=|==|!=|[^ \t\r\n])")
_EXPECTED = {
    "operand": Text("formula.an-operand"),  # a number, a name, a function call or '('
    "end of text": Text("formula.an-operator"),  # an operator or the end of the formula
    "whole number": Text("formula.a-whole-number"),
}
# Characters people bring from spreadsheets, with what to write instead ("%": write part / whole * 100).
_HINTS = {
    char: Text(f"formula.hint-{name}")
    for char, name in {
        "%": "percent",
        "^": "power",
        "=": "equals",
        ",": "comma",
        "\u00d7": "times",
        ":": "colon",
        ";": "semicolon",
    }.items()
}


def parse(text: str) -> ast.Node:
    """Parse formula text into an AST; raise FormulaError if it is not a formula."""
    if not isinstance(text, str):
        raise FormulaSyntaxError(Text("formula.not-text", kind=type(text).__name__))
    if len(text) > MAX_LENGTH:
        raise FormulaLimitError(
            Text("formula.too-long", length=Grouped(len(text)), limit=Grouped(MAX_LENGTH)),
            source=text[:200],
            span=(0, 1),
            hint=Text("formula.split"),
        )
    bare = _BARE_NAME.fullmatch(text)
    if bare is not None and bare.group(1) not in KEYWORDS:
        # The most common formula part is one name; it needs no parser.
        return ast.Ref(bare.group(1), ast.CURRENT, span=bare.span(1))
    _check_nesting(text)
    return _parse_cached(text)


@functools.lru_cache(maxsize=4096)
def _parse_cached(text: str) -> ast.Node:
    # Catalogs repeat formulas; trees are immutable, so sharing them is safe. The grammar
    # (pyparsing) reads only what the hand-written reader leaves it: the texts that are wrong.
    node = descent.parse(text)
    if node is None:
        node = _with_the_grammar(text)
    if ast.depth(node) > MAX_DEPTH:
        raise FormulaLimitError(
            Text("formula.too-many-operations", depth=MAX_DEPTH),
            source=text,
            span=node.span,
            hint=Text("formula.use-sum"),
        )
    return node


def _with_the_grammar(text: str) -> ast.Node:
    import pyparsing as pp  # only when a formula needs more than plain arithmetic

    from lkip_rules.formula import grammar

    try:
        node: ast.Node = grammar.shared().parse_string(text, parse_all=True)[0]
    except pp.ParseBaseException as exc:
        raise _syntax_error(text, exc.loc, exc.msg) from None
    except ClimbError as exc:
        raise FormulaSyntaxError(exc.message, source=text, span=exc.span) from None
    except RecursionError:  # a safety net: _check_nesting should have stopped it
        raise _too_deep(text, (0, 1)) from None
    return node


def _check_nesting(text: str) -> None:
    """Refuse deep nesting before pyparsing recurses into it."""
    level = 0
    for match in re.finditer(r"[(\[]|[)\]]", text):
        level += 1 if match.group() in "([" else -1
        if level > MAX_NESTING:
            raise _too_deep(text, match.span())
    run = _PREFIX_RUN.search(text)
    if run is not None:
        raise _too_deep(text, run.span())


_PREFIX_RUN = re.compile(r"(?:(?:[-+]|not(?![a-z0-9_.]))\s*){" + str(MAX_NESTING + 1) + ",}")


def _too_deep(text: str, span: ast.Span) -> FormulaLimitError:
    return FormulaLimitError(
        Text("formula.too-deep", levels=MAX_NESTING), source=text, span=span, hint=Text("formula.simplify")
    )


def _syntax_error(text: str, loc: int, msg: str) -> FormulaSyntaxError:
    named = msg.removeprefix("Expected ")
    expected = _EXPECTED.get(named, named)  # pyparsing's name of a token, such as "')'", as it is
    match = _TOKEN.match(text, loc)
    found: str
    if match is None:
        found, span = Text("formula.the-end"), (len(text), len(text) + 1)
    else:
        token = match.group(1)
        found, span = repr(token if len(token) <= 40 else token[:30] + "…"), match.span(1)
    hint: str | None = _HINTS.get(match.group(1)) if match else None
    if match and match.group(1).isspace():
        hint = Text("formula.hint-space")
    if match and match.group(1)[:1].isupper():
        hint = Text("formula.lower-case")
    return FormulaSyntaxError(
        Text("formula.expected", expected=expected, found=found), source=text, span=span, hint=hint
    )
