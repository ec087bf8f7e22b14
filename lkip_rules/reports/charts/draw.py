"""One figure drawn on a matplotlib canvas: panels, the drawer of its kind, legend and notes."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import Any

from lkip_rules.locale import Lang
from lkip_rules.reports.charts.bars import _achievements, _bars
from lkip_rules.reports.charts.pieces import _scales
from lkip_rules.reports.charts.style import DPI, FONT, SMALL, WIDTH, WORDS
from lkip_rules.reports.charts.trend import _trend, _trend_panels
from lkip_rules.reports.model import Figure

# --- drawing ---------------------------------------------------------------------------------


def _draw(figure: Figure, lang: Lang, title: bool) -> Any:
    from matplotlib.figure import Figure as Canvas

    footer = _footer_lines(figure, lang)
    if figure.kind == "achievement":
        plot_height = 0.6 + 0.27 * max(len(figure.points), 1)
    elif figure.kind == "trend":
        plot_height = 2.4 * len(_trend_panels(figure))
    else:
        plot_height = 3.0
    footer_height = 0.05 + len(footer) * SMALL * 1.45 / 72
    drawn = Canvas(figsize=(WIDTH, plot_height + footer_height), dpi=DPI, layout="constrained")
    rows = [*([1.0] * _panel_count(figure)), footer_height / plot_height * _panel_count(figure)]
    grid = drawn.add_gridspec(len(rows), 1, height_ratios=rows)
    axes = [drawn.add_subplot(grid[row, 0]) for row in range(len(rows) - 1)]
    handles = _DRAWERS[figure.kind](figure, axes, lang)
    notes = drawn.add_subplot(grid[-1, 0])
    notes.set_axis_off()
    notes.text(0, 1, "\n".join(footer), va="top", ha="left", fontsize=SMALL, transform=notes.transAxes)
    if handles:  # above the first panel, inside the layout, so it never covers a bar or the title
        columns = min(len(handles), 5)
        axes[0].legend(handles=_by_rows(handles, columns), loc="lower center", bbox_to_anchor=(0.5, 1.02),
                       ncols=columns, frameon=False, fontsize=SMALL, borderaxespad=0.2)  # fmt: skip
    if title:
        drawn.suptitle(_wrap(f"{_figure_word(lang)} {figure.number} {figure.title}", FONT + 1), fontsize=FONT + 1)
    return drawn


def _by_rows(handles: list[Any], columns: int) -> list[Any]:
    """The legend read across, row by row: matplotlib fills it column by column."""
    rows = -(-len(handles) // columns)
    grid = [handles[row * columns : (row + 1) * columns] for row in range(rows)]
    return [row[column] for column in range(columns) for row in grid if column < len(row)]


def _panel_count(figure: Figure) -> int:
    return len(_trend_panels(figure)) if figure.kind == "trend" else 1


def _figure_word(lang: Lang) -> str:
    return "Gambar" if lang == "id" else "Figure"


def _footer_lines(figure: Figure, lang: Lang) -> list[str]:
    lines: list[str] = []
    if figure.kind == "achievement":  # the key: each number with its full name
        for point in figure.points:
            lines += _wrap(f"{point.label}. {point.name}", SMALL, indent=len(point.label) + 2).split("\n")
    for note in figure.notes:
        lines += _wrap(note, SMALL).split("\n")
    if any(scale.limit is not None for scale in _scales(figure).values()):
        lines += _wrap(WORDS[lang]["cut"], SMALL).split("\n")
    return lines


def _wrap(text: str, size: float, indent: int = 0) -> str:
    # DejaVu Sans averages about 0.55 em a character; 0.6 keeps a margin for wide letters.
    width = max(int(WIDTH * 72 / (size * 0.6)), 20)
    return textwrap.fill(text, width, subsequent_indent=" " * indent, break_on_hyphens=False)


_DRAWERS: dict[str, Callable[[Figure, list[Any], Lang], list[Any]]] = {
    "bars": _bars,
    "trend": _trend,
    "achievement": _achievements,
}
