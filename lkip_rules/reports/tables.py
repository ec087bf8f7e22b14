"""The evaluation table (like the report's Tabel 3.1), in any output format.

Exports never carry a live spreadsheet formula from the catalog's text (OWASP, CSV injection): in
a workbook every text cell is stored as text, and in CSV a text cell that starts like a formula
(``=``, ``+``, ``-``, ``@``, tab, carriage return) gets a leading ``'``. Numbers are written plainly.
openpyxl (extra ``excel``) is imported only to write a workbook.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lkip_rules._optional import require
from lkip_rules.catalog.schema import LEVELS
from lkip_rules.errors import LkipError
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
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet may run as a formula
MAX_WORKBOOK_TEXT = 32_767  # characters an Excel cell holds
_NOT_IN_WORKBOOKS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # control characters XML 1.0 cannot carry


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
        _status(r, lang),
    ]


def _status(r: IndicatorResult, lang: Lang) -> str:
    """The status, why it is not ok, and the provisional figures the result rests on."""
    text = STATUS[lang][r.status] + (f": {message(r.message, lang)}" if r.status != "ok" and r.message else "")
    if r.year_progress is not None and r.achievement is None:  # up to a quarter without a Rencana Aksi target
        shown = f"{number(r.year_progress, lang)}%"
        text += (
            f" (progress toward the yearly target: {shown})"
            if lang == "en"
            else f" (progres thd target tahunan: {shown})"
        )
    if r.target_initial is not None:
        signed = _range(r.target_initial, lang)
        text += f" (signed PK target {signed}, revised)" if lang == "en" else f" (target PK awal {signed}, direvisi)"
    if r.provisional:
        flagged = "provisional" if lang == "en" else "sementara"
        text += f" ({flagged}: {', '.join(r.provisional)})"
    return text


def _range(target: Decimal | tuple[Decimal, Decimal], lang: Lang) -> str:
    return number(target, lang) if not isinstance(target, tuple) else " - ".join(number(t, lang) for t in target)


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
        writer.writerow([_csv_cell(cell) for cell in (result.id, *row)])
    return out.getvalue()


def _csv_cell(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, Decimal):
        return format(cell, "f")  # ours, so -5.25 stays a number
    return inert(cell)


def inert(text: str) -> str:
    """Text no spreadsheet runs as a formula: a leading ' when it starts like one."""
    return "'" + text if text.startswith(FORMULA_START) else text


def json_text(results: Results) -> str:
    return json.dumps(results.to_dict(), ensure_ascii=False, indent=2) + "\n"


def xlsx(catalog: Catalog, results: Results, lang: Lang, path: Path) -> None:
    """A workbook: the table, one sheet of budget lines; numbers stay numbers, text stays text."""
    openpyxl = require("openpyxl", "excel")
    bold = require("openpyxl.styles", "excel").Font(bold=True)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = f"Capaian {results.year}" if lang == "id" else f"Results {results.year}"
    _sheet(
        sheet,
        ["id", *headers(lang)],
        [[r.id, *row] for r, row in zip(ordered(results), rows(catalog, results, lang), strict=True)],
        bold,
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
            bold,
        )
    try:
        book.save(path)
    except OSError as exc:
        raise LkipError(f"{path}: cannot write the workbook: {exc.strerror or exc}") from None


def _sheet(sheet: Any, head: Sequence[str], body: Sequence[Sequence[Cell]], bold: Any) -> None:
    for row, values in enumerate([head, *body], start=1):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=row, column=column, value=_workbook_text(value, sheet.title, row, head[column - 1]))
            if isinstance(value, str):
                cell.data_type = "s"  # openpyxl makes text starting with "=" a live formula; text stays text
            if row == 1:
                cell.font = bold
    for cells in sheet.columns:
        width = max(len(str(c.value)) if c.value is not None else 0 for c in cells)
        sheet.column_dimensions[cells[0].column_letter].width = min(60, max(8, width + 2))


def _workbook_text(value: Cell, sheet: str, row: int, column: str) -> Cell:
    """``value``, or an error for text a workbook cannot hold (openpyxl would fail or cut it short)."""
    if not isinstance(value, str):
        return value
    found = _NOT_IN_WORKBOOKS.search(value)
    problem = f"the control character U+{ord(found[0]):04X}" if found else None
    if len(value) > MAX_WORKBOOK_TEXT:
        problem = f"{len(value):,} characters, more than the {MAX_WORKBOOK_TEXT:,} of an Excel cell"
    if problem is None:
        return value
    raise LkipError(
        f"sheet {sheet!r}, row {row}, column {column!r}: the text {value[:40]!r} holds {problem}; "
        "change it in the catalog"
    )
