"""Loading and validating catalogs and data: load errors, validation issues (lkip check)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}
