"""The evaluation table (like the report's Tabel 3.1), in any output format."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from lkip_rules.catalog.schema import LEVELS
from lkip_rules.locale import HEADERS, STATUS, Lang, label, message, number
from lkip_rules.results import IndicatorResult, Results

if TYPE_CHECKING:
    from lkip_rules.catalog import Catalog

COLUMNS = (
    "sasaran",
    "indicator",
    "unit",
    "target",
    "realisation",
    "achievement",
    "category",
    "previous",
    "end_target",
    "end_achievement",
    "benchmark",
    "status",
)
Cell = str | Decimal | None


def ordered(results: Results) -> list[IndicatorResult]:
    """Results in the order of the cascade — tujuan, sasaran, IKU, program, kegiatan, sub
    kegiatan — and within a level by parent, then as the catalog lists them."""
    position = {r.id: i for i, r in enumerate(results)}
    level = {name: i for i, name in enumerate(LEVELS)}
    return sorted(
        results, key=lambda r: (level.get(r.level, len(LEVELS)), position.get(r.parent or "", -1), position[r.id])
    )


def rows(catalog: Catalog, results: Results, lang: Lang) -> list[list[Cell]]:
    """One row per indicator, in cascade order; cells as exact Decimals (or text), None for nothing."""
    return [_row(catalog, result, lang) for result in ordered(results)]


def _row(catalog: Catalog, r: IndicatorResult, lang: Lang) -> list[Cell]:
    parent = catalog.indicators.get(r.parent) if r.parent else None
    target: Cell = r.target if not isinstance(r.target, tuple) else f"{r.target[0]} - {r.target[1]}"
    end = r.end_target
    end_target: Cell = None
    if end is not None:
        end_target = end.target if not isinstance(end.target, tuple) else f"{end.target[0]} - {end.target[1]}"
    benchmark = r.benchmark.realisation if r.benchmark else None
    category = f"{r.category.code} ({label(r.category.label, lang)})" if r.category else None
    return [
        parent.name if parent else None,
        r.name,
        r.unit,
        target,
        r.realisation,
        r.achievement,
        category,
        r.previous.realisation if r.previous else None,
        end_target,
        end.achievement if end else None,
        benchmark,
        STATUS[lang][r.status] + (f": {message(r.message, lang)}" if r.status != "ok" and r.message else ""),
    ]


def headers(lang: Lang) -> list[str]:
    return [HEADERS[lang][column] for column in COLUMNS]


def text(cell: Cell, lang: Lang) -> str:
    if cell is None:
        return "-"
    if isinstance(cell, Decimal):
        return number(cell, lang)
    return cell


def markdown(catalog: Catalog, results: Results, lang: Lang) -> str:
    head = headers(lang)
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows(catalog, results, lang):
        lines.append("| " + " | ".join(text(cell, lang).replace("|", "\\|") for cell in row) + " |")
    return "\n".join(lines) + "\n"


def csv_text(catalog: Catalog, results: Results, lang: Lang) -> str:
    """CSV with machine-readable numbers (a point for decimals), whatever the language."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", *headers(lang)])
    for result, row in zip(ordered(results), rows(catalog, results, lang), strict=True):
        writer.writerow(
            [result.id, *("" if c is None else format(c, "f") if isinstance(c, Decimal) else c for c in row)]
        )
    return out.getvalue()


def json_text(results: Results) -> str:
    return json.dumps(results.to_dict(), ensure_ascii=False, indent=2) + "\n"


def xlsx(catalog: Catalog, results: Results, lang: Lang, path: Path) -> None:
    """A workbook: the table, one sheet of budget lines; numbers stay numbers."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = f"Capaian {results.year}" if lang == "id" else f"Results {results.year}"
    _sheet(
        sheet,
        ["id", *headers(lang)],
        [[r.id, *row] for r, row in zip(ordered(results), rows(catalog, results, lang), strict=True)],
    )
    if results.budget:
        budget = book.create_sheet("Anggaran" if lang == "id" else "Budget")
        names = HEADERS[lang]
        budget_rows: list[list[Cell]] = [
            [line.id, line.level, line.name, line.pagu, line.realisasi, line.serapan]
            for line in results.budget.values()
        ]
        _sheet(
            budget,
            [names["id"], names["level"], names["indicator"], names["pagu"], names["realisasi"], names["serapan"]],
            budget_rows,
        )
    for ws in book.worksheets:
        for cell in ws[1]:
            cell.font = Font(bold=True)
    book.save(path)


def _sheet(sheet: object, head: Sequence[str], body: Sequence[Sequence[Cell]]) -> None:
    sheet.append(list(head))  # type: ignore[attr-defined]
    for row in body:
        sheet.append(list(row))  # type: ignore[attr-defined]
    for column in sheet.columns:  # type: ignore[attr-defined]
        width = max(len(str(c.value)) if c.value is not None else 0 for c in column)
        sheet.column_dimensions[column[0].column_letter].width = min(60, max(8, width + 2))  # type: ignore[attr-defined]
