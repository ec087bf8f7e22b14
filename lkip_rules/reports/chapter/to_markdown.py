"""The chapter as Markdown: headings, pipe tables, and the charts as PNG files in a folder next to
the .md file (``bab-3.md`` gets ``bab-3_files/gambar-3-1-capaian.png``), linked by relative path.

Markdown has no merged cells or indentation: a sasaran row spanning a table keeps its name in the
first cell, in bold, and a kegiatan is indented under its program with em spaces, which every
renderer keeps.
"""

from __future__ import annotations

import re
from pathlib import Path

from lkip_rules.reports.chapter import pictures
from lkip_rules.reports.chapter.show import NUMERIC, cell_text, clean, figure_caption, indented, table_caption
from lkip_rules.reports.chapter.words import when
from lkip_rules.reports.model import Figure, Paragraph, Report, Row, Section, Table

EM_SPACE = "\u2003"
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")  # what Markdown would read as markup


def write_markdown(report: Report, path: Path) -> list[Path]:
    """Write ``report`` to ``path`` and its charts to ``<stem>_files/``; every file written."""
    folder = path.parent / f"{path.stem}_files"
    images: dict[str, str] = {}
    written: list[Path] = []
    figures = report.figures()
    if figures:
        folder.mkdir(exist_ok=True)
    for figure in figures:
        image = folder / f"{figure.key or 'gambar-' + figure.number.replace('.', '-')}.png"
        image.write_bytes(pictures.draw(figure, "png", report.lang))
        images[figure.number] = f"{folder.name}/{image.name}"
        written.append(image)
    path.write_text(markdown_text(report, images), "utf-8")
    return [path, *written]


def markdown_text(report: Report, images: dict[str, str] | None = None) -> str:
    """The chapter's text; ``images`` maps a figure's number to the path of its picture."""
    agency = f"{report.agency} \u2014 {when(report.year, report.quarter, report.lang)}"
    lines = [f"# {_escape(report.title)}", "", _escape(agency), ""]
    for section in report.sections:
        lines += _section(section, report, images or {})
    return "\n".join(lines).rstrip("\n") + "\n"


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", clean(text).replace("\n", " "))


def _section(section: Section, report: Report, images: dict[str, str]) -> list[str]:
    lines = [f"{'#' * min(section.level + 1, 6)} {_escape(section.title)}", ""]
    for block in section.blocks:
        if isinstance(block, Section):
            lines += _section(block, report, images)
        elif isinstance(block, Table):
            lines += _table(block, report)
        elif isinstance(block, Figure):
            lines += _figure(block, report, images)
        else:
            lines += _paragraph(block)
    return lines


def _paragraph(block: Paragraph) -> list[str]:
    text = _escape(block.text)
    if block.style == "placeholder":
        return [f"> **{text}**", ""]
    if block.style == "note":
        return [f"_{text}_", ""]
    return [text, ""]


def _figure(figure: Figure, report: Report, images: dict[str, str]) -> list[str]:
    caption = _escape(figure_caption(figure, report.lang))
    where = images.get(figure.number)
    picture = [f"![{caption}]({where})", ""] if where else []
    return [*picture, f"**{caption}**", ""]


def _table(table: Table, report: Report) -> list[str]:
    lines = [f"**{_escape(table_caption(table, report.lang))}**", ""]
    lines.append("| " + " | ".join(_escape(column.title) for column in table.columns) + " |")
    lines.append("|" + "|".join("---:" if column.kind in NUMERIC else "---" for column in table.columns) + "|")
    lines += [_row(row, table, report) for row in table.rows]
    lines.append("")
    for note in table.notes:
        lines += [_escape(note), ""]
    return lines


def _row(row: Row, table: Table, report: Report) -> str:
    name = indented(table)
    cells = []
    for position, (cell, column) in enumerate(zip(row.cells, table.columns, strict=True)):
        text = _escape(cell_text(cell, column, report.lang, row))
        if position == name and row.depth:
            text = EM_SPACE * (2 * row.depth) + text
        if row.kind in ("group", "total") and text:
            text = f"**{text}**"
        cells.append(text)
    return "| " + " | ".join(cells) + " |"
