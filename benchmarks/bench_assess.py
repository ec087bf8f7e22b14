"""One whole assessment on the scalar path against a hand-written Decimal function doing the same work.

Run by hand:  python benchmarks/bench_assess.py [--agencies 400] [--repeats 5]

An app scores one agency's figures for one year: realisation, achievement, category and status
of every indicator. The catalog is the generated one of fair_catalog.py (22 indicators: 20
percentages, half of them negative, half rounded half-up and half down, capped and floored, the
four bands, two sasaran each the mean of ten), so every rule can be written by hand. The
baseline is that hand-written function: plain Decimal arithmetic, the declared rounding, the
statuses (missing-data, undefined), the parents' means. The library paths are what an app calls:
``Data.from_values`` with the agency's figures, then ``Catalog.assess`` (the four figures) or
``Catalog.evaluate`` (the full results). Before timing, all three are checked equal on every
agency (3% of the figures missing, 1% of the denominators zero).

Printed: microseconds per assessment (one indicator for one agency-year) of each path, the
median of the rounds, and the ratio to the baseline measured in the same run.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Any

from fair_catalog import BANDS, CAP, FIRST_YEAR, FLOOR, IKU, SASARAN, catalog_for, kind, target

import lkip_rules

YEAR = FIRST_YEAR
Figures = dict[str, Decimal | None]
Row = tuple[Decimal | None, Decimal | None, str | None, str]  # realisation, achievement, category, status

# -- the baseline: the catalog's rules written by hand ------------------------------------------

CENT, HUNDRED, TWO = Decimal("0.01"), Decimal(100), Decimal(2)
MODES = {"half-up": ROUND_HALF_UP, "down": ROUND_DOWN}
RULES = [(f"i{i}", f"n{i}", f"d{i}", kind(i)[0] == "positive", MODES[kind(i)[1]]) for i in range(SASARAN * IKU)]
TARGETS = [Decimal(target(i, YEAR)) for i in range(SASARAN * IKU)]
BOUNDS = [(code, Decimal(bound)) for code, bound in BANDS]
LOW, HIGH = Decimal(FLOOR), Decimal(CAP)


def band(achievement: Decimal) -> str:
    for code, bound in BOUNDS:
        if achievement > bound:
            return code
    return "K"


def by_hand(figures: Figures) -> dict[str, Row]:
    """Every indicator of the generated catalog for one agency-year, by its declared rules."""
    rows: dict[str, Row] = {}
    for (ind, num, den, positive, mode), t in zip(RULES, TARGETS, strict=True):
        n, d = figures[num], figures[den]
        if n is None or d is None:
            rows[ind] = (None, None, None, "missing-data")
        elif d == 0:
            rows[ind] = (None, None, None, "undefined")
        else:
            real = (n / d * HUNDRED).quantize(CENT, mode)
            ratio = real / t * HUNDRED if positive else (TWO * t - real) / t * HUNDRED
            achieved = min(max(ratio, LOW), HIGH).quantize(CENT, mode)
            rows[ind] = (real, achieved, band(achieved), "ok")
    for s in range(SASARAN):
        kids = [rows[f"i{i}"] for i in range(s * IKU, (s + 1) * IKU)]
        not_ok = next((kid[3] for kid in kids if kid[3] != "ok"), None)
        if not_ok is not None:
            rows[f"s{s}"] = (None, None, None, not_ok)
        else:
            mean = (sum(kid[1] for kid in kids if kid[1] is not None) / IKU).quantize(CENT, ROUND_HALF_UP)
            rows[f"s{s}"] = (None, mean, band(mean), "ok")
    return rows


# -- the library ---------------------------------------------------------------------------------


def with_evaluate(catalog: lkip_rules.Catalog, figures: Figures) -> dict[str, Row]:
    """The full result of every indicator (message, rule, the year before, the money, ...)."""
    data = lkip_rules.Data.from_values({name: {YEAR: value} for name, value in figures.items()})
    results = catalog.evaluate(YEAR, data)
    return {
        r.id: (r.realisation, r.achievement, r.category.code if r.category else None, r.status)
        for r in results.indicators.values()
    }


def with_assess(catalog: lkip_rules.Catalog, figures: Figures) -> dict[str, Row]:
    """The four figures alone: the fast scalar path."""
    data = lkip_rules.Data.from_values({name: {YEAR: value} for name, value in figures.items()})
    found = catalog.assess(YEAR, data)
    return {ind: (a.realisation, a.achievement, a.category, a.status) for ind, a in found.items()}


# -- the run -------------------------------------------------------------------------------------


def agencies(count: int, seed: int = 7) -> list[Figures]:
    draw = random.Random(seed)
    sets = []
    for _ in range(count):
        figures: Figures = {}
        for i in range(SASARAN * IKU):
            figures[f"n{i}"] = Decimal(draw.randint(350, 1050)) / 10
            figures[f"d{i}"] = Decimal(0) if draw.random() < 0.01 else Decimal(draw.randint(500, 1500)) / 10
        for name in figures:
            if draw.random() < 0.03:
                figures[name] = None
        sets.append(figures)
    return sets


def check_equal(catalog: lkip_rules.Catalog, sets: list[Figures]) -> None:
    for number, figures in enumerate(sets):
        theirs = by_hand(figures)
        assert with_evaluate(catalog, figures) == theirs, f"agency {number}: the baseline must give what evaluate gives"
        assert with_assess(catalog, figures) == theirs, f"agency {number}: the baseline must give what assess gives"


def report(agency_count: int, repeats: int) -> None:
    """Check the three paths equal, time them interleaved, print µs per assessment and ratios."""
    catalog = catalog_for(1)
    sets = agencies(agency_count)
    check_equal(catalog, sets)
    runs = {
        "hand-written Decimal (baseline)": by_hand,
        "Catalog.assess": lambda f: with_assess(catalog, f),
        "Catalog.evaluate": lambda f: with_evaluate(catalog, f),
    }
    per = per_assessment(runs, sets, len(catalog.indicators), repeats)
    size = f"{len(sets)} agencies x {len(catalog.indicators)} indicators"
    print(f"{size}, outputs checked equal; median of {repeats} rounds")
    print_per_assessment(per)


def per_assessment(
    runs: dict[str, Callable[[Any], object]], sets: list[Any], indicators: int, repeats: int
) -> dict[str, float]:
    """Seconds per assessment of each path: the median of ``repeats`` rounds over every agency's
    figures in ``sets``, the paths interleaved in each round so a busy machine slows all alike."""
    samples: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeats):
        for name, run in runs.items():
            start = time.perf_counter()
            for figures in sets:
                run(figures)
            samples[name].append(time.perf_counter() - start)
    return {name: statistics.median(times) / (len(sets) * indicators) for name, times in samples.items()}


def print_per_assessment(per: dict[str, float]) -> None:
    """Microseconds per assessment and the ratio to the first path, the baseline."""
    base = next(iter(per.values()))
    for name, seconds in per.items():
        print(f"{name:34} {seconds * 1e6:8.2f} us per assessment {seconds / base:7.1f}x")


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--agencies", type=int, default=400)
    options.add_argument("--repeats", type=int, default=5)
    args = options.parse_args()
    report(args.agencies, args.repeats)


if __name__ == "__main__":
    main()
