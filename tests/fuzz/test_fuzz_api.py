"""The public API called with wrong types, unknown ids and junk data: a result or an LkipError.

One test per family of calls, so that a bug in one family does not hide the others'.
"""

from __future__ import annotations

from hypothesis import given

from tests.fuzz import checks, gen
from tests.fuzz.gen import ApiCase, fuzz_settings


@fuzz_settings(40)
@given(gen.api_catalog_calls)
def test_catalog_calls(case: ApiCase) -> None:
    """evaluate, explain, audit, validate, check, to_dict: odd years, quarters, ids, languages, data."""
    checks.run(case)


@fuzz_settings(30)
@given(gen.api_formula_calls)
def test_formula_calls(case: ApiCase) -> None:
    """parse_formula with text and known_names of any type; evaluate with values of any shape."""
    checks.run(case)


@fuzz_settings(30)
@given(gen.api_data_calls)
def test_data_calls(case: ApiCase) -> None:
    """Data.from_values with str years, unknown names, floats, nesting; Data.merge with junk."""
    checks.run(case)


@fuzz_settings(30)
@given(gen.api_path_calls)
def test_path_arguments(case: ApiCase) -> None:
    """load_catalog, load_data and datafiles.read with paths that are not paths, or odd ones."""
    checks.run(case)
