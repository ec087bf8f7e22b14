"""The ``lkip`` command. A face: it uses the public API and nothing private."""

from __future__ import annotations

import re
import sys
from decimal import Decimal

import click

from lkip_rules import LkipError, load_catalog, parse_formula

_ASSIGNMENT = re.compile(r"(?P<name>[a-z_][a-z0-9_.]*)(?::(?P<year>[0-9]{4}))?=(?P<value>.+)")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="lkip-rules")
def main() -> None:
    """lkip-rules: exact, explained SAKIP / LKIP performance measurement."""


@main.command("formula")
@click.argument("text")
@click.argument("assignments", nargs=-1)
@click.option("--year", type=int, default=None, help="The year N, for references such as x[N-1].")
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
    try:
        formula = parse_formula(text)
        result = formula.evaluate(values, year=year)
    except LkipError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    click.echo(f"{formula} = {_plain(result)}")


def _plain(value: Decimal) -> str:
    return format(value, "f")


@main.command("check")
@click.argument("catalog", type=click.Path(exists=True))
def check_command(catalog: str) -> None:
    """Validate CATALOG (a folder or a TOML file) and its data; exit 1 on any error."""
    try:
        issues = load_catalog(catalog).validate()
    except LkipError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    for issue in issues:
        click.echo(str(issue))
    errors = sum(issue.severity == "error" for issue in issues)
    warnings = len(issues) - errors
    click.echo(f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}")
    sys.exit(1 if errors else 0)
