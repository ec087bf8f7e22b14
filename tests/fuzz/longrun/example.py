"""One example of a long run: made from (seed, kind, index), checked under a time limit, and
measured (time, peak memory, growth of memory) into a :class:`Record`."""

from __future__ import annotations

import contextlib
import resource
import shutil
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.fuzz import checks, gen

SUBPROCESS_TIMEOUT = 30.0
CPU_SECONDS_PER_MB = 10.0
"""Extra CPU time an example gets per megabyte of input: a 5,000-indicator catalog is checked
with a dozen library calls (load, validate, evaluate three ways, audit, explain, exports) and
takes seconds while staying linear; a hang is time out of proportion to the input, not a big
input (the linear cost is measured in docs/reliability.md)."""
"""A real ``lkip`` process pays for Python's start-up and imports, so it gets its own timeout."""


def make_case(seed: int, kind: str, index: int) -> Any:
    """Example ``index`` of ``kind``: the same case every time for the same seed."""
    generator = gen.GENERATORS["cli" if kind == "subprocess" else kind]
    case = generator(gen.RandomChooser(f"{seed}:{kind}:{index}"))
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
    limit = timeout + CPU_SECONDS_PER_MB * case.size() / 1e6 if kind != "subprocess" else SUBPROCESS_TIMEOUT + 5
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
        record.status, error = ("hang" if checks.base.FIRED["timer"] else "crash"), exc
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
