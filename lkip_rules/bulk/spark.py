"""Bulk evaluation on Apache Spark: the same query as DuckDB's, rendered for Spark SQL by sqlglot.

A local SparkSession is started when no session is given (extra ``spark``: pyspark, which needs
a Java runtime); an app with a cluster passes its own session and keeps it. The input is Parquet,
one file or a partitioned directory; the output is Parquet written by Spark, a directory of part
files that DuckDB, Polars and pyarrow read as one table. The input is checked as the other
engines check it (keys present and unique, figure columns numeric, every figure finite, within
bounds, and whole for a count) before anything is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from lkip_rules._optional import require
from lkip_rules.bulk.compiler import BulkError
from lkip_rules.bulk.dialects import render
from lkip_rules.bulk.inputs import LIMIT, check_kinds, counts, figure_columns, refuse, repeats
from lkip_rules.bulk.plan import check_keys
from lkip_rules.bulk.sqlgen import bad_figures, query, repeated_keys

if TYPE_CHECKING:
    from lkip_rules.api import Catalog

VIEW = "lkip_input"
_WHOLE = ("tinyint", "smallint", "int", "bigint")
_NUMBERS = (*_WHOLE, "float", "double", "decimal")


def local_session() -> Any:
    """A SparkSession on this machine (all cores, no web UI), created once per process."""
    require("pyspark", "spark")
    from pyspark.sql import SparkSession

    try:
        session = (
            SparkSession.builder.master("local[*]")
            .appName("lkip-rules")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")  # our spinner says it is working
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate()
        )
    except Exception as exc:  # no Java, or a JVM that will not start: say so plainly
        raise BulkError(f"Spark could not start: {str(exc).splitlines()[0]} (Spark needs Java 17 or 21)") from None
    session.sparkContext.setLogLevel("ERROR")
    return session


def run_spark(
    catalog: Catalog,
    source: Path,
    output: Path,
    *,
    session: Any = None,
    entity: str = "entity",
    year: str = "year",
    quarter: str | None = None,
) -> int:
    """Read Parquet ``source`` (a file or a directory), evaluate on Spark, write Parquet ``output``
    (a directory, replaced if it exists). Returns the number of result rows."""
    require("pyspark", "spark")
    from py4j.protocol import Py4JError
    from pyspark.errors import PySparkException

    if not source.exists():
        raise BulkError(f"{source}: no such file or folder")
    if source.is_file() and source.suffix.lower() != ".parquet":
        raise BulkError(f"{source}: Spark reads Parquet (a .parquet file or a folder of them); convert it first")
    spark = session if session is not None else local_session()
    try:
        frame = spark.read.parquet(str(source))
        frame.createOrReplaceTempView(VIEW)
        kinds = dict(frame.dtypes)
        keys = check_keys(list(kinds), entity, year, quarter)
        _check(spark, catalog, kinds, keys)
        text = query(catalog, VIEW, columns=list(kinds), entity=entity, year=year, quarter=quarter)
        spark.sql(render(text, "spark")).write.mode("overwrite").parquet(str(output))
        return int(spark.read.parquet(str(output)).count())
    except (PySparkException, Py4JError) as exc:
        raise BulkError(f"Spark: {str(exc).strip().splitlines()[0]}") from None


def _check(spark: Any, catalog: Catalog, kinds: dict[str, str], keys: list[str]) -> None:
    """The input rules of every engine, as Spark SQL (see lkip_rules.bulk.inputs)."""
    for key in keys[1:]:  # the year and the quarter are whole numbers
        if not kinds[key].startswith(_WHOLE):
            raise BulkError(f"the '{key}' column must hold whole numbers, but it is {kinds[key]}; check its values")
    repeated = spark.sql(render(repeated_keys(VIEW, keys), "spark")).head(1)
    if repeated:
        raise repeats(keys, list(repeated[0]))
    figures = figure_columns(catalog, list(kinds))
    check_kinds({name: _kind(kinds[name]) for name in figures})
    if not figures:
        return
    whole = counts(catalog, figures)
    found = spark.sql(render(bad_figures(VIEW, figures, keys, whole, LIMIT), "spark")).head(1)
    if found:
        row = list(found[0])
        column = row[0]
        value = row[1 + len(keys) + figures.index(column)]
        raise refuse(column, dict(zip(keys, row[1 : 1 + len(keys)], strict=True)), value, column in whole)


def _kind(kind: str) -> str:
    if kind.startswith(_NUMBERS) or kind == "void":
        return "number"
    return "text" if kind == "string" else f"a {kind} column"
