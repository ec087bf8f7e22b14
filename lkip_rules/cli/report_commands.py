"""``lkip report``: the chapter (Bab III) of a year as Word, a web page, Markdown or Excel."""

from __future__ import annotations

from pathlib import Path

import click

from lkip_rules.cli.app import (
    DATA,
    LANG,
    QUARTER,
    YEAR,
    main,
    open_catalog,
    pick_year,
    reports_errors,
    target_file,
    written,
)
from lkip_rules.locale import Lang

SUFFIXES = {".docx": "docx", ".html": "html", ".htm": "html", ".md": "md", ".xlsx": "xlsx"}


@main.command("report")
@click.argument("catalog", required=False)
@YEAR
@QUARTER
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(set(SUFFIXES.values()))),
    default=None,
    help="docx (Word), html (one web page), md (Markdown, charts beside it), xlsx (a sheet per table).",
)
@LANG
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The file to write; its extension gives the format when --format is not given.",
)
@DATA
@reports_errors
def report_command(
    catalog: str | None,
    year: int | None,
    quarter: int | None,
    fmt: str | None,
    lang: Lang,
    output: Path,
    data_file: Path | None,
) -> None:
    """The chapter of the LKIP (Bab III) for a year: every sasaran and its indicators, the
    analysis to start from, the efficiency of resources and the budget realisation.

    \b
    Example:
      lkip report --year 2025 --output bab-3.docx
    """
    from lkip_rules.reports.chapter import make_report, write

    chosen = fmt or SUFFIXES.get(output.suffix.lower())
    if chosen is None:
        raise click.UsageError(f"give --format docx, html, md or xlsx: the name {output.name} does not tell which")
    replaced = target_file(output)
    found, data = open_catalog(catalog, data_file)
    report = make_report(found, pick_year(data, year), data=data, quarter=quarter, lang=lang)
    for path in write(report, output, chosen):
        if path == output:
            written(output, replaced)
        else:
            click.echo(str(path))
