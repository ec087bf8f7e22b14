"""Excel like the report: every table of a :class:`~lkip_rules.reports.model.Report` (or any list of
tables) as a sheet of one workbook, ready to hand around or paste into the LKIP.

What a sheet looks like — the title, a frozen header with filters, figures in number formats from
their decimals, rupiah whole with thousands, a range target as two numbers, totals as live SUM
formulas that give our totals, marks for provisional and audited figures — is told in
``docs/excel.md``; the layout is :mod:`workbook_layout`, the writing :mod:`workbook_sheet`.
openpyxl (extra ``excel``) is imported only when a workbook is written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lkip_rules._optional import require
from lkip_rules.errors import LkipError
from lkip_rules.locale import Lang
from lkip_rules.reports.evaluation_tables import evaluation_tables
from lkip_rules.reports.model import Report, Table
from lkip_rules.reports.workbook_layout import CONTROL
from lkip_rules.reports.workbook_sheet import write_table

if TYPE_CHECKING:
    from lkip_rules.api import Catalog
    from lkip_rules.catalog.model import Data
    from lkip_rules.results import Results

MAX_NAME = 31  # characters of an Excel sheet name
_NOT_IN_NAMES = re.compile(r"[\[\]:*?/\\\x00-\x1f\ud800-\udfff\ufffe\uffff]")  # what Excel refuses in a sheet name
_QUOTES = str.maketrans("", "", "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb")  # straight and curly quotes
# Words a cut name should not end with (Indonesian and English connectives).
_DANGLING = frozenset(("dan", "dengan", "untuk", "yang", "di", "ke", "dari", "per", "thd"))
_DANGLING |= frozenset(("and", "of", "the", "with", "for", "to", "in"))
_RESERVED = {"history"}  # Excel keeps this sheet name for itself
EMPTY = {"id": "Tanpa tabel", "en": "No tables"}


def write_workbook(report: Report, path: Path) -> None:
    """The report's tables, one sheet each, in the order printed."""
    write_tables(report.tables(), path, report.lang, title=report.title)


def write_tables(tables: Sequence[Table], path: Path, lang: Lang = "id", title: str = "") -> None:
    """``tables`` as a workbook at ``path``, one sheet each (a workbook without tables gets one
    empty sheet saying so: Excel opens no workbook without a sheet)."""
    openpyxl = require("openpyxl", "excel")
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, table in zip(sheet_names(tables), tables, strict=True):
        write_table(book.create_sheet(name), table, lang)
    if not tables:
        book.create_sheet(EMPTY[lang])
    book.properties.creator = "lkip-rules"
    book.properties.title = _property(title)
    save(book, path)


def sheet_names(tables: Sequence[Table]) -> list[str]:
    """A name per table from its number and title ("3.1 Capaian Kinerja ..."): at most 31
    characters, cut between words, without the characters Excel refuses, unique (Excel compares
    names without case); "Tabel 2" and on when nothing is left."""
    names: list[str] = []
    taken: set[str] = set()
    for position, table in enumerate(tables, start=1):
        base = _short(f"{table.number} {table.title}".strip()) or f"Tabel {position}"
        name, copy = base, 1
        while name.casefold() in taken or name.casefold() in _RESERVED:
            copy += 1
            name = f"{base[: MAX_NAME - len(str(copy)) - 3].rstrip()} ({copy})"
        taken.add(name.casefold())
        names.append(name)
    return names


def _short(text: str) -> str:
    """``text`` fit for a sheet name, without quotes; a long one keeps the part before " — " when
    that fits, else the words that fit, without a dangling "dan" or "of" at the end."""
    text = " ".join(_NOT_IN_NAMES.sub(" ", text).translate(_QUOTES).split())
    if len(text) > MAX_NAME and " — " in text:
        text = text.split(" — ")[0]
    if len(text) > MAX_NAME:
        words = text[: MAX_NAME + 1].split(" ")[:-1] if " " in text[:MAX_NAME] else [text[:MAX_NAME]]
        while len(words) > 1 and words[-1].casefold() in _DANGLING:
            words.pop()
        text = " ".join(words)
    return text.strip(" -—,.;(")


def _property(text: str) -> str:
    """A document property: XML carries no control characters; Excel shows a short title."""
    return CONTROL.sub(" ", text).strip()[:255]


def save(book: Any, path: Path) -> None:
    try:
        book.save(path)
    except (OSError, ValueError) as exc:  # ValueError: a path with a NUL in it
        raise LkipError(f"{path}: cannot write the workbook: {getattr(exc, 'strerror', None) or exc}") from None


def xlsx(catalog: Catalog, results: Results, lang: Lang, path: Path, data: Data | None = None) -> None:
    """A workbook like the report: the achievement table and the budget lines, one sheet each (see
    ``docs/excel.md``). ``data`` gives the pagu murni column: pass the figures evaluated (default:
    the catalog's own data folder)."""
    write_tables(evaluation_tables(catalog, results, lang, data), path, lang, title=catalog.info.name)
