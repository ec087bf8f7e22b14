"""Commands for many agencies at once: sql and bulk."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console

from lkip_rules import BUNDLED_CATALOG, load_catalog
from lkip_rules.cli.app import (
    LANG,
    F,
    main,
    reports_errors,
    target_file,
)
from lkip_rules.cli.words import library, say
from lkip_rules.locale import Lang

KEYS = [
    click.option("--entity", default="entity", show_default=True, help="Column naming the agency."),
    click.option("--year-column", "year_column", default="year", show_default=True, help="Column of the year."),
    click.option("--quarter-column", default=None, help="Column of the quarter, for quarterly rows."),
]


def _keys(command: F) -> F:
    for option in reversed(KEYS):
        command = option(command)
    return command


@main.command("sql")
@click.argument("catalog", required=False)
@click.option("--source", default="lkip_input", show_default=True, help="The table or view to read.")
@click.option(
    "--columns-from",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="A Parquet or CSV file whose columns the table has (default: every declared input).",
)
@click.option(
    "--dialect",
    type=click.Choice(["duckdb", "spark", "trino", "postgres"]),
    default="duckdb",
    show_default=True,
    help="The SQL dialect of the engine that will run the query.",
)
@_keys
@LANG
@reports_errors
def sql_command(
    lang: Lang,
    catalog: str | None,
    source: str,
    columns_from: Path | None,
    dialect: str,
    entity: str,
    year_column: str,
    quarter_column: str | None,
) -> None:
    """Print the SQL that evaluates CATALOG over a table of (entity, year[, quarter], inputs...).

    Declared inputs the table lacks are read as missing; a column named like an indicator is a
    realisation given directly. Without --columns-from, every declared input is assumed present.
    Rows come out ordered by entity, year, quarter and the catalog's order of indicators.
    """
    from lkip_rules.bulk import columns_of, sql

    found = load_catalog(catalog if catalog is not None else BUNDLED_CATALOG)
    columns = columns_of(columns_from) if columns_from is not None else None
    keys = {"entity": entity, "year": year_column, "quarter": quarter_column}
    click.echo(sql(found, source, columns=columns, dialect=dialect, **keys), nl=False)


@main.command("bulk")
@click.argument("catalog", required=False)
@click.option(
    "--input",
    "source",
    type=click.Path(exists=True, path_type=Path),
    required=True,
    help="Parquet or CSV: one row per (entity, year[, quarter]), one column per input (Spark: Parquet, "
    "a file or a folder).",
)
@click.option(
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="Parquet file to write (Spark: a folder of Parquet parts).",
)
@click.option(
    "--engine",
    type=click.Choice(["duckdb", "polars", "spark"]),
    default="duckdb",
    show_default=True,
    help="Query engine: DuckDB streams the file, Polars takes a few agencies at a time, Spark runs on a local session.",
)
@_keys
@LANG
@reports_errors
def bulk_command(
    lang: Lang,
    catalog: str | None,
    source: Path,
    output: Path,
    engine: str,
    entity: str,
    year_column: str,
    quarter_column: str | None,
) -> None:
    """Evaluate CATALOG over many agencies and years at once; one output row per indicator."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from lkip_rules.bulk import column_report, columns_of

    found = load_catalog(catalog if catalog is not None else BUNDLED_CATALOG)
    if output.suffix.lower() != ".parquet":
        raise click.UsageError(f"--output writes Parquet: name it .parquet, not {output.name}")
    if source.is_dir() and engine != "spark":
        raise click.UsageError(f"--input {source} is a folder; {engine} reads one file (Spark reads folders)")
    replaced = _spark_target(output) if engine == "spark" else target_file(output)
    keys: dict[str, Any] = {"entity": entity, "year": year_column, "quarter": quarter_column}
    if engine != "spark":  # Spark reports its columns itself, once its session is up
        for note in column_report(found, columns_of(source, engine), [k for k in keys.values() if k]):
            click.echo(say("note", text=library(note)), err=True)
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=Console(file=sys.stderr),
        transient=True,
    ) as progress:
        task = progress.add_task(say("evaluating", engine=engine, name=source.name), total=None)
        if engine == "duckdb":
            from lkip_rules.bulk import run_duckdb

            rows = run_duckdb(found, source, output, **keys)
        elif engine == "spark":
            from lkip_rules.bulk import run_spark

            rows = run_spark(found, source, output, **keys)
        else:
            from lkip_rules.bulk import run_polars

            rows = run_polars(found, source, output, **keys)
        progress.update(task, completed=1, total=1)
    note = say("replaced", path="").removeprefix(" ") if replaced else ""
    count = f"{rows:,}" if lang == "en" else f"{rows:,}".replace(",", ".")
    click.echo(say("rows", path=output, rows=count, count=len(found.indicators), note=f" {note}" if note else ""))


def _spark_target(path: Path) -> bool:
    """Spark writes a folder: one already there is replaced, a file in the way is an error."""
    if path.is_file():
        raise click.UsageError(f"--output {path} is a file; Spark writes a folder of Parquet parts there")
    if not path.parent.is_dir():
        raise click.UsageError(f"--output {path}: the folder {path.parent} does not exist; create it first")
    return path.exists()
