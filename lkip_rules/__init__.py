"""lkip-rules: declarative, exact, self-checking performance measurement for SAKIP / LKIP.

The public API is what this module exports; everything else is private.
"""

from __future__ import annotations

from lkip_rules import errors
from lkip_rules.errors import (
    EvaluationError,
    FormulaError,
    LkipError,
)
from lkip_rules.formula import Formula, Period, parse_formula

__all__ = [
    "EvaluationError",
    "Formula",
    "FormulaError",
    "LkipError",
    "Period",
    "errors",
    "parse_formula",
]

__version__ = "0.1.0"
