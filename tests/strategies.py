"""Hypothesis strategies for formula trees, values and text."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from lkip_rules.formula import ast

NAMES = ["a", "b", "c", "volume_usaha", "x.y"]
PERIODS = [ast.CURRENT, ast.Period(offset=-1), ast.Period(offset=1), ast.Period(year=2024)]
YEARS = [2023, 2024, 2025, 2026]
EVAL_YEAR = 2025

literals = st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False, allow_infinity=False)
numbers = literals.map(lambda d: ast.Number(d))
refs = st.builds(ast.Ref, st.sampled_from(NAMES), st.sampled_from(PERIODS))
# Names the language accepts, for round trips: any lower-case identifier but the keywords.
free_names = st.from_regex(r"[a-z_][a-z0-9_]{0,8}(\.[a-z_][a-z0-9_]{0,5})?", fullmatch=True).filter(
    lambda name: name not in {"and", "or", "not"}
)
free_refs = st.builds(
    ast.Ref,
    free_names,
    st.one_of(
        st.just(ast.CURRENT),
        st.integers(-50, 50).map(lambda k: ast.Period(offset=k)),
        st.integers(1900, 2200).map(lambda y: ast.Period(year=y)),
    ),
)


def _numeric(children: st.SearchStrategy[ast.Node]) -> st.SearchStrategy[ast.Node]:
    conditions = st.builds(ast.Binary, st.sampled_from(sorted(ast.COMPARE_OPS)), children, children)
    return st.one_of(
        st.builds(ast.Binary, st.sampled_from(sorted(ast.ARITH_OPS)), children, children),
        st.builds(ast.Unary, st.sampled_from(["-", "+"]), children),
        st.builds(
            ast.Call,
            st.sampled_from(["sum", "avg", "min", "max"]),
            st.lists(children, min_size=1, max_size=3).map(tuple),
        ),
        st.builds(ast.Call, st.just("abs"), st.tuples(children)),
        st.builds(ast.Call, st.just("pct"), st.tuples(children, children)),
        st.builds(ast.Call, st.just("growth"), st.tuples(refs)),
        st.builds(
            ast.Call,
            st.just("round"),
            st.tuples(children, st.integers(0, 4).map(lambda d: ast.Number(Decimal(d)))),
        ),
        st.builds(ast.Call, st.just("if"), st.tuples(conditions, children, children)),
        st.builds(ast.Call, st.just("coalesce"), st.lists(children, min_size=1, max_size=3).map(tuple)),
    )


numeric_trees: st.SearchStrategy[ast.Node] = st.recursive(st.one_of(numbers, refs), _numeric, max_leaves=12)
"""Well-typed trees that give a number, over the names in NAMES."""


def _any(children: st.SearchStrategy[ast.Node]) -> st.SearchStrategy[ast.Node]:
    ops = sorted(ast.ARITH_OPS | ast.COMPARE_OPS | ast.LOGIC_OPS)
    return st.one_of(
        st.builds(ast.Binary, st.sampled_from(ops), children, children),
        st.builds(ast.Unary, st.sampled_from(["-", "+", "not"]), children),
        st.builds(ast.Call, free_names, st.lists(children, max_size=3).map(tuple)),
    )


any_trees: st.SearchStrategy[ast.Node] = st.recursive(st.one_of(numbers, free_refs), _any, max_leaves=15)
"""Syntactically valid trees of any shape, not necessarily well-typed."""

plain_values = st.one_of(
    st.integers(-1000, 1000),
    st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False, allow_infinity=False),
    st.integers(-1000, 1000).map(str),
    # What a caller may also pass, each refused alike by both paths: no figure, a yes/no, a
    # float, a number that is not finite.
    st.sampled_from([None, True, 0.5, Decimal("Infinity"), Decimal("-Infinity"), Decimal("NaN")]),
)
value_maps = st.fixed_dictionaries(
    {},
    optional={
        name: st.one_of(
            plain_values,
            st.dictionaries(st.sampled_from(YEARS), plain_values, max_size=4),
        )
        for name in NAMES
    },
)
"""Values as callers pass them: plain numbers, numbers by year, some names missing."""

complete_values = st.fixed_dictionaries(
    {
        name: st.fixed_dictionaries(
            {
                year: st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False, allow_infinity=False)
                for year in YEARS
            }
        )
        for name in NAMES
    }
)
"""A Decimal for every name and year the trees can reach."""

formula_alphabet = st.sampled_from(
    [*"abcxyzN0123456789_.()[],+-*/<>=! \n\t%^", "and", "or", "not", "sum(", "if(", "growth(", "[N-1]"]
)
formula_soup = st.lists(formula_alphabet, max_size=40).map("".join)
"""Text that looks like formulas, to reach deep into the parser."""


# -- trees that `explain` puts into words (tests/test_explain.py) ---------------------------------

WORDED_PERIODS = [ast.CURRENT, ast.Period(offset=-1), ast.Period(year=2024)]
"""Evaluated in EVAL_YEAR these reach 2024 and 2025, and 2023 through growth."""


worded_literals = st.one_of(
    st.integers(1, 20).map(lambda n: ast.Number(Decimal(n))),
    st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False, allow_infinity=False).map(ast.Number),
)
"""Literals that tell groupings apart: mostly not 0, so a - (b - c) and a - b - c differ."""


def worded_trees(names: list[str], *, max_leaves: int = 10) -> st.SearchStrategy[ast.Node]:
    """Numeric trees over ``names`` that explain words: arithmetic, signs, pct, growth,
    sum / avg / min / max, abs and round. No if, coalesce or comparisons: those are quoted as a
    formula, not worded. Arithmetic comes often, so groupings are tested well."""
    named = st.builds(ast.Ref, st.sampled_from(names), st.sampled_from(WORDED_PERIODS))

    def extend(children: st.SearchStrategy[ast.Node]) -> st.SearchStrategy[ast.Node]:
        arithmetic = st.builds(ast.Binary, st.sampled_from(sorted(ast.ARITH_OPS)), children, children)
        digits = st.integers(0, 4).map(lambda d: ast.Number(Decimal(d)))
        return st.one_of(
            arithmetic,
            arithmetic,
            arithmetic,
            st.builds(ast.Unary, st.sampled_from(["-", "+"]), children),
            st.builds(
                ast.Call,
                st.sampled_from(["sum", "avg", "min", "max"]),
                st.lists(children, min_size=1, max_size=3).map(tuple),
            ),
            st.builds(ast.Call, st.just("abs"), st.tuples(children)),
            st.builds(ast.Call, st.just("pct"), st.tuples(children, children)),
            st.builds(ast.Call, st.just("growth"), st.tuples(named)),
            st.builds(ast.Call, st.just("round"), st.tuples(children, digits)),
        )

    return st.recursive(st.one_of(worded_literals, named), extend, max_leaves=max_leaves)
