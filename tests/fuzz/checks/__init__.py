"""What one fuzz input must do, for each input kind: shared by the pytest tests and run_long.py.

Each ``check_*`` runs one case through the library and returns ``"ok"`` or ``"lkip"`` (some
step refused the input with an ``LkipError``, which is acceptable). Anything else escapes:
another exception is a crash, and :class:`FuzzFailure` is a broken promise that raised
nothing (the compiled path disagreeing with the reference, a traceback printed by the
command line, an Infinity in the results). :func:`signature` names a failure so that the
same bug found a thousand times is counted once.

- ``base``: failures, the time limit, steps, safe reprs, case files, the bundled catalog.
- ``formulas``: formula and arithmetic cases.
- ``files``: catalogs and data files (TOML, CSV, XLSX).
- ``commands``: ``lkip`` command lines and public API calls.
- ``runner``: a case run under a time limit, its failure named, and saved for replay.
"""

from __future__ import annotations

from tests.fuzz.checks.base import FuzzFailure, Hang, materialise, safe_repr, time_limit
from tests.fuzz.checks.runner import CHECKS, describe, run, save_case, signature

__all__ = [
    "CHECKS",
    "FuzzFailure",
    "Hang",
    "describe",
    "materialise",
    "run",
    "safe_repr",
    "save_case",
    "signature",
    "time_limit",
]
