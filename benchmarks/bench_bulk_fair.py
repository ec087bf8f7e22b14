"""Bulk evaluation against a fair hand-written Polars baseline: the same work, checked equal.

Run by hand:  python benchmarks/bench_bulk_fair.py [--entities 30000] [--years 5] [--repeats 3]

The catalog is generated so that every rule it uses can be written by hand: SASARAN sasaran,
each the mean of IKU percentage indicators (numerator / denominator x 100), half of them
negative (2T - R) / T x 100, half rounded half-up and half down, with a cap of 150 and a floor of
0, scored on the four-band scale. The baseline is what a careful analyst writes in Polars for
exactly that: the statuses (missing-data for a missing figure or target, undefined for a zero
denominator or target), each indicator's declared rounding (a float rounding with a guard for
float noise at ties, as the declared rule needs), the cap and floor, the bands, the parents'
means and statuses, decimal output and the rows in (entity, year, indicator) order. Before
timing, the baseline's output is checked equal to ``evaluate_frame``'s on the whole set: a
baseline that skipped work would fail here.

Both run in this process, interleaved round by round; the time is the evaluation, frame in
memory to result in memory; the ratio is the median of the per-round ratios.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import polars as pl

import lkip_rules
from lkip_rules.bulk import evaluate_frame

SASARAN, IKU = 2, 10  # 22 indicators, as the bundled catalog had
FIRST_YEAR, CAP, FLOOR = 2025, 150, 0
BANDS = (("SB", 100), ("B", 80), ("C", 55))  # above each bound; else K
TIE = 1e-9


def kind(i: int) -> tuple[str, str]:
    """(polarity, rounding) of IKU number ``i``."""
    return ("positive" if i % 2 == 0 else "negative"), ("half-up" if i % 4 < 2 else "down")


def target(i: int, year: int) -> int:
    return 60 + (i * 7 + year) % 40


def write_catalog(root: Path, years: int) -> None:
    lines = ['[catalog]\nid = "fair"\nname = "Fair"\n', f"period = [{FIRST_YEAR}, {FIRST_YEAR + years - 1}]\n"]
    for s in range(SASARAN):
        lines.append(f'[indicators.s{s}]\nname = "Sasaran {s}"\nlevel = "sasaran"\n')
    for s in range(SASARAN):
        for k in range(IKU):
            i = s * IKU + k
            polarity, rounding = kind(i)
            targets = ", ".join(f"{y} = {target(i, y)}" for y in range(FIRST_YEAR, FIRST_YEAR + years))
            lines.append(
                f'[indicators.i{i}]\nname = "IKU {i}"\nlevel = "iku"\nparent = "s{s}"\nunit = "%"\n'
                f'numerator = "n{i}"\ndenominator = "d{i}"\nmultiplier = 100\npolarity = "{polarity}"\n'
                f'rounding = "{rounding}"\ncap = {CAP}\nfloor = {FLOOR}\ntargets = {{ {targets} }}\n'
            )
    for i in range(SASARAN * IKU):
        lines.append(f'[inputs.n{i}]\nname = "N {i}"\n[inputs.d{i}]\nname = "D {i}"\n')
    (root / "catalog.toml").write_text("\n".join(lines), "utf-8")


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


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--entities", type=int, default=30_000)
    options.add_argument("--years", type=int, default=5)
    options.add_argument("--repeats", type=int, default=3)
    args = options.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        write_catalog(Path(tmp), args.years)
        catalog = lkip_rules.load_catalog(Path(tmp))
    assert not [i for i in catalog.validate(lkip_rules.Data()) if i.severity == "error"]
    assert list(catalog.indicators) == [f"s{s}" for s in range(SASARAN)] + [f"i{i}" for i in range(SASARAN * IKU)]
    frame = dataset(args.entities, args.years)
    ours, theirs = evaluate_frame(catalog, frame), baseline(frame, args.years)
    assert ours.equals(theirs), "the baseline must give exactly what evaluate_frame gives"
    print(
        f"{args.entities:,} agencies x {args.years} years x {len(catalog.indicators)} indicators = "
        f"{ours.height:,} assessments; outputs equal; median of {args.repeats} interleaved rounds"
    )
    times: dict[str, list[float]] = {"baseline": [], "evaluate_frame": []}
    for _ in range(args.repeats):
        for name, run in (
            ("baseline", lambda: baseline(frame, args.years)),
            ("evaluate_frame", lambda: evaluate_frame(catalog, frame)),
        ):
            start = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - start)
    ratios = [ours_t / base_t for ours_t, base_t in zip(times["evaluate_frame"], times["baseline"], strict=True)]
    base, ours_median = statistics.median(times["baseline"]), statistics.median(times["evaluate_frame"])
    print(f"hand-written Polars (baseline) {base:7.2f} s")
    print(f"evaluate_frame                 {ours_median:7.2f} s   {statistics.median(ratios):.2f}x")


if __name__ == "__main__":
    main()
