"""The cases the generators build: plain, picklable data (text, values, file bytes).

Plain data, so that a failing case can be saved and replayed (``run_long.py --replay``
unpickles it). Each case has a ``kind`` (which check runs it) and a ``size`` (for the
statistics of long runs). File cases carry ``notes`` saying what was mutated, which is what
a person needs to read first when a case fails.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class FormulaCase:
    """A formula text, the names it may use, and nine or more ``evaluate`` calls."""

    text: str
    known_names: object
    calls: list[tuple[object, object]]
    kind: str = "formula"

    def size(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        years = [year for _, year in self.calls]
        return f"FormulaCase(text={self.text[:2000]!r}, known_names={self.known_names!r}, years={years!r})"


@dataclass
class ArithCase:
    """Well-typed arithmetic over exact values, for the Fraction oracle."""

    text: str
    values: dict[str, dict[int, object]]
    year: int = 2025
    kind: str = "arith"

    def size(self) -> int:
        return len(self.text)


Figure = tuple[str, int, int | None, str]  # input, year, quarter, value as written


@dataclass
class FilesCase:
    """Files for the library to read: a catalog folder, a data file, a CSV or a workbook."""

    kind: str
    files: dict[str, bytes]
    entry: str
    notes: list[str] = field(default_factory=list)
    expected: list[Figure] | None = None  # every figure a clean CSV or workbook holds, for the reader

    def size(self) -> int:
        return sum(len(data) for data in self.files.values())

    def __repr__(self) -> str:
        sizes = {name: len(data) for name, data in self.files.items()}
        return f"FilesCase(kind={self.kind!r}, entry={self.entry!r}, notes={self.notes!r}, sizes={sizes})"


@dataclass
class CliCase:
    """Arguments for ``lkip`` and the files they name; ``{root}`` is the case's work folder."""

    files: dict[str, bytes]
    argv: list[str]
    notes: list[str] = field(default_factory=list)
    kind: str = "cli"

    def size(self) -> int:
        return sum(len(data) for data in self.files.values()) + sum(len(a) for a in self.argv)

    def __repr__(self) -> str:
        sizes = {name: len(data) for name, data in self.files.items()}
        return f"CliCase(argv={self.argv!r}, notes={self.notes!r}, sizes={sizes})"


@dataclass
class ApiCase:
    """One call of the public API with arguments a careless caller might pass."""

    op: str
    params: dict[str, Any]
    files: dict[str, bytes] = field(default_factory=dict)
    kind: str = "api"

    def size(self) -> int:
        return len(repr(self.params))
