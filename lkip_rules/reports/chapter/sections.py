"""The two parts of the chapter: 3.1 the performance (the scale, the Perjanjian Kinerja, the
summary, then each sasaran with its indicators and the efficiency of its resources) and 3.2 the
budget realisation."""

from __future__ import annotations

from collections import Counter

from lkip_rules.catalog.model import Indicator
from lkip_rules.explain import explain
from lkip_rules.locale import label, number
from lkip_rules.reports.chapter import pictures
from lkip_rules.reports.chapter.budget import budget_table, budget_years_table, efficiency_sentence, efficiency_table
from lkip_rules.reports.chapter.cells import money, target
from lkip_rules.reports.chapter.context import Block, Context
from lkip_rules.reports.chapter.indicator import indicator_section
from lkip_rules.reports.chapter.rows import achievement_columns, achievement_row, group_row
from lkip_rules.reports.model import Cell, Column, Paragraph, Row, Section, Table
from lkip_rules.reports.pk import perjanjian_kinerja
from lkip_rules.results import IndicatorResult
from lkip_rules.scales import Band, Scale

Group = tuple[IndicatorResult | None, list[IndicatorResult]]  # a sasaran (None: none) and its indicators


def groups(ctx: Context) -> list[Group]:
    """Each sasaran of the year with its IKU (its other children when it has no IKU), in catalog
    order; then the IKU under no sasaran of the year. A catalog with neither sasaran nor IKU shows
    its indicators that have no parent."""
    chosen = [ind for ind in ctx.catalog.indicators.values() if _in_year(ind, ctx.year)]
    found: list[Group] = []
    shown: set[str] = set()
    for sasaran in (ind for ind in chosen if ind.level == "sasaran"):
        kids = [c for c in ctx.catalog.children(sasaran.id) if _in_year(c, ctx.year)]
        members = [c for c in kids if c.level == "iku"] or kids
        shown |= {c.id for c in members}
        found.append((ctx.result(sasaran.id), [ctx.result(c.id) for c in members]))
    orphans = [ind for ind in chosen if ind.level == "iku" and ind.id not in shown]
    if not found and not orphans:
        orphans = [ind for ind in chosen if ind.parent is None and ind.level != "tujuan"]
    if orphans:
        found.append((None, [ctx.result(ind.id) for ind in orphans]))
    return found


def _in_year(ind: Indicator, year: int) -> bool:
    return ind.period[0] <= year <= ind.period[1]


# -- 3.1 ------------------------------------------------------------------------------------------


def performance_part(ctx: Context) -> Section:
    chosen = groups(ctx)
    if not chosen:  # a year outside every indicator's period: say so, print no empty table
        blocks: list[Block] = [Paragraph(ctx.word("no_indicators", year=ctx.year), "note")]
        return Section(ctx.word("part_performance"), tuple(blocks), 1)
    blocks = [Paragraph(ctx.word("intro"))]
    blocks += [scale_table(ctx, scale) for scale in _scales(ctx, chosen)]
    names = sasaran_names(ctx, chosen)
    signed = ctx.word("when_year", year=ctx.year)  # the agreement is for the year, whatever the quarter
    blocks += [Paragraph(ctx.word("intro_pk", when=signed)), pk_table(ctx, chosen, names)]
    programs = pk_budget_table(ctx)
    if programs is not None:
        blocks.append(programs)
    blocks += [Paragraph(ctx.word("intro_summary", when=ctx.when)), summary_table(ctx, chosen, names)]
    blocks.append(pictures.summary(ctx, [r for _, members in chosen for r in members]))
    blocks += [sasaran_section(ctx, group, names) for group in chosen]
    return Section(ctx.word("part_performance"), tuple(blocks), 1)


def _scales(ctx: Context, chosen: list[Group]) -> list[Scale]:
    """The scales the chapter's indicators use, each once, in the order first used."""
    ids: list[str] = []
    for sasaran, members in chosen:
        for result in ([sasaran] if sasaran else []) + members:
            scale = ctx.catalog.indicators[result.id].scale
            if scale not in ids:
                ids.append(scale)
    return [ctx.catalog.scales[i] for i in ids if i in ctx.catalog.scales]


def scale_table(ctx: Context, scale: Scale) -> Table:
    """The bands of a scale, best first, with the range of achievement each covers."""
    columns = (
        Column("code", ctx.word("c_category_code")),
        Column("category", ctx.word("c_category")),
        Column("range", ctx.word("c_range")),
    )
    rows = tuple(
        Row((band.code, label(band.label, ctx.lang), _band_range(ctx, band, scale.bands[i - 1] if i else None)))
        for i, band in enumerate(scale.bands)
    )
    return Table("", ctx.word("t_scale", name=scale.name), columns, rows, (), "scale")


def _band_range(ctx: Context, band: Band, above: Band | None) -> str:
    """ "di atas 80 s.d. 100": the band's lower bound, and the upper bound the band above sets."""
    low = number(band.bound, ctx.lang) if band.bound is not None else None
    high = number(above.bound, ctx.lang) if above is not None and above.bound is not None else None
    upper_included = above is not None and above.above is not None  # the band above starts past it
    if low is None:
        return ctx.word("up_to" if upper_included else "below", high=high) if high else ctx.word("any")
    if high is None:
        return ctx.word("above" if band.above is not None else "at_least", low=low)
    if band.above is not None:
        return ctx.word("above_to" if upper_included else "above_below", low=low, high=high)
    return ctx.word("at_least_to" if upper_included else "at_least_below", low=low, high=high)


def pk_table(ctx: Context, chosen: list[Group], names: dict[str, str]) -> Table:
    """The Perjanjian Kinerja: each sasaran over its indicators and their targets for the year;
    the signed target beside it when a revision changed one."""
    indicators = [ctx.catalog.indicators[r.id] for _, members in chosen for r in members]
    revised = any(ind.initial_target(ctx.year) is not None for ind in indicators)
    columns = [
        Column("indicator", ctx.word("c_sasaran_indicator")),
        Column("unit", ctx.word("c_unit")),
        Column("target", ctx.word("c_target_year", year=ctx.year), "number"),
    ]
    if revised:
        columns.append(Column("signed", ctx.word("c_signed"), "number"))
    marks = ctx.marks()
    rows: list[Row] = []
    for sasaran, members in chosen:
        if sasaran is not None:
            rows.append(Row((names[sasaran.id], *[None] * (len(columns) - 1)), "group", 0, sasaran.id))
        for result in members:
            ind = ctx.catalog.indicators[result.id]
            signed = ind.initial_target(ctx.year)
            flags = marks.revised(ind.name, signed)
            cells: list[Cell] = [ind.name, ind.unit or None, target(ind.targets.get(ctx.year), flags)]
            if revised:
                cells.append(target(signed))
            rows.append(Row(tuple(cells), "body", 1 if sasaran is not None else 0, ind.id))
    return Table(
        "",
        ctx.word("t_pk", when=ctx.word("when_year", year=ctx.year)),
        tuple(columns),
        tuple(rows),
        tuple(marks.notes),
        "pk",
    )


def pk_budget_table(ctx: Context) -> Table | None:
    """The programs of the agreement with pagu murni (APBD) and pagu (after the P-APBD), and the
    totals; None without programs."""
    agreement = perjanjian_kinerja(ctx.catalog, ctx.year, ctx.data)
    if not agreement.programs:
        return None
    columns = (
        Column("line", ctx.word("c_program")),
        Column("pagu_murni", ctx.word("c_pagu_murni"), "money", total=True),
        Column("pagu", ctx.word("c_pagu"), "money", total=True),
    )
    rows = [Row((p.name, money(p.pagu_murni), money(p.pagu))) for p in agreement.programs]
    rows.append(Row((ctx.word("total"), money(agreement.total_murni), money(agreement.total)), "total", 0, "total"))
    title = ctx.word("t_pk_budget", when=ctx.word("when_year", year=ctx.year))
    return Table("", title, columns, tuple(rows), (), "pk_budget")


def summary_table(ctx: Context, chosen: list[Group], names: dict[str, str]) -> Table:
    """Every indicator of the chapter under its sasaran; a sasaran row shows its own achievement."""
    columns = achievement_columns(ctx, "c_sasaran_indicator")
    marks = ctx.marks()
    rows: list[Row] = []
    for sasaran, members in chosen:
        if sasaran is not None:
            rows.append(group_row(ctx, sasaran, len(columns), marks, names[sasaran.id]))
        rows += [achievement_row(ctx, r, marks, 1 if sasaran is not None else 0) for r in members]
    title = ctx.word("t_summary", agency=ctx.catalog.info.name, when=ctx.when)
    return Table("", title, columns, tuple(rows), tuple(marks.notes), "achievement")


def sasaran_names(ctx: Context, chosen: list[Group]) -> dict[str, str]:
    """Each sasaran's name as shown; two of one name (two Renstra) are told apart by their period."""
    twice = Counter(sasaran.name for sasaran, _ in chosen if sasaran is not None)
    names = {}
    for sasaran, _ in chosen:
        if sasaran is None:
            continue
        name = sasaran.name
        if twice[name] > 1:
            first, last = ctx.catalog.indicators[sasaran.id].period
            name = ctx.word("sasaran_period", name=name, first=first, last=last)
        names[sasaran.id] = name
    return names


def sasaran_section(ctx: Context, group: Group, names: dict[str, str]) -> Section:
    """Heading 2: the sasaran's achievement in a sentence, each indicator, the efficiency."""
    sasaran, members = group
    blocks: list[Block] = []
    if sasaran is not None:
        sentence = explain(ctx.catalog, sasaran.id, ctx.year, lang=ctx.lang, data=ctx.data, quarter=ctx.results.quarter)
        blocks.append(Paragraph(sentence.sentence))
    blocks += [indicator_section(ctx, result, n) for n, result in enumerate(members, start=1)]
    name = names[sasaran.id] if sasaran is not None else ctx.word("orphans")
    blocks.append(efficiency_section(ctx, sasaran, members, name))
    title = ctx.word("sasaran", name=name) if sasaran is not None else name
    return Section(title, tuple(blocks), 2, sasaran.id if sasaran is not None else None)


def efficiency_section(
    ctx: Context, sasaran: IndicatorResult | None, members: list[IndicatorResult], name: str
) -> Section:
    table = efficiency_table(ctx, sasaran, members, name)
    blocks: list[Block] = [Paragraph(ctx.word("no_efficiency"), "note")]
    if table is not None:
        blocks = [*(Paragraph(text) for text in efficiency_sentence(ctx)), table]
    return Section(ctx.word("efficiency_part"), tuple(blocks), 3, sasaran.id if sasaran is not None else None)


# -- 3.2 ------------------------------------------------------------------------------------------


def budget_part(ctx: Context) -> Section:
    if not ctx.catalog.budget:
        return Section(ctx.word("part_budget"), (Paragraph(ctx.word("no_budget_lines"), "note"),), 1)
    if not any(line.pagu is not None or line.realisasi is not None for line in ctx.results.budget.values()):
        return Section(ctx.word("part_budget"), (Paragraph(ctx.word("no_budget_figures", year=ctx.year), "note"),), 1)
    blocks: list[Block] = [Paragraph(text) for text in _budget_sentences(ctx)]
    blocks.append(budget_table(ctx))
    years = budget_years_table(ctx)
    blocks.append(years if years is not None else Paragraph(ctx.word("no_previous_budget", year=ctx.year - 1), "note"))
    return Section(ctx.word("part_budget"), tuple(blocks), 1)


def _budget_sentences(ctx: Context) -> list[str]:
    total = ctx.results.budget_total
    if total is None or total.pagu is None or total.realisasi is None or total.serapan is None:
        return []
    found = []
    agreement = perjanjian_kinerja(ctx.catalog, ctx.year, ctx.data)
    if agreement.total_murni is not None and agreement.total_murni != total.pagu:
        found.append(
            ctx.word(
                "budget_changed", murni=number(agreement.total_murni, ctx.lang, 0), pagu=number(total.pagu, ctx.lang, 0)
            )
        )
    found.insert(
        0,
        ctx.word(
            "budget_sentence",
            agency=ctx.catalog.info.name,
            when=ctx.when,
            pagu=number(total.pagu, ctx.lang, 0),
            realisasi=number(total.realisasi, ctx.lang, 0),
            serapan=number(total.serapan, ctx.lang, 2),
            sisa=number(total.pagu - total.realisasi, ctx.lang, 0),
        ),
    )
    return found
