"""Formula evaluation speed against a hand-written Decimal baseline measured in the same run.

Run by hand (not part of the tests):  python benchmarks/bench_formula.py [--repeats 15]

For each formula it times, interleaved so machine noise hits all alike:
  compiled   Formula.evaluate (the generated function)
  tree-walk  Formula.evaluate_reference (the reference interpreter)
  baseline   a hand-written Python function doing the same Decimal arithmetic
  float      the same arithmetic as a float lambda (not exact; for orientation)
and prints the median time per evaluation and its ratio to the baseline. Then it times
parse + check + compile per formula, with the parse cache cleared.
"""

from __future__ import annotations

import argparse
import statistics
import timeit
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from lkip_rules import parse_formula
from lkip_rules.formula import parser

HUNDRED = Decimal(100)
TWO = Decimal(2)


def _percentage(v: Any) -> Decimal:
    return v["num"] / v["den"] * HUNDRED  # type: ignore[no-any-return]


def _mirror(v: Any) -> Decimal:
    return (TWO * v["target"] - v["real"]) / v["target"] * HUNDRED  # type: ignore[no-any-return]


def _growth(v: Any, year: int) -> Decimal:
    # The formula reads the year evaluated and the one before, so the hand-written function
    # takes the year too (one written for 2025 alone would skip work the formula does).
    series = v["volume_usaha"]
    now, before = series[year], series[year - 1]
    return (now - before) / before * HUNDRED  # type: ignore[no-any-return]


CASES: list[tuple[str, Callable[..., Decimal], Callable[..., float], dict[str, Any], int | None]] = [
    (
        "num / den * 100",
        _percentage,
        lambda v: v["num"] / v["den"] * 100.0,
        {"num": Decimal(60), "den": Decimal(982)},
        None,
    ),
    (
        "(2 * target - real) / target * 100",
        _mirror,
        lambda v: (2.0 * v["target"] - v["real"]) / v["target"] * 100.0,
        {"target": Decimal(8), "real": Decimal("6.5")},
        None,
    ),
    (
        "growth(volume_usaha)",
        _growth,
        lambda v, year: (v["volume_usaha"][year] - v["volume_usaha"][year - 1]) / v["volume_usaha"][year - 1] * 100.0,
        {"volume_usaha": {2024: Decimal("324836375142"), 2025: Decimal("357122775671")}},
        2025,
    ),
]


def _floats(values: dict[str, Any]) -> dict[str, Any]:
    return {k: {y: float(x) for y, x in v.items()} if isinstance(v, dict) else float(v) for k, v in values.items()}


def _called(fn: Callable[..., object], values: dict[str, Any], year: int | None) -> Callable[[], object]:
    if year is None:
        return lambda: fn(values)
    return lambda: fn(values, year=year)


def _time(fn: Callable[[], object], number: int) -> float:
    return timeit.timeit(fn, number=number) / number


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--repeats", type=int, default=15)
    options.add_argument("--number", type=int, default=20_000)
    args = options.parse_args()

    print(f"{'formula':38} {'path':10} {'ns/eval':>9} {'x baseline':>11}")
    worst = 0.0
    for text, baseline, as_float, values, year in CASES:
        formula = parse_formula(text)
        formula.compiled()  # as after its first few calls
        floats = _floats(values)
        assert formula.evaluate(values, year=year) == _called(baseline, values, year)()
        runs: dict[str, Callable[[], object]] = {
            # Each called the way a user would: with year= only when the formula needs one.
            "compiled": (lambda f=formula, v=values: f.evaluate(v))
            if year is None
            else (lambda f=formula, v=values, y=year: f.evaluate(v, year=y)),
            "tree-walk": lambda f=formula, v=values, y=year: f.evaluate_reference(v, year=y),
            "baseline": _called(baseline, values, year),
            "float": _called(as_float, floats, year),
        }
        samples: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(args.repeats):
            for name, run in runs.items():
                samples[name].append(_time(run, args.number))
        medians = {name: statistics.median(times) for name, times in samples.items()}
        for name, median in medians.items():
            # The median of per-round ratios: each round times all paths back to back.
            ratio = statistics.median(a / b for a, b in zip(samples[name], samples["baseline"], strict=True))
            print(f"{text:38} {name:10} {median * 1e9:9.0f} {ratio:10.2f}x")
            if name == "compiled":
                worst = max(worst, ratio)
        print()
    print(f"worst compiled / baseline ratio: {worst:.2f}x (goal <= 1.50x)")

    print()
    print(f"{'formula':38} {'parse+check (us)':>17} {'+ compile (us)':>15}")
    for text, *_ in CASES:
        parsed, compiled = [], []
        for _ in range(args.repeats):
            start = timeit.default_timer()
            for _ in range(50):
                parser._parse_cached.cache_clear()
                parse_formula(text)
            parsed.append((timeit.default_timer() - start) / 50)
            start = timeit.default_timer()
            for _ in range(50):
                parser._parse_cached.cache_clear()
                parse_formula(text).compiled()  # what a formula used over many rows pays once
            compiled.append((timeit.default_timer() - start) / 50)
        print(f"{text:38} {statistics.median(parsed) * 1e6:17.0f} {statistics.median(compiled) * 1e6:15.0f}")


if __name__ == "__main__":
    main()
