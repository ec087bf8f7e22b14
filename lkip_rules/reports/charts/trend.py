"""Trends: an indicator's target, realisation and achievement over the years."""

from __future__ import annotations

import math
from typing import Any

from lkip_rules.locale import Lang
from lkip_rules.reports.charts.bars import _bar, _value_text
from lkip_rules.reports.charts.pieces import _float, _legend, _paint, _Scale, _scales, _value_axis
from lkip_rules.reports.charts.style import _BEHIND_TEXT, EDGE, MISSING, PLAIN, SMALL, TARGET, WORDS
from lkip_rules.reports.model import Figure, Point

# --- trend (years) ---------------------------------------------------------------------------


def _trend_panels(figure: Figure) -> list[str]:
    roles = {point.role for point in figure.points}
    panels = ["values"] if roles & {"target", "realisation"} else []
    return [*panels, "achievement"] if "achievement" in roles or not panels else panels


def _trend(figure: Figure, axes: list[Any], lang: Lang) -> list[Any]:
    years = list(dict.fromkeys(point.label for point in figure.points))
    place = {year: x for x, year in enumerate(years)}
    panels = dict(zip(_trend_panels(figure), axes, strict=True))
    if "values" in panels:
        _trend_values(figure, panels["values"], place, lang)
    if "achievement" in panels:
        ax = panels["achievement"]
        chosen = [point for point in figure.points if point.role == "achievement"]
        scale = _scales(figure)["achievement"]
        for point in chosen:
            _bar(ax, place[point.label], point, scale, figure, lang, vertical=True)
        _value_axis(ax, scale, figure, lang, vertical=True, label=chosen[0].series if chosen else "%")
    for ax in axes:
        ax.set_xticks(range(len(years)), years)
        ax.set_xlim(-0.6, len(years) - 0.4)
    return _legend(figure, lang)


def _trend_values(figure: Figure, ax: Any, place: dict[str, int], lang: Lang) -> None:
    targets = [p for p in figure.points if p.role == "target" and p.value is not None]
    realised = [p for p in figure.points if p.role == "realisation" and p.value is not None]
    scale = _scales(figure)["values"]
    half = 0.22
    for point in targets:  # a grey bar across the year at the target; a range is a hatched band
        x, high = place[point.label], scale.cut(_float(point.value))
        if point.low is not None:
            low = scale.cut(_float(point.low))
            ax.bar(x, high - low, bottom=low, width=2 * half, color=TARGET, hatch="///", edgecolor=EDGE, linewidth=0.6)
        else:
            ax.hlines(high, x - half, x + half, color=EDGE, linewidth=2.4, zorder=2)
        ax.annotate(_value_text(point, lang), (x + half, _middle(point, scale)), xytext=(3, 0),
                    textcoords="offset points", va="center", ha="left", color=MISSING, fontsize=SMALL,
                    bbox=_BEHIND_TEXT, zorder=5)  # fmt: skip
    line = [(place[p.label], scale.cut(_float(p.value))) for p in realised]
    heights = dict(line)
    # A year without a realisation breaks the line: it is not drawn through a year with no figure.
    ax.plot(range(len(place)), [heights.get(x, math.nan) for x in range(len(place))], color=PLAIN, linewidth=1.6,
            zorder=3)  # fmt: skip
    for point, (x, y) in zip(realised, line, strict=True):
        colour, _ = _paint(point, figure)
        cut = y != _float(point.value)
        ax.plot([x], [y], marker="^" if cut else "o", markersize=7, color=colour, markeredgecolor=EDGE, zorder=4)
        ax.annotate(_value_text(point, lang), (x, y), xytext=(0, 7), textcoords="offset points", ha="center",
                    fontweight="bold" if cut else None, bbox=_BEHIND_TEXT, zorder=5)  # fmt: skip
    for point in figure.points:
        if point.role == "realisation" and point.value is None:
            ax.text(place[point.label], scale.top * 0.02, WORDS[lang]["no_data"], color=MISSING, fontsize=SMALL,
                    style="italic", ha="center", va="bottom")  # fmt: skip
    _value_axis(ax, scale, figure, lang, vertical=True, reference=False)


def _middle(point: Point, scale: _Scale) -> float:
    high = scale.cut(_float(point.value))
    return (scale.cut(_float(point.low)) + high) / 2 if point.low is not None else high
