"""What `import lkip_rules` costs, and what the first use of the catalog API adds.

Run by hand:  python benchmarks/bench_import.py [--runs 20]

Each line is the fastest of N fresh interpreters (the least disturbed by the machine), minus
the fastest `python -c pass`, measured in the same run.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

CASES = {
    "python -c pass (baseline)": "pass",
    "import lkip_rules": "import lkip_rules",
    "import + parse_formula('a / b * 100')": "import lkip_rules; lkip_rules.parse_formula('a / b * 100')",
    "import + load_catalog (names only)": "import lkip_rules; lkip_rules.load_catalog",
    "import + load and evaluate the bundled catalog": (
        "import lkip_rules; lkip_rules.load_catalog(lkip_rules.BUNDLED_CATALOG).evaluate(2025)"
    ),
}


def fastest(code: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--runs", type=int, default=20)
    args = options.parse_args()
    times = {name: fastest(code, args.runs) for name, code in CASES.items()}
    base = times["python -c pass (baseline)"]
    print(f"fastest of {args.runs} fresh interpreters, minus python -c pass ({base * 1000:.0f} ms)")
    for name, seconds in times.items():
        print(f"{name:48} {(seconds - base) * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
