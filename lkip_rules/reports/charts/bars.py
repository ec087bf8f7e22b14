"""Bars: one indicator's years and targets, or the achievements of many indicators."""

from __future__ import annotations

import textwrap
from typing import Any

from lkip_rules.locale import Lang, number
from lkip_rules.reports.charts.pieces import _float, _legend, _paint, _Scale, _scales, _shows_achievement, _value_axis
from lkip_rules.reports.charts.style import _BEHIND_TEXT, EDGE, MISSING, SMALL, WORDS
from lkip_rules.reports.model import Figure, Point

# --- bars (one indicator) --------------------------------------------------------------------


def _bars(figure: Figure, axes: list[Any], lang: Lang) -> list[Any]:
    (ax,) = axes
    scale = _scales(figure)["main"]
    for x, point in enumerate(figure.points):
        _bar(ax, x, point, scale, figure, lang, vertical=True)
    ax.set_xticks(range(len(figure.points)), [textwrap.fill(p.label, 16) for p in figure.points])
    ax.set_xlim(-0.6, len(figure.points) - 0.4)
    _value_axis(ax, scale, figure, lang, vertical=True, reference=_shows_achievement(figure))
    return _legend(figure, lang)


def _achievements(figure: Figure, axes: list[Any], lang: Lang) -> list[Any]:
    (ax,) = axes
    scale = _scales(figure)["main"]
    for y, point in enumerate(figure.points):
        _bar(ax, y, point, scale, figure, lang, vertical=False)
    ax.set_yticks(range(len(figure.points)), [point.label for point in figure.points])
    ax.set_ylim(len(figure.points) - 0.4, -0.6)  # the first indicator on top
    _value_axis(ax, scale, figure, lang, vertical=False)
    return _legend(figure, lang)


def _bar(ax: Any, at: int, point: Point, scale: _Scale, figure: Figure, lang: Lang, *, vertical: bool) -> None:
    width = 0.62
    if point.value is None:
        where = (at, scale.top * 0.02) if vertical else (scale.top * 0.01, at)
        align = {"ha": "center", "va": "bottom"} if vertical else {"ha": "left", "va": "center"}
        ax.text(*where, WORDS[lang]["no_data"], color=MISSING, fontsize=SMALL, style="italic", **align)
        return
    value = _float(point.value)
    base = _float(point.low) if point.low is not None else 0.0
    shown = scale.cut(value)
    colour, hatch = _paint(point, figure)
    draw = ax.bar if vertical else ax.barh
    size = {"width": width} if vertical else {"height": width}
    start = {"bottom": base} if vertical else {"left": base}
    draw(at, shown - base, color=colour, hatch=hatch, edgecolor=EDGE, linewidth=0.6, **size, **start)
    if shown != value:
        _break_mark(ax, at, shown, width, vertical)
    _value_label(ax, at, point, shown, scale, lang, vertical, cut=shown != value)


def _value_label(
    ax: Any, at: int, point: Point, shown: float, scale: _Scale, lang: Lang, vertical: bool, *, cut: bool
) -> None:
    text = _value_text(point, lang)
    gap = scale.span * 0.015
    if vertical:
        y = shown + gap if shown >= 0 else shown - gap
        ax.text(at, y, text, ha="center", va="bottom" if shown >= 0 else "top", fontweight="bold" if cut else None,
                bbox=_BEHIND_TEXT, zorder=5)  # fmt: skip
    else:
        x = shown + gap if shown >= 0 else shown - gap
        ax.text(x, at, text, va="center", ha="left" if shown >= 0 else "right", fontsize=SMALL,
                fontweight="bold" if cut else None, bbox=_BEHIND_TEXT, zorder=5)  # fmt: skip


def _value_text(point: Point, lang: Lang) -> str:
    text = number(point.value, lang)
    if point.low is not None:
        text = f"{number(point.low, lang)}\u2013{text}"  # a range, with an en dash
    return f"{text}%" if point.role == "achievement" else text


def _break_mark(ax: Any, at: int, shown: float, width: float, vertical: bool) -> None:
    # Two white slanted strokes across the bar just under its cut end: "this bar goes on".
    from matplotlib.lines import Line2D

    for offset in (0.10, 0.16):
        level = shown * (1 - offset)
        tilt = shown * 0.03
        if vertical:
            xs, ys = [at - width / 2 - 0.05, at + width / 2 + 0.05], [level - tilt, level + tilt]
        else:
            xs, ys = [level - tilt, level + tilt], [at + width / 2 + 0.05, at - width / 2 - 0.05]
        ax.add_line(Line2D(xs, ys, color="white", linewidth=2.2, solid_capstyle="butt", zorder=3))
