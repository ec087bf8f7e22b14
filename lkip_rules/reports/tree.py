"""The cascading tree (pohon kinerja): tujuan → sasaran → IKU → program → kegiatan → sub kegiatan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.tree import Tree

from lkip_rules.budget import BudgetResult
from lkip_rules.locale import STATUS, Lang, number
from lkip_rules.results import IndicatorResult, Results

if TYPE_CHECKING:
    from lkip_rules.api import Catalog


def build(catalog: Catalog, results: Results, lang: Lang) -> Tree:
    """Indicators under their parents (or under what they support), budget lines under the
    first indicator they pay for (each line once), kegiatan and sub kegiatan under their programs."""
    title = f"{catalog.info.name} — {results.year}"
    root = Tree(f"[bold]{title}[/bold]")
    placed: dict[str, Tree] = {}
    shown: set[str] = set()
    remaining = list(catalog.indicators.values())
    while remaining:  # parents first; anything left (a cycle) goes at the root
        progress = False
        for ind in list(remaining):
            anchor = ind.parent or next((s for s in ind.supports if s in catalog.indicators), None)
            if anchor is None or anchor in placed or anchor not in catalog.indicators:
                parent_node = placed.get(anchor, root) if anchor else root
                placed[ind.id] = parent_node.add(_indicator(results[ind.id], lang))
                _budget_under(placed[ind.id], ind.id, catalog, results, lang, shown)
                remaining.remove(ind)
                progress = True
        if not progress:
            for ind in remaining:
                placed[ind.id] = root.add(_indicator(results[ind.id], lang))
            break
    return root


WORDS = {
    "id": {"serapan": "serapan", "provisional": "sementara"},
    "en": {"serapan": "absorption", "provisional": "provisional"},
}


def _indicator(r: IndicatorResult, lang: Lang) -> str:
    achieved = f"{number(r.achievement, lang)}%" if r.achievement is not None else STATUS[lang][r.status]
    band = f" {r.category.code}" if r.category else ""
    money = ""
    if r.budget is not None and r.budget.serapan is not None:
        money = f" · {WORDS[lang]['serapan']} {number(r.budget.serapan, lang)}%"
    flagged = f" [yellow]({WORDS[lang]['provisional']})[/yellow]" if r.provisional else ""
    return f"[cyan]{r.level}[/cyan] {r.name} — [bold]{achieved}[/bold]{band}{money}{flagged}"


def _budget_under(
    node: Tree, indicator_id: str, catalog: Catalog, results: Results, lang: Lang, shown: set[str]
) -> None:
    for line in catalog.budget.values():
        if indicator_id in line.supports and line.id not in shown:
            _budget_line(node, results.budget[line.id], catalog, results, lang, shown)


def _budget_line(
    node: Tree, line: BudgetResult, catalog: Catalog, results: Results, lang: Lang, shown: set[str]
) -> None:
    shown.add(line.id)  # once: a line supporting several indicators, or in a parent cycle
    spent = f"{number(line.serapan, lang)}%" if line.serapan is not None else STATUS[lang].get(line.status, line.status)
    warn = " [red]![/red]" if line.adds_up is False else ""
    money = f"Rp {number(line.pagu, lang)}, {WORDS[lang]['serapan']} {spent}"
    child = node.add(f"[green]{line.level}[/green] {line.name} — {money}{warn}")
    for other in catalog.budget.values():
        if other.parent == line.id and other.id not in shown:
            _budget_line(child, results.budget[other.id], catalog, results, lang, shown)
