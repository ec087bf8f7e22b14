"""Bulk evaluation on Polars and DuckDB against a fair hand-written Polars baseline.

Run by hand:  python benchmarks/bench_bulk.py [--entities 30000] [--years 5] [--repeats 3]

The catalog is generated so that every rule it uses can be written by hand: SASARAN sasaran,
each the mean of IKU percentage indicators (numerator / denominator x 100), half of them
negative (2T - R) / T x 100, half rounded half-up and half down, with a cap of 150 and a floor of
0, scored on the four-band scale. The baseline is what a careful analyst writes in Polars for
exactly that: the statuses (missing-data for a missing figure or target, undefined for a zero
denominator or target), each indicator's declared rounding (a float rounding with a guard for
float noise at ties, as the declared rule needs), the cap and floor, the bands, the parents'
means and statuses, decimal output and the rows in (entity, year, indicator) order. Before
timing, the outputs of the baseline, ``evaluate_frame`` and the SQL on DuckDB are checked equal
on a part of the set: a baseline that skipped work would fail here.

Each path then runs in its own process, so its peak memory is its own: the first run (cold: the
catalog compiled, the query planned) and the median of the repeats (warm); the time is the
evaluation, frame in memory to result in memory. Ratios are to the baseline's.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

import polars as pl
from fair_catalog import BANDS, CAP, FIRST_YEAR, FLOOR, IKU, SASARAN, catalog_for, kind, target

import lkip_rules
from lkip_rules.bulk import evaluate_frame

TIE = 1e-9


def dataset(entities: int, years: int) -> pl.DataFrame:
    rows = entities * years
    index = pl.int_range(0, rows, eager=True)
    frame = pl.DataFrame({"entity": index // years, "year": index % years + FIRST_YEAR})
    frame = frame.with_columns(pl.format("a{}", pl.col("entity")).alias("entity"))
    columns = []
    for i in range(SASARAN * IKU):
        for name, salt, base in ((f"n{i}", 2654435761, 70.0), (f"d{i}", 40503, 100.0)):
            noise = (pl.int_range(0, rows) * (salt + 97 * i) + 11) % 1000
            value = (pl.lit(base) * (0.5 + noise / 1000)).round(1)
            if name.startswith("d"):
                value = pl.when(noise % 97 == 0).then(0.0).otherwise(value)  # an undefined now and then
            columns.append(pl.when(noise % 33 == 0).then(None).otherwise(value).alias(name))
    return frame.with_columns(columns)


# -- the baseline ------------------------------------------------------------------------------


def rounded(x: pl.Expr, rounding: str) -> pl.Expr:
    """``x`` to 2 decimals by the declared rule; a value within 1e-9 (relative) of a tie counts as
    the tie, so float noise (0.145 * 100 = 14.499999999999998) does not round the wrong way."""
    shifted = (x * 100).abs()
    nudge = (shifted + 1) * TIE
    whole = (shifted + 0.5 + nudge).floor() if rounding == "half-up" else (shifted + nudge).floor()
    return x.sign() * whole / 100


def category(achievement: pl.Expr) -> pl.Expr:
    chain = pl.when(achievement > BANDS[0][1]).then(pl.lit(BANDS[0][0]))
    for code, bound in BANDS[1:]:
        chain = chain.when(achievement > bound).then(pl.lit(code))
    return chain.otherwise(pl.lit("K"))


def baseline(frame: pl.DataFrame, years: int) -> pl.DataFrame:
    c = pl.col
    wide = []
    for i in range(SASARAN * IKU):
        polarity, rounding = kind(i)
        targets = {y: float(target(i, y)) for y in range(FIRST_YEAR, FIRST_YEAR + years)}
        t = c("year").replace_strict(targets, default=None, return_dtype=pl.Float64)
        num, den = c(f"n{i}"), c(f"d{i}")
        missing = num.is_null() | den.is_null()
        real = pl.when(missing | (den == 0)).then(None).otherwise(rounded(num / den * 100, rounding))
        ratio = real / t * 100 if polarity == "positive" else (2 * t - real) / t * 100
        achievement = rounded(ratio.clip(FLOOR, CAP), rounding)
        status = (
            pl.when(missing | t.is_null())
            .then(pl.lit("missing-data"))
            .when((den == 0) | (t == 0))
            .then(pl.lit("undefined"))
            .otherwise(pl.lit("ok"))
        )
        wide += [real.alias(f"r{i}"), status.alias(f"s{i}"), achievement.alias(f"a{i}")]
    table = frame.sort("entity", "year").with_columns(wide)
    parents = []
    for s in range(SASARAN):
        kids = range(s * IKU, (s + 1) * IKU)
        statuses = [c(f"s{i}") for i in kids]
        first_not_ok = pl.coalesce([pl.when(st != "ok").then(st) for st in statuses])
        mean = rounded(pl.sum_horizontal([c(f"a{i}") for i in kids]) / IKU, "half-up")
        parents += [pl.coalesce(first_not_ok, pl.lit("ok")).alias(f"ps{s}"), mean.alias(f"pa{s}")]
    table = table.with_columns(parents)
    decimal = pl.Decimal(38, 2)
    parts = []
    for ind, real, status, achieved in [(f"s{s}", None, f"ps{s}", f"pa{s}") for s in range(SASARAN)] + [
        (f"i{i}", f"r{i}", f"s{i}", f"a{i}") for i in range(SASARAN * IKU)
    ]:
        ok = c(status) == "ok"
        parts.append(
            table.select(
                "entity",
                "year",
                pl.lit(ind).alias("indicator"),
                (c(real) if real else pl.lit(None, dtype=pl.Float64)).cast(decimal).alias("realisation"),
                pl.when(ok).then(c(achieved)).cast(decimal).alias("achievement"),
                pl.when(ok).then(category(c(achieved))).alias("category"),
                c(status).alias("status"),
            )
        )
    # One row per (key, indicator): row r of block n goes to r * count + n, a gather (no sort).
    count, height = len(parts), table.height
    position = pl.int_range(0, height * count, dtype=pl.Int64, eager=True)
    return pl.concat(parts)[(position % count) * height + position // count]


# -- the run -----------------------------------------------------------------------------------


def on_duckdb(catalog: lkip_rules.Catalog, frame: pl.DataFrame) -> pl.DataFrame:
    import duckdb

    from lkip_rules.bulk import sql

    con = duckdb.connect()
    con.register("lkip_input", frame)
    return con.sql(sql(catalog, "lkip_input", columns=frame.columns)).pl()


def paths(catalog: lkip_rules.Catalog, years: int) -> dict[str, Callable[[pl.DataFrame], pl.DataFrame]]:
    return {
        "baseline": lambda frame: baseline(frame, years),
        "polars": lambda frame: evaluate_frame(catalog, frame),
        "duckdb": lambda frame: on_duckdb(catalog, frame),
    }


def check_equal(years: int) -> None:
    """The three paths give the same rows, values and order on 2,000 agencies."""
    catalog = catalog_for(years)
    frame = dataset(2000, years)
    outputs = {name: run(frame) for name, run in paths(catalog, years).items()}
    assert outputs["polars"].equals(outputs["baseline"]), "the baseline must give what evaluate_frame gives"
    duck = outputs["duckdb"].with_columns(pl.col("year").cast(pl.Int64))
    assert duck.equals(outputs["polars"]), "DuckDB must give what evaluate_frame gives"


def child(path: str, entities: int, years: int, repeats: int) -> None:
    """One path in a fresh process: its cold run, the median of its warm runs, its peak memory."""
    run = paths(catalog_for(years), years)[path]
    frame = dataset(entities, years)
    start = time.perf_counter()
    rows = run(frame).height
    cold = time.perf_counter() - start
    warm = []
    for _ in range(repeats):
        start = time.perf_counter()
        run(frame)
        warm.append(time.perf_counter() - start)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # MiB (Linux reports KiB)
    print(json.dumps({"cold": cold, "warm": statistics.median(warm), "rows": rows, "peak_mib": peak}))


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--entities", type=int, default=30_000)
    options.add_argument("--years", type=int, default=5)
    options.add_argument("--repeats", type=int, default=3)
    options.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = options.parse_args()
    if args.child:
        child(args.child, args.entities, args.years, args.repeats)
        return
    check_equal(args.years)
    results: dict[str, dict[str, Any]] = {}
    for path in ("baseline", "polars", "duckdb"):
        command = [sys.executable, __file__, "--child", path, "--entities", str(args.entities)]
        command += ["--years", str(args.years), "--repeats", str(args.repeats)]
        results[path] = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    rows = results["polars"]["rows"]
    print(
        f"{args.entities:,} agencies x {args.years} years x {SASARAN + SASARAN * IKU} indicators = {rows:,} "
        f"assessments; outputs checked equal; each path in its own process, cold and median of {args.repeats} warm"
    )
    base = results["baseline"]
    print(f"{'path':32} {'cold s':>7} {'x base':>7} {'warm s':>7} {'x base':>7} {'peak MiB':>9}")
    labels = {
        "baseline": "hand-written Polars (baseline)",
        "polars": "evaluate_frame (Polars)",
        "duckdb": "SQL on DuckDB",
    }
    for path, r in results.items():
        print(
            f"{labels[path]:32} {r['cold']:7.2f} {r['cold'] / base['cold']:6.2f}x {r['warm']:7.2f} "
            f"{r['warm'] / base['warm']:6.2f}x {r['peak_mib']:9.0f}"
        )


if __name__ == "__main__":
    main()
