"""Rows of indicators: target, realisation, achievement and category, with their marks."""

from __future__ import annotations

from decimal import Decimal

from lkip_rules.locale import label
from lkip_rules.reports.chapter.cells import Marks, figure, target
from lkip_rules.reports.chapter.context import Context
from lkip_rules.reports.model import Cell, Column, Row
from lkip_rules.results import IndicatorResult, YearFigures


def achievement_columns(ctx: Context, first: str = "c_indicator") -> tuple[Column, ...]:
    """Indicator, unit, target, realisation, achievement, category; up to a quarter, the yearly
    target and the progress toward it too."""
    columns = [
        Column("indicator", ctx.word(first)),
        Column("unit", ctx.word("c_unit")),
        Column("target", ctx.word("c_target"), "number"),
        Column("realisation", ctx.word("c_realisation"), "number"),
        Column("achievement", ctx.word("c_achievement"), "percent"),
        Column("category", ctx.word("c_category"), "category"),
    ]
    if ctx.results.quarter is not None:
        columns += [
            Column("year_target", ctx.word("c_year_target"), "number"),
            Column("year_progress", ctx.word("c_year_progress"), "percent"),
        ]
    return tuple(columns)


def achievement_row(ctx: Context, result: IndicatorResult, marks: Marks, depth: int = 0) -> Row:
    """One indicator's figures, as :func:`achievement_columns` lays them out."""
    decimals = ctx.decimals(result.id)
    provisional = marks.provisional(ctx.provisional(result.provisional))
    cells: list[Cell] = [
        result.name,
        result.unit or None,
        target(result.target, marks.audit(result.id, ["target"]) + marks.revised(result.name, result.target_initial)),
        figure(result.realisation, decimals, provisional + marks.audit(result.id, ["realisation"])),
        figure(result.achievement, decimals, provisional + marks.audit(result.id, ["achievement", "category"])),
        label(result.category.label, ctx.lang) if result.category else None,
    ]
    if ctx.results.quarter is not None:
        cells += [target(result.year_target), figure(result.year_progress, decimals)]
    return Row(tuple(cells), "body", depth, result.id)


def group_row(ctx: Context, result: IndicatorResult, width: int, marks: Marks, name: str) -> Row:
    """A sasaran over its indicators: its name, and its achievement and category when it has one
    (the columns of :func:`achievement_columns`)."""
    cells: list[Cell] = [name] + [None] * (width - 1)
    if result.achievement is not None:
        flags = marks.provisional(ctx.provisional(result.provisional))
        flags += marks.audit(result.id, ["achievement", "category"])
        cells[4] = figure(result.achievement, ctx.decimals(result.id), flags)
        cells[5] = label(result.category.label, ctx.lang) if result.category else None
    return Row(tuple(cells), "group", 0, result.id)


def year_columns(ctx: Context) -> tuple[Column, ...]:
    return (
        Column("year", ctx.word("c_year")),
        Column("target", ctx.word("c_target"), "number"),
        Column("realisation", ctx.word("c_realisation"), "number"),
        Column("achievement", ctx.word("c_achievement"), "percent"),
        Column("category", ctx.word("c_category"), "category"),
        Column("trend", ctx.word("c_trend"), "text"),
    )


def year_rows(ctx: Context, result: IndicatorResult, marks: Marks) -> tuple[Row, ...]:
    """Every year with figures, oldest first, each with its trend against the year before it."""
    decimals = ctx.decimals(result.id)
    polarity = result.polarity
    rows: list[Row] = []
    before: YearFigures | None = None
    for year in shown_years(result):
        provisional = marks.provisional([f"{result.name} ({year.year})"] if year.provisional else [])
        cells: tuple[Cell, ...] = (
            str(year.year),
            target(year.target, marks.audit(result.id, ["target"], year.year)),
            figure(year.realisation, decimals, provisional + marks.audit(result.id, ["realisation"], year.year)),
            figure(
                year.achievement, decimals, provisional + marks.audit(result.id, ["achievement", "category"], year.year)
            ),
            ctx.category(result.id, year.category),
            _trend_word(ctx, before, year, polarity),
        )
        rows.append(Row(cells, "body", 0, result.id))
        before = year
    return tuple(rows)


def shown_years(result: IndicatorResult) -> list[YearFigures]:
    """The years of the history with any figure, oldest first."""
    chosen = [y for y in result.history if _has_figure(y)]
    return sorted(chosen, key=lambda y: y.year)


def _has_figure(year: YearFigures) -> bool:
    return year.target is not None or year.realisation is not None or year.achievement is not None


def trend(before: YearFigures | None, now: YearFigures, polarity: str) -> str | None:
    """ "improved", "declined" or "unchanged" against the year before; None when not comparable.

    The realisation is compared by the indicator's polarity (a stable indicator has no direction);
    one without a realisation of its own (a sasaran) by its achievement, higher being better.
    """
    if before is None:
        return None
    if now.realisation is not None and before.realisation is not None:
        if polarity == "stable":
            return None
        return _direction(now.realisation, before.realisation, polarity != "negative")
    both_aggregated = now.realisation is None and before.realisation is None
    if both_aggregated and now.achievement is not None and before.achievement is not None:
        return _direction(now.achievement, before.achievement, True)
    return None


def _direction(now: Decimal, before: Decimal, higher_is_better: bool) -> str:
    if now == before:
        return "unchanged"
    return "improved" if (now > before) == higher_is_better else "declined"


def _trend_word(ctx: Context, before: YearFigures | None, now: YearFigures, polarity: str) -> str | None:
    found = trend(before, now, polarity)
    return ctx.word(found) if found is not None else None
