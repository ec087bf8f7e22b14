"""Commands for figures: formula (try the language), template (the Excel form), import."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import click

from lkip_rules import BUNDLED_CATALOG, load_catalog, parse_formula
from lkip_rules.cli.app import (
    LANG,
    main,
    reports_errors,
    target_file,
    written,
)
from lkip_rules.cli.words import library, say
from lkip_rules.locale import Lang

_ASSIGNMENT = re.compile(r"(?P<name>[a-z_][a-z0-9_.]*)(?::(?P<year>[0-9]{4}))?=(?P<value>.+)")


@main.command("formula")
@click.argument("text")
@click.argument("assignments", nargs=-1)
@click.option("--year", type=int, default=None, help="The year N, for references such as x[N-1].")
@LANG
@reports_errors
def formula_command(text: str, assignments: tuple[str, ...], year: int | None, lang: Lang) -> None:
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
@LANG
@reports_errors
def template_command(catalog: str | None, year: int, quarterly: bool, output: Path, lang: Lang) -> None:
    """Write the Excel form a planner fills in with the year's figures; read it back with --data."""
    from lkip_rules.forms import write_template

    if output.suffix.lower() != ".xlsx":
        raise click.UsageError(f"--output writes a workbook: name it .xlsx, not {output.name}")
    replaced = target_file(output)
    found = load_catalog(catalog if catalog is not None else BUNDLED_CATALOG)
    for note in write_template(found, year, output, quarterly=quarterly):
        click.echo(say("note", text=library(note)), err=True)
    written(output, replaced)


@main.command("import")
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--into", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The data file to write.")
@click.option("--replace", is_flag=True, help="Write figures over the file's different ones (each is listed).")
@LANG
@reports_errors
def import_command(source: Path, into: Path, replace: bool, lang: Lang) -> None:
    """Write the figures of SOURCE (a form, a CSV, a TOML data file) into a catalog's data file."""
    from lkip_rules.datafiles import read
    from lkip_rules.forms import import_figures
    from lkip_rules.forms.importer import catalog_of, report

    result = import_figures(read(source), into, replace=replace, catalog=catalog_of(into))
    for line in report(result):
        click.echo(library(line))
