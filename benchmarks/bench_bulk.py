"""Bulk evaluation of a national dataset: the scalar, Polars and DuckDB paths against a
hand-written Polars baseline, measured in the same run.

Run by hand:  python benchmarks/bench_bulk.py [--entities 30000] [--years 5] [--repeats 5]

The dataset is deterministic: the bundled Bekasi catalog (22 indicators) over ENTITIES
synthetic agencies x YEARS years, each input the Bekasi figure scaled by a per-row factor,
3% of values missing. With the defaults: 150,000 rows, 3.3 million assessments — about
550 regions x 40 agencies x 30 indicators x 5 years.

Each path runs in a fresh subprocess (so its peak memory is its own); the time counted is the
evaluation, from the frame in memory to the results in memory: the first run (cold, with the
catalog compiled and the query planned) and the median of the repeats after it (warm). The scalar path runs on a
sample of entities and is extrapolated (marked so). The baseline is what an analyst would
write by hand in Polars for the same formulas: float arithmetic, round(2), targets and bands
as when/then — no missing-value statuses, no policies. Ratios are to that baseline.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from decimal import Decimal
from typing import Any

import polars as pl

import lkip_rules

CATALOG = lkip_rules.load_catalog(lkip_rules.BUNDLED_CATALOG)
FIRST_YEAR = 2025


def dataset(entities: int, years: int, seed: int = 11) -> pl.DataFrame:
    """The synthetic national frame, generated column-wise (no per-row Python)."""
    base = {**CATALOG.data.years[2025].inputs, **CATALOG.data.years[2025].realisations}
    rows = entities * years
    frame = pl.DataFrame(
        {
            "entity": pl.int_range(0, rows, eager=True) // years,
            "year": pl.int_range(0, rows, eager=True) % years + FIRST_YEAR,
        }
    ).with_columns(pl.format("a{}", pl.col("entity")).alias("entity"))
    columns = []
    for index, (name, value) in enumerate(sorted(base.items())):
        assert isinstance(value, Decimal)
        noise = (pl.int_range(0, rows) * (2654435761 + 97 * index) + seed) % 1000  # a cheap, fixed hash
        factor = 0.5 + noise / 1000
        missing = (noise % 33) == 0
        scaled = (pl.lit(float(value)) * factor).round(2)
        columns.append(pl.when(missing).then(None).otherwise(scaled).alias(name))
    return frame.with_columns(columns)


def run_scalar(frame: pl.DataFrame, sample: int) -> tuple[float, int]:
    """Evaluate ``sample`` entities row by row with Catalog.evaluate; (seconds, assessments)."""
    subset = frame.filter(pl.col("entity").is_in(frame["entity"].unique(maintain_order=True).head(sample)))
    start = time.perf_counter()
    count = 0
    for _, group in subset.group_by("entity", maintain_order=True):
        values: dict[str, dict[int, object]] = {}
        given: dict[str, dict[int, object]] = {}
        for row in group.iter_rows(named=True):
            for name, value in row.items():
                if name in ("entity", "year") or value is None:
                    continue
                target = given if name in CATALOG.indicators else values
                target.setdefault(name, {})[row["year"]] = str(value)
        data = lkip_rules.Data.from_values(values, realisations=given)
        for year in group["year"]:
            count += len(CATALOG.evaluate(year, data))
    return time.perf_counter() - start, count


def run_polars(frame: pl.DataFrame) -> tuple[float, int]:
    start = time.perf_counter()
    out = CATALOG.evaluate_frame(frame)
    return time.perf_counter() - start, out.height


def run_duckdb(frame: pl.DataFrame) -> tuple[float, int]:
    import duckdb

    from lkip_rules.bulk import sql

    query = sql(CATALOG, "lkip_input", columns=frame.columns)
    con = duckdb.connect()
    con.register("lkip_input", frame)
    start = time.perf_counter()
    table = con.sql(query).pl()  # materialised, as the Polars path's result is
    return time.perf_counter() - start, table.height


def run_baseline(frame: pl.DataFrame) -> tuple[float, int]:
    """Hand-written Polars for the same formulas: what an analyst would write directly."""
    start = time.perf_counter()
    lag = frame.select(
        "entity",
        (pl.col("year") + 1).alias("year"),
        pl.col("volume_usaha_koperasi").alias("vk_prev"),
        pl.col("volume_usaha_umkm").alias("vu_prev")
        if "volume_usaha_umkm" in frame.columns
        else pl.lit(None).alias("vu_prev"),
        pl.col("wirausaha").alias("w_prev"),
    )
    df = frame.join(lag, on=["entity", "year"], how="left")
    c = pl.col
    formulas = {
        "koperasi_berkualitas": c("koperasi_berkualitas"),
        "umkm_naik_kelas": c("usaha_mikro_jadi_kecil") / c("usaha_mikro_terdata") * 100,
        "nilai_akip": c("skor_akip"),
        "peningkatan_volume_koperasi": (c("volume_usaha_koperasi") - c("vk_prev")) / c("vk_prev") * 100,
        "peningkatan_volume_umkm": c("peningkatan_volume_umkm"),
        "koperasi_nib_simpan_pinjam": c("koperasi_usp_nib") / c("koperasi_aktif") * 100,
        "koperasi_patuh_regulasi": c("koperasi_diperiksa") / c("koperasi_aktif") * 100,
        "koperasi_tersertifikasi_sehat": c("koperasi_tersertifikasi") / c("koperasi_aktif") * 100,
        "sdm_koperasi_meningkat": c("pengurus_dilatih") / c("pengurus_koperasi") * 100,
        "pertumbuhan_volume_koperasi": (c("volume_usaha_koperasi") - c("vk_prev")) / c("vk_prev") * 100,
        "mikro_informal_ke_formal": c("usaha_mikro_nib") / c("usaha_mikro_terdata") * 100,
        "pertumbuhan_wirausaha": (c("wirausaha") - c("w_prev")) / c("w_prev") * 100,
        "usaha_informal_diberdayakan": c("pkl_tdu_diberdayakan") / c("pkl_tdu") * 100,
        "keselarasan_perencanaan": (c("keselarasan_program") + c("keselarasan_kegiatan") + c("keselarasan_subkegiatan"))
        / 3,
        "kinerja_keuangan_penunjang": c("realisasi_penunjang") / c("pagu_penunjang") * 100,
        "ip_asn": c("skor_ip_asn"),
        "bmd_akuntabel": (c("bmd_rkbmd") + c("bmd_lap_semester1") + c("bmd_tl_bpk")) / 3,
    }
    parts = []
    for ind_id, formula in formulas.items():
        targets = {y: float(t) for y, t in CATALOG.indicators[ind_id].targets.items() if not isinstance(t, tuple)}
        real = formula.round(2)
        target = c("year").replace_strict(targets, default=None, return_dtype=pl.Float64)
        achievement = (real / target * 100).round(2)
        category = (
            pl.when(achievement > 100)
            .then(pl.lit("SB"))
            .when(achievement > 80)
            .then(pl.lit("B"))
            .when(achievement > 55)
            .then(pl.lit("C"))
            .otherwise(pl.lit("K"))
        )
        parts.append(
            df.select(
                "entity",
                "year",
                pl.lit(ind_id).alias("indicator"),
                real.alias("realisation"),
                achievement.alias("achievement"),
                category.alias("category"),
            )
        )
    out = pl.concat(parts, rechunk=False)
    return time.perf_counter() - start, out.height


PATHS = {"baseline": run_baseline, "polars": run_polars, "duckdb": run_duckdb}


def child(path: str, entities: int, years: int, sample: int, runs: int) -> None:
    """One path in a fresh process: the first (cold) run, then the median of ``runs`` warm ones."""
    frame = dataset(entities, years)
    if path == "scalar":
        seconds, count = run_scalar(frame, sample)
        seconds *= (frame.height * len(CATALOG.indicators)) / count  # extrapolated to the whole set
        cold = warm = seconds
    else:
        cold, count = PATHS[path](frame)
        warm = statistics.median(PATHS[path](frame)[0] for _ in range(runs))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # MiB (Linux reports KiB)
    print(json.dumps({"cold": cold, "warm": warm, "rows": count, "peak_mib": peak}))


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--entities", type=int, default=30_000)
    options.add_argument("--years", type=int, default=5)
    options.add_argument("--repeats", type=int, default=3)
    options.add_argument("--scalar-sample", type=int, default=200)
    options.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = options.parse_args()
    if args.child:
        child(args.child, args.entities, args.years, args.scalar_sample, args.repeats)
        return
    assessments = args.entities * args.years * len(CATALOG.indicators)
    print(
        f"{args.entities:,} agencies x {args.years} years x {len(CATALOG.indicators)} indicators "
        f"= {assessments:,} assessments; each path in its own process: its first run (cold: "
        f"building and planning included) and the median of {args.repeats} more (warm)"
    )
    results: dict[str, dict[str, Any]] = {}
    for path in ("baseline", "polars", "duckdb", "scalar"):
        command = [
            sys.executable,
            __file__,
            "--child",
            path,
            "--entities",
            str(args.entities),
            "--years",
            str(args.years),
            "--scalar-sample",
            str(args.scalar_sample),
            "--repeats",
            str(args.repeats),
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        results[path] = json.loads(done.stdout)
    base = results["baseline"]
    print(f"{'path':28} {'cold s':>8} {'x base':>7} {'warm s':>8} {'x base':>7} {'peak MiB':>9}")
    for path, r in results.items():
        label = path + (" (extrapolated)" if path == "scalar" else "")
        print(
            f"{label:28} {r['cold']:8.2f} {r['cold'] / base['cold']:6.2f}x {r['warm']:8.2f} "
            f"{r['warm'] / base['warm']:6.2f}x {r['peak_mib']:9.0f}"
        )


if __name__ == "__main__":
    main()
