"""How a cell of the model reads in a document, the same in Word, on the web page and in Markdown:
numbers in the report's language (1.234,56 in Bahasa Indonesia) with their own decimals, money
whole with thousands separators, a range "7\u20138", nothing as "-" where a figure belongs, and
the marks of a flagged figure after it."""

from __future__ import annotations

import re

from lkip_rules.locale import Lang, number
from lkip_rules.reports.chapter.cells import EN_DASH
from lkip_rules.reports.chapter.words import word
from lkip_rules.reports.model import MARKS, Cell, Column, Figure, Flag, Number, Range, Row, Table

NUMERIC = ("number", "money", "percent")
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")  # what XML 1.0 cannot carry


def clean(text: str) -> str:
    """``text`` without control characters, which no document format can carry."""
    return _UNPRINTABLE.sub("", text)


def value_text(cell: Cell, column: Column, lang: Lang, row: Row | None = None) -> str:
    """The cell without its marks: "20,06", "60.121.800", "7\u20138", "-" for no figure (blank in
    a group row: a sasaran has no target or realisation of its own)."""
    if cell is None:
        expected = column.kind in (*NUMERIC, "category") and (row is None or row.kind != "group")
        return "-" if expected else ""
    if isinstance(cell, str):
        return clean(cell)
    places = 0 if column.kind == "money" else cell.decimals
    if isinstance(cell, Range):
        return f"{number(cell.low, lang, places)}{EN_DASH}{number(cell.high, lang, places)}"
    return number(cell.value, lang, places)


def marks(cell: Cell) -> str:
    """The signs of the cell's flags, each once: "*", "†", "*†"."""
    if isinstance(cell, (Number, Range)):
        return "".join(MARKS[flag] for flag in _unique(cell.flags))
    return ""


def cell_text(cell: Cell, column: Column, lang: Lang, row: Row | None = None) -> str:
    """The cell as printed, marks included."""
    return value_text(cell, column, lang, row) + marks(cell)


def spans(row: Row) -> bool:
    """A group row with nothing but its name spans the whole table."""
    return row.kind == "group" and all(cell is None for cell in row.cells[1:])


def top_of_tree(table: Table, row: Row) -> bool:
    """A program over its kegiatan: a named top row of a table whose rows nest, shown in bold."""
    named = row.cells[indented(table)] is not None
    return row.kind == "body" and row.depth == 0 and named and any(other.depth for other in table.rows)


def table_caption(table: Table, lang: Lang) -> str:
    return clean(f"{word('table', lang)} {table.number} {table.title}")


def figure_caption(figure: Figure, lang: Lang) -> str:
    return clean(f"{word('figure', lang)} {figure.number} {figure.title}")


def indented(table: Table) -> int:
    """The column whose text is indented by a row's depth: the names (budget lines, indicators)."""
    keys = [column.key for column in table.columns]
    for key in ("line", "indicator", "benchmark"):
        if key in keys:
            return keys.index(key)
    return 0


def _unique(flags: tuple[Flag, ...]) -> list[Flag]:
    return list(dict.fromkeys(flags))
