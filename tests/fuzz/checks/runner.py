"""Running a case under a time limit, naming its failure, and saving it for replay."""

from __future__ import annotations

import contextlib
import os
import pickle
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lkip_rules
from tests.fuzz.checks.base import FuzzFailure, Hang, safe_repr, time_limit
from tests.fuzz.checks.commands import check_api, check_cli
from tests.fuzz.checks.files import check_catalog, check_data
from tests.fuzz.checks.formulas import check_arith, check_formula
from tests.fuzz.gen import FormulaCase

LIBRARY = str(Path(lkip_rules.__file__).resolve().parent)
"""The library's folder: a crash is named by its innermost frame in there."""

CHECKS: dict[str, Callable[[Any, Path], str]] = {
    "formula": lambda case, root: check_formula(case),
    "arith": lambda case, root: check_arith(case),
    "catalog": check_catalog,
    "data": check_data,
    "csv": check_data,
    "xlsx": check_data,
    "cli": check_cli,
    "api": check_api,
}
"""The check of each input kind (run_long.py adds 'subprocess')."""


def run(case: Any, seconds: float | None = None) -> str:
    """Check ``case`` in a fresh folder under a time limit (for the pytest tests).

    A hang becomes a FuzzFailure naming where it was stopped; with LKIP_FUZZ_SAVE=DIR set,
    failing cases are also saved there for replay with run_long.py --replay.
    """
    seconds = seconds or float(os.environ.get("LKIP_FUZZ_TIMEOUT", "5"))
    with tempfile.TemporaryDirectory(prefix="lkip-fuzz-") as folder:
        try:
            with time_limit(seconds):
                return CHECKS[case.kind](case, Path(folder))
        except Hang as exc:
            _save_if_asked(case, exc)
            raise FuzzFailure(f"hang: over {seconds:g} s", signature(exc)) from exc
        except BaseException as exc:
            _save_if_asked(case, exc)
            raise


def _save_if_asked(case: Any, exc: BaseException) -> None:
    target = os.environ.get("LKIP_FUZZ_SAVE")
    if target:
        save_case(case, Path(target) / f"{case.kind}-{abs(hash(signature(exc))) % 10**8}", exc)


def innermost_library_frame(exc: BaseException) -> traceback.FrameSummary | None:
    """Where in lkip_rules the exception arose (else the innermost frame at all)."""
    frames = traceback.extract_tb(exc.__traceback__)
    inside = [frame for frame in frames if frame.filename.startswith(LIBRARY)]
    return inside[-1] if inside else (frames[-1] if frames else None)


def signature(exc: BaseException) -> str:
    """Exception type and innermost library frame: one name per distinct bug."""
    if isinstance(exc, FuzzFailure):
        return f"FuzzFailure: {exc.tag}"
    frame = innermost_library_frame(exc)
    where = "?" if frame is None else f"{os.path.relpath(frame.filename, os.path.dirname(LIBRARY))}:{frame.name}"
    return f"{type(exc).__name__} @ {where}"


def describe(case: Any) -> str:
    """What a person reads first: the text, the notes, the arguments."""
    lines = [f"kind: {case.kind}"]
    for name in ("text", "known_names", "op", "params", "argv", "entry", "notes", "year", "values"):
        if hasattr(case, name):
            lines.append(f"{name}: {safe_repr(getattr(case, name))}")
    if isinstance(case, FormulaCase):
        lines += [
            f"call {i}: year={year!r} values={safe_repr(values)}" for i, (values, year) in enumerate(case.calls, 1)
        ]
    return "\n".join(lines) + "\n"


def save_case(case: Any, folder: Path, exc: BaseException | None = None) -> Path:
    """The case as files a person can open, plus a pickle that run_long.py --replay runs again."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "case.txt").write_text(describe(case), "utf-8", errors="backslashreplace")
    with contextlib.suppress(Exception):
        (folder / "case.pickle").write_bytes(pickle.dumps(case))
    for rel, data in getattr(case, "files", {}).items():
        path = folder / "files" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    if exc is not None:
        trace = "".join(traceback.format_exception(exc))
        (folder / "error.txt").write_text(f"{signature(exc)}\n\n{trace[-20000:]}", "utf-8", errors="backslashreplace")
    return folder
