"""Checks of formula cases: the compiled path against the reference interpreter, and
arithmetic against the Fraction oracle."""

from __future__ import annotations

import functools
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import lkip_rules
from lkip_rules import LkipError, parse_formula
from lkip_rules.formula import WALKS_BEFORE_COMPILED
from tests.fuzz import oracle
from tests.fuzz.checks.base import FuzzFailure, safe_repr, short_repr
from tests.fuzz.gen import ArithCase, FormulaCase

Outcome = tuple[str, Any]  # ("value", Decimal) or ("error", error class name)


def _outcome(evaluate: Callable[..., Any], values: object, year: object) -> Outcome:
    """What one evaluation gave: a Decimal, or the name of the LkipError; anything else escapes."""
    try:
        result = evaluate(values, year=year)
    except LkipError as exc:
        return ("error", type(exc).__name__)
    if not isinstance(result, Decimal):
        raise FuzzFailure("evaluate returned something that is not a Decimal", safe_repr(result, 400))
    return ("value", result)


def _what(outcome: Outcome) -> str:
    """An outcome in a few stable words, for the failure's tag."""
    status, found = outcome
    if status == "error":
        return str(found)
    return "a finite value" if found.is_finite() else str(found)


def _same(a: Outcome, b: Outcome) -> bool:
    """Equal errors, or equal values digit for digit (so 1.0 and 1.00 differ)."""
    if a[0] != b[0]:
        return False
    return a[1] == b[1] if a[0] == "error" else str(a[1]) == str(b[1])


Context = Callable[[], str]  # the inputs in words, made only when something failed


def _finite(path: str, got: Outcome, context: Context) -> None:
    """Never Infinity or NaN: a result is a finite Decimal or an error."""
    if got[0] == "value" and not got[1].is_finite():
        raise FuzzFailure(f"{path} returns {got[1]}", context())


def _compare(path: str, got: Outcome, reference: Outcome, context: Context) -> None:
    """``got`` equals the reference's outcome and is finite."""
    if not _same(got, reference):
        tag = f"{path} gives {_what(got)} where the reference gives {_what(reference)}"
        raise FuzzFailure(tag, f"{context()}\n{path}: {got[1]!r}\nreference: {reference[1]!r}")
    _finite(path, got, context)


def check_formula(case: FormulaCase) -> str:
    """Parse, then evaluate several times next to a formula compiled at once (of the same shape,
    so the first takes the shape's code from its third call) and the reference interpreter;
    all three must agree."""
    try:
        formula = parse_formula(case.text, known_names=case.known_names)  # type: ignore[arg-type]
    except LkipError:
        return "lkip"
    _round_trip(formula)
    forced = parse_formula(case.text, known_names=case.known_names)  # type: ignore[arg-type]
    forced.compiled()
    refused = False
    for number, (values, year) in enumerate(case.calls, start=1):
        context = functools.partial(_context, case.text, number, year, values)
        warm = "evaluate() once compiled" if number > WALKS_BEFORE_COMPILED else "evaluate() warming up"
        try:
            reference = _outcome(formula.evaluate_reference, values, year)
            _finite("the reference path", reference, context)
            _compare(warm, _outcome(formula.evaluate, values, year), reference, context)
            _compare("the compiled path", _outcome(forced.evaluate, values, year), reference, context)
        except Exception as exc:
            if not isinstance(exc, FuzzFailure):
                exc.add_note(context())
            raise
        refused = refused or reference[0] == "error"
    return "lkip" if refused else "ok"


def _context(text: str, call: int | str, year: object, values: object) -> str:
    return f"formula {text[:300]!r}, call {call}, year={year!r}, values={short_repr(values)}"


def _round_trip(formula: lkip_rules.Formula) -> None:
    """The canonical text (what explain and reports print) must parse back to the same tree."""
    text = str(formula)
    try:
        again = parse_formula(text)
    except LkipError:
        return
    if again.tree != formula.tree:
        raise FuzzFailure("canonical text parses to a different tree", f"{formula.source[:300]!r} -> {text[:300]!r}")


def check_arith(case: ArithCase) -> str:
    """Arithmetic against the Fraction oracle; compiled against reference."""
    try:
        formula = parse_formula(case.text)
    except LkipError:
        return "lkip"
    context = functools.partial(_context, case.text, "-", case.year, case.values)
    reference = _outcome(formula.evaluate_reference, case.values, case.year)
    _compare("the compiled path", _outcome(formula.compiled(), case.values, case.year), reference, context)
    _finite("the reference path", reference, context)
    try:
        expected: Fraction | str = oracle.evaluate(formula.tree, oracle.exact(case.values), case.year)
    except tuple(oracle.EXPECTED) as exc:
        expected = oracle.EXPECTED[type(exc)]
    if isinstance(expected, str):
        if reference != ("error", expected):
            raise FuzzFailure(f"reference gives {_what(reference)} where the oracle expects {expected}", context())
        return "lkip"
    if reference[0] != "value" or Fraction(reference[1]) != expected:
        tag = f"reference gives {_what(reference)} that differs from the Fraction oracle"
        raise FuzzFailure(tag, f"{context()}\nreference: {reference[1]!r}\noracle: {float(expected)!r} = {expected}")
    return "ok"
