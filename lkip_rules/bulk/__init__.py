"""Bulk evaluation: one catalog over many agencies and years, on Polars or in SQL (DuckDB).

Same semantics as ``Catalog.evaluate`` — statuses, polarity, ranges, zero targets, cap,
floor, basis, rounding, categories — compiled once to columnar expressions; no per-row Python.
Polars and DuckDB are imported only when these functions are used (extra ``bulk``).

- :func:`evaluate_frame` — a Polars DataFrame in, a long DataFrame out.
- :func:`sql` — the SQL text, for DuckDB, Spark, Trino or PostgreSQL (sqlglot renders the dialect).
- :func:`run_duckdb` — Parquet or CSV in, Parquet out, on embedded DuckDB.
- :func:`run_polars` — Parquet or CSV in, Parquet out, on Polars a few agencies at a time.
- :func:`run_spark` — Parquet in, Parquet out, on a local or given SparkSession (extra ``spark``).
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lkip_rules._optional import require
from lkip_rules.bulk.compiler import BulkError

if TYPE_CHECKING:
    from lkip_rules.api import Catalog

__all__ = [
    "BulkError",
    "column_report",
    "columns_of",
    "evaluate_frame",
    "run_duckdb",
    "run_polars",
    "run_spark",
    "sql",
]


def evaluate_frame(catalog: Catalog, frame: Any, **keys: Any) -> Any:
    """Evaluate ``catalog`` over a Polars frame of (entity, year[, quarter]) rows."""
    pl = require("polars", "bulk")
    from lkip_rules.bulk.frames import evaluate_frame as run

    try:
        return run(catalog, frame, **keys)
    except pl.exceptions.PolarsError as exc:  # e.g. a year that is no whole number
        raise BulkError(f"Polars: {str(exc).splitlines()[0]}") from None


def sql(
    catalog: Catalog,
    source: str = "lkip_input",
    *,
    columns: Sequence[str] | None = None,
    dialect: str = "duckdb",
    **keys: Any,
) -> str:
    """The SQL query evaluating ``catalog`` over the relation ``source``, in ``dialect``: duckdb,
    spark, trino or postgres (rendered by sqlglot, extra ``bulk``)."""
    from lkip_rules.bulk.dialects import render
    from lkip_rules.bulk.sqlgen import query

    return render(query(catalog, source, columns=columns, numbered=dialect == "duckdb", **keys), dialect)


def run_polars(catalog: Catalog, source: Path, output: Path, **keys: Any) -> int:
    """Read Parquet or CSV ``source``, evaluate on Polars a few agencies at a time, write Parquet
    ``output`` (memory stays that of a chunk). Returns the number of result rows."""
    pl = require("polars", "bulk")
    from lkip_rules.bulk.stream import run_polars as run

    try:
        return run(catalog, source, output, **keys)
    except pl.exceptions.PolarsError as exc:
        raise BulkError(f"Polars: {str(exc).splitlines()[0]}") from None


def run_spark(catalog: Catalog, source: Path, output: Path, *, session: Any = None, **keys: Any) -> int:
    """Read Parquet ``source`` (a file or a folder), evaluate on Spark — ``session``, or a local one
    started here — and write Parquet ``output`` (a folder of part files). Returns the row count."""
    from lkip_rules.bulk.spark import run_spark as run

    return run(catalog, source, output, session=session, **keys)


def _reader(source: Path) -> str:
    reader = {".parquet": "read_parquet", ".csv": "read_csv_auto"}.get(source.suffix.lower())
    if reader is None:
        raise BulkError(f"{source}: give a .parquet or .csv file")
    if not source.exists():
        raise BulkError(f"{source}: no such file")
    return f"{reader}('{_literal_path(source)}')"


def column_report(catalog: Catalog, columns: Sequence[str], keys: Sequence[str]) -> list[str]:
    """Warnings worth showing: declared inputs the input lacks, and columns nothing uses."""
    known = set(catalog.inputs) | set(catalog.indicators) | set(keys)
    notes = []
    absent = [name for name in catalog.inputs if name not in columns]
    if absent:
        notes.append(f"declared inputs not in the input, so missing everywhere: {', '.join(absent)}")
    unused = [name for name in columns if name not in known]
    if unused:
        notes.append(f"columns no formula uses: {', '.join(unused)}")
    return notes


def columns_of(source: Path, engine: str = "duckdb") -> list[str]:
    """The column names of a Parquet or CSV file, read with the engine that will evaluate it."""
    if engine == "polars":
        pl = require("polars", "bulk")
        reader = {".parquet": pl.scan_parquet, ".csv": pl.scan_csv}.get(source.suffix.lower())
        if reader is None:
            raise BulkError(f"{source}: give a .parquet or .csv file")
        try:
            return list(reader(source).collect_schema().names())
        except (pl.exceptions.PolarsError, OSError) as exc:
            raise BulkError(f"{source}: cannot read it ({str(exc).splitlines()[0]})") from None
    duckdb = require("duckdb", "bulk")

    try:
        con = duckdb.connect()
        try:
            return [row[0] for row in con.execute(f"DESCRIBE SELECT * FROM {_reader(source)}").fetchall()]
        finally:
            con.close()
    except duckdb.Error as exc:
        raise BulkError(f"DuckDB: {exc}") from None


def run_duckdb(
    catalog: Catalog,
    source: Path,
    output: Path,
    *,
    progress: bool = False,
    memory_limit: str = "3GB",
    **keys: Any,
) -> int:
    """Read Parquet or CSV ``source``, evaluate on embedded DuckDB, write Parquet ``output``.

    DuckDB streams the input and the output; what it must hold (the sort into key order) spills
    to a temporary folder beyond ``memory_limit``. Returns the number of result rows.
    """
    duckdb = require("duckdb", "bulk")

    relation = _reader(source)
    with tempfile.TemporaryDirectory(prefix="lkip-duckdb-") as spill:
        try:
            con = duckdb.connect(config={"memory_limit": memory_limit, "temp_directory": spill})
        except duckdb.Error as exc:
            raise BulkError(f"DuckDB: {str(exc).splitlines()[0]}") from None
        try:
            con.execute(f"SET enable_progress_bar = {'true' if progress else 'false'}")
            con.execute(f"CREATE VIEW lkip_input AS SELECT * FROM {relation}")
            return _copy(con, catalog, output, keys)
        except duckdb.Error as exc:
            raise BulkError(f"DuckDB: {str(exc).splitlines()[0]}") from None
        finally:
            con.close()


def _copy(con: Any, catalog: Catalog, output: Path, keys: dict[str, Any]) -> int:
    """Check the view ``lkip_input``, evaluate it into ``output``, count the rows written."""
    from lkip_rules.bulk.inputs import repeats
    from lkip_rules.bulk.sqlgen import repeated_keys

    described = {row[0]: str(row[1]) for row in con.execute("DESCRIBE lkip_input").fetchall()}
    text = sql(catalog, "lkip_input", columns=list(described), **keys)
    key_names = [k for k in (keys.get("entity", "entity"), keys.get("year", "year"), keys.get("quarter")) if k]
    _check_inputs(con, catalog, described, key_names)
    repeated = con.execute(repeated_keys("lkip_input", key_names)).fetchone()
    if repeated:
        raise repeats(key_names, repeated)
    con.execute(f"COPY ({text}) TO '{_literal_path(output)}' (FORMAT PARQUET)")
    counted = con.execute(f"SELECT COUNT(*) FROM read_parquet('{_literal_path(output)}')").fetchone()
    return int(counted[0]) if counted else 0


_NUMBER_TYPES = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "FLOAT", "DOUBLE", "DECIMAL", "REAL")


def _check_inputs(con: Any, catalog: Catalog, described: dict[str, str], keys: list[str]) -> None:
    """As evaluate_frame: figure columns hold numbers, every value a figure, counts whole."""
    from lkip_rules.bulk.inputs import LIMIT, check_kinds, counts, figure_columns, refuse
    from lkip_rules.bulk.sqlgen import bad_figures

    for key in keys[1:]:  # the year and the quarter are whole numbers
        kind = described.get(key, "")
        if kind and not kind.lstrip("U").startswith(("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT")):
            raise BulkError(f"the '{key}' column must hold whole numbers, but it is {kind}; check its values")
    figures = figure_columns(catalog, list(described))
    check_kinds({name: _duck_kind(described[name]) for name in figures})
    if not figures:
        return
    whole = counts(catalog, figures)
    found = con.execute(bad_figures("lkip_input", figures, keys, whole, LIMIT)).fetchone()
    if found:
        column = found[0]
        value = found[1 + len(keys) + figures.index(column)]
        raise refuse(column, dict(zip(keys, found[1 : 1 + len(keys)], strict=True)), value, column in whole)


def _duck_kind(kind: str) -> str:
    if kind.startswith(_NUMBER_TYPES) or (kind.startswith("U") and kind[1:].startswith(_NUMBER_TYPES)):
        return "number"
    return "text" if kind == "VARCHAR" else f"a {kind} column"


def _literal_path(path: Path) -> str:
    return str(path).replace("'", "''")
