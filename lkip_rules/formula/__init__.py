"""The formula language: parse once, check before running, evaluate exactly and fast.

Pipeline, one module each: :mod:`.descent` (the grammar read by hand; :mod:`.grammar`, in
pyparsing, explains a wrong text) → :mod:`.ast` (frozen nodes) → :mod:`.parser` (limits,
positioned errors) → :mod:`.checker` (names, arity, kinds;
sugar rewritten into arithmetic) → :mod:`.interpreter` (the reference) and
:mod:`.compiler` (the fast path) ; :mod:`.unparse` gives canonical text back.
"""

from __future__ import annotations

import weakref
from collections.abc import Collection, Mapping
from decimal import Decimal
from types import MappingProxyType

from lkip_rules.errors import ArgumentError
from lkip_rules.formula import ast, checker, compiler, interpreter, parser
from lkip_rules.formula.ast import Period
from lkip_rules.formula.unparse import unparse
from lkip_rules.formula.values import Values

__all__ = ["Formula", "Period", "parse_formula", "ratio_formula"]

COMPILE_AFTER = 8
"""Calls of formulas of one shape that walk the tree before the shape is compiled (counted
from each formula's third call)."""

WALKS_BEFORE_COMPILED = 2
"""Calls of one formula that walk the tree before it takes its shape's compiled code."""

_CURRENT_ONLY = frozenset({ast.CURRENT})  # the periods of most names: one object for them all


def _periods(periods: set[Period]) -> frozenset[Period]:
    return _CURRENT_ONLY if periods == _CURRENT_ONLY else frozenset(periods)


class Formula:
    """A parsed, checked and compiled formula.

    ``evaluate(values, year=None) -> Decimal`` walks the tree for its first calls, then
    becomes the compiled function itself (see ``_warm_up``), so a call costs no more than the
    arithmetic and the value look-ups. Both give the same results and the same errors.
    """

    __slots__ = (
        *("_calls", "_compiled", "_skeleton", "_text"),
        *("__weakref__", "evaluate", "lowered", "names", "same_year_only", "source", "tree"),
    )

    source: str
    tree: ast.Node
    lowered: ast.Node
    names: Mapping[str, frozenset[Period]]
    evaluate: compiler.Evaluator

    def __init__(self, source: str, tree: ast.Node) -> None:
        self.source = source
        self.tree = tree
        self.lowered = checker.lower(tree)
        found: dict[str, set[Period]] = {}
        tolerant = False  # if() and coalesce() can do without some of their values
        for node in ast.walk(self.lowered):
            if isinstance(node, ast.Ref):
                found.setdefault(node.name, set()).add(node.period)
            elif isinstance(node, ast.Call):
                tolerant = tolerant or node.func in ("if", "coalesce")
        self.names = MappingProxyType({name: _periods(periods) for name, periods in found.items()})
        # True when a value needs every name it uses, each in the year evaluated: without any
        # figure of that year there is surely none.
        self.same_year_only = bool(found) and not tolerant and all(p is _CURRENT_ONLY for p in self.names.values())
        self._calls = 0
        self._compiled: compiler.Evaluator | None = None
        self._skeleton: compiler.Skeleton | None = None
        self._text: str | None = None
        self.evaluate = _warming_up(self)

    def _warm_up(self, values: Values, year: int | None = None) -> Decimal:
        # Compiling costs about as much as a hundred walks of the tree, so a shape (the same
        # formula but for its names and numbers) is compiled only once formulas of that shape
        # were evaluated again and again; then a formula gets its own function over the shape's
        # code (about one walk's cost) from its third call on. A catalog evaluated once for a
        # report (each formula twice: the year and the year before) never pays for compiling,
        # and an app scoring many agencies with a catalog of thousands of ratio formulas
        # compiles one shape, not thousands of formulas.
        self._calls += 1
        if self._calls > WALKS_BEFORE_COMPILED:
            if self._skeleton is None:
                self._skeleton = compiler.skeleton(self.lowered)
            shape = compiler.shape_of(self._skeleton)
            shape.calls += 1
            if shape.ready or shape.calls > COMPILE_AFTER:
                return self.compiled()(values, year)
        return interpreter.evaluate(self.lowered, values, year, self.source)

    def compiled(self) -> compiler.Evaluator:
        """The compiled evaluator, compiling it now if it is not yet; ``evaluate`` becomes it."""
        if self._compiled is None:
            self._compiled = compiler.compile_tree(self.lowered, self.source, self._skeleton)
            self.evaluate = self._compiled
        return self._compiled

    def evaluate_reference(self, values: Values, year: int | None = None) -> Decimal:
        """Evaluate by walking the tree: slower, the definition the fast path must match."""
        return interpreter.evaluate(self.lowered, values, year, self.source)

    def __str__(self) -> str:
        if self._text is None:  # every result names its formula: unparse once
            self._text = unparse(self.tree)
        return self._text

    def __repr__(self) -> str:
        return f"Formula({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Formula) and self.tree == other.tree

    def __hash__(self) -> int:
        return hash(self.tree)


def _warming_up(formula: Formula) -> compiler.Evaluator:
    """``formula._warm_up`` without a reference back to ``formula``: the bound method, stored in
    the formula, would make each formula a reference cycle, freed only by the cyclic collector
    instead of at once when its catalog is dropped. (A ``__getattr__`` would cost every look-up
    of ``evaluate`` instead: CPython does not specialise attribute access on such classes.)"""
    me = weakref.ref(formula)
    lowered, source = formula.lowered, formula.source

    def warm_up(values: Values, year: int | None = None) -> Decimal:
        found = me()
        if found is None:  # evaluate was kept, its formula dropped: walking needs no formula
            return interpreter.evaluate(lowered, values, year, source)
        return found._warm_up(values, year)

    return warm_up


def ratio_formula(numerator: str, denominator: str, multiplier: Decimal) -> Formula:
    """``(numerator) / (denominator) * multiplier`` from its parts, each checked as written."""
    parts = []
    for part in (numerator, denominator):
        tree = parser.parse(part)
        checker.check(tree, part, None)
        parts.append(tree)
    text = f"({numerator}) / ({denominator}) * {multiplier}"
    num, den = ast.shift(parts[0], 1), ast.shift(parts[1], len(numerator) + 6)
    ratio = ast.Binary("/", num, den, span=(0, den.span[1] + 1))
    scale = ast.Number(multiplier, span=(len(text) - len(str(multiplier)), len(text)))
    formula = Formula(text, ast.Binary("*", ratio, scale, span=(0, len(text))))
    if isinstance(num, ast.Ref) and isinstance(den, ast.Ref) and num.period == den.period == ast.CURRENT:
        # The usual ratio of two names: its canonical text without unparsing (a test holds it equal).
        formula._text = f"{num.name} / {den.name} * {unparse(scale)}"
    return formula


def parse_formula(text: str, *, known_names: Collection[str] | None = None) -> Formula:
    """Parse and check ``text``; raise a FormulaError subclass if it is not a valid formula.

    With ``known_names``, every name the formula uses must be one of them.
    """
    if known_names is not None and (isinstance(known_names, (str, bytes)) or not isinstance(known_names, Collection)):
        raise ArgumentError(f"known_names must be a collection of names, such as a set, not {known_names!r}")
    if known_names is not None and not all(isinstance(name, str) for name in known_names):
        raise ArgumentError("known_names must hold names as text")
    tree = parser.parse(text)
    checker.check(tree, text, known_names)
    return Formula(text, tree)
