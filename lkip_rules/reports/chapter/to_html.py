"""The chapter as one self-contained web page: the CSS is inline and every chart an SVG inside a
``data:`` URI, so the file opens anywhere, offline, and prints on A4 as it shows."""

from __future__ import annotations

import base64
import html
from pathlib import Path

from lkip_rules.reports.chapter import pictures
from lkip_rules.reports.chapter.show import (
    NUMERIC,
    cell_text,
    clean,
    figure_caption,
    indented,
    marks,
    spans,
    table_caption,
    top_of_tree,
    value_text,
)
from lkip_rules.reports.chapter.words import when
from lkip_rules.reports.model import Figure, Paragraph, Report, Row, Section, Table

STYLE = """
body { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 11pt; line-height: 1.45;
       color: #1a1a1a; margin: 0; background: #f4f4f4; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 2.5rem 4rem; background: #fff; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; color: #17365d; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 .6rem; color: #17365d; border-bottom: 2px solid #17365d; }
h3 { font-size: 1.12rem; margin: 1.8rem 0 .5rem; color: #1f4e79; }
h4 { font-size: 1rem; margin: 1.4rem 0 .4rem; color: #1f4e79; font-style: italic; }
p { margin: .4rem 0 .7rem; text-align: justify; }
p.agency { color: #555; margin-bottom: 1.5rem; text-align: left; }
p.note { font-style: italic; color: #444; }
p.placeholder { background: #fff3a8; border-left: 4px solid #e0b000; padding: .4rem .6rem; font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0 .4rem; font-size: 9pt; }
caption { caption-side: top; text-align: left; font-weight: bold; color: #1f4e79; padding: .3rem 0; }
th, td { border: 1px solid #8c8c8c; padding: .2rem .35rem; vertical-align: top; }
th { background: #d9d9d9; text-align: center; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.group td { background: #f2f2f2; font-weight: bold; }
tr.total td, tr.top td { font-weight: bold; }
sup { color: #b2182b; }
ul.notes { list-style: none; padding: 0; margin: 0 0 1rem; font-size: 8.5pt; color: #333; }
figure { margin: 1rem 0 1.2rem; text-align: center; }
figure img { max-width: 100%; height: auto; }
figcaption { font-weight: bold; color: #1f4e79; font-size: 9.5pt; margin-top: .3rem; }
@media print { body { background: #fff; } main { max-width: none; padding: 0; }
  tr, figure { break-inside: avoid; } thead { display: table-header-group; } }
@page { size: A4; margin: 2cm; }
"""


def write_html(report: Report, path: Path) -> Path:
    """Write ``report`` to ``path`` as one .html file; the path written."""
    path.write_text(html_text(report), "utf-8")
    return path


def html_text(report: Report) -> str:
    """The page, whole: nothing it shows is fetched from anywhere."""
    body = "\n".join(_section(section, report) for section in report.sections)
    title = _text(report.title)
    agency = _text(f"{report.agency} \u2014 {when(report.year, report.quarter, report.lang)}")
    return (
        f'<!DOCTYPE html>\n<html lang="{report.lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title} \u2014 {agency}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
        f'<h1>{title}</h1>\n<p class="agency">{agency}</p>\n{body}\n</main>\n</body>\n</html>\n'
    )


def _text(text: str) -> str:
    return html.escape(clean(text), quote=True)


def _section(section: Section, report: Report) -> str:
    level = min(section.level + 1, 6)
    parts = [f"<section>\n<h{level}>{_text(section.title)}</h{level}>"]
    for block in section.blocks:
        if isinstance(block, Section):
            parts.append(_section(block, report))
        elif isinstance(block, Table):
            parts.append(_table(block, report))
        elif isinstance(block, Figure):
            parts.append(_figure(block, report))
        else:
            parts.append(_paragraph(block))
    parts.append("</section>")
    return "\n".join(parts)


def _paragraph(block: Paragraph) -> str:
    style = f' class="{block.style}"' if block.style != "body" else ""
    return f"<p{style}>{_text(block.text)}</p>"


def _figure(figure: Figure, report: Report) -> str:
    """The chart as an SVG inside the page (its notes are printed in the chart)."""
    svg = base64.b64encode(pictures.draw(figure, "svg", report.lang)).decode("ascii")
    caption = _text(figure_caption(figure, report.lang))
    return (
        f'<figure id="{html.escape(figure.key)}">\n<img src="data:image/svg+xml;base64,{svg}" alt="{caption}">\n'
        f"<figcaption>{caption}</figcaption>\n</figure>"
    )


def _table(table: Table, report: Report) -> str:
    head = "".join(f'<th scope="col">{_text(column.title)}</th>' for column in table.columns)
    rows = "\n".join(_row(row, table, report) for row in table.rows)
    notes = "".join(f"<li>{_text(note)}</li>" for note in table.notes)
    return (
        f"<table>\n<caption>{_text(table_caption(table, report.lang))}</caption>\n"
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>"
        + (f'\n<ul class="notes">{notes}</ul>' if notes else "")
    )


def _row(row: Row, table: Table, report: Report) -> str:
    kind = "top" if top_of_tree(table, row) else row.kind
    if spans(row):
        shown = _text(cell_text(row.cells[0], table.columns[0], report.lang, row))
        return f'<tr class="group"><td colspan="{len(table.columns)}">{shown}</td></tr>'
    name = indented(table)
    cells = []
    for position, (cell, column) in enumerate(zip(row.cells, table.columns, strict=True)):
        shown = _text(value_text(cell, column, report.lang, row))
        if marks(cell):  # the signs of its flags, raised as in print
            shown += f"<sup>{_text(marks(cell))}</sup>"
        style = f' style="padding-left:{0.35 + 1.1 * row.depth:.2f}em"' if position == name and row.depth else ""
        numeric = ' class="num"' if column.kind in NUMERIC else ""
        cells.append(f"<td{numeric}{style}>{shown}</td>")
    return f'<tr class="{kind}">{"".join(cells)}</tr>'
