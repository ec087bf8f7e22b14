"""The evaluation table for a terminal: each indicator once, under its parent, within the width.

The default table is compact — indicator (with its unit), target, realisation, capaian,
category, status — so it fits 80 columns; ``wide`` shows every column of the other formats.
Numbers never wrap: their columns are as wide as their widest figure and only names fold.
A status other than ok and why, a provisional figure, a revised target would make a status
column as wide as a sentence, so the compact table marks them ``[1]`` and lists them below.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from lkip_rules.catalog.schema import LEVELS
from lkip_rules.locale import HEADERS, STATUS, Lang, message, number
from lkip_rules.reports import tables
from lkip_rules.results import IndicatorResult, Results

if TYPE_CHECKING:
    from lkip_rules.api import Catalog

NUMERIC = ("target", "realisation", "achievement", "previous", "end_target", "end_achievement", "benchmark")


def evaluation_table(catalog: Catalog, results: Results, lang: Lang, *, wide: bool = False) -> RenderableType:
    """The table, and under it the notes its marks point to."""
    notes: list[str] = []
    columns = list(tables.COLUMNS[1:]) if wide else ["indicator", "target", "realisation", "achievement", "category"]
    cells = {r.id: row for r, row in zip(tables.ordered(results), tables.rows(catalog, results, lang), strict=True)}
    body: list[list[RenderableType]] = []
    for result, depth in _in_tree_order(catalog, results):
        row = dict(zip(tables.COLUMNS, cells[result.id], strict=True))
        name = Text(result.name + (f" ({result.unit})" if result.unit and not wide else ""))
        if catalog.children(result.id):
            name.stylize("bold")
        shown: list[RenderableType] = [Padding(name, (0, 0, 0, 2 * depth))]
        for column in columns[1:]:
            value = row[column]
            if column == "category" and not wide:
                value = result.category.code if result.category else None
            shown.append(tables.text(value, lang))
        if not wide:
            shown.append(_mark(result, lang, notes))
        body.append(shown)
    table = Table(title=_title(catalog, results, lang), title_justify="left")
    for i, column in enumerate(columns):
        title = HEADERS[lang][column] if wide or column != "category" else _short_category(lang)
        # a figure is never split: its column is at least as wide as its widest cell; names fold
        widest = max((len(cell) for row in body if isinstance(cell := row[i], str)), default=0)
        numeric = column in NUMERIC or column == "category"
        table.add_column(
            title,
            justify="right" if column in NUMERIC else "left",
            min_width=widest if numeric else None,
            max_width=60 if wide and not numeric else None,  # a long name folds even in the wide table
            overflow="fold",
        )
    if not wide:
        table.add_column("Ket." if lang == "id" else "Note", no_wrap=True)
    for shown in body:
        table.add_row(*shown)
    return Group(table, *(Text(note, overflow="fold") for note in notes)) if notes else table


def _title(catalog: Catalog, results: Results, lang: Lang) -> str:
    head = "Capaian Kinerja" if lang == "id" else "Performance"
    when = ""
    if results.quarter:
        when = f" s.d. triwulan {results.quarter}" if lang == "id" else f" up to quarter {results.quarter}"
    return f"{head} {results.year}{when} — {catalog.info.name}"


def _short_category(lang: Lang) -> str:
    return "Kat." if lang == "id" else "Cat."


def _mark(result: IndicatorResult, lang: Lang, notes: list[str]) -> str:
    """Nothing for a plain ok; else a mark to a note: the status and why, provisional figures, a
    revised target, the progress toward the year's target up to a quarter."""
    said = [] if result.status == "ok" else [STATUS[lang][result.status]]
    if result.status != "ok" and result.message:
        said[0] += f": {message(result.message, lang)}"
    if result.year_progress is not None and result.achievement is None:  # up to a quarter, no Rencana Aksi
        progress = "progres thd target tahunan" if lang == "id" else "progress toward the yearly target"
        said.append(f"{progress}: {number(result.year_progress, lang)}%")
    if result.target_initial is not None:
        signed = tables.text(result.target_initial, lang)
        said.append(f"target PK awal {signed}, direvisi" if lang == "id" else f"signed PK target {signed}, revised")
    if result.provisional:
        flagged = "angka sementara" if lang == "id" else "provisional figures"
        said.append(f"{flagged}: {', '.join(result.provisional)}")
    if not said:
        return ""
    notes.append(f"[{len(notes) + 1}] {result.name}: " + "; ".join(said))
    return f"[{len(notes)}]"


def _in_tree_order(catalog: Catalog, results: Results) -> Iterator[tuple[IndicatorResult, int]]:
    """Depth first from the top of the cascade: each indicator once, right under its parent."""
    position = {r.id: i for i, r in enumerate(results)}
    level = {name: i for i, name in enumerate(LEVELS)}
    roots = [r for r in results if r.parent is None or r.parent not in results.indicators]
    roots.sort(key=lambda r: (level.get(r.level, len(LEVELS)), position[r.id]))
    seen: set[str] = set()
    pending = [(r, 0) for r in reversed(roots)]
    while pending:
        result, depth = pending.pop()
        if result.id in seen:  # a parent cycle is an error of the catalog; show each once anyway
            continue
        seen.add(result.id)
        yield result, depth
        children = [results[c.id] for c in catalog.children(result.id) if c.id in results.indicators]
        pending.extend((child, depth + 1) for child in reversed(children))
    for result in results:  # what a cycle kept from the roots
        if result.id not in seen:
            yield result, 0
