"""Long fuzz runs by hand: N examples per input kind in worker processes, with timeouts and memory.

    python tests/fuzz/run_long.py --formulas 1000000 --catalogs 100000 --csv 10000 --xlsx 10000
    python tests/fuzz/run_long.py --all 2000 --out /tmp/lkip-fuzz
    python tests/fuzz/run_long.py --replay /tmp/lkip-fuzz/crashes/<case folder>

Examples are generated inside the workers from (seed, kind, index), so nothing but small task
tuples crosses process boundaries and any example can be made again. Each example runs under
a CPU-time alarm (``--timeout``, 2 s: longer is a hang, reported with where it was stopped; CPU
time, so a machine busy with other work does not fake hangs); an example stuck where the alarm
cannot reach it (inside C code, or waiting) has its worker killed by a wall-clock watchdog
after a grace period, and respawned. Peak RSS is measured per example: the kernel's high-water
mark is reset before each one (``/proc/self/clear_refs``) and read with ``resource.getrusage``;
the growth over the RSS the worker had before the example is what is flagged. Workers also run
under an address-space limit, so runaway memory is a MemoryError to report, not a machine
brought down.

The summary (printed, and written to OUT/summary.json) gives per kind: tried, ok, lkip_errors,
crashes and hangs with distinct signatures (exception type + innermost library frame), examples
whose RSS grew by more than ``--mem-flag-mib`` (whatever else happened to them), the largest
peak and growth of memory, the mean time per example and the input sizes. Reproducers of the
first few examples of each signature are saved under OUT/crashes/ (case.txt to read, files/,
case.pickle for --replay).
"""

from __future__ import annotations

import argparse
import json
import pickle
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make ``tests.fuzz`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.fuzz import checks
from tests.fuzz.longrun.example import run_check
from tests.fuzz.longrun.workers import Run

KINDS = ["formula", "arith", "catalog", "data", "csv", "xlsx", "cli", "api", "subprocess"]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line: examples per kind, seed, workers, timeout, memory limits, output folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for kind, option in zip(KINDS, ["--formulas", "--arith", "--catalogs", "--datafiles", "--csv", "--xlsx",
                                    "--cli", "--api", "--subprocess"], strict=True):  # fmt: skip
        parser.add_argument(option, dest=kind, type=int, default=None, help=f"examples of kind '{kind}'")
    parser.add_argument(
        "--all", type=int, default=0, help="examples of every kind not given (subprocess: --all // 100)"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=2.0, help="CPU seconds per example before it is a hang")
    parser.add_argument("--mem-limit-mib", type=int, default=4096, help="address-space limit of each worker")
    parser.add_argument("--mem-flag-mib", type=float, default=512, help="RSS growth in one example to report")
    parser.add_argument(
        "--stop-after", type=float, default=0, help="seconds after which no new chunk starts (0: run to the end)"
    )
    parser.add_argument("--out", default="/tmp/lkip-fuzz", help="folder for summary.json and reproducers")
    parser.add_argument("--replay", type=Path, default=None, help="run a saved case (a folder with case.pickle)")
    return parser.parse_args(argv)


def counts_of(args: argparse.Namespace) -> dict[str, int]:
    """Examples per kind: given explicitly, else --all (real processes: --all / 100)."""
    counts = {}
    for kind in KINDS:
        given = getattr(args, kind)
        default = args.all // 100 if kind == "subprocess" else args.all
        counts[kind] = given if given is not None else default
    return counts


class _SavedCase(pickle.Unpickler):
    """Reads a case.pickle, also one saved before the generators moved from
    tests/fuzz/strategies.py to tests/fuzz/gen/ (its classes are named after the old module)."""

    def find_class(self, module: str, name: str) -> Any:
        return super().find_class("tests.fuzz.gen" if module == "tests.fuzz.strategies" else module, name)


def replay(folder: Path) -> int:
    """Run one saved case in this process, with its full traceback."""
    with open(folder / "case.pickle", "rb") as handle:
        case = _SavedCase(handle).load()
    print(checks.describe(case)[:5000])
    with tempfile.TemporaryDirectory() as root:
        print("outcome:", run_check(case, Path(root)))
    return 0


def print_summary(result: dict[str, Any]) -> None:
    """One line per kind, then each distinct failure with its count."""
    print(f"\n{result['seconds']} s" + (" (stopped early by --stop-after)" if result["stopped_early"] else ""))
    for kind, s in result["kinds"].items():
        sizes = s["input_bytes"]
        print(
            f"{kind:10} tried {s['tried']:>8}  ok {s['ok']:>8}  lkip {s['lkip_errors']:>8}  crashes {s['crashes']:>6}"
            f"  hangs {s['hangs']:>5}  memory {s['memory_over_limit']:>3}  harness {s['harness_errors']:>4}"
            f"  peak {s['max_peak_mib']:6.1f} MiB (+{s['max_growth_mib']:.1f})  {s['mean_ms']:.1f} ms"
            f"  bytes {sizes['min']}..{sizes['max']} (mean {sizes['mean']})"
        )
        for sig, entry in s["signatures"].items():
            print(f"    {entry['count']:>7} x {sig}  [first #{entry['first_index']}]")


def main(argv: list[str] | None = None) -> int:
    """Run, write summary.json, print; exit 1 when anything crashed, hung or ate memory."""
    args = parse_args(argv)
    if args.replay is not None:
        return replay(args.replay)
    counts = counts_of(args)
    if not any(counts.values()):
        print("nothing to do: give --all N or --formulas N, --catalogs N, ...", file=sys.stderr)
        return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    config = {"seed": args.seed, "workers": args.workers, "timeout": args.timeout, "mem_limit_mib": args.mem_limit_mib,
              "mem_flag_mib": args.mem_flag_mib, "out": str(out), "stop_after": args.stop_after}  # fmt: skip
    shutil.rmtree(out / "crashes", ignore_errors=True)  # reproducers of an earlier run would mix in
    result = Run(counts, config).go()
    (out / "summary.json").write_text(json.dumps(result, indent=2, default=str), "utf-8")
    print_summary(result)
    print(f"\nsummary: {out / 'summary.json'}; reproducers: {out / 'crashes'}")
    return 1 if any(s["crashes"] or s["hangs"] or s["memory_over_limit"] for s in result["kinds"].values()) else 0


if __name__ == "__main__":
    sys.exit(main())
