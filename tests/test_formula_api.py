"""The public formula API, one test per promise in the issue and the docs."""

from __future__ import annotations

from decimal import Decimal

import pytest

import lkip_rules
from lkip_rules import errors
from lkip_rules.formula import Period


def test_percentage_equals_exact_decimal_division() -> None:
    formula = lkip_rules.parse_formula("jumlah_nib / koperasi_aktif * 100")
    result = formula.evaluate({"jumlah_nib": 60, "koperasi_aktif": 982})
    assert result == Decimal(6000) / Decimal(982)
    assert type(result) is Decimal


def test_names_lists_every_reference_with_its_periods() -> None:
    formula = lkip_rules.parse_formula("growth(volume_usaha) + a[2024] + a")
    assert dict(formula.names) == {
        "volume_usaha": frozenset({Period(), Period(offset=-1)}),
        "a": frozenset({Period(year=2024), Period()}),
    }


def test_str_is_canonical_text_and_source_is_kept() -> None:
    formula = lkip_rules.parse_formula("(a+b)  *c")
    assert formula.source == "(a+b)  *c"
    assert str(formula) == "(a + b) * c"


def test_growth_and_previous_year_with_year_mapping() -> None:
    values = {"volume_usaha": {2024: "324836375142", 2025: "357122775671"}}
    growth = lkip_rules.parse_formula("growth(volume_usaha)").evaluate(values, year=2025)
    previous = lkip_rules.parse_formula("volume_usaha[N-1]").evaluate(values, year=2025)
    assert previous == Decimal("324836375142")
    by_hand = (Decimal("357122775671") - Decimal("324836375142")) / Decimal("324836375142") * 100
    assert growth == by_hand


def test_missing_year_names_the_name_and_the_year() -> None:
    formula = lkip_rules.parse_formula("growth(volume_usaha)")
    with pytest.raises(errors.MissingValueError) as caught:
        formula.evaluate({"volume_usaha": {2025: 1}}, year=2025)
    assert caught.value.name == "volume_usaha"
    assert caught.value.year == 2024
    assert "volume_usaha[2024]" in str(caught.value)


def test_syntax_error_draws_a_caret_under_the_closing_parenthesis() -> None:
    with pytest.raises(errors.FormulaSyntaxError) as caught:
        lkip_rules.parse_formula("a / (b * )")
    assert (caught.value.lineno, caught.value.colno) == (1, 10)
    lines = str(caught.value).splitlines()
    assert lines[1].strip() == "a / (b * )"
    assert lines[2].index("^") == lines[1].index(")")


@pytest.mark.parametrize(
    "text",
    [
        "(" * 10_000 + "a" + ")" * 10_000,
        "a" * 1_000_000,
        "a+" * 500_000 + "a",
        "-" * 10_000 + "a",
        "(" * 5_000 + "a" + ")" * 5_000,
        "not " * 2_000 + "a",
    ],
    ids=["10k-parens", "1MB-name", "1MB-sum", "10k-signs", "5k-parens", "2k-nots"],
)
def test_huge_or_deep_formulas_raise_formula_error(text: str) -> None:
    with pytest.raises(errors.FormulaError):
        lkip_rules.parse_formula(text)


def test_just_inside_the_limits_parses_and_evaluates() -> None:
    deep = "(" * 32 + "a" + ")" * 32
    assert lkip_rules.parse_formula(deep).evaluate({"a": 1}) == 1
    long_sum = "+".join(["a"] * 100)
    assert lkip_rules.parse_formula(long_sum).evaluate({"a": 1}) == 100


def test_unknown_name_suggests_the_known_one() -> None:
    with pytest.raises(errors.UnknownNameError) as caught:
        lkip_rules.parse_formula("koperasi_aktf", known_names={"koperasi_aktif", "jumlah_nib"})
    assert caught.value.suggestion == "koperasi_aktif"
    assert "did you mean 'koperasi_aktif'?" in str(caught.value)


def test_division_by_zero_names_the_divisor_and_its_values() -> None:
    formula = lkip_rules.parse_formula("x / (b - c) * 100")
    with pytest.raises(errors.DivisionByZeroError) as caught:
        formula.evaluate({"x": 1, "b": "2.5", "c": "2.50"})
    assert caught.value.divisor == "b - c"
    assert caught.value.values == {"b": Decimal("2.5"), "c": Decimal("2.50")}
    assert "b - c" in str(caught.value) and "b = 2.5, c = 2.50" in str(caught.value)


def test_float_values_are_refused() -> None:
    with pytest.raises(errors.InvalidValueError, match="not exact"):
        lkip_rules.parse_formula("a + 1").evaluate({"a": 0.1})


def test_error_hierarchy_has_the_promised_shape() -> None:
    assert issubclass(errors.FormulaError, errors.LkipError)
    for cls in (errors.FormulaSyntaxError, errors.UnknownNameError, errors.ArityError):
        assert issubclass(cls, errors.FormulaError)
    assert issubclass(errors.EvaluationError, errors.LkipError)
    for cls in (errors.MissingValueError, errors.DivisionByZeroError):
        assert issubclass(cls, errors.EvaluationError)
    assert not issubclass(errors.EvaluationError, errors.FormulaError)


def test_the_result_does_not_depend_on_ints_or_text_for_values() -> None:
    formula = lkip_rules.parse_formula("a / b")
    as_int = formula.evaluate({"a": 1, "b": 3})
    as_text = formula.evaluate({"a": "1", "b": "3"})
    as_decimal = formula.evaluate({"a": Decimal(1), "b": Decimal(3)})
    assert as_int == as_text == as_decimal == Decimal(1) / Decimal(3)


def test_generated_code_never_contains_user_text() -> None:
    # A name that would be code if pasted into Python must not even parse.
    with pytest.raises(errors.FormulaSyntaxError):
        lkip_rules.parse_formula("__import__('os').system('true')")


def test_evaluate_walks_first_then_compiles_with_the_same_results() -> None:
    from lkip_rules.formula import COMPILE_AFTER, WALKS_BEFORE_COMPILED, compiler

    compiler._SHAPES.clear()  # a shape not yet compiled
    formula = lkip_rules.parse_formula("a / b * 100")
    values = {"a": Decimal(1), "b": Decimal(3)}
    first = formula.evaluate(values)
    for _ in range(WALKS_BEFORE_COMPILED + COMPILE_AFTER - 1):
        formula.evaluate(values)
    assert formula.evaluate != formula._compiled
    formula.evaluate(values)
    assert formula.evaluate == formula._compiled == formula.compiled()
    assert formula.evaluate(values) == first == Decimal(100) / Decimal(3)


def test_a_formula_of_a_compiled_shape_takes_its_code_from_its_third_call() -> None:
    from lkip_rules.formula import WALKS_BEFORE_COMPILED

    lkip_rules.parse_formula("x / y * 100").compiled()
    # The same shape: other names, another number. Both walks and the compiled code agree.
    formula = lkip_rules.parse_formula("num / den * 7")
    values = {"num": Decimal(2), "den": Decimal(3)}
    outcomes = [formula.evaluate(values) for _ in range(WALKS_BEFORE_COMPILED)]
    assert formula._compiled is None
    outcomes.append(formula.evaluate(values))
    assert formula._compiled is not None and formula.evaluate == formula._compiled
    assert outcomes == [Decimal(14) / Decimal(3)] * 3


@pytest.mark.parametrize(
    ("numerator", "denominator", "multiplier"),
    [
        ("a", "b", Decimal(100)),
        ("jumlah_nib", "koperasi.aktif", Decimal(1)),
        ("a", "b", Decimal("0.5")),
        ("a", "b", Decimal("1E+3")),
        ("a", "b", Decimal("1000.00")),
        ("a + b", "c", Decimal(100)),
        ("a[N-1]", "b[N-1]", Decimal(100)),
        (" a ", "b", Decimal(100)),
    ],
)
def test_a_ratios_canonical_text_is_its_tree_unparsed(numerator: str, denominator: str, multiplier: Decimal) -> None:
    from lkip_rules.formula import ratio_formula
    from lkip_rules.formula.unparse import unparse

    formula = ratio_formula(numerator, denominator, multiplier)
    assert str(formula) == unparse(formula.tree)
    assert str(lkip_rules.parse_formula(str(formula))) == str(formula)


def test_evaluate_kept_without_its_formula_still_evaluates() -> None:
    evaluate = lkip_rules.parse_formula("a * 3 + b").evaluate
    assert [evaluate({"a": 2, "b": Decimal("0.5")}) for _ in range(12)] == [Decimal("6.5")] * 12
