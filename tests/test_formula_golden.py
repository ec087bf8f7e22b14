"""Golden formula cases from tests/golden/formulas/*.toml (formula, values, result or error).

Expected values there were worked by hand or are exact fractions; nothing in them was
produced by the code under test. Each case runs on both evaluators.
"""

from __future__ import annotations

import tomllib
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

import lkip_rules
from lkip_rules import errors

GOLDEN = Path(__file__).parent / "golden" / "formulas"


def _cases() -> list[Any]:
    found = []
    for path in sorted(GOLDEN.glob("*.toml")):
        for index, case in enumerate(tomllib.loads(path.read_text("utf-8"))["case"]):
            found.append(pytest.param(case, id=f"{path.stem}-{index}-{case['formula'][:30]}"))
    return found


def _values(raw: dict[str, Any]) -> dict[str, Any]:
    # TOML keys are text; years become ints, the way callers pass them.
    return {
        name: {int(year): v for year, v in value.items()} if isinstance(value, dict) else value
        for name, value in raw.items()
    }


CASES = _cases()


def test_enough_golden_cases() -> None:
    assert len(CASES) >= 80


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("evaluator", ["compiled", "reference"])
def test_golden(case: dict[str, Any], evaluator: str) -> None:
    known = case.get("known_names")
    expected_error = case.get("error")
    values = _values(case.get("values", {}))
    year = case.get("year")
    try:
        formula = lkip_rules.parse_formula(case["formula"], known_names=known)
        run = formula.compiled() if evaluator == "compiled" else formula.evaluate_reference
        result = run(values, year=year)
    except lkip_rules.LkipError as exc:
        if expected_error is None:
            raise
        assert type(exc) is getattr(errors, expected_error), str(exc)
        if "message" in case:
            assert str(exc) == case["message"].lstrip("\n")
        return
    assert expected_error is None, f"expected {expected_error}, got {result}"
    assert type(result) is Decimal
    if "result" in case:
        assert result == Decimal(case["result"])
    if "fraction" in case:
        exact = Fraction(case["fraction"])
        # 28 significant digits: a few units of the last digit at most.
        assert abs(Fraction(result) - exact) <= abs(exact) * Fraction(1, 10**26)
    for places, printed in case.get("rounded", {}).items():
        quantum = Decimal(1).scaleb(-int(places))
        assert result.quantize(quantum, rounding=ROUND_HALF_UP) == Decimal(printed)
    assert "result" in case or "fraction" in case, "a golden case must say what it expects"
