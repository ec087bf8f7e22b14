"""The ``lkip`` command. A face: it uses the library and prints for people.

Exit codes: 0 all well, 1 findings (validation errors, audit differences, a catalog that
cannot be read), 2 usage.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from decimal import Decimal
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.table import Table

from lkip_rules import BUNDLED_CATALOG, LkipError, load_catalog, parse_formula
from lkip_rules.catalog import Catalog
from lkip_rules.catalog.model import Data
from lkip_rules.locale import Lang

F = TypeVar("F", bound=Callable[..., Any])
_ASSIGNMENT = re.compile(r"(?P<name>[a-z_][a-z0-9_.]*)(?::(?P<year>[0-9]{4}))?=(?P<value>.+)")
LANG = click.option(
    "--lang",
    type=click.Choice(["id", "en"]),
    default="id",
    show_default=True,
    help="Language of labels, numbers and sentences.",
)
DATA = click.option(
    "--data",
    "data_file",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help=(
        "Figures to use: a TOML data file or folder, a CSV or XLSX (input, year, quarter, value), "
        "or a form made by lkip template."
    ),
)
YEAR = click.option("--year", type=int, default=None, help="The year to evaluate [default: the latest year with data].")
QUARTER = click.option(
    "--quarter",
    type=click.IntRange(1, 4),
    default=None,
    help="Up to this quarter (triwulan), against the Rencana Aksi's targets.",
)


def _console() -> Console:
    # A terminal gets its own width; a pipe or file gets room for the whole table.
    console = Console(file=sys.stdout)
    return console if console.is_terminal else Console(file=sys.stdout, width=160)


def reports_errors(command: F) -> F:
    """Print our errors plainly and exit 1, a file that cannot be read or written likewise; anything
    else is a bug of ours, said so in one line (exit 3), never a traceback."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except LkipError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)
        except OSError as exc:
            where = f" {exc.filename}" if exc.filename else ""
            hint = " (is it open in another program?)" if isinstance(exc, PermissionError) else ""
            click.echo(f"error: cannot use{where}: {exc.strerror or exc}{hint}", err=True)
            sys.exit(1)
        except (click.exceptions.Exit, click.ClickException, SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:  # a bug: one line for the user, the details for the report
            click.echo(
                f"internal error: {type(exc).__name__}: {exc}\nthis is a bug in lkip-rules; please report it with "
                "the command and the files that caused it",
                err=True,
            )
            sys.exit(3)

    return wrapper  # type: ignore[return-value]


def _target_file(path: Path) -> bool:
    """Check that ``path`` can be written as a file; True when it exists (and will be replaced)."""
    if path.is_dir():
        raise click.UsageError(f"--output {path} is a folder; give a file name")
    if not path.parent.is_dir():
        raise click.UsageError(f"--output {path}: the folder {path.parent} does not exist; create it first")
    return path.exists()


def _written(path: Path, replaced: bool) -> None:
    click.echo(f"{path} (replaced the earlier file)" if replaced else f"{path}")


def _open(catalog: str | None, data_file: Path | None) -> tuple[Catalog, Data]:
    """The catalog and its figures (with --data laid over them). Figures the catalog cannot
    place — an undeclared input, an unknown id, quarters without a roll-up — stop the command,
    so a typo never leaves a stale or missing figure behind silently."""
    from lkip_rules.errors import CatalogValidationError
    from lkip_rules.validation import data_files

    found = load_catalog(catalog if catalog is not None else BUNDLED_CATALOG)
    data = found.data
    if data_file is not None:
        from lkip_rules.datafiles import read

        data = data.merge(read(data_file))
    problems = [issue for issue in data_files(found, data) if issue.severity == "error"]
    if problems:
        raise CatalogValidationError(list(problems))
    return found, data


def _is_path(text: str) -> bool:
    try:
        return Path(text).exists()
    except (OSError, ValueError):  # a name too long, or with a NUL, is no file
        return False


def _year(data: Data, year: int | None) -> int:
    if year is not None:
        if year not in data.years:
            known = ", ".join(map(str, sorted(data.years))) or "none"
            click.echo(f"note: there are no figures for {year} (years with figures: {known})", err=True)
        return year
    if not data.years:
        raise click.UsageError("the catalog has no data; give --year")
    return max(data.years)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="lkip-rules")
def main() -> None:
    """lkip-rules: exact, explained SAKIP / LKIP performance measurement.

    Without a CATALOG argument the bundled catalog of the LKIP 2025 of Dinas Koperasi UKM
    Kota Bekasi is used.
    """


@main.command("check")
@click.argument("catalog", required=False)
@DATA
@reports_errors
def check_command(catalog: str | None, data_file: Path | None) -> None:
    """Validate CATALOG and its data (and --data FILE); exit 1 on any error."""
    from lkip_rules.validation import data_files

    found = load_catalog(catalog if catalog is not None else BUNDLED_CATALOG)
    issues = found.validate()
    if data_file is not None:
        from lkip_rules.datafiles import read

        issues += list(data_files(found, read(data_file)))
    for issue in issues:
        click.echo(str(issue))
    errors = sum(issue.severity == "error" for issue in issues)
    warnings = len(issues) - errors
    click.echo(f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}")
    sys.exit(1 if errors else 0)


@main.command("evaluate")
@click.argument("catalog", required=False)
@YEAR
@QUARTER
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "markdown", "csv", "json", "xlsx"]),
    default="table",
    show_default=True,
)
@LANG
@click.option("--output", type=click.Path(path_type=Path), default=None, help="Write to this file.")
@DATA
@reports_errors
def evaluate_command(
    catalog: str | None,
    year: int | None,
    quarter: int | None,
    fmt: str,
    lang: Lang,
    output: Path | None,
    data_file: Path | None,
) -> None:
    """Realisation, achievement and category of every indicator (like Tabel 3.1)."""
    from lkip_rules.reports import tables

    replaced = _target_file(output) if output is not None else False
    found, data = _open(catalog, data_file)
    results = found.evaluate(_year(data, year), data, quarter=quarter)
    if fmt == "xlsx":
        if output is None:
            raise click.UsageError("--format xlsx needs --output FILE.xlsx")
        tables.xlsx(found, results, lang, output)
        _written(output, replaced)
        return
    if fmt == "table" and output is None:
        _console().print(_rich_table(found, results, lang))
        return
    text = {
        "markdown": lambda: tables.markdown(found, results, lang),
        "csv": lambda: tables.csv_text(found, results, lang),
        "json": lambda: tables.json_text(results),
    }.get(fmt, lambda: tables.markdown(found, results, lang))()
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, "utf-8")
        _written(output, replaced)


def _rich_table(catalog: Catalog, results: Any, lang: Lang) -> Table:
    """The evaluation table for a terminal: rows grouped under their sasaran, wide columns folded."""
    from lkip_rules.reports import tables

    when = (
        f" s.d. triwulan {results.quarter}"
        if results.quarter and lang == "id"
        else (f" up to q{results.quarter}" if results.quarter else "")
    )
    title = f"{catalog.info.name} — {'Capaian Kinerja' if lang == 'id' else 'Performance'} {results.year}{when}"
    shown = [i for i, column in enumerate(tables.COLUMNS) if column not in ("sasaran", "benchmark")]
    table = Table(title=title)
    for i in shown:
        column = tables.COLUMNS[i]
        wide = column in ("indicator", "status", "category")
        table.add_column(
            tables.headers(lang)[i],
            justify="left" if wide or column == "unit" else "right",
            overflow="fold",
            max_width=48 if column == "indicator" else 30 if wide else None,
        )
    last_parent: object = object()
    for result, row in zip(tables.ordered(results), tables.rows(catalog, results, lang), strict=True):
        if result.parent != last_parent:
            table.add_section()
            if result.parent is not None:
                table.add_row(f"[bold]{tables.text(row[0], lang)}[/bold]")
        last_parent = result.parent
        table.add_row(*(tables.text(row[i], lang) for i in shown))
    return table


@main.command("explain")
@click.argument("args", nargs=-1, required=True, metavar="[CATALOG] ID")
@YEAR
@QUARTER
@LANG
@DATA
@reports_errors
def explain_command(
    args: tuple[str, ...], year: int | None, quarter: int | None, lang: Lang, data_file: Path | None
) -> None:
    """Every step behind indicator ID, and one sentence ready for the report."""
    from lkip_rules.explain import explain

    if len(args) > 2:
        raise click.UsageError("give at most CATALOG and ID")
    catalog, indicator = (args[0], args[1]) if len(args) == 2 else (None, args[0])
    if catalog is None and _is_path(indicator):
        raise click.UsageError(f"give the indicator id after the catalog: lkip explain {indicator} ID")
    found, data = _open(catalog, data_file)
    if indicator not in found.indicators:
        from lkip_rules._suggest import closest

        near = closest(indicator, found.indicators)
        hint = f"; did you mean '{near}'?" if near else ""
        raise click.UsageError(f"'{indicator}' is not an indicator of {found.info.id}{hint}")
    result = explain(found, indicator, _year(data, year), lang=lang, data=data, quarter=quarter)
    for step in result.steps:
        click.echo(step)
    click.echo("")
    click.echo(result.sentence)


@main.command("audit")
@click.argument("catalog", required=False)
@YEAR
@QUARTER
@LANG
@DATA
@click.option("--hide-info", is_flag=True, help="Leave out findings of severity info (right at fewer decimals).")
@reports_errors
def audit_command(
    catalog: str | None, year: int | None, quarter: int | None, lang: Lang, data_file: Path | None, hide_info: bool
) -> None:
    """Check every figure the report printed against the right one; list the wrong ones with causes.

    Exit 1 when a printed figure is wrong; findings of severity info alone exit 0.
    """
    from lkip_rules.audit import audit
    from lkip_rules.reports.audit import summary, table

    found, data = _open(catalog, data_file)
    the_year = _year(data, year)
    report = audit(found, the_year, data, quarter=quarter)
    click.echo(summary(report, lang))
    shown = [f for f in report if not (hide_info and f.severity == "info")]
    if shown:
        _console().print(table(report, shown, lang))
    sys.exit(1 if report.errors else 0)


@main.command("tree")
@click.argument("catalog", required=False)
@YEAR
@QUARTER
@LANG
@DATA
@reports_errors
def tree_command(
    catalog: str | None, year: int | None, quarter: int | None, lang: Lang, data_file: Path | None
) -> None:
    """The cascade tujuan → sasaran → IKU → program → kegiatan → sub kegiatan, with achievement and absorption."""
    from lkip_rules.reports.tree import build

    found, data = _open(catalog, data_file)
    _console().print(build(found, found.evaluate(_year(data, year), data, quarter=quarter), lang))


@main.command("pk")
@click.argument("catalog", required=False)
@YEAR
@click.option("--format", "fmt", type=click.Choice(["table", "markdown", "csv"]), default="table", show_default=True)
@LANG
@DATA
@reports_errors
def pk_command(catalog: str | None, year: int | None, fmt: str, lang: Lang, data_file: Path | None) -> None:
    """The Perjanjian Kinerja of a year: sasaran, indicators and targets, and the programs' budget."""
    from lkip_rules.reports import pk_view
    from lkip_rules.reports.pk import perjanjian_kinerja

    found, data = _open(catalog, data_file)
    agreement = perjanjian_kinerja(found, _year(data, year), data)
    if fmt == "table":
        for table in pk_view.tables(found, agreement, lang):
            _console().print(table)
    else:
        click.echo(pk_view.text(agreement, lang, fmt), nl=False)


@main.command("chart")
@click.argument("catalog", required=False)
@YEAR
@QUARTER
@LANG
@click.option("--output", type=click.Path(file_okay=False, path_type=Path), required=True, help="Folder for PNG files.")
@DATA
@reports_errors
def chart_command(
    catalog: str | None, year: int | None, quarter: int | None, lang: Lang, output: Path, data_file: Path | None
) -> None:
    """PNG charts like the report's Gambar 3.1-3.6: target and realisation, this year, last year, end target."""
    from lkip_rules.reports.charts import write_all

    found, data = _open(catalog, data_file)
    for path in write_all(found, found.evaluate(_year(data, year), data, quarter=quarter), output, lang):
        click.echo(str(path))


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
@_keys
@reports_errors
def sql_command(
    catalog: str | None,
    source: str,
    columns_from: Path | None,
    entity: str,
    year_column: str,
    quarter_column: str | None,
) -> None:
    """Print the SQL that evaluates CATALOG over a table of (entity, year[, quarter], inputs...).

    Declared inputs the table lacks are read as missing; a column named like an indicator is a
    realisation given directly. Without --columns-from, every declared input is assumed present.
    """
    from lkip_rules.bulk import columns_of, sql

    found = load_catalog(catalog if catalog is not None else BUNDLED_CATALOG)
    columns = columns_of(columns_from) if columns_from is not None else None
    click.echo(sql(found, source, columns=columns, entity=entity, year=year_column, quarter=quarter_column), nl=False)


@main.command("bulk")
@click.argument("catalog", required=False)
@click.option(
    "--input",
    "source",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    required=True,
    help="Parquet or CSV: one row per (entity, year[, quarter]), one column per input.",
)
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="Parquet file to write.")
@click.option("--engine", type=click.Choice(["duckdb", "polars"]), default="duckdb", show_default=True)
@_keys
@reports_errors
def bulk_command(
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
    replaced = _target_file(output)
    keys: dict[str, Any] = {"entity": entity, "year": year_column, "quarter": quarter_column}
    for note in column_report(found, columns_of(source, engine), [k for k in keys.values() if k]):
        click.echo(f"note: {note}", err=True)
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=Console(file=sys.stderr),
        transient=True,
    ) as progress:
        task = progress.add_task(f"{engine}: evaluating {source.name}", total=None)
        if engine == "duckdb":
            from lkip_rules.bulk import run_duckdb

            rows = run_duckdb(found, source, output, **keys)
        else:
            rows = _bulk_polars(found, source, output, keys)
        progress.update(task, completed=1, total=1)
    note = " (replaced the earlier file)" if replaced else ""
    click.echo(f"{output}: {rows:,} rows ({len(found.indicators)} indicators){note}")


def _bulk_polars(catalog: Catalog, source: Path, output: Path, keys: dict[str, Any]) -> int:
    from lkip_rules._optional import require

    pl = require("polars", "bulk")

    from lkip_rules.bulk import BulkError, evaluate_frame

    suffix = source.suffix.lower()
    if suffix == ".parquet":
        frame = pl.scan_parquet(source)
    elif suffix == ".csv":
        frame = pl.scan_csv(source, infer_schema_length=0)  # every cell as text; numbers are checked later
        try:
            names = frame.collect_schema().names()
        except pl.exceptions.PolarsError as exc:
            raise BulkError(f"{source}: cannot read the CSV file ({str(exc).splitlines()[0]})") from None
        numbers = [k for k in (keys["year"], keys["quarter"]) if k and k in names]
        frame = frame.with_columns([pl.col(k).cast(pl.Int64) for k in numbers])
    else:
        raise BulkError(f"{source}: give a .parquet or .csv file")
    result = evaluate_frame(catalog, frame, **keys)
    result.write_parquet(output)
    return int(result.height)


@main.command("formula")
@click.argument("text")
@click.argument("assignments", nargs=-1)
@click.option("--year", type=int, default=None, help="The year N, for references such as x[N-1].")
@reports_errors
def formula_command(text: str, assignments: tuple[str, ...], year: int | None) -> None:
    """Evaluate formula TEXT on values given as NAME=VALUE or NAME:YEAR=VALUE.

    \b
    Example:
      lkip formula "jumlah_nib / koperasi_aktif * 100" jumlah_nib=60 koperasi_aktif=982
      lkip formula "growth(volume_usaha)" volume_usaha:2024=100 volume_usaha:2025=125 --year 2025
    """
    values: dict[str, object] = {}
    for item in assignments:
        match = _ASSIGNMENT.fullmatch(item)
        if match is None:
            raise click.BadParameter(f"{item!r}: write NAME=VALUE or NAME:YEAR=VALUE", param_hint="values")
        name, at, value = match["name"], match["year"], match["value"]
        if at is None:
            values[name] = value
        else:
            by_year = values.setdefault(name, {})
            if not isinstance(by_year, dict):
                raise click.BadParameter(f"{name} is given both with and without a year")
            by_year[int(at)] = value
    formula = parse_formula(text)
    result: Decimal = formula.evaluate(values, year=year)
    click.echo(f"{formula} = {format(result, 'f')}")


@main.command("template")
@click.argument("catalog", required=False)
@click.option("--year", type=click.IntRange(1900, 2200), required=True, help="The year the form is for.")
@click.option("--quarterly", is_flag=True, help="Quarter columns (Triwulan I-IV) for inputs with a rollup.")
@click.option("--output", type=click.Path(path_type=Path), required=True, help="The workbook to write (.xlsx).")
@reports_errors
def template_command(catalog: str | None, year: int, quarterly: bool, output: Path) -> None:
    """Write the Excel form a planner fills in with the year's figures; read it back with --data."""
    from lkip_rules.forms import write_template

    if output.suffix.lower() != ".xlsx":
        raise click.UsageError(f"--output writes a workbook: name it .xlsx, not {output.name}")
    replaced = _target_file(output)
    found = load_catalog(catalog if catalog is not None else BUNDLED_CATALOG)
    for note in write_template(found, year, output, quarterly=quarterly):
        click.echo(f"note: {note}", err=True)
    _written(output, replaced)


@main.command("import")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--into", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The data file to write.")
@click.option("--replace", is_flag=True, help="Write figures over the file's different ones (each is listed).")
@reports_errors
def import_command(source: Path, into: Path, replace: bool) -> None:
    """Write the figures of SOURCE (a form, a CSV, a TOML data file) into a catalog's data file."""
    from lkip_rules.datafiles import read
    from lkip_rules.forms import import_figures
    from lkip_rules.forms.importer import catalog_of, report

    result = import_figures(read(source), into, replace=replace, catalog=catalog_of(into))
    for line in report(result):
        click.echo(line)
