"""lkip-rules: declarative, exact, self-checking performance measurement for SAKIP / LKIP.

The public API is what this module exports; everything else is private.
"""

from __future__ import annotations

from pathlib import Path

from lkip_rules import errors
from lkip_rules.api import Catalog, load_catalog
from lkip_rules.catalog import Data, load_data
from lkip_rules.errors import (
    CatalogError,
    CatalogValidationError,
    EvaluationError,
    FormulaError,
    LkipError,
)
from lkip_rules.formula import Formula, Period, parse_formula
from lkip_rules.results import IndicatorResult, Results
from lkip_rules.validation import Issue

__all__ = [
    "BUNDLED_CATALOG",
    "Catalog",
    "CatalogError",
    "CatalogValidationError",
    "Data",
    "EvaluationError",
    "Formula",
    "FormulaError",
    "IndicatorResult",
    "Issue",
    "LkipError",
    "Period",
    "Results",
    "errors",
    "load_catalog",
    "load_data",
    "parse_formula",
]

__version__ = "0.1.0"

BUNDLED_CATALOG = (Path(__file__).parent / "indicators" / "bekasi-diskopukm").resolve()
"""The bundled example: the catalog of the LKIP 2025 of Dinas Koperasi UKM Kota Bekasi."""
