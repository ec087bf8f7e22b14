"""The evaluation table (like the report's Tabel 3.1), in any output format.

Exports never carry a live spreadsheet formula from the catalog's text (OWASP, CSV injection): in
a workbook every text cell is stored as text, and in CSV a text cell that starts like a formula
(``=``, ``+``, ``-``, ``@``, tab, carriage return) gets a leading ``'``. Numbers are written plainly.
The workbook (``xlsx``) is written by :mod:`lkip_rules.reports.workbook` from report-model tables
(:mod:`lkip_rules.reports.evaluation_tables`); openpyxl (extra ``excel``) is imported only there.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import TYPE_CHECKING

from lkip_rules.catalog.schema import LEVELS
from lkip_rules.locale import HEADERS, STATUS, Lang, label, message, number
from lkip_rules.results import IndicatorResult, Results

if TYPE_CHECKING:
    from lkip_rules.api import Catalog

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
Cell = str | Decimal | tuple[Decimal, Decimal] | None  # a tuple: a range target, low to high
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet may run as a formula


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
    target: Cell = r.target
    end = r.end_target
    end_target: Cell = None
    if end is not None:
        end_target = end.target
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
        status_text(r, lang),
    ]


def status_text(r: IndicatorResult, lang: Lang) -> str:
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
    return text(target, lang)


def headers(lang: Lang) -> list[str]:
    return [HEADERS[lang][column] for column in COLUMNS]


def text(cell: Cell, lang: Lang) -> str:
    """A cell for people: numbers in the language's format, a range as 7–8 (an en dash), nothing as -."""
    if cell is None:
        return "-"
    if isinstance(cell, tuple):
        return f"{number(cell[0], lang)}–{number(cell[1], lang)}"
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
    if isinstance(cell, tuple):  # a range: both bounds with a point, as the catalog writes them
        return f"{cell[0]:f} - {cell[1]:f}"
    if isinstance(cell, Decimal):
        return format(cell, "f")  # ours, so -5.25 stays a number
    return inert(cell)


def inert(text: str) -> str:
    """Text no spreadsheet runs as a formula: a leading ' when it starts like one."""
    return "'" + text if text.startswith(FORMULA_START) else text


def json_text(results: Results) -> str:
    return json.dumps(results.to_dict(), ensure_ascii=False, indent=2) + "\n"
