"""Bulk evaluation file to file at national scale: time and peak memory of each engine.

Run by hand:  python benchmarks/bench_bulk_files.py [--rows 5000000]

The input is the generated set of bench_bulk.py (22 indicators), ROWS rows (agencies x 5
years) written once to Parquet; each engine then runs in its own process — `run_polars` (a few
agencies at a time) and `run_duckdb` (streaming, spilling beyond its memory limit) — and writes
Parquet. Printed: seconds, peak resident memory of the process (ru_maxrss), output rows, and
whether the two outputs hold the same rows in the same order.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).parent))
import bench_bulk  # the generated catalog and data of the fair benchmark

YEARS = 5


def child(engine: str, folder: Path) -> None:
    from lkip_rules.bulk import run_duckdb, run_polars

    catalog = bench_bulk.catalog_for(YEARS)
    run = run_polars if engine == "polars" else run_duckdb
    start = time.perf_counter()
    rows = run(catalog, folder / "in.parquet", folder / f"{engine}.parquet")
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "rows": rows, "peak_mib": peak}))


def equal_files(first: Path, second: Path, rows: int, window: int = 2_000_000) -> bool:
    """The same rows in the same order, compared a window of rows at a time (two 100-million-row
    tables side by side would not fit in memory)."""
    left, right = pl.scan_parquet(first), pl.scan_parquet(second)
    if left.select(pl.len()).collect().item() != rows or right.select(pl.len()).collect().item() != rows:
        return False
    for start in range(0, rows, window):
        a = left.slice(start, window).collect()
        b = right.slice(start, window).collect().with_columns(pl.col("year").cast(pl.Int64))
        if not a.equals(b):
            return False
    return True


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--rows", type=int, default=5_000_000)
    options.add_argument("--child", default=None, help=argparse.SUPPRESS)
    options.add_argument("--folder", default=None, help=argparse.SUPPRESS)
    args = options.parse_args()
    if args.child:
        child(args.child, Path(args.folder))
        return
    with tempfile.TemporaryDirectory(prefix="lkip-bench-") as tmp:
        folder = Path(tmp)
        bench_bulk.dataset(args.rows // YEARS, YEARS).write_parquet(folder / "in.parquet")
        results = {}
        for engine in ("polars", "duckdb"):
            command = [sys.executable, __file__, "--child", engine, "--folder", str(folder)]
            results[engine] = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
        same = equal_files(folder / "polars.parquet", folder / "duckdb.parquet", results["polars"]["rows"])
    print(f"{args.rows:,} input rows x 22 indicators; outputs equal: {same}")
    for engine, r in results.items():
        print(f"{engine:8} {r['seconds']:8.1f} s  {r['peak_mib']:8.0f} MiB peak  {r['rows']:,} rows")


if __name__ == "__main__":
    main()
