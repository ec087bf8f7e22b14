"""Build the chapter (Bab III) of one year as a :class:`~lkip_rules.reports.model.Report`.

``make_report`` evaluates what the chapter needs — the year's results (up to a quarter), last
year's, and the audit of what the report printed — and ``build`` lays it out. Tables and figures
are numbered last, in the order they are printed: "Tabel 3.1", "Gambar 3.1", ...
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from lkip_rules.audit import Audit, audit
from lkip_rules.catalog import check_quarter, check_year
from lkip_rules.catalog.model import Data
from lkip_rules.errors import ArgumentError
from lkip_rules.locale import Lang
from lkip_rules.reports.chapter.cells import findings_by_cell
from lkip_rules.reports.chapter.context import Block, Context, names_of
from lkip_rules.reports.chapter.sections import budget_part, performance_part
from lkip_rules.reports.chapter.words import word
from lkip_rules.reports.model import Figure, Report, Section, Table
from lkip_rules.results import Results

if TYPE_CHECKING:
    from lkip_rules.api import Catalog

CHAPTER = 3  # Bab III: tables and figures are numbered 3.1, 3.2, ...


def make_report(
    catalog: Catalog, year: int, *, data: Data | None = None, quarter: int | None = None, lang: Lang = "id"
) -> Report:
    """The chapter of ``year`` (up to ``quarter``) from the catalog's figures, or ``data``."""
    year, quarter = check_year(year), check_quarter(quarter)
    figures = catalog.data if data is None else data
    results = catalog.evaluate(year, figures, quarter=quarter)
    previous = catalog.evaluate(year - 1, figures) if year - 1 in figures.years else None
    found = audit(catalog, year, figures, quarter=quarter)
    return build(catalog, results, data=figures, previous=previous, audit=found, lang=lang)


def build(
    catalog: Catalog,
    results: Results,
    *,
    data: Data | None = None,
    previous: Results | None = None,
    audit: Audit | None = None,
    lang: Lang = "id",
) -> Report:
    """The chapter from results already computed: ``previous`` puts last year's budget beside this
    year's; ``audit`` marks the figures the printed report got wrong."""
    if lang not in ("id", "en"):
        raise ArgumentError(f"lang must be 'id' or 'en', not {lang!r}")
    figures = catalog.data if data is None else data
    ctx = Context(catalog, results, figures, previous, findings_by_cell(audit), lang, names_of(catalog))
    sections = (performance_part(ctx), budget_part(ctx))
    return Report(word("chapter", lang), catalog.info.name, results.year, results.quarter, lang, numbered(sections))


def numbered(sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """Every table and figure numbered "3.n" in the order printed, tables and figures apart."""
    tables, figures = itertools.count(1), itertools.count(1)

    def walk(blocks: tuple[Block, ...]) -> Iterator[Block]:
        for block in blocks:
            if isinstance(block, Section):
                yield attrs.evolve(block, blocks=tuple(walk(block.blocks)))
            elif isinstance(block, Table):
                yield attrs.evolve(block, number=f"{CHAPTER}.{next(tables)}")
            elif isinstance(block, Figure):
                n = next(figures)
                yield attrs.evolve(block, number=f"{CHAPTER}.{n}", key=f"gambar-{CHAPTER}-{n}-{block.key}".rstrip("-"))
            else:
                yield block

    return tuple(section for section in walk(sections) if isinstance(section, Section))
