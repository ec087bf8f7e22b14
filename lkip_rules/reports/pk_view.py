"""The Perjanjian Kinerja for people: two tables (targets; programs and their budget), for a
terminal, or as Markdown or CSV.

Numbers are written in the language's format for people (terminal, Markdown) and plainly for
machines (CSV: a point for decimals, no thousands separators, whatever the language), as in the
evaluation table; CSV text cells are made inert for spreadsheets the same way.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import TYPE_CHECKING

from rich.table import Table

from lkip_rules.locale import Lang, number
from lkip_rules.reports.pk import PerjanjianKinerja
from lkip_rules.reports.tables import inert

if TYPE_CHECKING:
    from lkip_rules.api import Catalog

HEADS = {
    "id": {
        "title": "Perjanjian Kinerja {year}",
        "targets": ("No.", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target Tahunan"),
        "signed": "Target PK Awal",
        "budget": "Program dan Anggaran {year}",
        "programs": ("No.", "Kode", "Program", "Anggaran APBD (Rp)", "Anggaran Perubahan APBD (Rp)"),
        "total": "Total",
    },
    "en": {
        "title": "Performance Agreement {year}",
        "targets": ("No.", "Strategic objective", "Indicator", "Unit", "Yearly target"),
        "signed": "Signed target",
        "budget": "Programs and budget {year}",
        "programs": ("No.", "Code", "Program", "Budget, APBD (Rp)", "Budget after the change (Rp)"),
        "total": "Total",
    },
}


Cell = str | Decimal | tuple[Decimal, Decimal] | None
Rows = tuple[list[str], list[list[Cell]]]


def target_rows(agreement: PerjanjianKinerja, lang: Lang) -> Rows:
    heads = HEADS[lang]
    header = list(heads["targets"]) + ([str(heads["signed"])] if agreement.revised else [])
    rows: list[list[Cell]] = []
    for i, row in enumerate(agreement.rows, start=1):
        cells: list[Cell] = [f"{i}.", row.sasaran, row.indicator, row.unit, row.target]
        if agreement.revised:
            cells.append(row.signed if row.signed is not None else "")
        rows.append(cells)
    return header, rows


def budget_rows(agreement: PerjanjianKinerja, lang: Lang) -> Rows:
    heads = HEADS[lang]
    rows: list[list[Cell]] = [
        [f"{i}.", p.code, p.name, p.pagu_murni, p.pagu] for i, p in enumerate(agreement.programs, start=1)
    ]
    rows.append(["", "", str(heads["total"]), agreement.total_murni, agreement.total])
    header = list(heads["programs"])
    if not any(p.code for p in agreement.programs):  # a catalog without kode: no empty column
        return header[:1] + header[2:], [row[:1] + row[2:] for row in rows]
    return header, rows


def tables(catalog: Catalog, agreement: PerjanjianKinerja, lang: Lang) -> list[Table]:
    heads = HEADS[lang]
    found = []
    for title, (header, rows) in (
        (str(heads["title"]).format(year=agreement.year), target_rows(agreement, lang)),
        (str(heads["budget"]).format(year=agreement.year), budget_rows(agreement, lang)),
    ):
        table = Table(title=f"{catalog.info.name} — {title}")
        for column in header:
            numeric = column.startswith(("Target", "Anggaran", "Yearly", "Budget", "Signed"))
            table.add_column(column, justify="right" if numeric else "left", overflow="fold")
        for row in rows:
            table.add_row(*(_shown(cell, lang) for cell in row))
        found.append(table)
    return found


def text(agreement: PerjanjianKinerja, lang: Lang, fmt: str) -> str:
    """Both tables as Markdown, or as one CSV after the other (a blank line between)."""
    parts = []
    for header, rows in (target_rows(agreement, lang), budget_rows(agreement, lang)):
        if fmt == "csv":
            out = io.StringIO()
            writer = csv.writer(out)
            writer.writerow(header)
            writer.writerows([_plain(cell) for cell in row] for row in rows)
            parts.append(out.getvalue())
        else:
            lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
            lines += ["| " + " | ".join(_shown(cell, lang).replace("|", "\\|") for cell in row) + " |" for row in rows]
            parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


def _shown(cell: Cell, lang: Lang) -> str:
    """A cell for people: numbers in the language's format, nothing as '-'."""
    if cell is None:
        return "-"
    if isinstance(cell, tuple):
        return f"{number(cell[0], lang)}–{number(cell[1], lang)}"
    return number(cell, lang) if isinstance(cell, Decimal) else cell


def _plain(cell: Cell) -> str:
    """A cell for machines: numbers with a point and every digit, text inert."""
    if cell is None:
        return ""
    if isinstance(cell, tuple):
        return f"{cell[0]:f} - {cell[1]:f}"
    return format(cell, "f") if isinstance(cell, Decimal) else inert(cell)
