"""Loading, validating and evaluating generated catalogs, against reading their TOML alone.

Run by hand:  python benchmarks/bench_catalog.py [--sizes 100,1000,10000] [--repeats 5]

Each catalog is deterministic: N indicators over 0.4 N inputs — most of them
numerator/denominator percentages (the common case in real catalogs), one in five a formula
with growth, avg or a reference to another indicator — under 50 sasaran, with a data file.
The baseline is tomllib parsing the same files (the floor any TOML catalog pays); ratios are
printed against it, measured in the same run. The library pauses Python's cyclic collector
while it loads, validates and evaluates (lkip_rules._gc); tomllib alone does not, so the
baseline is also timed with the collector paused, and the last line gives the ratio to that.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import tomllib
from decimal import Decimal
from pathlib import Path

import bench_assess
import bench_assess_bundled

from lkip_rules import load_catalog
from lkip_rules._gc import paused
from lkip_rules.formula import parser


def write_catalog(root: Path, count: int) -> None:
    inputs = max(4, count * 2 // 5)
    lines = ['[catalog]\nid = "bench"\nname = "Generated"\nperiod = [2025, 2029]\n']
    for s in range(count // 20):
        lines.append(f'[indicators.sasaran_{s}]\nname = "Sasaran {s}"\nlevel = "sasaran"\n')
    for i in range(count):
        a, b = f"in_{i % inputs}", f"in_{(i * 7 + 1) % inputs}"
        head = f'[indicators.ind_{i}]\nname = "Indikator {i}"\nlevel = "iku"\nparent = "sasaran_{i % (count // 20)}"\n'
        if i % 5 == 4:
            kinds = [f"growth({a})", f"avg({a}, {b}, 100)", f"ind_{i - 1} * 2 - {b} / 10"]
            body = f'formula = "{kinds[i % 3]}"\n'
        else:
            body = f'unit = "%"\nnumerator = "{a}"\ndenominator = "{b}"\nmultiplier = 100\n'
        lines.append(head + body + f"targets = {{ 2025 = {10 + i % 90}, 2026 = {11 + i % 90} }}\n")
    (root / "catalog.toml").write_text("\n".join(lines), "utf-8")
    declared = "\n".join(f'[inputs.in_{k}]\nname = "Input {k}"\n' for k in range(inputs))
    (root / "inputs.toml").write_text(declared, "utf-8")
    (root / "data").mkdir()
    for year in (2024, 2025):
        values = "\n".join(f"in_{k} = {1000 + k * 3 + year % 7}" for k in range(inputs))
        (root / "data" / f"{year}.toml").write_text(f"[inputs]\n{values}\n", "utf-8")


def toml_only(root: Path) -> None:
    for path in [*root.glob("*.toml"), *root.glob("data/*.toml")]:
        tomllib.loads(path.read_text("utf-8"), parse_float=Decimal)


def load_and_validate(root: Path) -> int:
    parser._parse_cached.cache_clear()  # no help from an earlier round
    catalog = load_catalog(root)
    return len(catalog.validate())


def evaluate(root: Path) -> int:
    parser._parse_cached.cache_clear()
    return len(load_catalog(root).evaluate(2025))


def everything(root: Path) -> int:
    """What a planner's `lkip check` then `lkip evaluate` costs: load, validate, evaluate."""
    parser._parse_cached.cache_clear()
    catalog = load_catalog(root)
    issues = catalog.validate()
    return len(issues) + len(catalog.evaluate(2025))


def toml_only_paused(root: Path) -> None:
    """The baseline with the cyclic collector paused as the library pauses it (lkip_rules._gc):
    not the floor a user pays, printed to show what the pause is worth."""
    with paused():
        toml_only(root)


RUNS = {
    "toml only (baseline)": toml_only,
    "toml, collector paused": toml_only_paused,
    "load + validate": load_and_validate,
    "load + evaluate 2025": evaluate,
    "load + validate + evaluate": everything,
}


def measure(count: int, repeats: int) -> dict[str, float]:
    """Median seconds of each run over ``repeats`` rounds, interleaved so load drifts alike."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_catalog(root, count)
        assert load_and_validate(root) == 0, "the generated catalog must be valid"
        samples: dict[str, list[float]] = {name: [] for name in RUNS}
        for _ in range(repeats):
            for name, run in RUNS.items():
                start = time.perf_counter()
                run(root)
                samples[name].append(time.perf_counter() - start)
    return {name: statistics.median(times) for name, times in samples.items()}


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--sizes", default="100,1000,10000", help="catalog sizes (indicators), comma-separated")
    options.add_argument("--repeats", type=int, default=5)
    args = options.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"median of {args.repeats} rounds; ratio to tomllib reading the same files")
    print(f"{'':28}" + "".join(f"{size:>22,}" for size in sizes))
    results = {size: measure(size, args.repeats) for size in sizes}
    for name in RUNS:
        cells = []
        for size in sizes:
            median, base = results[size][name], results[size]["toml only (baseline)"]
            cells.append(f"{median * 1000:10.1f} ms {median / base:6.1f}x")
        print(f"{name:28}" + "".join(f"{cell:>22}" for cell in cells))
    first, last = sizes[0], sizes[-1]
    growth = results[last]["load + validate + evaluate"] / results[first]["load + validate + evaluate"]
    print(f"growth of load + validate + evaluate from {first:,} to {last:,}: {growth:.1f}x for {last / first:.0f}x")
    both = results[last]["load + validate + evaluate"] / results[last]["toml, collector paused"]
    print(f"load + validate + evaluate at {last:,} against tomllib with the collector paused too: {both:.1f}x")
    print("\none whole assessment (benchmarks/bench_assess_bundled.py and bench_assess.py have the details):")
    bench_assess_bundled.report(agency_count=100, repeats=args.repeats)
    bench_assess.report(agency_count=200, repeats=args.repeats)


if __name__ == "__main__":
    main()
