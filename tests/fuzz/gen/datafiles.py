# ruff: noqa: RUF001 - look-alike characters (Arabic digits and decimal separator) are fuzz input
"""Data files: one year's TOML for the bundled catalog, and CSV and XLSX files in the
documented layout ``input,year,quarter,value``."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from tests.fuzz.gen.base import Chooser, digits
from tests.fuzz.gen.cases import Figure, FilesCase
from tests.fuzz.gen.catalogs import op_data_value
from tests.fuzz.gen.scratch import scratch_data
from tests.fuzz.gen.seed import bundled_ids, parsed_seed_docs, seed_files
from tests.fuzz.gen.toml import encode, mutate_bytes, mutate_doc, toml_dumps

DATA_NAMES = ["2025.toml", "2024.toml", "data.toml", "2026.toml", "1899.toml", "20250.toml", "2025.TOML"]


def data_toml_case(c: Chooser) -> FilesCase:
    """One year's data file for the bundled catalog: a seed mutated, or made from scratch."""
    mode = c.integer(0, 2)
    rel = c.pick(["data/2025.toml", "data/2024.toml"])
    name = c.pick(DATA_NAMES) if c.chance(20) else rel.removeprefix("data/")
    notes = [f"from {rel}" if mode < 2 else "made from scratch", f"named {name}"]
    if mode == 1:
        data = seed_files()[rel]
        for _ in range(c.integer(1, 3)):
            data, note = mutate_bytes(c, data)
            notes.append(note)
        return FilesCase("data", {name: data}, name, notes)
    inputs, indicators = bundled_ids()
    doc = parsed_seed_docs()[rel] if mode == 0 else scratch_data(c, int(rel[5:9]), inputs, indicators, False)
    doc = copy.deepcopy(doc)
    docs = {rel: doc}
    for _ in range(c.integer(0, 3)):
        notes.append(op_data_value(c, docs) if c.chance(40) else mutate_doc(c, doc))
    return FilesCase("data", {name: encode(toml_dumps(doc))}, name, notes)


HEADER = ["input", "year", "quarter", "value"]
YEAR_CELLS = ["2025", "2024", "2025.0", "2025,0", "1899", "2201", "٢٠٢٥", " 2025 ", "", "abc", "2025-01-01", "9" * 50]
QUARTER_CELLS = ["", "", "1", "4", "0", "5", "1.0", "Q1", "-1", " 2 ", "1,0", "9" * 400]
VALUE_CELLS = [
    "982", "1.982", "1.234,56", "2,5", "-0", "1e5", "Rp 1.000", "12%", '=HYPERLINK("http://x","y")', "=1+2",
    "31/12/2025", "2025-12-31", "", "abc", "9" * 28, "9" * 29, "9" * 40, "9" * 400, "9" * 5000,
    "0." + "0" * 40 + "1", "-" + "9" * 30, "٣٫٥", " 12 ", "1.5", "0", "+5", "1_000",
]  # fmt: skip


GOOD_VALUES = ["982", "0", "100", "2946", "357122775671", "3", "412", "93.10", "12,5"]
HEADERS = [
    [h.upper() for h in HEADER], [*HEADER, "note"], HEADER[:3], ["\ufeffinput", *HEADER[1:]],
    list(reversed(HEADER)), [" input ", "year", "quarter", "value"], [],
]  # fmt: skip


def data_rows(c: Chooser) -> tuple[list[list[str]], int]:
    """``input,year,quarter,value`` rows and the junk rate used.

    A junk rate per case (0 to 50 % of cells odd) makes some files clean, so they reach the
    evaluation, and others full of Indonesian numbers, text, dates and formulas in cells.
    Rows name distinct (input, year) pairs, so a clean file has no figure twice.
    """
    inputs, _ = bundled_ids()
    odd_names = ["Koperasi_Aktif", "", " koperasi_aktif ", "x" * 300, "unknown_input", "koperasi-aktif", "١"]
    junk = c.pick([0, 0, 0, 1, 5, 30])
    rows = [list(HEADER) if not c.chance(junk // 2 + 5) else list(c.pick(HEADERS))]
    offset = c.integer(0, len(inputs) - 1)
    for i in range(c.pick([3, 0, 1, 10, 50, 2000])):
        row = [
            c.pick(odd_names) if c.chance(junk) else inputs[(offset + i) % len(inputs)],
            c.pick(YEAR_CELLS) if c.chance(junk) else str(2025 - i // len(inputs)),
            c.pick(QUARTER_CELLS) if c.chance(junk) else (str(c.integer(1, 4)) if c.chance(10) else ""),
            c.pick(VALUE_CELLS) if c.chance(junk) else c.pick([*GOOD_VALUES, digits(c, c.integer(1, 15))]),
        ]
        if c.chance(junk // 3):
            row = row[: c.integer(0, 3)] if c.chance(50) else [*row, c.pick(VALUE_CELLS)]
        rows.append(row)
    return rows, junk


def csv_case(c: Chooser) -> FilesCase:
    """A CSV in the documented layout, written the ways spreadsheets and people write them."""
    rows, junk = data_rows(c)
    sep = "," if c.chance(85) else c.pick([";", "\t", "|"])
    style = c.pick(["csv", "quote-all", "raw"])
    end = c.pick(["\n", "\r\n", "\r"])
    notes = [f"{len(rows)} rows, {junk} % junk cells, separator {sep!r}, {style}, line end {end!r}"]
    buffer = io.StringIO()
    if style == "raw":
        buffer.write(end.join(sep.join(row) for row in rows) + end)
    else:
        writer = csv.writer(
            buffer,
            delimiter=sep,
            lineterminator=end,
            quoting=csv.QUOTE_ALL if style == "quote-all" else csv.QUOTE_MINIMAL,
        )
        writer.writerows(rows)
    text = buffer.getvalue()
    expected = figures(rows, junk)
    if c.chance(5):
        text, expected = "", None
        notes.append("empty file")
    if c.chance(5):
        text += c.pick(["koperasi_aktif,2025,,", "x,2025,,"]) + c.pick(["9", "a", '"']) * 200_000 + end
        expected = None
        notes.append("a huge cell")
    encoding = "utf-8" if c.chance(75) else c.pick(["utf-8-sig", "utf-16", "latin-1", "cp1252"])
    data = text.encode(encoding, "replace")
    notes.append(f"encoded {encoding}")
    if c.chance(15):
        data, note = mutate_bytes(c, data)
        expected = None
        notes.append(note)
    name = c.pick(["data.csv", "data.CSV"])
    return FilesCase("csv", {name: data}, name, notes, expected)


def figures(rows: list[list[str]], junk: int) -> list[Figure] | None:
    """The figures of a clean file (no junk cells, the documented header), else None."""
    if junk or rows[0] != HEADER:
        return None
    return [(name, int(year), int(quarter) if quarter else None, value) for name, year, quarter, value in rows[1:]]


def xlsx_cell(c: Chooser, text: str, junk: int) -> Any:
    """The cell as a spreadsheet holds it: a number where the text is one, else text; with
    ``junk`` % odd cells — booleans, dates, Decimals, NaN and infinite floats, 2**70, empty."""
    if c.chance(junk):
        return c.pick([None, True, dt.datetime(2025, 12, 31), dt.date(2025, 1, 1), Decimal("1.5"), float("nan"),
                       float("inf"), 1e308, 0.1, 2**70, "=SUM(1,2)"])  # fmt: skip
    if re.fullmatch(r"-?[0-9]{1,17}", text) and c.chance(80):
        return int(text)
    if re.fullmatch(r"-?[0-9]+\.[0-9]+", text) and c.chance(80):
        return float(text)
    return text


def _workbook(c: Chooser, rows: list[list[str]], junk: int, notes: list[str]) -> bytes:
    """The rows as an .xlsx; sometimes a cell far away (XFD20000, A1048576) or an extra first sheet."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = Workbook()
    sheet = book.active
    sheet.append(rows[0])
    for row in rows[1:]:
        cells = [xlsx_cell(c, cell, junk) for cell in row]
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in cells])
    if c.chance(15):
        far = c.pick(["XFD20000", "XFD1", "A1048576", "AAA5000", "E2"])
        sheet[far] = c.pick([1, "x", 0.5])
        notes.append(f"a cell at {far}")
    if c.chance(10):
        first = book.create_sheet("Kosong", 0)
        first["A1"] = "catatan"
        notes.append("an extra first sheet")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _rezip(data: bytes, change: Callable[[str, bytes], bytes]) -> bytes:
    """The workbook with some of its XML parts changed: what openpyxl will not write on its own."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, change(item.filename, source.read(item.filename)))
    return out.getvalue()


def _no_sheets(name: str, data: bytes) -> bytes:
    """workbook.xml with an empty <sheets/>: a workbook with no worksheet at all."""
    if name == "xl/workbook.xml":
        return re.sub(rb"<sheets>.*</sheets>", b"<sheets/>", data)
    return data


def xlsx_case(c: Chooser) -> FilesCase:
    """A workbook in the layout, built with openpyxl; some without sheets, with a stale
    <dimension>, a cell far away, or damaged bytes."""
    notes: list[str] = []
    rows, junk = data_rows(c) if c.chance(80) else ([HEADER, ["koperasi_aktif", "2025", "", "982"]], 0)
    data = _workbook(c, rows, junk, notes)
    notes.insert(0, f"{len(rows)} rows, {junk} % junk cells")
    variant = c.integer(0, 9)
    if variant == 7:
        data = _rezip(data, _no_sheets)
        notes.append("no sheets")
    elif variant == 8:
        ref = c.pick(["A1:A1", "A1:XFD1048576", "A1:D1", "B2:C3", "garbage", "A1:XFD20000"])
        stale = b'<dimension ref="' + ref.encode() + b'"'
        data = _rezip(data, lambda name, xml: re.sub(rb'<dimension ref="[^"]*"', stale, xml))
        notes.append(f"stale dimension {ref}")
    elif variant == 9:
        data, note = mutate_bytes(c, data)
        notes.append(note)
    name = c.pick(["data.xlsx", "data.xlsm", "data.XLSX"])
    return FilesCase("xlsx", {name: data}, name, notes, figures(rows, junk) if variant != 9 else None)


def data_case(c: Chooser, kind: str = "any") -> FilesCase:
    """A data file of one kind (toml, csv, xlsx) or any."""
    makers = {"toml": data_toml_case, "csv": csv_case, "xlsx": xlsx_case}
    kind = c.pick(sorted(makers)) if kind == "any" else kind
    return makers[kind](c)
