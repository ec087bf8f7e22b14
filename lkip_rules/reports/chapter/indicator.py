"""One indicator (IKU) of a sasaran: its figures this year, over the years, against the Renstra
end target and the benchmark, the start of the analysis, and the programs that support it."""

from __future__ import annotations

from decimal import Decimal

from lkip_rules.explain import explain
from lkip_rules.locale import number
from lkip_rules.reports.chapter import pictures
from lkip_rules.reports.chapter.budget import allocation_table
from lkip_rules.reports.chapter.cells import figure, show_target, target
from lkip_rules.reports.chapter.context import Block, Context
from lkip_rules.reports.chapter.rows import achievement_columns, achievement_row, shown_years, year_columns, year_rows
from lkip_rules.reports.model import Cell, Column, Paragraph, Row, Section, Table
from lkip_rules.results import IndicatorResult


def indicator_section(ctx: Context, result: IndicatorResult, n: int) -> Section:
    """Heading 3: "Indikator Kinerja 1: <name>" and everything the chapter says about it."""
    blocks: list[Block] = [*pictures.indicator(ctx, result)]
    blocks.append(this_year_table(ctx, result))
    blocks.append(Paragraph(_sentence(ctx, result), "body"))
    blocks.append(Paragraph(ctx.word("placeholder_causes"), "placeholder"))
    if len(shown_years(result)) >= 2:
        blocks += [years_table(ctx, result), *pictures.trend(ctx, result)]
    else:  # one year alone is the table above
        blocks.append(Paragraph(ctx.word("no_previous"), "note"))
    blocks += end_target_blocks(ctx, result)
    blocks += benchmark_blocks(ctx, result)
    supporting = supporting_table(ctx, result)
    if supporting is not None:
        blocks.append(supporting)
    allocation = allocation_table(ctx, result)
    blocks.append(allocation if allocation is not None else Paragraph(ctx.word("no_budget"), "note"))
    title = ctx.word("indicator", n=n, name=result.name)
    return Section(title, tuple(blocks), 3, result.id)


def this_year_table(ctx: Context, result: IndicatorResult) -> Table:
    marks = ctx.marks()
    row = achievement_row(ctx, result, marks)
    title = ctx.word("t_indicator", name=result.name, when=ctx.when)
    return Table("", title, achievement_columns(ctx), (row,), tuple(marks.notes), "indicator")


def years_table(ctx: Context, result: IndicatorResult) -> Table:
    marks = ctx.marks()
    rows = year_rows(ctx, result, marks)
    title = ctx.word("t_years", name=result.name)
    return Table("", title, year_columns(ctx), rows, tuple(marks.notes), "years")


def end_target_blocks(ctx: Context, result: IndicatorResult) -> list[Block]:
    """The realisation against the Renstra end target, or a sentence saying there is none."""
    end = result.end_target
    if end is None:
        return [Paragraph(ctx.word("no_end_target"), "note")]
    marks = ctx.marks()
    decimals = ctx.decimals(result.id)
    provisional = marks.provisional(ctx.provisional(result.provisional))
    columns = (
        Column("indicator", ctx.word("c_indicator")),
        Column("unit", ctx.word("c_unit")),
        Column("target", ctx.word("c_target_year", year=ctx.year), "number"),
        Column("realisation", ctx.word("c_realisation_year", year=ctx.year), "number"),
        Column("end_target", ctx.word("c_end_target", year=end.year), "number"),
        Column("end_achievement", ctx.word("c_end_achievement"), "percent"),
    )
    cells: tuple[Cell, ...] = (
        result.name,
        result.unit or None,
        target(result.target, marks.audit(result.id, ["target"])),
        figure(result.realisation, decimals, provisional + marks.audit(result.id, ["realisation"])),
        target(end.target, marks.audit(result.id, ["end_target"])),
        figure(end.achievement, decimals, provisional + marks.audit(result.id, ["end_achievement"])),
    )
    table = Table(
        "",
        ctx.word("t_end", name=result.name),
        columns,
        (Row(cells, "body", 0, result.id),),
        tuple(marks.notes),
        "end_target",
    )
    blocks: list[Block] = [table]
    if end.achievement is not None and result.realisation is not None:
        sentence = ctx.word(
            "end_target_sentence",
            year=end.year,
            target=_with_unit(show_target(end.target, ctx.lang), result.unit),
            now=_with_unit(_number(ctx, result.realisation, decimals), result.unit),
            value=_number(ctx, end.achievement, decimals),
        )
        blocks.append(Paragraph(sentence, "body"))
    return blocks


def benchmark_blocks(ctx: Context, result: IndicatorResult) -> list[Block]:
    """The indicator beside a national or provincial benchmark, with its source."""
    bench = result.benchmark
    if bench is None:
        return [Paragraph(ctx.word("no_benchmark"), "note")]
    marks = ctx.marks()
    decimals = ctx.decimals(result.id)
    columns = (
        Column("benchmark", ctx.word("c_benchmark")),
        Column("year", ctx.word("c_year")),
        Column("target", ctx.word("c_target"), "number"),
        Column("realisation", ctx.word("c_realisation"), "number"),
        Column("achievement", ctx.word("c_achievement"), "percent"),
    )
    achieved = bench.achievement if bench.achievement is not None else bench.achievement_given
    theirs: tuple[Cell, ...] = (
        bench.source or ctx.word("c_benchmark"),
        str(bench.year) if bench.year is not None else None,
        target(bench.target),
        figure(bench.realisation),
        figure(achieved, decimals),
    )
    provisional = marks.provisional(ctx.provisional(result.provisional))
    ours: tuple[Cell, ...] = (
        ctx.word("agency_row", name=result.name, agency=ctx.catalog.info.name),
        str(ctx.year),
        target(result.target, marks.audit(result.id, ["target"])),
        figure(result.realisation, decimals, provisional + marks.audit(result.id, ["realisation"])),
        figure(result.achievement, decimals, provisional + marks.audit(result.id, ["achievement", "category"])),
    )
    rows = (Row(theirs, "body", 0, None), Row(ours, "body", 0, result.id))
    # The benchmark's row names its source, so no note repeats it.
    return [Table("", ctx.word("t_benchmark", name=result.name), columns, rows, tuple(marks.notes), "benchmark")]


def supporting_table(ctx: Context, result: IndicatorResult) -> Table | None:
    """The indicators directly under this one (the programs' outcomes), or None when it has none."""
    children = [c for c in ctx.catalog.children(result.id) if c.id in ctx.results.indicators]
    if not children:
        return None
    marks = ctx.marks()
    rows = tuple(achievement_row(ctx, ctx.result(child.id), marks) for child in children)
    title = ctx.word("t_supporting", name=result.name)
    return Table("", title, achievement_columns(ctx), rows, tuple(marks.notes), "supporting")


def _sentence(ctx: Context, result: IndicatorResult) -> str:
    """The explain sentence: how the figure was worked out, ready to start the analysis."""
    found = explain(ctx.catalog, result.id, ctx.year, lang=ctx.lang, data=ctx.data, quarter=ctx.results.quarter)
    return found.sentence


def _number(ctx: Context, value: Decimal, decimals: int) -> str:
    return number(value, ctx.lang, decimals)


def _with_unit(text: str, unit: str) -> str:
    """ "20,06%" for a percentage, "78,24 nilai" otherwise."""
    if unit.strip() in ("%", "persen", "Persen"):
        return f"{text}%"
    return f"{text} {unit}".strip()
