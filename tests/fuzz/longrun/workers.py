"""Worker processes that run chunks of examples, and the run that feeds them, collects their
statistics and replaces a worker that is stuck or dead (the watchdog)."""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import resource
import shutil
import tempfile
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, cast

from tests.fuzz import checks
from tests.fuzz.longrun.example import SUBPROCESS_TIMEOUT, Record, make_case, run_example
from tests.fuzz.longrun.stats import KEEP, KindStats

CHUNK = {"formula": 500, "arith": 500, "api": 200, "catalog": 20, "data": 20, "csv": 20, "xlsx": 10, "cli": 10}
GRACE = 28.0
"""Wall-clock seconds past the timeout before a worker the alarm could not stop is killed (the
alarm counts CPU time, and a busy machine gives a worker far less than a CPU)."""

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
                if self._out_of_time():
                    self.tasks.clear()  # finish the chunks in hand, start no new one, summarise
                self._dispatch(pool)
                self._collect(pool)
                self._watch(pool)
                if time.monotonic() - last > 30:
                    last = time.monotonic()
                    print(self._progress(), flush=True)
        finally:
            pool.close()
        return self.summary()

    def _out_of_time(self) -> bool:
        limit = self.config.get("stop_after")
        return limit is not None and limit > 0 and time.monotonic() - self.started > limit

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
            "stopped_early": bool(self.tasks) or self._out_of_time(),
            "kinds": {kind: stats.summary() for kind, stats in self.stats.items()},
        }
