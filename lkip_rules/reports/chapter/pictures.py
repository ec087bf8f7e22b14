"""The chapter's figures (Gambar 3.n): built by ``reports.figures`` from the results, drawn by
``reports.charts`` (matplotlib, extra ``charts``) only when a renderer needs the picture."""

from __future__ import annotations

from typing import Literal

from lkip_rules.locale import Lang
from lkip_rules.reports import figures
from lkip_rules.reports.chapter.context import Context
from lkip_rules.reports.chapter.rows import shown_years
from lkip_rules.reports.model import Figure
from lkip_rules.results import Category, IndicatorResult


def indicator(ctx: Context, result: IndicatorResult) -> list[Figure]:
    """The indicator's bars (last year, target, realisation, end target), when it has any figure."""
    if not shown_years(result) and result.previous is None:
        return []
    return [figures.indicator_figure(result, "", ctx.lang, _categories(ctx))]


def trend(ctx: Context, result: IndicatorResult) -> list[Figure]:
    """Every year with figures, when there are two years or more."""
    if len(shown_years(result)) < 2:
        return []
    return [figures.trend_figure(result, "", ctx.lang, _categories(ctx))]


def summary(ctx: Context, results: list[IndicatorResult]) -> Figure:
    """The achievement of ``results`` against the 100% line; those without one named in its note."""
    return figures.achievement_figure(results, "", ctx.lang, _categories(ctx))


def _categories(ctx: Context) -> tuple[Category, ...]:
    return figures.categories_of(ctx.results, ctx.catalog, ctx.lang)


def draw(figure: Figure, fmt: Literal["png", "svg"], lang: Lang) -> bytes:
    """The figure as a picture (300 dpi for PNG); matplotlib is imported only here, by charts."""
    from lkip_rules.reports import charts

    return charts.render(figure, fmt, lang)
