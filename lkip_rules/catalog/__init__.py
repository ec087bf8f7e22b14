"""The catalog model: indicators, inputs, scales and budget lines declared in TOML, figures per
year, and how they are read. The public face that evaluates and validates a catalog is
:class:`lkip_rules.api.Catalog`, one layer up (``lkip_rules.load_catalog``).
"""

from __future__ import annotations

from lkip_rules.catalog.data import load_data
from lkip_rules.catalog.model import BudgetLine, CatalogInfo, Data, Indicator, Input
from lkip_rules.errors import ArgumentError

__all__ = ["BudgetLine", "CatalogInfo", "Data", "Indicator", "Input", "check_quarter", "check_year", "load_data"]


def check_year(year: object) -> int:
    """``year`` if it is a whole number from 1900 to 2200, else ArgumentError."""
    if isinstance(year, bool) or not isinstance(year, int):
        raise ArgumentError(f"the year must be a whole number such as 2025, not {year!r}")
    if not 1900 <= year <= 2200:
        raise ArgumentError(f"the year {year} is outside 1900..2200")
    return year


def check_quarter(quarter: object) -> int | None:
    """``quarter`` if it is None or 1..4, else ArgumentError."""
    if quarter is not None and (type(quarter) is not int or quarter not in (1, 2, 3, 4)):
        raise ArgumentError(f"quarter must be 1, 2, 3 or 4 (or None for the whole year), not {quarter!r}")
    return quarter
