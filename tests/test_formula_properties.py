"""Property tests of the formula language (jmespath-style: succeed or raise our error)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import lkip_rules
from lkip_rules.errors import DivisionByZeroError, EvaluationError, FormulaError, MissingValueError
from lkip_rules.formula import ast, parser
from lkip_rules.formula.unparse import unparse
from tests import oracle, strategies


@given(strategies.any_trees)
def test_unparse_then_parse_gives_the_same_tree(tree: ast.Node) -> None:
    assert parser.parse(unparse(tree)) == tree


@given(strategies.numeric_trees)
def test_canonical_text_is_a_fixed_point(tree: ast.Node) -> None:
    text = str(lkip_rules.parse_formula(unparse(tree)))
    assert str(lkip_rules.parse_formula(text)) == text


@given(strategies.numeric_trees, strategies.complete_values)
def test_compiled_reference_and_fraction_oracle_agree(tree: ast.Node, values: dict[str, dict[int, Decimal]]) -> None:
    formula = lkip_rules.parse_formula(unparse(tree))
    year = strategies.EVAL_YEAR
    try:
        expected: Fraction | type[Exception] = oracle.evaluate(tree, values, year)
    except ZeroDivisionError:
        expected = DivisionByZeroError
    outcomes: list[Any] = []
    for run in (formula.compiled(), formula.evaluate_reference):
        try:
            outcomes.append(run(values, year=year))
        except EvaluationError as exc:
            outcomes.append(type(exc))
    compiled, reference = outcomes
    assert compiled == reference
    if isinstance(expected, Fraction):
        assert isinstance(compiled, Decimal)
        assert Fraction(compiled) == expected
    else:
        assert compiled is expected


@given(st.one_of(st.text(max_size=60), strategies.formula_soup))
def test_any_text_parses_or_raises_formula_error(text: str) -> None:
    try:
        formula = lkip_rules.parse_formula(text)
    except FormulaError:
        return
    assert isinstance(str(formula), str)


@given(strategies.numeric_trees, strategies.value_maps, st.sampled_from([None, 2025]))
def test_evaluation_gives_a_decimal_or_an_evaluation_error(
    tree: ast.Node, values: dict[str, Any], year: int | None
) -> None:
    formula = lkip_rules.parse_formula(unparse(tree))
    outcomes = []
    for run in (formula.compiled(), formula.evaluate_reference):
        try:
            result = run(values, year=year)
        except EvaluationError as exc:
            outcomes.append((type(exc), str(exc)))
            continue
        assert type(result) is Decimal and result.is_finite()
        outcomes.append((Decimal, result))
    assert outcomes[0] == outcomes[1]


@given(strategies.numeric_trees, strategies.complete_values, st.sampled_from(strategies.NAMES))
def test_a_missing_name_is_reported_never_zero(
    tree: ast.Node, values: dict[str, dict[int, Decimal]], dropped: str
) -> None:
    values = {name: v for name, v in values.items() if name != dropped}
    formula = lkip_rules.parse_formula(unparse(tree))
    try:
        oracle.evaluate(tree, values, strategies.EVAL_YEAR)
        needed = False
    except oracle.Missing:
        needed = True
    except ZeroDivisionError:
        return
    try:
        formula.compiled()(values, year=strategies.EVAL_YEAR)
    except MissingValueError as exc:
        assert needed and exc.name == dropped
        return
    assert not needed


plain_trees = st.recursive(
    st.one_of(strategies.numbers, st.builds(ast.Ref, strategies.free_names)),
    lambda children: st.one_of(
        st.builds(ast.Binary, st.sampled_from(sorted(ast.ARITH_OPS)), children, children),
        st.builds(ast.Unary, st.sampled_from(["-", "+"]), children),
    ),
    max_leaves=12,
)


@given(plain_trees, st.sampled_from(["", " ", "  "]))
def test_plain_arithmetic_climbs_to_the_grammars_tree(tree: ast.Node, blank: str) -> None:
    """The fast path for names, numbers and + - * / gives exactly the tree (and spans) pyparsing gives."""
    from lkip_rules.formula import grammar

    text = unparse(tree).replace(" ", blank)
    fast = parser._plain_arithmetic(text)
    slow = grammar.shared().parse_string(text, parse_all=True)[0]
    if fast is not None:
        assert fast == slow and [n.span for n in ast.walk(fast)] == [n.span for n in ast.walk(slow)]


def test_the_fast_path_takes_the_common_formulas_and_leaves_the_rest() -> None:
    assert parser._plain_arithmetic("a / b * 100") is not None
    assert parser._plain_arithmetic("-a + 2_000.5 * -b") is not None
    for other in ("pct(a, b)", "a[N-1] - a", "(a - b) / a", "a > b", "a b", "a +", "and + 1", "a * * b"):
        assert parser._plain_arithmetic(other) is None, other
