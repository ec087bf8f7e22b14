"""Property tests of the formula language (jmespath-style: succeed or raise our error)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import lkip_rules
from lkip_rules.errors import DivisionByZeroError, EvaluationError, FormulaError, MissingValueError
from lkip_rules.formula import ast, descent, parser
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


def _renamed(node: ast.Node, names: dict[str, str]) -> ast.Node:
    """The same shape with other names and other numbers."""
    if isinstance(node, ast.Number):
        return ast.Number(node.value * 3 + 1)
    if isinstance(node, ast.Ref):
        return ast.Ref(names[node.name], node.period)
    if isinstance(node, ast.Unary):
        return ast.Unary(node.op, _renamed(node.operand, names))
    if isinstance(node, ast.Binary):
        return ast.Binary(node.op, _renamed(node.left, names), _renamed(node.right, names))
    return ast.Call(node.func, tuple(_renamed(arg, names) for arg in node.args))


@given(
    strategies.numeric_trees,
    strategies.complete_values,
    # Names renamed one to one (the same shape) or some to one (another shape: a + b → a + a).
    st.one_of(st.permutations(strategies.NAMES), st.lists(st.sampled_from(strategies.NAMES), min_size=5, max_size=5)),
)
def test_formulas_of_one_shape_share_its_code_and_keep_their_own_names_and_numbers(
    tree: ast.Node, values: dict[str, dict[int, Decimal]], order: list[str]
) -> None:
    lkip_rules.parse_formula(unparse(tree)).compiled()  # the shape is compiled
    try:
        other = lkip_rules.parse_formula(unparse(_renamed(tree, dict(zip(strategies.NAMES, order, strict=True)))))
    except FormulaError:  # a changed number may no longer be a valid round() digit count
        return
    outcomes: list[Any] = []
    for run in (other.compiled(), other.evaluate_reference):
        try:
            outcomes.append(run(values, year=strategies.EVAL_YEAR))
        except EvaluationError as exc:
            outcomes.append(type(exc))
    assert outcomes[0] == outcomes[1]


@given(st.one_of(st.text(max_size=60), strategies.formula_soup))
def test_any_text_parses_or_raises_formula_error(text: str) -> None:
    try:
        formula = lkip_rules.parse_formula(text)
    except FormulaError:
        return
    assert isinstance(str(formula), str)


def _with_default(values: dict[str, Any]) -> dict[str, Any]:
    return defaultdict(lambda: Decimal(1), values)


@given(
    strategies.numeric_trees,
    strategies.value_maps,
    st.sampled_from([None, 2025]),
    # A mapping that answers a name it does not hold (defaultdict, Counter) must not lend the
    # fast path a value: missing is missing, as Mapping.get says.
    st.sampled_from([dict, _with_default, Counter]),
)
def test_evaluation_gives_a_decimal_or_an_evaluation_error(
    tree: ast.Node, values: dict[str, Any], year: int | None, kind: Callable[[dict[str, Any]], Mapping[str, Any]]
) -> None:
    formula = lkip_rules.parse_formula(unparse(tree))
    outcomes = []
    for run in (formula.compiled(), formula.evaluate_reference):
        try:
            result = run(kind(values), year=year)
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


def _by_the_grammar(text: str) -> ast.Node | None:
    import pyparsing as pp

    from lkip_rules.formula import grammar

    try:
        node: ast.Node = grammar.shared().parse_string(text, parse_all=True)[0]
    except (pp.ParseBaseException, grammar.ClimbError):
        return None
    return node


def _spans(node: ast.Node) -> list[tuple[ast.Span, ast.Span | None]]:
    return [(n.span, getattr(n, "name_span", None)) for n in ast.walk(node)]


@given(
    st.one_of(strategies.any_trees.map(unparse), strategies.formula_soup),
    st.sampled_from([" ", "", "  ", "\t", "\n ", " \r\n"]),
)
def test_the_hand_written_reader_gives_the_grammars_tree_or_leaves_the_text_to_it(text: str, blank: str) -> None:
    """descent.parse reads every formula the grammar (pyparsing) reads, into the same tree with the
    same spans, and returns None for every text the grammar refuses (which then explains it)."""
    text = text.replace(" ", blank)
    try:
        parser._check_nesting(text)
    except FormulaError:
        return
    fast, slow = descent.parse(text), _by_the_grammar(text)
    assert (fast is None) == (slow is None), text
    if fast is not None and slow is not None:
        assert fast == slow and _spans(fast) == _spans(slow)


def test_the_grammar_reads_only_the_texts_that_are_wrong() -> None:
    for text in ("a / b * 100", "-a + 2_000.5 * -b", "pct(a, b)", "a[N-1] - a", "(a - b) / a", "f()", "x[ N + 2 ]"):
        assert descent.parse(text) is not None, text
    assert descent.parse("a > b and not c or x.y[2024] != 1") is not None
    for wrong in ("a b", "a +", "and + 1", "a * * b", "a[N-]", "f(,)", "1 < 2 < 3", "(a", "a)", "A", "2x", "a = b"):
        assert descent.parse(wrong) is None, wrong


@pytest.mark.parametrize("text", ["\xa0x", "x\u2003", "a\xa0+ b", "x\x0c"])
def test_a_special_space_is_refused_alike_everywhere_with_a_hint(text: str) -> None:
    """The grammar skips only space, tab and line breaks; a bare name once also skipped any
    Unicode space, so "\xa0x" was a formula while "a\xa0+ b" was not."""
    with pytest.raises(FormulaError) as caught:
        lkip_rules.parse_formula(text)
    assert caught.value.hint is not None and "special space" in caught.value.hint
    assert text[caught.value.span[0]].isspace()


def test_a_tab_in_a_formula_is_one_character_for_the_caret() -> None:
    """pyparsing expands tabs unless told not to; the caret must point into the text as written."""
    with pytest.raises(FormulaError) as caught:
        lkip_rules.parse_formula("\ta +")
    assert caught.value.span == (4, 5)
