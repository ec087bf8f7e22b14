"""The money in the chapter: the budget behind each indicator, the efficiency of each sasaran,
and the budget realisation of the agency this year and beside last year.

Budget lines are listed as a tree — program, its kegiatan, their sub kegiatan — each under its
parent, indented by depth; a total adds up the top lines only (a program's kegiatan are already
inside its pagu).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from lkip_rules.budget import BudgetResult, BudgetSummary
from lkip_rules.catalog.model import BudgetLine
from lkip_rules.reports.chapter.cells import HUNDRED, Marks, figure, money
from lkip_rules.reports.chapter.context import Context
from lkip_rules.reports.model import Cell, Column, Flag, Row, Table
from lkip_rules.results import IndicatorResult

SERAPAN_DECIMALS = 2  # as the evaluation rounds absorption


def tree(ctx: Context, tops: Sequence[str]) -> Iterator[tuple[BudgetLine, int]]:
    """The lines ``tops`` in catalog order, each followed by the lines under it, with their depth."""
    children: dict[str, list[BudgetLine]] = {}
    for line in ctx.catalog.budget.values():
        if line.parent is not None:
            children.setdefault(line.parent, []).append(line)
    wanted = set(tops)
    seen: set[str] = set()
    stack = [(line, 0) for line in reversed(list(ctx.catalog.budget.values())) if line.id in wanted]
    while stack:
        line, depth = stack.pop()
        if line.id in seen:  # a parent cycle in a broken catalog ends here
            continue
        seen.add(line.id)
        yield line, depth
        stack += [(child, depth + 1) for child in reversed(children.get(line.id, []))]


def top_lines(ctx: Context) -> list[str]:
    """The programs: lines with no parent among the budget lines."""
    return [line.id for line in ctx.catalog.budget.values() if line.parent not in ctx.catalog.budget]


# -- the budget behind one indicator ------------------------------------------------------------


def allocation_table(ctx: Context, result: IndicatorResult) -> Table | None:
    """Each program, kegiatan and sub kegiatan behind ``result``, with the indicators it supports
    and their achievement, its pagu, realisasi and serapan, and the total; None without budget."""
    summary = result.budget
    if summary is None or not summary.lines:
        return None
    marks = ctx.marks()
    columns = (
        Column("line", ctx.word("c_line")),
        Column("indicator", ctx.word("c_indicator")),
        Column("achievement", ctx.word("c_kinerja"), "percent"),
        Column("pagu", ctx.word("c_pagu"), "money", total=True),
        Column("realisasi", ctx.word("c_realisasi"), "money", total=True),
        Column("serapan", ctx.word("c_serapan"), "percent"),
    )
    rows: list[Row] = []
    for line, depth in tree(ctx, summary.lines):
        rows += _allocation_rows(ctx, line, depth, marks)
    total: tuple[Cell, ...] = (
        ctx.word("total"),
        None,
        None,
        *_money_cells(summary, result.id, marks),
    )
    rows.append(Row(total, "total", 0, result.id))
    title = ctx.word("t_allocation", name=result.name)
    return Table("", title, columns, tuple(rows), tuple(marks.notes), "allocation")


def _allocation_rows(ctx: Context, line: BudgetLine, depth: int, marks: Marks) -> list[Row]:
    """The line with the first indicator it supports; each further indicator on a row of its own."""
    supported: list[IndicatorResult | None] = [ctx.result(i) for i in line.supports if i in ctx.results.indicators]
    spent = ctx.results.budget.get(line.id)
    rows = []
    for position, indicator in enumerate(supported or [None]):
        money_cells: tuple[Cell, ...] = (None, None, None)
        if position == 0:
            money_cells = _line_money(spent, line.id, marks)[:3]
        kinerja: tuple[Cell, ...] = (None, None)
        if indicator is not None:
            flags = marks.audit(indicator.id, ["achievement", "category"])
            flags += marks.provisional(ctx.provisional(indicator.provisional))
            kinerja = (indicator.name, figure(indicator.achievement, ctx.decimals(indicator.id), flags))
        name = line.name if position == 0 else None
        rows.append(Row((name, *kinerja, *money_cells), "body", depth, line.id))
    return rows


def _line_money(spent: BudgetResult | None, line_id: str, marks: Marks) -> tuple[Cell, ...]:
    """A line's pagu, realisasi, serapan and sisa, each with its marks."""
    if spent is None:
        return (None, None, None, None)
    own: tuple[Flag, ...] = ("provisional",) if spent.provisional else ()
    if spent.provisional:
        marks.provisional([spent.name])
    return (
        money(spent.pagu, own + marks.audit(line_id, ["pagu"])),
        money(spent.realisasi, own + marks.audit(line_id, ["realisasi"])),
        figure(spent.serapan, SERAPAN_DECIMALS, own + marks.audit(line_id, ["serapan"])),
        money(spent.sisa, own + marks.audit(line_id, ["sisa"])),
    )


def _money_cells(summary: BudgetSummary | None, subject: str, marks: Marks) -> tuple[Cell, ...]:
    """Pagu, realisasi and serapan of a sum of lines."""
    if summary is None:
        return (None, None, None)
    return (
        money(summary.pagu, marks.audit(subject, ["pagu"])),
        money(summary.realisasi, marks.audit(subject, ["realisasi"])),
        figure(summary.serapan, SERAPAN_DECIMALS, marks.audit(subject, ["serapan"])),
    )


# -- efficiency -----------------------------------------------------------------------------------


def efficiency_table(
    ctx: Context, sasaran: IndicatorResult | None, indicators: Sequence[IndicatorResult], name: str
) -> Table | None:
    """Achievement beside the money spent, for a sasaran and its indicators, by the catalog's
    method: capaian minus serapan in points, the unspent budget, or both. None without money."""
    chosen = [r for r in ([sasaran] if sasaran is not None else []) + list(indicators) if r.budget is not None]
    if not any(r.budget is not None and r.budget.pagu is not None for r in chosen):
        return None
    method = ctx.catalog.info.efficiency
    columns = [
        Column("indicator", ctx.word("c_sasaran_indicator")),
        Column("achievement", ctx.word("c_achievement"), "percent"),
        Column("pagu", ctx.word("c_pagu"), "money"),
        Column("realisasi", ctx.word("c_realisasi"), "money"),
        Column("serapan", ctx.word("c_serapan"), "percent"),
    ]
    if method in ("points", "both"):
        columns.append(Column("efficiency", ctx.word("c_efficiency"), "percent"))
    if method in ("unspent", "both"):
        columns += [
            Column("sisa", ctx.word("c_sisa"), "money"),
            Column("sisa_percent", ctx.word("c_sisa_percent"), "percent"),
        ]
    marks = ctx.marks()
    rows = tuple(_efficiency_row(ctx, r, method, marks, r is sasaran) for r in chosen)
    return Table("", ctx.word("t_efficiency", name=name), tuple(columns), rows, tuple(marks.notes), "efficiency")


def _efficiency_row(ctx: Context, result: IndicatorResult, method: str, marks: Marks, is_sasaran: bool) -> Row:
    summary = result.budget
    assert summary is not None  # chosen above
    flags = marks.audit(result.id, ["achievement", "category"]) + marks.provisional(ctx.provisional(result.provisional))
    cells: list[Cell] = [
        result.name,
        figure(result.achievement, ctx.decimals(result.id), flags),
        *_money_cells(summary, result.id, marks),
    ]
    if method in ("points", "both"):
        cells.append(figure(summary.efficiency, SERAPAN_DECIMALS))
    if method in ("unspent", "both"):
        sisa = summary.pagu - summary.realisasi if summary.pagu is not None and summary.realisasi is not None else None
        unspent = HUNDRED - summary.serapan if summary.serapan is not None else None
        cells += [money(sisa), figure(unspent, SERAPAN_DECIMALS)]
    return Row(tuple(cells), "group" if is_sasaran else "body", 0 if is_sasaran else 1, result.id)


def efficiency_sentence(ctx: Context) -> list[str]:
    """How the efficiency was measured, one sentence per part of the method."""
    method = ctx.catalog.info.efficiency
    found = []
    if method in ("points", "both"):
        found.append(ctx.word("efficiency_points"))
    if method in ("unspent", "both"):
        found.append(ctx.word("efficiency_unspent"))
    return found


# -- the agency's budget --------------------------------------------------------------------------


def budget_table(ctx: Context) -> Table:
    """Every line with pagu murni, pagu, realisasi, serapan and sisa, and the total of the programs."""
    tops = top_lines(ctx)
    figures = ctx.data.years[ctx.year].budget if ctx.year in ctx.data.years else {}
    murni = {line_id: f.pagu_murni for line_id, f in figures.items() if f.pagu_murni is not None}
    coded = any(line.code for line in ctx.catalog.budget.values())
    columns = [Column("code", ctx.word("c_code"))] if coded else []
    columns.append(Column("line", ctx.word("c_line")))
    if murni:
        columns.append(Column("pagu_murni", ctx.word("c_pagu_murni"), "money", total=True))
    columns += [
        Column("pagu", ctx.word("c_pagu"), "money", total=True),
        Column("realisasi", ctx.word("c_realisasi"), "money", total=True),
        Column("serapan", ctx.word("c_serapan"), "percent"),
        Column("sisa", ctx.word("c_sisa"), "money", total=True),
    ]
    marks = ctx.marks()
    rows: list[Row] = []
    for line, depth in tree(ctx, tops):
        cells: list[Cell] = [line.name, *_line_money(ctx.results.budget.get(line.id), line.id, marks)]
        if murni:
            cells.insert(1, money(murni.get(line.id), marks.audit(line.id, ["pagu_murni"])))
        rows.append(Row((line.code or None, *cells) if coded else tuple(cells), "body", depth, line.id))
    rows.append(_budget_total(ctx, tops, murni, coded, marks))
    title = ctx.word("t_budget", when=ctx.when)
    return Table("", title, tuple(columns), tuple(rows), tuple(marks.notes), "budget")


def _budget_total(ctx: Context, tops: Sequence[str], murni: dict[str, Decimal], coded: bool, marks: Marks) -> Row:
    total = ctx.results.budget_total
    sisa = total.pagu - total.realisasi if total and total.pagu is not None and total.realisasi is not None else None
    cells: list[Cell] = [
        ctx.word("total"),
        *_money_cells(total, "total", marks),
        money(sisa, marks.audit("total", ["sisa"])),
    ]
    if murni:
        whole = sum((murni[t] for t in tops), Decimal(0)) if all(t in murni for t in tops) else None
        cells.insert(1, money(whole, marks.audit("total", ["pagu_murni"])))
    return Row((None, *cells) if coded else tuple(cells), "total", 0, "total")


def budget_years_table(ctx: Context) -> Table | None:
    """Each program this year beside last year: pagu, realisasi, serapan; None without last year."""
    before = ctx.previous
    if before is None or before.budget_total is None or before.budget_total.pagu is None:
        return None
    now, then = ctx.year, before.year
    columns = (
        Column("line", ctx.word("c_program")),
        Column("pagu", ctx.word("c_pagu_year", year=now), "money", total=True),
        Column("realisasi", ctx.word("c_realisasi_year", year=now), "money", total=True),
        Column("serapan", ctx.word("c_serapan_year", year=now), "percent"),
        Column("pagu_previous", ctx.word("c_pagu_year", year=then), "money", total=True),
        Column("realisasi_previous", ctx.word("c_realisasi_year", year=then), "money", total=True),
        Column("serapan_previous", ctx.word("c_serapan_year", year=then), "percent"),
    )
    marks = ctx.marks()
    rows = [
        Row(
            (
                line.name,
                *_year_cells(ctx.results.budget.get(line.id), line.id, now, marks),
                *_year_cells(before.budget.get(line.id), line.id, then, marks),
            ),
            "body",
            0,
            line.id,
        )
        for line in ctx.catalog.budget.values()
        if line.parent not in ctx.catalog.budget
    ]
    total = (
        ctx.word("total"),
        *_summary_cells(ctx.results.budget_total, now, marks),
        *_summary_cells(before.budget_total, then, marks),
    )
    rows.append(Row(total, "total", 0, "total"))
    title = ctx.word("t_budget_years", year=now, previous=then)
    return Table("", title, columns, tuple(rows), tuple(marks.notes), "budget_years")


def _year_cells(spent: BudgetResult | None, line_id: str, year: int, marks: Marks) -> tuple[Cell, ...]:
    if spent is None:
        return (None, None, None)
    own: tuple[Flag, ...] = ("provisional",) if spent.provisional else ()
    if spent.provisional:
        marks.provisional([f"{spent.name} ({year})"])
    return (
        money(spent.pagu, own + marks.audit(line_id, ["pagu"], year)),
        money(spent.realisasi, own + marks.audit(line_id, ["realisasi"], year)),
        figure(spent.serapan, SERAPAN_DECIMALS, own + marks.audit(line_id, ["serapan"], year)),
    )


def _summary_cells(summary: BudgetSummary | None, year: int, marks: Marks) -> tuple[Cell, ...]:
    if summary is None:
        return (None, None, None)
    return (
        money(summary.pagu, marks.audit("total", ["pagu"], year)),
        money(summary.realisasi, marks.audit("total", ["realisasi"], year)),
        figure(summary.serapan, SERAPAN_DECIMALS, marks.audit("total", ["serapan"], year)),
    )
