"""Planners' figures as CSV or XLSX, in one documented layout or a catalog's form, with the row or cell
in errors.

Layout — a header row, then one figure a row:

    input,year,quarter,value
    koperasi_aktif,2025,,982
    penjualan,2025,1,10

The rules (each broken rule is a CatalogError naming the file, the row or cell, and what to do):

- The header is ``input,year,quarter,value`` (any letter case), or in Indonesian
  ``indikator/input,tahun,triwulan,nilai`` (each column may use either word). An optional fifth
  column ``status`` marks a figure ``sementara`` (provisional) or ``tetap`` (final; an empty cell is
  tetap). After the last column every cell must be empty, in the header and in every row. A blank
  row is skipped; spaces around a cell's text are ignored.
- ``input`` is an input id: lower case letters, digits and ``_``, not starting with a digit.
- ``year`` is a whole number from 1900 to 2200. ``quarter`` is empty for a yearly figure, or 1-4
  (or I-IV). A file gives each figure (input, year, quarter) once, and an input has either a yearly
  figure or quarters in a year, not both.
- ``value`` is a number, ``-`` for a negative one. Every number — value, year, quarter — is within
  the bounds of :mod:`lkip_rules.numbers` (16 digits before the point, 12 after).
- A text file is UTF-8 (a byte-order mark is allowed), its columns separated by commas or by
  semicolons: the separator the header line uses (``;`` when it has more semicolons than commas).
  A semicolon file is what Excel with Indonesian settings saves, where the comma is the decimal
  mark: it tells how its numbers are written.

Numbers written as text (:func:`lkip_rules.datafiles.cells.number_text`, the one place of the rule):

- Digits, with an optional ``-`` in front and points or commas between them; nothing else (no
  spaces, ``Rp`` or ``%``).
- No mark, or a mark that can only be a decimal mark, is read as it stands: ``982``, ``1234.5``,
  ``1234,5``, ``0,125`` (a thousands group is 1-3 digits not starting with 0, then groups of three).
- Several marks: the first kind groups thousands, in groups of three, and a last mark of the other
  kind is the decimal mark: ``13.210.000.000``, ``1.234,56``, ``12,345,678``, ``1,234.56``. Anything
  else (``1.234.5``, ``12.34,5``) is no number.
- One mark with 1-3 digits (not starting with 0) before it and exactly three after, ``1.982`` or
  ``1,982``, reads two ways: the file's decimal mark decides where the file has one — in a semicolon
  file ``1.982`` is 1982 and ``1,982`` is 1.982 — and elsewhere (a comma file, a text cell of a
  workbook) it is refused with both readings spelled out: write ``1982``, or ``1.9820``.
- In a workbook (``.xlsx``, ``.xlsm``) the first worksheet (hidden or not) is read, down to its
  last row whatever the stored dimension says. A numeric cell is the number Excel shows: 15
  significant digits, so 0.1+0.2 stored as 0.30000000000000004 is 0.3. A cell holding a formula,
  a date or time, TRUE/FALSE or an Excel error (``#N/A``) is refused: type the figure itself.
  A sheet whose XML repeats rows or cells, or puts them out of order, is refused as damaged
  rather than read in part (Excel never writes one).
- Limits, so that no file makes reading slow or large: a file of at most 10 MiB; at most
  50,000 rows in a CSV, 20,000 in a workbook (blank rows and the header count); at most 256
  characters in a cell. In a workbook: the parts read (each sheet, its shared strings, its styles)
  at most 16 MiB each uncompressed, 250,000 XML elements in the sheets and shared strings
  together, 5,000 in the styles; no value past column Z.

A catalog's form (``lkip template``, :mod:`lkip_rules.forms`) is a workbook with a sheet ``lkip``
(hidden) that marks it; its sheets Input, Anggaran and Tercetak are read instead of the first
worksheet, each checked as above (:mod:`.form`, :mod:`.formlayout`): inputs for the year or its
quarters, budget lines (pagu murni, pagu, realisasi), printed figures for the audit, and the status
of each row; rows keyed by their id; an empty cell is no figure, never 0; errors name the sheet and
the cell (``sheet Input, cell F7: ...``).

openpyxl (extra ``excel``) is imported only to read a workbook, and sees only the parts read: the
workbook is first checked part by part with the standard library and repacked with the sheets
read alone, so no other part of the file (other sheets, charts, properties) is parsed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from lkip_rules.catalog.data import load_data
from lkip_rules.catalog.model import Data
from lkip_rules.datafiles.cells import csv_place
from lkip_rules.datafiles.csvfile import MAX_FILE_BYTES, csv_rows
from lkip_rules.datafiles.layout import HEADER, collect
from lkip_rules.datafiles.xlsx import xlsx_data
from lkip_rules.errors import ArgumentError, CatalogError
from lkip_rules.locale.text import Grouped, Text

__all__ = ["HEADER", "read"]


def read(path: str | Path) -> Data:
    """Figures from a TOML data file or folder, a CSV file, or an XLSX workbook."""
    if not isinstance(path, str | os.PathLike) or not str(path):
        raise ArgumentError(f"a data file is given by its path, not by {type(path).__name__}")
    path = Path(path)
    suffix = path.suffix.lower()
    if path.is_dir() or suffix == ".toml":
        return load_data(path)
    file = str(path)
    check_file(path, file)
    if suffix == ".csv":
        rows, decimal = csv_rows(path, file)
        return collect(file, rows, csv_place, decimal)
    if suffix in (".xlsx", ".xlsm"):
        return xlsx_data(path, file)
    raise CatalogError(Text("data.cannot-read-kind", suffix=suffix), file=file, hint=Text("data.give-kind"))


def check_file(path: Path, file: str) -> None:
    try:
        status = path.stat()
    except (OSError, ValueError):  # ValueError: a NUL in the path
        raise CatalogError(Text("data.no-such-file"), file=file) from None
    if not stat.S_ISREG(status.st_mode):  # a pipe or a device could block, or never end
        raise CatalogError(Text("data.not-regular"), file=file)
    if status.st_size > MAX_FILE_BYTES:
        too_large = Text("load.too-large", size=Grouped(status.st_size), limit=Grouped(MAX_FILE_BYTES))
        raise CatalogError(too_large, file=file, hint=Text("data.split"))
