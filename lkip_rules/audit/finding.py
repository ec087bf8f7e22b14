"""What the audit reports: one Finding per wrong printed figure."""

from __future__ import annotations

import re
from typing import Literal

import attrs

Severity = Literal["error", "info"]
Key = tuple[str, str, int, str]  # subject, field, year, printed

CAUSES = (
    "arithmetic",
    "rounding",
    "precision",
    "rollup",
    "copied",
    "category",
    "two-targets",
    "malformed",
    "follows",
)
"""
- ``arithmetic``   the figure does not follow from the report's own numbers
- ``rounding``     truncated (or rounded another way) where the catalog says otherwise
- ``precision``    printed with fewer decimals than the catalog declares (severity info when the
                   figure is right at that precision), or computed from such a shortened figure
- ``rollup``       parts that do not add up to their total
- ``copied``       equal to another year's figure
- ``category``     a category the scale does not give for the right achievement
- ``two-targets``  one measure scored against two different targets
- ``malformed``    a printed figure that is no well-formed number
- ``follows``      computed correctly from another printed figure that is itself wrong (its root)
"""


@attrs.frozen
class Finding:
    """A printed figure that is not the right one.

    ``computed`` is the right figure, worked from the raw data by the catalog's rules: the one
    to print instead. ``root`` is the key of the finding this one follows from, when it does.
    """

    subject: str  # indicator id, budget line id, or "total"
    field: str  # "achievement", "realisasi", "serapan", ...
    year: int
    printed: str
    computed: str
    cause: str
    explanation: str
    where: tuple[str, ...] = ()
    severity: Severity = "error"
    root: Key | None = None

    @property
    def key(self) -> Key:
        return (self.subject, self.field, self.year, self.printed)


@attrs.frozen
class Unchecked:
    """A printed figure the audit could not check (no target in the catalog, missing data, ...)."""

    subject: str
    field: str
    year: int
    where: str
    why: str


def table_of(where: str) -> str | None:
    """ "Tabel 3.13" of "Tabel 3.13 no. 3 (line 1031)"."""
    found = _TABLE.search(where)
    return re.sub(r"\s+", " ", found.group()) if found else None


_TABLE = re.compile(r"Tabel\s+\d+\.\s*\d+")
