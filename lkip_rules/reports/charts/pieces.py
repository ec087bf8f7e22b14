"""Pieces every kind of chart uses: the value scale and axis, tick labels, colours, the legend."""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext
from typing import Any

from lkip_rules.locale import Lang, number
from lkip_rules.reports.charts.style import CUT_HEADROOM, EDGE, OUTLIER_FACTOR, PLAIN, REFERENCE, TARGET, WORDS
from lkip_rules.reports.figures import band_colour
from lkip_rules.reports.model import CategoryColour, Figure, Point


def tick_text(value: float, ticks: Sequence[float], lang: Lang) -> str:
    """An axis tick as the report writes numbers: 0,5 / 1.000 in Indonesian, 0.5 / 1,000 in English.

    The decimals are the fewest that tell every tick apart (0, 0,25, 0,5 → two), the same on all.
    """
    if not math.isfinite(value):
        return ""
    places = _places(ticks)
    # Wide enough for any float (up to 309 digits before the point), so quantize never overflows.
    with localcontext(Context(prec=400)):
        exact = Decimal(value).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    return number(exact.copy_abs() if exact == 0 else exact, lang)  # never "-0"


def _places(ticks: Sequence[float]) -> int:
    finite = [tick for tick in ticks if math.isfinite(tick) and abs(tick) < 1e15]
    for places in range(7):
        if all(abs(tick * 10**places - round(tick * 10**places)) < 1e-6 for tick in finite):
            return places
    return 6


# --- shared pieces ---------------------------------------------------------------------------


class _Scale:
    """The value axis: from 0 (or the lowest value) to the top, cutting outliers at ``limit``."""

    def __init__(self, low: float, high: float, limit: float | None) -> None:
        self.low, self.high, self.limit = low, high, limit

    @classmethod
    def of(cls, values: Sequence[float]) -> _Scale:
        sizes = sorted(abs(v) for v in values if v != 0)
        limit = None
        if len(sizes) >= 3:
            median = statistics.median(sizes)
            kept = [size for size in sizes if size <= OUTLIER_FACTOR * median]
            if len(kept) < len(sizes):
                limit = max(kept) * CUT_HEADROOM
        shown = [max(-limit, min(v, limit)) if limit is not None else v for v in values]
        return cls(min([0.0, *shown]), max([0.0, *shown]), limit)

    def cut(self, value: float) -> float:
        if self.limit is None:
            return value
        return max(-self.limit, min(value, self.limit))

    @property
    def top(self) -> float:
        return self.high if self.high > 0 else 1.0

    @property
    def span(self) -> float:
        return (self.high - self.low) or 1.0


def _value_axis(
    ax: Any, scale: _Scale, figure: Figure, lang: Lang, *, vertical: bool, reference: bool = True, label: str = ""
) -> None:
    """Limits with room for the labels, ticks in the report's number format, the 100% line."""
    line = _float(figure.reference) if reference and figure.reference is not None else None
    high = max(scale.high, line if line is not None else 0.0)
    room = (high - scale.low) or 1.0
    limits = (scale.low - (0.12 * room if scale.low < 0 else 0.0), high + 0.14 * room)
    (ax.set_ylim if vertical else ax.set_xlim)(*limits)
    (ax.yaxis if vertical else ax.xaxis).set_major_formatter(_tick_formatter(lang))
    if line is not None:
        (ax.axhline if vertical else ax.axvline)(line, color=REFERENCE, linewidth=0.9, linestyle=(0, (4, 2)), zorder=1)
    (ax.set_ylabel if vertical else ax.set_xlabel)(label or figure.unit)
    ax.grid(axis="y" if vertical else "x", color="#e6e6e6", linewidth=0.5)
    ax.set_axisbelow(True)


def _tick_formatter(lang: Lang) -> Any:
    """A matplotlib formatter writing ticks with :func:`tick_text`: it sees all ticks of the axis
    at once, so they share their decimals (0,25 0,50 0,75, never 0,25 0,5 0,75)."""
    from matplotlib.ticker import Formatter

    class Ticks(Formatter):
        ticks: Sequence[float] = ()

        def format_ticks(self, values: Any) -> list[str]:
            self.ticks = [float(value) for value in values]
            return [tick_text(value, self.ticks, lang) for value in self.ticks]

        def __call__(self, x: float, pos: int | None = None) -> str:
            return tick_text(x, self.ticks or [x], lang)

    return Ticks()


def _paint(point: Point, figure: Figure) -> tuple[str, str | None]:
    """The fill and hatch of a point: a target grey (hatched when a range), a figure by category."""
    if point.role == "target":
        return TARGET, "///" if point.low is not None else None
    return _colours(figure).get(point.category or "", PLAIN), None


def _colours(figure: Figure) -> dict[str, str]:
    """Band code to colour: the figure's own, else by the band's place in the figure's list."""
    count = len(figure.categories)
    return {
        band.code: band.colour if isinstance(band, CategoryColour) and band.colour else band_colour(at, count)
        for at, band in enumerate(figure.categories)
    }


def _shows_achievement(figure: Figure) -> bool:
    return figure.reference is not None and any(point.role == "achievement" for point in figure.points)


def _legend(figure: Figure, lang: Lang) -> list[Any]:
    """One entry per colour, hatch and line on the chart, bands best first."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    words = WORDS[lang]
    drawn = [point for point in figure.points if point.value is not None]
    figures = [point for point in drawn if point.role != "target"]
    handles: list[Any] = []
    if figure.kind == "trend" and any(point.role == "realisation" for point in figures):
        handles.append(Line2D([], [], color=PLAIN, linewidth=1.6, label=words["realisation"]))
    used = {point.category for point in figures}
    for category in figure.categories:
        if category.code in used:
            colour = _colours(figure)[category.code]
            handles.append(_patch(Patch, colour, f"{category.code} {category.label}"))
    if figure.kind != "trend" and any(_paint(point, figure)[0] == PLAIN for point in figures):
        handles.append(_patch(Patch, PLAIN, words["plain"]))
    if any(point.role == "target" and point.low is None for point in drawn):
        if figure.kind == "trend":
            handles.append(Line2D([], [], color=EDGE, linewidth=2.4, label=words["target"]))
        else:
            handles.append(_patch(Patch, TARGET, words["target"]))
    if any(point.role == "target" and point.low is not None for point in drawn):
        handles.append(_patch(Patch, TARGET, words["range"], hatch="///"))
    if _shows_achievement(figure) and figure.reference is not None:
        text = f"{number(figure.reference, lang)}%"
        handles.append(Line2D([], [], color=REFERENCE, linewidth=0.9, linestyle=(0, (4, 2)), label=text))
    return handles


def _patch(patch: Any, colour: str, text: str, hatch: str | None = None) -> Any:
    return patch(facecolor=colour, edgecolor=EDGE, linewidth=0.6, hatch=hatch, label=text)


def _float(value: Decimal | None) -> float:
    # Floats for drawing only. A figure beyond a float's range is drawn at the float's edge;
    # its label, written from the Decimal, stays exact.
    if value is None or not value.is_finite():  # render refused NaN and infinity already
        return 0.0
    return max(-1e300, min(float(value), 1e300))


def _scales(figure: Figure) -> dict[str, _Scale]:
    """The value axis of each panel, from the values it draws (a range by both ends)."""

    def of(points: Iterable[Point]) -> _Scale:
        return _Scale.of([_float(v) for point in points for v in (point.value, point.low) if v is not None])

    if figure.kind != "trend":
        return {"main": of(figure.points)}
    return {
        "values": of(point for point in figure.points if point.role in ("target", "realisation")),
        "achievement": of(point for point in figure.points if point.role == "achievement"),
    }
