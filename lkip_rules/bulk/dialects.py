"""The bulk SQL in the dialect of each engine, rendered by sqlglot.

:mod:`lkip_rules.bulk.sqlgen` writes the query once, in DuckDB's SQL. sqlglot parses it into
one expression tree and renders that tree for the engine asked for: the differences between
engines (``VARCHAR`` without a length, which Spark refuses, ``DOUBLE`` that PostgreSQL calls
``DOUBLE PRECISION``, quoting of identifiers, ``VALUES`` lists) are sqlglot's to know, kept up
to date by its maintainers rather than by string tricks here. DuckDB is the dialect written, so
it is returned as it is.
"""

from __future__ import annotations

from lkip_rules._optional import require
from lkip_rules.bulk.compiler import BulkError

DIALECTS = ("duckdb", "spark", "trino", "postgres")


def render(text: str, dialect: str) -> str:
    """``text`` (DuckDB SQL) in ``dialect``: one of :data:`DIALECTS`."""
    if dialect not in DIALECTS:
        raise BulkError(f"unknown SQL dialect '{dialect}'; choose one of {', '.join(DIALECTS)}")
    if dialect == "duckdb":
        return text
    sqlglot = require("sqlglot", "bulk")
    try:
        rendered: str = sqlglot.transpile(text, read="duckdb", write=dialect, pretty=True)[0]
    except sqlglot.errors.SqlglotError as exc:  # pragma: no cover - our own query always parses
        raise BulkError(f"sqlglot cannot render the query for {dialect}: {str(exc).splitlines()[0]}") from None
    return rendered + "\n"
