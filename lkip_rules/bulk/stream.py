"""Bulk evaluation from a file to a file on Polars, a few agencies at a time.

An agency's rows depend only on its own rows (years are joined within the agency), so the input
is evaluated in chunks of whole agencies, in key order, and each chunk's result is appended to
one Parquet file: memory stays that of a chunk, whatever the number of agencies, and the file's
rows are in the same order as ``evaluate_frame`` gives them.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl

from lkip_rules.bulk.compiler import BulkError
from lkip_rules.bulk.frames import evaluate_frame

if TYPE_CHECKING:
    from lkip_rules.api import Catalog

CHUNK_ROWS = 250_000
"""Input rows evaluated at a time (whole agencies; an agency with more rows is one chunk)."""


def run_polars(
    catalog: Catalog,
    source: Path,
    output: Path,
    *,
    entity: str = "entity",
    year: str = "year",
    quarter: str | None = None,
    chunk_rows: int = CHUNK_ROWS,
) -> int:
    """Read Parquet or CSV ``source``, evaluate on Polars chunk by chunk, write Parquet ``output``.
    Returns the number of result rows."""
    import pyarrow.parquet as pq

    keys: dict[str, Any] = {"entity": entity, "year": year, "quarter": quarter}
    with tempfile.TemporaryDirectory(prefix="lkip-bulk-") as scratch:
        frame = _scan(source, Path(scratch), year, quarter)
        try:
            if entity not in frame.collect_schema().names():
                return _write(evaluate_frame(catalog, frame, **keys), output)  # says what is missing
            per = frame.group_by(entity).len().sort(entity).collect()
        except pl.exceptions.PolarsError as exc:
            raise BulkError(f"{source}: cannot read it ({str(exc).splitlines()[0]})") from None
        chunks = list(_chunks(per[entity].to_list(), per["len"].to_list(), chunk_rows))
        if not chunks:
            return _write(evaluate_frame(catalog, frame, **keys), output)
        written = 0
        writer: Any = None
        try:
            for names in chunks:
                part = frame.filter(pl.col(entity).is_in(pl.Series(names).implode()))
                table = evaluate_frame(catalog, part, **keys).to_arrow()
                writer = writer or pq.ParquetWriter(str(output), table.schema)
                writer.write_table(table)
                written += table.num_rows
        finally:
            if writer is not None:
                writer.close()
    return written


def _scan(source: Path, scratch: Path, year: str, quarter: str | None) -> pl.LazyFrame:
    """The input as a lazy frame; a CSV is read once into a Parquet file in ``scratch`` (every cell
    as text, numbers checked later), so each chunk does not read the whole CSV again."""
    suffix = source.suffix.lower()
    if suffix == ".parquet":
        return pl.scan_parquet(source)
    if suffix != ".csv":
        raise BulkError(f"{source}: give a .parquet or .csv file")
    frame = pl.scan_csv(source, infer_schema_length=0)
    try:
        names = frame.collect_schema().names()
        numbers = [k for k in (year, quarter) if k and k in names]
        copy = scratch / "input.parquet"
        frame.with_columns([pl.col(k).cast(pl.Int64) for k in numbers]).sink_parquet(copy)
    except pl.exceptions.PolarsError as exc:
        raise BulkError(f"{source}: cannot read the CSV file ({str(exc).splitlines()[0]})") from None
    return pl.scan_parquet(copy)


def _chunks(entities: list[Any], rows: list[int], limit: int) -> Any:
    """Consecutive runs of agencies (in key order) of about ``limit`` input rows each."""
    run: list[Any] = []
    size = 0
    for name, count in zip(entities, rows, strict=True):
        if run and size + count > limit:
            yield run
            run, size = [], 0
        run.append(name)
        size += count
    if run:
        yield run


def _write(result: pl.DataFrame, output: Path) -> int:
    result.write_parquet(output)
    return int(result.height)
