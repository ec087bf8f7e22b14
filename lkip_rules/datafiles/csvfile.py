"""CSV files: UTF-8 text (a byte-order mark allowed), bounded in size, columns separated by commas or
by semicolons — the separator the header line uses.

Excel with Indonesian settings saves "CSV" with semicolons, because there the comma is the decimal
mark; so a semicolon file also tells how its numbers are written: a comma for decimals, points
between thousands (see :func:`lkip_rules.datafiles.cells.number_text`).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

from lkip_rules.datafiles.layout import Row
from lkip_rules.errors import CatalogError
from lkip_rules.locale.text import Grouped, Text

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_CSV_ROWS = 50_000  # a CSV row takes ~12 µs to check


def csv_rows(path: Path, file: str) -> tuple[Iterator[Row], str | None]:
    """The rows of the file, and its decimal mark: "," in a semicolon file, None (either) in a comma file."""
    text = _csv_text(path, file)
    delimiter = separator(text)
    return _rows(text, delimiter, file), ("," if delimiter == ";" else None)


def separator(text: str) -> str:
    """ ";" when the header line has more semicolons than commas, else ","."""
    header = re.split(r"\r\n|\r|\n", text, maxsplit=1)[0]
    return ";" if header.count(";") > header.count(",") else ","


def _rows(text: str, delimiter: str, file: str) -> Iterator[Row]:
    number = 0
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        for number, cells in enumerate(reader, start=1):
            if number > MAX_CSV_ROWS:
                raise CatalogError(Text("csv.too-many-rows", row=number, limit=Grouped(MAX_CSV_ROWS)), file=file)
            yield number, cells
    except csv.Error as exc:
        raise CatalogError(Text("csv.cannot-read", row=number + 1, detail=str(exc)), file=file) from None


def _csv_text(path: Path, file: str) -> str:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # the file may have grown since it was measured
    except OSError as exc:
        raise CatalogError(Text("load.cannot-read", reason=str(exc.strerror)), file=file) from None
    if len(data) > MAX_FILE_BYTES:
        raise CatalogError(Text("csv.too-large", limit=Grouped(MAX_FILE_BYTES)), file=file)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CatalogError(Text("csv.not-utf8", line=line), file=file, hint=Text("csv.save-utf8")) from None
