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
import contextlib
import json
import multiprocessing as mp
import os
import pickle
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, cast

if __package__ in (None, ""):  # run as a script: make ``tests.fuzz`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.fuzz import checks, strategies

KINDS = ["formula", "arith", "catalog", "data", "csv", "xlsx", "cli", "api", "subprocess"]
CHUNK = {"formula": 500, "arith": 500, "api": 200, "catalog": 20, "data": 20, "csv": 20, "xlsx": 10, "cli": 10}
GRACE = 28.0
"""Wall-clock seconds past the timeout before a worker the alarm could not stop is killed (the
alarm counts CPU time, and a busy machine gives a worker far less than a CPU)."""
SUBPROCESS_TIMEOUT = 30.0
"""A real ``lkip`` process pays for Python's start-up and imports, so it gets its own timeout."""
KEEP = 3
"""Reproducers saved per signature and worker."""


# -- one example --------------------------------------------------------------------------------


def make_case(seed: int, kind: str, index: int) -> Any:
    """Example ``index`` of ``kind``: the same case every time for the same seed."""
    generator = strategies.GENERATORS["cli" if kind == "subprocess" else kind]
    case = generator(strategies.RandomChooser(f"{seed}:{kind}:{index}"))
    if kind == "subprocess":
        case.kind = "subprocess"
    return case


def reset_peak_memory() -> None:
    """Reset the kernel's RSS high-water mark to the current RSS (Linux; ignored elsewhere)."""
    with contextlib.suppress(OSError), open("/proc/self/clear_refs", "w") as handle:
        handle.write("5")


def peak_memory_mib() -> float:
    """The high-water mark of RSS since the last reset (the current RSS right after one)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


HIDE_OPTIONAL = """
import sys
class Hide:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("openpyxl", "matplotlib", "duckdb", "polars", "pyarrow"):
            raise ModuleNotFoundError(f"No module named {name!r}")
sys.meta_path.insert(0, Hide())
from lkip_rules.cli import main
main()
"""
"""A Python without the optional extras: commands that need one must say which extra to install."""


def check_subprocess(case: Any, root: Path) -> str:
    """The same command line as a real ``lkip`` process (every third one without the optional
    packages installed): exit 0, 1 or 2, never a traceback."""
    checks.materialise(case.files, root)
    argv = [arg.replace("{root}", str(root)) for arg in case.argv]
    command = [shutil.which("lkip") or sys.executable, *([] if shutil.which("lkip") else ["-m", "lkip_rules"])]
    if case.size() % 3 == 0:
        command = [sys.executable, "-c", HIDE_OPTIONAL]
    try:
        done = subprocess.run([*command, *argv], capture_output=True, timeout=SUBPROCESS_TIMEOUT, cwd=root, check=False)
    except subprocess.TimeoutExpired:
        raise checks.Hang(f"lkip ran for over {SUBPROCESS_TIMEOUT:g} s") from None
    text = (done.stdout + done.stderr).decode("utf-8", "replace")
    if "Traceback" in text:
        raise checks.FuzzFailure("lkip printed a traceback", text[-2000:])
    if done.returncode not in (0, 1, 2):
        raise checks.FuzzFailure(f"lkip exited with {done.returncode}", text[-2000:])
    return "lkip" if done.returncode else "ok"


def run_check(case: Any, root: Path) -> str:
    """Check one case: in-process for every kind but 'subprocess'."""
    if case.kind == "subprocess":
        return check_subprocess(case, root)
    return checks.CHECKS[case.kind](case, root)


@dataclass
class Record:
    """What happened to one example."""

    status: str  # ok, lkip, crash, hang, harness
    size: int = 0
    peak: float = 0.0
    growth: float = 0.0  # peak minus the RSS the worker had before the example
    seconds: float = 0.0
    signature: str = ""
    message: str = ""
    memory: str = ""  # set when RSS grew past the flag, whatever the status


def run_example(
    seed: int, kind: str, index: int, timeout: float, root: Path, memory_flag: float = float("inf")
) -> tuple[Record, Any, Any]:
    """Generate and check one example; returns the record, the case and the exception if any."""
    try:
        case = make_case(seed, kind, index)
    except Exception as exc:  # a bug of the generators, not of the library
        return Record("harness", signature=f"generator: {checks.signature(exc)}", message=repr(exc)), None, exc
    folder = root / f"{kind}-{index}"
    folder.mkdir(parents=True, exist_ok=True)
    limit = timeout if kind != "subprocess" else SUBPROCESS_TIMEOUT + 5
    reset_peak_memory()
    before = peak_memory_mib()
    record = Record("ok", size=case.size())
    started = time.perf_counter()
    error: BaseException | None = None
    try:
        with checks.time_limit(limit):
            record.status = run_check(case, folder)
    except checks.Hang as exc:
        record.status, error = "hang", exc
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:
        record.status, error = "crash", exc
    finally:
        record.peak = peak_memory_mib()
        record.growth = record.peak - before
        record.seconds = time.perf_counter() - started
        shutil.rmtree(folder, ignore_errors=True)
    if error is not None:
        record.signature = ("Hang " if record.status == "hang" else "") + checks.signature(error)
        record.message = "".join(traceback.format_exception_only(error))[-1000:]
    if record.growth > memory_flag:
        record.memory = f"grew by {record.growth:.0f} MiB (peak {record.peak:.0f}) for an input of {record.size} bytes"
    return record, case, error


# -- statistics ---------------------------------------------------------------------------------


@dataclass
class KindStats:
    """Counts, sizes, memory and distinct failure signatures of one input kind."""

    tried: int = 0
    ok: int = 0
    lkip_errors: int = 0
    crashes: int = 0
    hangs: int = 0
    memory: int = 0
    harness_errors: int = 0
    max_peak_mib: float = 0.0
    max_growth_mib: float = 0.0
    seconds: float = 0.0
    size_min: int = -1  # -1: nothing measured yet
    size_max: int = 0
    size_total: int = 0
    signatures: dict[str, dict[str, Any]] = field(default_factory=dict)

    def add(self, index: int, record: Record, saved: str | None = None) -> None:
        self.tried += 1
        counter = {"ok": "ok", "lkip": "lkip_errors", "crash": "crashes", "hang": "hangs", "harness": "harness_errors"}
        setattr(self, counter[record.status], getattr(self, counter[record.status]) + 1)
        self.max_peak_mib = max(self.max_peak_mib, record.peak)
        self.max_growth_mib = max(self.max_growth_mib, record.growth)
        self.seconds += record.seconds
        if record.status != "harness":
            self.size_min = record.size if self.size_min < 0 else min(self.size_min, record.size)
            self.size_max = max(self.size_max, record.size)
            self.size_total += record.size
        if record.signature:
            self._signature(record.signature, record.status, index, record.message, saved)
        if record.memory:
            self.memory += 1
            self._signature("Memory: grew past --mem-flag-mib", "memory", index, record.memory, saved)

    def _signature(self, signature: str, status: str, index: int, message: str, saved: str | None) -> None:
        entry = self.signatures.setdefault(
            signature, {"status": status, "count": 0, "first_index": index, "message": message, "saved": []}
        )
        entry["count"] += 1
        if saved:
            entry["saved"].append(saved)

    def merge(self, other: KindStats) -> None:
        for name in (
            "tried",
            "ok",
            "lkip_errors",
            "crashes",
            "hangs",
            "memory",
            "harness_errors",
            "size_total",
            "seconds",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.max_peak_mib = max(self.max_peak_mib, other.max_peak_mib)
        self.max_growth_mib = max(self.max_growth_mib, other.max_growth_mib)
        if other.size_min >= 0:
            self.size_min = other.size_min if self.size_min < 0 else min(self.size_min, other.size_min)
        self.size_max = max(self.size_max, other.size_max)
        for sig, entry in other.signatures.items():
            mine = self.signatures.setdefault(sig, {**entry, "count": 0, "saved": []})
            mine["count"] += entry["count"]
            mine["first_index"] = min(mine["first_index"], entry["first_index"])
            mine["saved"] = (mine["saved"] + entry["saved"])[: KEEP * 2]

    def summary(self) -> dict[str, Any]:
        measured = self.tried - self.harness_errors
        return {
            "tried": self.tried,
            "ok": self.ok,
            "lkip_errors": self.lkip_errors,
            "crashes": self.crashes,
            "hangs": self.hangs,
            "memory_over_limit": self.memory,
            "harness_errors": self.harness_errors,
            "max_peak_mib": round(self.max_peak_mib, 1),
            "max_growth_mib": round(self.max_growth_mib, 1),
            "mean_ms": round(1000 * self.seconds / self.tried, 2) if self.tried else 0,
            "input_bytes": {
                "min": max(self.size_min, 0),
                "mean": round(self.size_total / measured, 1) if measured else 0,
                "max": self.size_max,
            },
            "signatures": dict(sorted(self.signatures.items(), key=lambda item: -item[1]["count"])),
        }


# -- workers ------------------------------------------------------------------------------------

Task = tuple[str, int, int, frozenset[int]]  # kind, start, stop, indexes to skip


def worker(conn: Connection, shared: Any, slot: int, config: dict[str, Any], root: Path) -> None:
    """Run tasks until told to stop; publish the current example in ``shared`` for the watchdog.

    ``root`` is made by the parent, which removes it even when it has to kill the worker.
    """
    limit = config["mem_limit_mib"] * 1024 * 1024
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    os.environ.setdefault("MPLBACKEND", "Agg")
    out = Path(config["out"]) / "crashes"
    saved: dict[str, int] = {}
    try:
        while (task := conn.recv()) is not None:
            kind, start, stop, skip = task
            stats = KindStats()
            for index in range(start, stop):
                if index in skip:
                    continue
                shared[2 * slot], shared[2 * slot + 1] = index, time.monotonic()
                record, case, error = run_example(
                    config["seed"], kind, index, config["timeout"], root, config["mem_flag_mib"]
                )
                stats.add(index, record, _save(out, kind, index, record, case, error, saved))
            shared[2 * slot + 1] = 0.0
            conn.send((kind, stats))
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _save(out: Path, kind: str, index: int, record: Record, case: Any, error: Any, saved: dict[str, int]) -> str | None:
    """Keep the case of a failure (the first KEEP of each signature in this worker) as a reproducer."""
    signature = record.signature or ("Memory" if record.memory else "")
    if not signature or case is None or saved.get(signature, 0) >= KEEP:
        return None
    saved[signature] = saved.get(signature, 0) + 1
    folder = out / f"{kind}-{_slug(signature)}" / str(index)
    checks.save_case(case, folder, error)
    return str(folder)


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text)[:90].strip("-")


@dataclass
class Worker:
    """A worker process, the pipe to it and the task it is running."""

    process: Any
    conn: Connection
    root: Path
    task: Task | None = None


class Pool:
    """Workers that stay alive across examples; the parent kills and replaces one that is stuck."""

    def __init__(self, count: int, config: dict[str, Any]) -> None:
        self.context = mp.get_context("fork")
        self.config = config
        self.shared = self.context.Array("d", 2 * count, lock=False)
        self.workers = [self._spawn(slot) for slot in range(count)]

    def _spawn(self, slot: int) -> Worker:
        parent, child = self.context.Pipe()
        root = Path(tempfile.mkdtemp(prefix=f"lkip-fuzz-w{slot}-"))
        process = self.context.Process(target=worker, args=(child, self.shared, slot, self.config, root), daemon=True)
        process.start()
        child.close()
        self.shared[2 * slot + 1] = 0.0
        return Worker(process, parent, root)

    def replace(self, slot: int) -> None:
        old = self.workers[slot]
        old.process.kill()
        old.process.join(5)
        shutil.rmtree(old.root, ignore_errors=True)
        self.workers[slot] = self._spawn(slot)

    def current(self, slot: int) -> tuple[int, float]:
        return int(self.shared[2 * slot]), self.shared[2 * slot + 1]

    def close(self) -> None:
        for item in self.workers:
            with contextlib.suppress(OSError, BrokenPipeError):
                item.conn.send(None)
            item.process.join(5)
            if item.process.is_alive():
                item.process.kill()
                item.process.join(5)
            shutil.rmtree(item.root, ignore_errors=True)


# -- the run ------------------------------------------------------------------------------------


def plan(counts: dict[str, int]) -> deque[Task]:
    """Chunks of every kind, interleaved so that an interrupted run has tried each kind."""
    queues: dict[str, deque[Task]] = {
        kind: deque(
            (kind, start, min(start + CHUNK.get(kind, 1), n), frozenset()) for start in range(0, n, CHUNK.get(kind, 1))
        )
        for kind, n in counts.items()
        if n
    }
    tasks: deque[Task] = deque()
    while any(queues.values()):
        for queue in queues.values():
            if queue:
                tasks.append(queue.popleft())
    return tasks


class Run:
    """One long run: the task queue, the pool, the statistics and the watchdog."""

    def __init__(self, counts: dict[str, int], config: dict[str, Any]) -> None:
        self.counts = counts
        self.config = config
        self.stats = {kind: KindStats() for kind, n in counts.items() if n}
        self.tasks = plan(counts)
        self.started = time.monotonic()

    def go(self) -> dict[str, Any]:
        pool = Pool(self.config["workers"], self.config)
        last = time.monotonic()
        try:
            while self.tasks or any(w.task for w in pool.workers):
                self._dispatch(pool)
                self._collect(pool)
                self._watch(pool)
                if time.monotonic() - last > 30:
                    last = time.monotonic()
                    print(self._progress(), flush=True)
        finally:
            pool.close()
        return self.summary()

    def _dispatch(self, pool: Pool) -> None:
        for item in pool.workers:
            if item.task is None and self.tasks:
                item.task = self.tasks.popleft()
                item.conn.send(item.task)

    def _collect(self, pool: Pool) -> None:
        busy = {item.conn: slot for slot, item in enumerate(pool.workers) if item.task}
        for ready in wait(list(busy), timeout=0.25):
            conn = cast(Connection, ready)
            slot = busy[conn]
            try:
                kind, stats = conn.recv()
            except (EOFError, OSError):
                self._lost(pool, slot, "the worker died")
                continue
            self.stats[kind].merge(stats)
            pool.workers[slot].task = None

    def _watch(self, pool: Pool) -> None:
        for slot, item in enumerate(pool.workers):
            if item.task is None:
                continue
            index, since = pool.current(slot)
            limit = self.config["timeout"] if item.task[0] != "subprocess" else SUBPROCESS_TIMEOUT + 5
            if since and time.monotonic() - since > limit + GRACE:
                self._lost(pool, slot, f"hard hang: over {limit + GRACE:g} s where the alarm could not stop it", index)
            elif not item.process.is_alive():
                self._lost(pool, slot, f"the worker died (exit code {item.process.exitcode})", index)

    def _lost(self, pool: Pool, slot: int, why: str, index: int | None = None) -> None:
        """Record the example a worker was stuck on, replace the worker, redo the rest of its chunk."""
        task = pool.workers[slot].task
        assert task is not None
        kind, start, stop, skip = task
        index = pool.current(slot)[0] if index is None else index
        pool.replace(slot)
        status = "hang" if why.startswith("hard hang") else "crash"
        record = Record(status, signature=f"{'Hang ' if status == 'hang' else ''}{why.split(':')[0]}", message=why)
        folder = Path(self.config["out"]) / "crashes" / f"{kind}-{_slug(record.signature)}" / str(index)
        with contextlib.suppress(Exception):
            checks.save_case(make_case(self.config["seed"], kind, index), folder)
        lost = KindStats()
        lost.add(index, record, str(folder))
        self.stats[kind].merge(lost)
        self.tasks.appendleft((kind, start, stop, skip | {index}))

    def _progress(self) -> str:
        done = ", ".join(
            f"{kind} {s.tried}/{self.counts[kind]} ({s.crashes}c {s.hangs}h)" for kind, s in self.stats.items()
        )
        return f"[{time.monotonic() - self.started:7.0f} s] {done}"

    def summary(self) -> dict[str, Any]:
        return {
            "config": {**self.config, "counts": self.counts},
            "seconds": round(time.monotonic() - self.started, 1),
            "kinds": {kind: stats.summary() for kind, stats in self.stats.items()},
        }


# -- command line -------------------------------------------------------------------------------


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


def replay(folder: Path) -> int:
    """Run one saved case in this process, with its full traceback."""
    case = pickle.loads((folder / "case.pickle").read_bytes())
    print(checks.describe(case)[:5000])
    with tempfile.TemporaryDirectory() as root:
        print("outcome:", run_check(case, Path(root)))
    return 0


def print_summary(result: dict[str, Any]) -> None:
    """One line per kind, then each distinct failure with its count."""
    print(f"\n{result['seconds']} s")
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
              "mem_flag_mib": args.mem_flag_mib, "out": str(out)}  # fmt: skip
    shutil.rmtree(out / "crashes", ignore_errors=True)  # reproducers of an earlier run would mix in
    result = Run(counts, config).go()
    (out / "summary.json").write_text(json.dumps(result, indent=2, default=str), "utf-8")
    print_summary(result)
    print(f"\nsummary: {out / 'summary.json'}; reproducers: {out / 'crashes'}")
    return 1 if any(s["crashes"] or s["hangs"] or s["memory_over_limit"] for s in result["kinds"].values()) else 0


if __name__ == "__main__":
    sys.exit(main())
