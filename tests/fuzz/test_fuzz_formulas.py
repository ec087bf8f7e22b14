"""Formula text through parse_formula and nine or more evaluations: a Decimal or an LkipError,
the compiled path equal to the reference, and arithmetic equal to the Fraction oracle."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given

from lkip_rules import parse_formula
from tests.fuzz import checks, gen, oracle
from tests.fuzz.gen import ArithCase, FormulaCase, fuzz_settings


@fuzz_settings(80)
@given(gen.grammar_formulas)
def test_grammar_formulas(case: FormulaCase) -> None:
    checks.run(case)


@fuzz_settings(60)
@given(gen.mutated_formulas)
def test_mutated_formulas(case: FormulaCase) -> None:
    checks.run(case)


@fuzz_settings(30)
@given(gen.deep_formulas)
def test_deep_and_long_formulas(case: FormulaCase) -> None:
    checks.run(case)


@fuzz_settings(80)
@given(gen.arithmetic)
def test_arithmetic_matches_the_fraction_oracle(case: ArithCase) -> None:
    checks.run(case)


def test_the_oracle_rounds_signs_like_decimal() -> None:
    """Why the oracle rounds unary signs: Decimal rounds ``-x``, ``+x`` and ``abs(x)`` to 28
    digits, while a value on its own stays exact (values given to evaluate() are not bounded
    like a catalog's figures, so they can carry more digits than the context)."""
    digits = Decimal("1.23456789012345678901234567890123")  # 33 significant digits
    exact = Fraction(digits)
    values = {"x": {2025: digits}}
    for text in ("-x", "+x", "abs(-x)", "--x"):
        formula = parse_formula(text)
        expected = oracle.evaluate(formula.tree, oracle.exact(values), 2025)
        assert Fraction(formula.evaluate_reference(values, year=2025)) == expected
        assert abs(expected) != exact  # rounded
    plain = parse_formula("x")
    reference = Fraction(plain.evaluate_reference(values, year=2025))
    assert reference == oracle.evaluate(plain.tree, oracle.exact(values), 2025) == exact
