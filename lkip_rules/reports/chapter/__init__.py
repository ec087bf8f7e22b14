"""The LKIP chapter (Bab III, PermenPAN-RB 53/2014) as one report model, and its renderers.

>>> report = make_report(catalog, 2025, lang="id")        # doctest: +SKIP
>>> write(report, Path("bab-3.docx"), "docx")              # doctest: +SKIP

``build`` makes the model from results already computed; the renderers (Word, a self-contained
web page, Markdown; Excel in ``reports.workbook``) each read the same model, so every format shows
the same tables, numbered the same, with the same figures. See docs/report.md.
"""

from __future__ import annotations

from pathlib import Path

from lkip_rules.errors import ArgumentError
from lkip_rules.reports.chapter.build import build, make_report
from lkip_rules.reports.chapter.to_docx import write_docx
from lkip_rules.reports.chapter.to_html import write_html
from lkip_rules.reports.chapter.to_markdown import write_markdown
from lkip_rules.reports.model import Report

FORMATS = ("docx", "html", "md", "xlsx")

__all__ = ["FORMATS", "build", "make_report", "write", "write_docx", "write_html", "write_markdown"]


def write(report: Report, path: Path, fmt: str) -> list[Path]:
    """Write ``report`` to ``path`` as ``fmt`` (docx, html, md, xlsx); every file written, ``path``
    first (Markdown's charts follow it)."""
    if fmt == "docx":
        return [write_docx(report, path)]
    if fmt == "html":
        return [write_html(report, path)]
    if fmt == "md":
        return write_markdown(report, path)
    if fmt == "xlsx":
        from lkip_rules.reports.workbook import write_workbook

        write_workbook(report, path)
        return [path]
    raise ArgumentError(f"unknown report format {fmt!r}; use one of: {', '.join(FORMATS)}")
