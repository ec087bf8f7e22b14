"""The tables of ``lkip evaluate --format xlsx`` as report-model tables: the achievement of every
indicator (like Tabel 3.1), grouped under its sasaran or parent, and the budget lines as a tree
(like Tabel 3.15) with their total. Figures keep their exact Decimals and the decimals to print
them with, so the workbook shows them as the report does and a test compares them with Results.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from lkip_rules.catalog.model import BudgetFigures, BudgetLine, Data
from lkip_rules.locale import HEADERS, Lang, label
from lkip_rules.reports.model import Cell, Column, Flag, Number, Range, Row, Table
from lkip_rules.reports.tables import ordered, status_text
from lkip_rules.results import IndicatorResult, Results
from lkip_rules.scoring import Target

if TYPE_CHECKING:
    from lkip_rules.api import Catalog

LEVELS = {
    "id": {
        "tujuan": "Tujuan",
        "sasaran": "Sasaran",
        "iku": "IKU",
        "program": "Program",
        "kegiatan": "Kegiatan",
        "subkegiatan": "Sub Kegiatan",
    },
    "en": {
        "tujuan": "Goal",
        "sasaran": "Objective",
        "iku": "Key indicator",
        "program": "Program",
        "kegiatan": "Activity",
        "subkegiatan": "Sub-activity",
    },
}
WORDS = {
    "id": {
        "achievement": "Capaian Kinerja {when}",
        "budget": "Realisasi Anggaran {when}",
        "quarter": "s.d. TW {roman} {year}",
        "code": "Kode",
        "line": "Program / Kegiatan / Sub Kegiatan",
        "pagu_murni": "Pagu Murni (Rp)",
        "pagu": "Pagu (Rp)",
        "realisasi": "Realisasi (Rp)",
        "sisa": "Sisa (Rp)",
        "total": "Jumlah",
    },
    "en": {
        "achievement": "Performance {when}",
        "budget": "Budget realisation {when}",
        "quarter": "up to Q{quarter} {year}",
        "code": "Code",
        "line": "Program / activity / sub-activity",
        "pagu_murni": "Original budget (Rp)",
        "pagu": "Budget (Rp)",
        "realisasi": "Spent (Rp)",
        "sisa": "Remaining (Rp)",
        "total": "Total",
    },
}
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def evaluation_tables(catalog: Catalog, results: Results, lang: Lang, data: Data | None = None) -> list[Table]:
    """The achievement table, and the budget table when the catalog has budget lines. ``data`` gives
    the pagu murni (default: the catalog's own figures)."""
    found = [achievement_table(catalog, results, lang)]
    if catalog.budget:
        found.append(budget_table(catalog, results, lang, catalog.data if data is None else data))
    return found


def _title(key: str, catalog: Catalog, results: Results, lang: Lang) -> str:
    words = WORDS[lang]
    when = (
        words["quarter"].format(roman=ROMAN[results.quarter], quarter=results.quarter, year=results.year)
        if results.quarter in ROMAN
        else str(results.year)
    )
    return f"{words[key].format(when=when)} — {catalog.info.name}"


# -- the achievement of every indicator ---------------------------------------------------------


def achievement_table(catalog: Catalog, results: Results, lang: Lang) -> Table:
    """One row per indicator in cascade order, under a group row naming its parent (indicators
    without a parent first, without one)."""
    heads = HEADERS[lang]
    columns = (
        Column("indicator", heads["indicator"]),
        Column("unit", heads["unit"]),
        Column("target", heads["target"], "number"),
        Column("realisation", heads["realisation"], "number"),
        Column("achievement", heads["achievement"], "percent"),
        Column("category", heads["category"], "category"),
        Column("previous", heads["previous"], "number"),
        Column("end_target", heads["end_target"], "number"),
        Column("end_achievement", heads["end_achievement"], "percent"),
        Column("benchmark", heads["benchmark"], "number"),
        Column("status", heads["status"], "status"),
    )
    rows: list[Row] = []
    for parent, members in _by_parent(results).items():
        if parent is not None:
            rows.append(_group(catalog, parent, len(columns), lang))
        rows += [_indicator(catalog, result, lang) for result in members]
    return Table("", _title("achievement", catalog, results, lang), columns, tuple(rows), key="evaluation")


def _by_parent(results: Results) -> dict[str | None, list[IndicatorResult]]:
    """The indicators in cascade order, gathered under their parent, each parent once (where its
    first child comes): a sasaran with IKU and program indicators under it is one group."""
    groups: dict[str | None, list[IndicatorResult]] = {}
    for result in ordered(results):
        groups.setdefault(result.parent, []).append(result)
    return groups


def _group(catalog: Catalog, parent_id: str, width: int, lang: Lang) -> Row:
    parent = catalog.indicators.get(parent_id)
    heading = f"{LEVELS[lang].get(parent.level, parent.level)}: {parent.name}" if parent else parent_id
    return Row((heading,) + (None,) * (width - 1), kind="group", ref=parent_id)


def _indicator(catalog: Catalog, r: IndicatorResult, lang: Lang) -> Row:
    declared = catalog.indicators.get(r.id)
    places = declared.policy.decimals if declared is not None else None
    provisional: tuple[Flag, ...] = ("provisional",) if r.provisional else ()
    end = r.end_target
    cells: tuple[Cell, ...] = (
        r.name,
        r.unit,
        _target(r.target, ("revised",) if r.target_initial is not None else ()),
        _number(r.realisation, places, provisional),
        _number(r.achievement, places, provisional),
        f"{r.category.code} ({label(r.category.label, lang)})" if r.category else None,
        _number(r.previous.realisation if r.previous else None, places),
        _target(end.target if end else None),
        _number(end.achievement if end else None, places, provisional),
        _number(r.benchmark.realisation if r.benchmark else None, None),
        status_text(r, lang),
    )
    return Row(cells, ref=r.id)


def _number(value: Decimal | None, places: int | None, flags: tuple[Flag, ...] = ()) -> Number | None:
    return Number(value, places, flags) if value is not None else None


def _target(target: Target | None, flags: tuple[Flag, ...] = ()) -> Number | Range | None:
    """A target as declared (20, 74.05, 0.1): its own digits, not the realisation's decimals."""
    if target is None:
        return None
    if isinstance(target, tuple):
        return Range(target[0], target[1], None, flags)
    return Number(target, None, flags)


# -- the budget lines ---------------------------------------------------------------------------


def budget_table(catalog: Catalog, results: Results, lang: Lang, data: Data) -> Table:
    """Program > kegiatan > sub kegiatan, each under its parent; the total of the programs."""
    words, heads = WORDS[lang], HEADERS[lang]
    year = data.years.get(results.year)
    figures: Mapping[str, BudgetFigures] = year.budget if year is not None else {}
    coded = any(line.code for line in catalog.budget.values())
    murni = any(figures[i].pagu_murni is not None for i in catalog.budget if i in figures)
    columns = [
        *([Column("code", words["code"])] if coded else []),
        Column("name", words["line"]),
        Column("level", heads["level"]),
        *([Column("pagu_murni", words["pagu_murni"], "money", total=True)] if murni else []),
        Column("pagu", words["pagu"], "money", total=True),
        Column("realisasi", words["realisasi"], "money", total=True),
        Column("serapan", heads["serapan"], "percent"),
        Column("sisa", words["sisa"], "money", total=True),
    ]
    rows = [_line(line, depth, results, figures, lang, (coded, murni)) for line, depth in budget_tree(catalog.budget)]
    rows.append(_total(catalog, results, figures, lang, (coded, murni)))
    return Table("", _title("budget", catalog, results, lang), tuple(columns), tuple(rows), key="budget")


def budget_tree(lines: Mapping[str, BudgetLine]) -> list[tuple[BudgetLine, int]]:
    """Every line once, each after its parent and indented one deeper, in catalog order; a line
    whose parent is missing, or caught in a cycle, at the top."""
    children: dict[str, list[BudgetLine]] = {}
    for line in lines.values():
        if line.parent is not None and line.parent in lines:
            children.setdefault(line.parent, []).append(line)
    roots = [line for line in lines.values() if line.parent is None or line.parent not in lines]
    found: list[tuple[BudgetLine, int]] = []
    seen: set[str] = set()
    pending = [(root, 0) for root in reversed(roots)]
    while pending:
        line, depth = pending.pop()
        if line.id in seen:
            continue
        seen.add(line.id)
        found.append((line, depth))
        pending.extend((child, depth + 1) for child in reversed(children.get(line.id, [])))
    return found + [(line, 0) for line in lines.values() if line.id not in seen]


def _line(
    line: BudgetLine,
    depth: int,
    results: Results,
    figures: Mapping[str, BudgetFigures],
    lang: Lang,
    shown: tuple[bool, bool],
) -> Row:
    result = results.budget.get(line.id)
    flags: tuple[Flag, ...] = ("provisional",) if result is not None and result.provisional else ()
    money = (None, None, None, None) if result is None else (result.pagu, result.realisasi, result.serapan, result.sisa)
    blocked = result is None or result.status == "error"  # a line the catalog got wrong shows no money
    murni = None if blocked or line.id not in figures else figures[line.id].pagu_murni
    return _budget_row(
        (line.code, line.name, LEVELS[lang].get(line.level, line.level)),
        (murni, *money),
        shown,
        flags,
        depth=depth,
        ref=line.id,
    )


def _total(
    catalog: Catalog, results: Results, figures: Mapping[str, BudgetFigures], lang: Lang, shown: tuple[bool, bool]
) -> Row:
    """The agency's total: Results.budget_total (the programs), and the pagu murni of the programs
    when every program has one (never a partial sum)."""
    total = results.budget_total
    programs = [line.id for line in catalog.budget.values() if line.parent is None]
    murni_figures = [figures[i].pagu_murni if i in figures else None for i in programs]
    murni = sum((m for m in murni_figures if m is not None), Decimal(0)) if None not in murni_figures else None
    pagu, realisasi = (total.pagu, total.realisasi) if total else (None, None)
    sisa = pagu - realisasi if pagu is not None and realisasi is not None else None
    money = (murni if programs else None, pagu, realisasi, total.serapan if total else None, sisa)
    return _budget_row(("", WORDS[lang]["total"], ""), money, shown, (), kind="total")


def _budget_row(
    labels: tuple[str, str, str],
    money: tuple[Decimal | None, ...],
    shown: tuple[bool, bool],
    flags: tuple[Flag, ...],
    *,
    depth: int = 0,
    ref: str | None = None,
    kind: str = "body",
) -> Row:
    """A row of the budget table: (kode,) name, level, (pagu murni,) pagu, realisasi, serapan, sisa."""
    coded, murni = shown
    code, name, level = labels
    pagu_murni, pagu, realisasi, serapan, sisa = money
    cells: list[Cell] = [code or None] if coded else []
    cells += [name, level or None]
    if murni:
        cells.append(_number(pagu_murni, 0))
    cells += [_number(pagu, 0, flags), _number(realisasi, 0, flags), _number(serapan, 2, flags)]
    cells.append(_number(sisa, 0, flags))
    return Row(tuple(cells), kind="total" if kind == "total" else "body", depth=depth, ref=ref)
