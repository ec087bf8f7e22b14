"""CSV files: UTF-8 text (a byte-order mark allowed), columns separated by commas, bounded in size."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from lkip_rules.datafiles.layout import Row
from lkip_rules.errors import CatalogError

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_CSV_ROWS = 50_000  # a CSV row takes ~12 µs to check


def csv_rows(path: Path, file: str) -> Iterator[Row]:
    number = 0
    try:
        for number, cells in enumerate(csv.reader(io.StringIO(_csv_text(path, file), newline="")), start=1):
            if number > MAX_CSV_ROWS:
                raise CatalogError(f"row {number}: a CSV data file holds at most {MAX_CSV_ROWS:,} rows", file=file)
            yield number, cells
    except csv.Error as exc:
        raise CatalogError(f"row {number + 1}: cannot read the CSV: {exc}", file=file) from None


def _csv_text(path: Path, file: str) -> str:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # the file may have grown since it was measured
    except OSError as exc:
        raise CatalogError(f"cannot read the file: {exc.strerror}", file=file) from None
    if len(data) > MAX_FILE_BYTES:
        raise CatalogError(f"the file is more than {MAX_FILE_BYTES:,} bytes", file=file)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CatalogError(
            f"line {line}: the file is not UTF-8 text", file=file, hint="save it as 'CSV UTF-8 (Comma delimited)'"
        ) from None
