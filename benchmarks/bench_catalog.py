"""Loading and validating a generated 1,000-indicator catalog, against reading its TOML alone.

Run by hand:  python benchmarks/bench_catalog.py [--indicators 1000] [--repeats 7]

The catalog is deterministic: 1,000 indicators over 400 inputs — most of them
numerator/denominator percentages (the common case in real catalogs), one in five a formula
with growth, avg or a reference to another indicator — under 50 sasaran, with a data file.
The baseline is tomllib parsing the same files (the floor any TOML catalog pays); ratios are
printed against it, measured in the same run.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import tomllib
from decimal import Decimal
from pathlib import Path

from lkip_rules import load_catalog
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
    return len(load_catalog(root).evaluate(2025))


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--indicators", type=int, default=1000)
    options.add_argument("--repeats", type=int, default=7)
    args = options.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_catalog(root, args.indicators)
        assert load_and_validate(root) == 0, "the generated catalog must be valid"
        runs = {
            "toml only (baseline)": toml_only,
            "load + validate": load_and_validate,
            "load + evaluate 2025": evaluate,
        }
        samples: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(args.repeats):
            for name, run in runs.items():
                start = time.perf_counter()
                run(root)
                samples[name].append(time.perf_counter() - start)
    base = statistics.median(samples["toml only (baseline)"])
    print(f"{args.indicators} indicators, median of {args.repeats} rounds")
    for name, times in samples.items():
        median = statistics.median(times)
        print(f"{name:24} {median * 1000:8.1f} ms {median / base:8.1f}x baseline")


if __name__ == "__main__":
    main()
