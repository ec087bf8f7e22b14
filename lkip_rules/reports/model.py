"""The report model: what a chapter of the LKIP shows, with no format in it.

One structure, several renderers (as sqlglot has one expression tree and a renderer per
dialect): ``chapter.build`` makes a :class:`Report` from the results; Word, HTML, Markdown and
Excel each render the same :class:`Report`, and the charts module draws each :class:`Figure`.
So every format shows the same tables, numbered the same, with the same figures.

Text in the model is already in the report's language. Numbers stay exact Decimals with the
decimals to print them with, so each renderer formats them its own way (1.234,56 in a Word
table, ``#,##0.00`` in an Excel cell) and a test can compare every cell with the Results.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

import attrs

from lkip_rules.locale import Lang
from lkip_rules.results import Category

ColumnKind = Literal["text", "number", "money", "percent", "category", "status"]
"""How a column reads: text; a figure in the indicator's unit; rupiah (whole, thousands
separated); a percentage (capaian, serapan); a category code; a status."""

PointRole = Literal["target", "realisation", "achievement"]
"""What a point of a chart is: a target (a range is a band), a realisation, an achievement (%)."""

RowKind = Literal["body", "group", "total"]
"""A row of figures; a heading row spanning the table (a sasaran over its indicators); a total.
A group row with figures of its own (a sasaran and its achievement) is shown in bold, not spanned."""

Flag = Literal["provisional", "audit", "revised"]
"""Marks on a cell: rests on a provisional figure; the printed figure differs (audit); the
target was revised after the Perjanjian Kinerja."""

MARKS: dict[Flag, str] = {"provisional": "*", "audit": "†", "revised": "‡"}
"""The sign each renderer prints after a flagged figure; the table's notes begin with the same sign."""


@attrs.frozen
class Number:
    """An exact figure and the decimals it is printed with (None: as it stands)."""

    value: Decimal
    decimals: int | None = None
    flags: tuple[Flag, ...] = ()


@attrs.frozen
class Range:
    """A range target, low to high (printed "7-8 hari" with an en dash); Excel gets two numbers."""

    low: Decimal
    high: Decimal
    decimals: int | None = None
    flags: tuple[Flag, ...] = ()


Cell = str | Number | Range | None
"""A cell: text, a figure, a range, or nothing (shown as "-" where a figure is expected)."""


@attrs.frozen
class Column:
    key: str  # stable, for tests and renderers: "target", "realisation", "pagu", ...
    title: str
    kind: ColumnKind = "text"
    total: bool = False  # the total row sums this column (Excel writes a live SUM)


@attrs.frozen
class Row:
    cells: tuple[Cell, ...]
    kind: RowKind = "body"
    depth: int = 0  # indentation under its parent (program > kegiatan > sub kegiatan)
    ref: str | None = None  # the indicator or budget line id the row shows


@attrs.frozen
class Table:
    number: str  # "3.1": printed "Tabel 3.1" / "Table 3.1"
    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    notes: tuple[str, ...] = ()  # below the table: sources, provisional figures, audit marks
    key: str = ""  # what the table is: "pk", "achievement", "years", "budget", ...


@attrs.frozen
class Point:
    """One bar (or one point of a line) of a chart, with what it stands for."""

    label: str  # short: a number or a short name, listed in the legend when abbreviated
    name: str  # in full, for the legend
    value: Decimal | None  # None: no figure, listed in the chart's note, never dropped silently
    low: Decimal | None = None  # a range target: the band from low to value
    category: str | None = None  # band code, for the colour
    series: str = ""  # which series the point belongs to ("Target 2025", "Realisasi 2024", a year)
    role: PointRole = "realisation"  # how it is drawn: a target grey (a band when a range), a figure by category
    ref: str | None = None  # the indicator id the point shows


@attrs.frozen
class CategoryColour(Category):
    """A band as charts show it: its code, its label in the report's language, and its colour,
    from green for the best band of its scale to red for the worst ("#1a9850" ... "#d73027")."""

    colour: str = ""


@attrs.frozen
class Figure:
    number: str  # "3.1": printed "Gambar 3.1" / "Figure 3.1"
    title: str
    kind: Literal["bars", "trend", "achievement"]
    points: tuple[Point, ...]
    unit: str = ""
    reference: Decimal | None = None  # a line across the chart (100% for achievements)
    notes: tuple[str, ...] = ()
    key: str = ""  # a file-name-safe id: "gambar-3-1-koperasi_berkualitas"
    categories: tuple[Category, ...] = ()  # the bands, best first (CategoryColour: with their colours), for the legend


@attrs.frozen
class Paragraph:
    text: str
    style: Literal["body", "placeholder", "note"] = "body"
    # "placeholder": where the planner writes (the analysis of causes), clearly marked


@attrs.frozen
class Section:
    title: str
    blocks: tuple[Section | Table | Figure | Paragraph, ...]
    level: int = 1  # heading level: 1 for the chapter's parts, 2 per sasaran, 3 per indicator
    ref: str | None = None


@attrs.frozen
class Report:
    title: str  # "BAB III AKUNTABILITAS KINERJA"
    agency: str
    year: int
    quarter: int | None
    lang: Lang
    sections: tuple[Section, ...]

    def tables(self) -> list[Table]:
        """Every table, in the order printed."""
        return [block for block in self._blocks() if isinstance(block, Table)]

    def figures(self) -> list[Figure]:
        """Every figure, in the order printed."""
        return [block for block in self._blocks() if isinstance(block, Figure)]

    def _blocks(self) -> list[Section | Table | Figure | Paragraph]:
        found: list[Section | Table | Figure | Paragraph] = []
        pending: list[Section | Table | Figure | Paragraph] = list(reversed(self.sections))
        while pending:
            block = pending.pop()
            found.append(block)
            if isinstance(block, Section):
                pending.extend(reversed(block.blocks))
        return found
