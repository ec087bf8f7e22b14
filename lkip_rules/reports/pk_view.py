"""The Perjanjian Kinerja for people: two tables (targets; programs and their budget), for a
terminal, or as Markdown or CSV."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from rich.table import Table

from lkip_rules.locale import Lang, number
from lkip_rules.reports.pk import PerjanjianKinerja
from lkip_rules.scoring import Target

if TYPE_CHECKING:
    from lkip_rules.catalog import Catalog

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


def target_rows(agreement: PerjanjianKinerja, lang: Lang) -> tuple[list[str], list[list[str]]]:
    heads = HEADS[lang]
    header = list(heads["targets"]) + ([str(heads["signed"])] if agreement.revised else [])
    rows = []
    for i, row in enumerate(agreement.rows, start=1):
        cells = [f"{i}.", row.sasaran, row.indicator, row.unit, _target(row.target, lang)]
        if agreement.revised:
            cells.append(_target(row.signed, lang) if row.signed is not None else "")
        rows.append(cells)
    return header, rows


def budget_rows(agreement: PerjanjianKinerja, lang: Lang) -> tuple[list[str], list[list[str]]]:
    heads = HEADS[lang]
    rows = [
        [f"{i}.", p.code, p.name, number(p.pagu_murni, lang), number(p.pagu, lang)]
        for i, p in enumerate(agreement.programs, start=1)
    ]
    total = str(heads["total"])
    rows.append(["", "", total, number(agreement.total_murni, lang), number(agreement.total, lang)])
    return list(heads["programs"]), rows


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
            table.add_row(*row)
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
            writer.writerows(rows)
            parts.append(out.getvalue())
        else:
            lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
            lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
            parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


def _target(target: Target | None, lang: Lang) -> str:
    if target is None:
        return "-"
    if isinstance(target, tuple):
        return f"{number(target[0], lang)} - {number(target[1], lang)}"
    return number(target, lang)
