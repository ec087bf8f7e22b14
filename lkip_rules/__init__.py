"""lkip-rules: declarative, exact, self-checking performance measurement for SAKIP / LKIP.

The public API is what this module exports; everything else is private.

The names are loaded when first used (PEP 562), so ``import lkip_rules`` costs almost nothing
and a tool that only needs, say, ``parse_formula`` never loads the catalog machinery; the
type checker sees them all as if imported here.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # "import X as X": re-exported for the type checker
    from lkip_rules import errors as errors
    from lkip_rules.api import Catalog as Catalog
    from lkip_rules.api import load_catalog as load_catalog
    from lkip_rules.catalog import Data as Data
    from lkip_rules.catalog import load_data as load_data
    from lkip_rules.errors import CatalogError as CatalogError
    from lkip_rules.errors import CatalogValidationError as CatalogValidationError
    from lkip_rules.errors import EvaluationError as EvaluationError
    from lkip_rules.errors import FormulaError as FormulaError
    from lkip_rules.errors import LkipError as LkipError
    from lkip_rules.formula import Formula as Formula
    from lkip_rules.formula import Period as Period
    from lkip_rules.formula import parse_formula as parse_formula
    from lkip_rules.issues import Issue as Issue
    from lkip_rules.results import Assessment as Assessment
    from lkip_rules.results import IndicatorResult as IndicatorResult
    from lkip_rules.results import Results as Results

_WHERE = {
    "Catalog": "lkip_rules.api",
    "load_catalog": "lkip_rules.api",
    "Data": "lkip_rules.catalog",
    "load_data": "lkip_rules.catalog",
    "CatalogError": "lkip_rules.errors",
    "CatalogValidationError": "lkip_rules.errors",
    "EvaluationError": "lkip_rules.errors",
    "FormulaError": "lkip_rules.errors",
    "LkipError": "lkip_rules.errors",
    "Formula": "lkip_rules.formula",
    "Period": "lkip_rules.formula",
    "parse_formula": "lkip_rules.formula",
    "Issue": "lkip_rules.issues",
    "Assessment": "lkip_rules.results",
    "IndicatorResult": "lkip_rules.results",
    "Results": "lkip_rules.results",
}

__all__ = [
    "BUNDLED_CATALOG",
    "Assessment",
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


def __getattr__(name: str) -> Any:
    if name == "errors":
        return importlib.import_module("lkip_rules.errors")
    if name not in _WHERE:
        raise AttributeError(f"module 'lkip_rules' has no attribute '{name}'")
    value = getattr(importlib.import_module(_WHERE[name]), name)
    globals()[name] = value  # found once; later look-ups are plain attribute reads
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE, "errors"])
