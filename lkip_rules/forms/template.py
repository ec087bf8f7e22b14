"""The form a planner fills in for one year of a catalog (``lkip template``): a workbook with sheets
Petunjuk, Input, Anggaran, Tercetak and the hidden marker ``lkip``, in the layout of
:mod:`lkip_rules.datafiles.formlayout`, read back by :func:`lkip_rules.datafiles.read`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import lkip_rules
from lkip_rules._optional import require
from lkip_rules.catalog.model import BudgetLine, Indicator, Input, YearData
from lkip_rules.datafiles import formlayout as layout
from lkip_rules.errors import LkipError
from lkip_rules.forms.guide import write_guide
from lkip_rules.forms.sheet import DECIMAL, MONEY, TEXT, WHOLE, Cell, Column, SheetWriter
from lkip_rules.locale.text import Text
from lkip_rules.scoring import roll_up

if TYPE_CHECKING:
    from lkip_rules.api import Catalog


def write_template(catalog: Catalog, year: int, path: Path, *, quarterly: bool = False) -> list[str]:
    """Write the form for ``year`` to ``path``; notes for the planner (empty when there are none)."""
    openpyxl = require("openpyxl", "excel")
    book = openpyxl.Workbook()
    book.remove(book.active)
    rollups = any(item.rollup for item in catalog.inputs.values())
    with_quarters = quarterly or rollups
    write_guide(book, catalog, year, path.name, with_quarters)
    previous = catalog.data.years.get(year - 1)
    heading = _heading(catalog, year)
    _inputs(book, catalog, year, previous, heading, quarterly, with_quarters)
    _budget(book, catalog, year, previous, heading)
    _printed(book, catalog, year, heading)
    _marker(book, catalog, year, quarterly)
    book.security = require("openpyxl.workbook.protection", "excel").WorkbookProtection(lockStructure=True)
    try:
        book.save(path)
    except OSError as exc:
        raise LkipError(Text("form.cannot-write", path=str(path), reason=exc.strerror or str(exc))) from None
    notes: list[str] = []
    if quarterly and not rollups:
        notes.append(Text("form.no-rollup"))
    return notes


def _heading(catalog: Catalog, year: int) -> tuple[str, str]:
    return f"{catalog.info.name}", f"Tahun {year} · katalog {catalog.info.id}"


def _id_width(catalog: Catalog) -> float:
    """The id column: as wide as the longest id in small print, within bounds."""
    ids = [*catalog.inputs, *catalog.budget, *catalog.indicators]
    return min(34.0, max(10.0, max((len(name) for name in ids), default=0) * 0.85 + 2))


# -- Input --------------------------------------------------------------------------------------


def _inputs(
    book: Any,
    catalog: Catalog,
    year: int,
    previous: YearData | None,
    heading: tuple[str, str],
    quarterly: bool,
    with_quarters: bool,
) -> None:
    columns = [Column("Nama", 48, wrap=True), Column("Satuan", 10, wrap=True), Column("Sumber", 30, wrap=True)]
    columns += [Column("Status", 12)]
    if with_quarters:
        columns += [Column("Rekap triwulan", 13, wrap=True)]
    columns += [Column(layout.year_label(year), 17)]
    if with_quarters:
        columns += [Column(label, 14) for label in layout.QUARTERS]
    columns += [Column(layout.reference_label(year), 17), Column("id", _id_width(catalog))]
    title = (f"Isian angka input tahun {year}", *heading)
    writer = SheetWriter(book, layout.INPUTS, columns, [f"{title[0]} — {title[1]}", title[2], _FILL_NOTE])
    for item in catalog.inputs.values():
        writer.add(_input_row(item, previous, quarterly, with_quarters))
    if not catalog.inputs:
        writer.note("Katalog ini tidak mempunyai input.")
    writer.finish("B5")


_FILL_NOTE = "Isi sel kuning saja. Sel kosong berarti belum ada angka (bukan nol). Baca sheet Petunjuk."


def _input_row(item: Input, previous: YearData | None, quarterly: bool, with_quarters: bool) -> list[Cell]:
    fmt, check = _input_format(item)
    by_quarter = item.rollup is not None
    yearly = Cell(kind="fill", check=check, format=fmt) if not (quarterly and by_quarter) else Cell(kind="closed")
    row = [Cell(item.name), Cell(item.unit), Cell(item.source), Cell(kind="fill", check="status")]
    if with_quarters:
        row.append(Cell(layout.ROLLUPS.get(item.rollup or "", "—")))
    row.append(yearly)
    if with_quarters:
        quarter = Cell(kind="fill", check=check, format=fmt) if by_quarter else Cell(kind="closed")
        row += [quarter] * 4
    row += [Cell(_last_year(item, previous), kind="reference", format=fmt), Cell(item.id, kind="id")]
    return row


def _input_format(item: Input) -> tuple[str, str]:
    """(number format, check) of an input's cells: counts whole, rupiah with thousands shown."""
    if item.is_count:
        return WHOLE, "whole"
    if item.unit.strip().lower().rstrip(".") in ("rp", "rupiah"):
        return MONEY, "decimal"
    return DECIMAL, "decimal"


def _last_year(item: Input, previous: YearData | None) -> Decimal | None:
    value = previous.inputs.get(item.id) if previous is not None else None
    if value is None or isinstance(value, Decimal):
        return value
    if item.rollup is None:
        return None
    return roll_up(value, item.rollup)[0]


# -- Anggaran -----------------------------------------------------------------------------------


def _budget(book: Any, catalog: Catalog, year: int, previous: YearData | None, heading: tuple[str, str]) -> None:
    columns = [
        Column("Kode", 14, wrap=True),
        Column("Nama", 56, wrap=True),
        Column("Tingkat", 13),
        Column("Pagu murni (Rp)", 20),
        Column("Pagu (Rp)", 20),
        Column("Realisasi (Rp)", 20),
        Column("Status", 12),
        Column(layout.budget_reference_label(year), 20),
        Column("id", _id_width(catalog)),
    ]
    lines = [f"Isian anggaran tahun {year} — {heading[0]}", heading[1], _FILL_NOTE]
    writer = SheetWriter(book, layout.BUDGET, columns, lines)
    for line, depth in budget_order(catalog.budget):
        last = previous.budget.get(line.id) if previous is not None else None
        money = Cell(kind="fill", check="decimal", format=MONEY)
        writer.add(
            [
                Cell(line.code),
                Cell(line.name, indent=depth, bold=depth == 0),
                Cell(layout.LEVELS.get(line.level, line.level)),
                money,
                money,
                money,
                Cell(kind="fill", check="status"),
                Cell(last.realisasi if last is not None else None, kind="reference", format=MONEY),
                Cell(line.id, kind="id"),
            ]
        )
    if not catalog.budget:
        writer.note("Katalog ini tidak mempunyai baris anggaran.")
    writer.finish("C5")


def budget_order(lines: Mapping[str, BudgetLine]) -> list[tuple[BudgetLine, int]]:
    """Budget lines as a tree, each under its parent, in the catalog's order; with their depth."""
    children: dict[str | None, list[BudgetLine]] = {}
    for line in lines.values():
        parent = line.parent if line.parent in lines else None
        children.setdefault(parent, []).append(line)
    return list(_walk(children, None, 0, set()))


def _walk(
    children: Mapping[str | None, Sequence[Any]], parent: str | None, depth: int, seen: set[str]
) -> Iterator[Any]:
    for item in children.get(parent, ()):
        if item.id in seen:  # parents in a loop: a validation error, shown once here
            continue
        seen.add(item.id)
        yield item, depth
        yield from _walk(children, item.id, depth + 1, seen)


def indicator_order(indicators: Mapping[str, Indicator]) -> list[tuple[Indicator, int]]:
    """Indicators as the cascade, each under its parent, in the catalog's order; with their depth."""
    children: dict[str | None, list[Indicator]] = {}
    for item in indicators.values():
        children.setdefault(item.parent if item.parent in indicators else None, []).append(item)
    found = list(_walk(children, None, 0, set()))
    placed = {item.id for item, _ in found}
    return found + [(item, 0) for item in indicators.values() if item.id not in placed]  # in a loop of parents


# -- Tercetak -----------------------------------------------------------------------------------


def _printed(book: Any, catalog: Catalog, year: int, heading: tuple[str, str]) -> None:
    labels = list(layout.PRINTED_COLUMNS)
    widths = {"Nama": 50, "Tingkat": 12, "Letak": 22, "Kategori": 13, "id": _id_width(catalog)}
    columns = [Column(label, widths.get(label, 15), wrap=label in ("Nama", "Letak")) for label in labels]
    lines = [
        f"Angka tercetak di laporan tahun {year} (boleh dikosongkan) — {heading[0]}",
        heading[1],
        "Ketik angka persis seperti tercetak (1.205.908.800 · 75,80 · rentang 7 - 8); lkip audit memeriksanya.",
    ]
    writer = SheetWriter(book, layout.PRINTED, columns, lines)
    writer.note("Indikator kinerja")
    for item, depth in indicator_order(catalog.indicators):
        fields = ("where", "target", "realisation", "achievement", "category")
        writer.add(_printed_row((item.name, item.level), item.id, depth, fields))
    writer.note("Anggaran")
    for line, depth in budget_order(catalog.budget):
        writer.add(_printed_row((line.name, line.level), line.id, depth, _BUDGET_PRINTED))
    writer.add(_printed_row(("Total anggaran", ""), "total", 0, _BUDGET_PRINTED))
    writer.finish("B5")


_BUDGET_PRINTED = ("where", "pagu", "realisasi", "serapan", "sisa")


def _printed_row(names: tuple[str, str], key: str, depth: int, open_fields: Sequence[str]) -> list[Cell]:
    name, level = names
    row = [Cell(name, indent=depth, bold=depth == 0), Cell(layout.LEVELS.get(level, level))]
    for field in list(layout.PRINTED_COLUMNS.values())[2:-1]:
        row.append(Cell(kind="fill", format=TEXT) if field in open_fields else Cell(kind="closed"))
    return [*row, Cell(key, kind="id")]


# -- the marker ---------------------------------------------------------------------------------


def _marker(book: Any, catalog: Catalog, year: int, quarterly: bool) -> None:
    sheet = book.create_sheet(layout.MARKER_SHEET)
    rows = [
        (layout.MARKER, layout.VERSION),
        (layout.CATALOG_KEY, catalog.info.id),
        (layout.YEAR_KEY, year),
        (layout.QUARTERLY_KEY, "ya" if quarterly else "tidak"),
        (layout.MADE_BY_KEY, f"lkip-rules {lkip_rules.__version__}"),
    ]
    for number, (key, value) in enumerate(rows, start=1):
        for column, item in enumerate((key, value), start=1):
            cell = sheet.cell(row=number, column=column, value=item)
            if isinstance(item, str):
                cell.data_type = "s"
    sheet.sheet_state = "hidden"
    sheet.protection.sheet = True
