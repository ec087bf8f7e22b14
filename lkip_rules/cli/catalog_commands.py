"""Commands over one catalog and a year: check, evaluate, explain, audit, tree, pk, chart."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from lkip_rules import BUNDLED_CATALOG, load_catalog
from lkip_rules.cli.app import (
    DATA,
    LANG,
    QUARTER,
    YEAR,
    console,
    is_path,
    main,
    open_catalog,
    pick_year,
    reports_errors,
    target_file,
    written,
)
from lkip_rules.locale import Lang


@main.command("check")
@click.argument("catalog", required=False)
@DATA
@LANG
@reports_errors
def check_command(catalog: str | None, data_file: Path | None, lang: Lang) -> None:
    """Validate CATALOG and its data (and --data FILE); exit 1 on any error."""
    from lkip_rules.validation import data_files

    found = load_catalog(catalog if catalog is not None else BUNDLED_CATALOG)
    issues = found.validate()
    if data_file is not None:
        from lkip_rules.datafiles import read

        issues += list(data_files(found, read(data_file)))
    for issue in issues:
        click.echo(issue.said(lang))
    errors = sum(issue.severity == "error" for issue in issues)
    warnings = len(issues) - errors
    if lang == "en":
        click.echo(f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}")
    else:
        click.echo(f"{errors} galat, {warnings} peringatan")
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
    help="Output format.",
)
@LANG
@click.option("--output", type=click.Path(path_type=Path), default=None, help="Write to this file.")
@DATA
@click.option("--wide", is_flag=True, help="Every column, as wide as it takes (the default table fits the terminal).")
@reports_errors
def evaluate_command(
    catalog: str | None,
    year: int | None,
    quarter: int | None,
    fmt: str,
    lang: Lang,
    output: Path | None,
    data_file: Path | None,
    wide: bool,
) -> None:
    """Realisation, achievement and category of every indicator (like Tabel 3.1)."""
    from lkip_rules.reports import tables

    replaced = target_file(output) if output is not None else False
    found, data = open_catalog(catalog, data_file)
    results = found.evaluate(pick_year(data, year), data, quarter=quarter)
    if fmt == "xlsx":
        if output is None:
            raise click.UsageError("--format xlsx needs --output FILE.xlsx")
        from lkip_rules.reports import workbook

        workbook.xlsx(found, results, lang, output, data)
        written(output, replaced)
        return
    if fmt == "table" and output is None:
        from lkip_rules.reports.terminal import evaluation_table

        console(wide=wide).print(evaluation_table(found, results, lang, wide=wide))
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
        written(output, replaced)


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
    if catalog is None and is_path(indicator):
        raise click.UsageError(f"give the indicator id after the catalog: lkip explain {indicator} ID")
    found, data = open_catalog(catalog, data_file)
    if indicator not in found.indicators:
        from lkip_rules._suggest import closest

        near = closest(indicator, found.indicators)
        hint = f"; did you mean '{near}'?" if near else ""
        raise click.UsageError(f"'{indicator}' is not an indicator of {found.info.id}{hint}")
    result = explain(found, indicator, pick_year(data, year), lang=lang, data=data, quarter=quarter)
    for step in result.steps:
        click.echo(step)
    click.echo("")
    click.echo(result.sentence)


AUDIT_TABLE_WIDTH = 140  # narrower, the seven columns fold every word: a block per finding instead


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
    from lkip_rules.reports.audit import blocks, summary, table

    found, data = open_catalog(catalog, data_file)
    the_year = pick_year(data, year)
    report = audit(found, the_year, data, quarter=quarter)
    terminal = console()
    click.echo(summary(report, lang, terminal.width))
    shown = [f for f in report if not (hide_info and f.severity == "info")]
    if shown and terminal.width >= AUDIT_TABLE_WIDTH:
        terminal.print(table(report, shown, lang))
    elif shown:
        click.echo(blocks(report, shown, lang, terminal.width))
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

    found, data = open_catalog(catalog, data_file)
    console().print(build(found, found.evaluate(pick_year(data, year), data, quarter=quarter), lang))


@main.command("pk")
@click.argument("catalog", required=False)
@YEAR
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "markdown", "csv"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@LANG
@DATA
@reports_errors
def pk_command(catalog: str | None, year: int | None, fmt: str, lang: Lang, data_file: Path | None) -> None:
    """The Perjanjian Kinerja of a year: sasaran, indicators and targets, and the programs' budget."""
    from lkip_rules.reports import pk_view
    from lkip_rules.reports.pk import perjanjian_kinerja

    found, data = open_catalog(catalog, data_file)
    agreement = perjanjian_kinerja(found, pick_year(data, year), data)
    if fmt == "table":
        for table in pk_view.tables(found, agreement, lang):
            console().print(table)
    else:
        click.echo(pk_view.text(agreement, lang, fmt), nl=False)


@main.command("chart")
@click.argument("catalog", required=False)
@YEAR
@QUARTER
@LANG
@click.option(
    "--output", type=click.Path(file_okay=False, path_type=Path), required=True, help="Folder for the chart files."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["png", "svg", "both"]),
    default="png",
    show_default=True,
    help="png: 300 dpi pictures for Word; svg: drawings that scale; both: one of each.",
)
@DATA
@reports_errors
def chart_command(
    catalog: str | None,
    year: int | None,
    quarter: int | None,
    lang: Lang,
    output: Path,
    fmt: str,
    data_file: Path | None,
) -> None:
    """Charts like the report's Gambar 3.1-3.6 (PNG at 300 dpi, or SVG): target and realisation, last year,
    end target, the trend over the years, and every achievement against 100%."""
    from lkip_rules.reports.charts import FORMATS, write_all

    found, data = open_catalog(catalog, data_file)
    results = found.evaluate(pick_year(data, year), data, quarter=quarter)
    formats = FORMATS if fmt == "both" else tuple(f for f in FORMATS if f == fmt)
    for path in write_all(found, results, output, lang, formats):
        click.echo(str(path))
