"""Charts for print: each report-model :class:`Figure` drawn as a 300 dpi PNG or an SVG.

matplotlib is imported only here (the ``charts`` extra), through its object API: no pyplot, no
global backend, no global style change, so a notebook that imports the library keeps its own.
Floats exist only for drawing; every number written on a chart is the figure's Decimal
formatted with :func:`lkip_rules.locale.number` (1.234,56 in Bahasa Indonesia), the axes too.

What the drawing guarantees, for print:
- bars coloured by category (best band green, worst red) with a legend; targets grey, and a
  range target a hatched band from its low to its high bound;
- an outlier (a 994% among 100%s) does not flatten the rest: the axis stops at a robust bound,
  the bar is cut with a break mark and its true value is written on it;
- a point without a figure keeps its place, marked "tanpa data", and the figure's notes, which
  name it, are printed under the chart;
- labels are the points' own (numbers in the achievement summary, with a key of full names),
  so two indicators with one name never share a bar.
"""

from __future__ import annotations

import io
import math
import statistics
import textwrap
from collections.abc import Callable, Iterable, Sequence
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from lkip_rules._optional import require
from lkip_rules.errors import ArgumentError, LkipError
from lkip_rules.locale import Lang, number
from lkip_rules.reports.figures import band_colour, chart_figures
from lkip_rules.reports.model import CategoryColour, Figure, Point

if TYPE_CHECKING:
    from lkip_rules.api import Catalog
    from lkip_rules.results import Results

Format = Literal["png", "svg"]
FORMATS: tuple[Format, ...] = ("png", "svg")

DPI = 300
WIDTH = 6.3  # inches: the text width of an A4 page with the usual margins (16 cm)
FONT = 8.0  # points, as printed
SMALL = 7.0

PLAIN = "#4575b4"  # a figure with no category
TARGET = "#d0d0d0"
EDGE = "#404040"
REFERENCE = "#b2182b"
MISSING = "#757575"

OUTLIER_FACTOR = 5  # a value beyond five times the median size is cut
CUT_HEADROOM = 1.6  # the axis then stops at 1.6 times the largest value that is not cut

WORDS = {
    "id": {
        "no_data": "tanpa data",
        "target": "Target",
        "range": "Rentang target",
        "realisation": "Realisasi",
        "plain": "Realisasi tanpa kategori",
        "cut": "Angka tebal: nilai yang jauh melampaui yang lain, digambar terpotong (tanda //) agar yang lain tetap "
        "terbaca.",
    },
    "en": {
        "no_data": "no data",
        "target": "Target",
        "range": "Target range",
        "realisation": "Realisation",
        "plain": "Realisation, no category",
        "cut": "Bold figures: values far above the rest, drawn cut (the // mark) so that the rest stay readable.",
    },
}

# A value written over a line or a hatch stays readable: a white ground, no border.
_BEHIND_TEXT = {"facecolor": "white", "edgecolor": "none", "pad": 0.6, "alpha": 0.85}

_STYLE = {
    "font.family": "DejaVu Sans",  # shipped with matplotlib: the same glyphs on every machine
    "font.size": FONT,
    "axes.titlesize": FONT + 1,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "text.parse_math": False,  # a "$" in an indicator name is a dollar sign, not TeX
    "text.usetex": False,
    "svg.fonttype": "none",  # text stays text in the SVG: searchable, editable in Word or Inkscape
    "svg.hashsalt": "lkip-rules",  # the same figure gives the same file
    "hatch.linewidth": 0.6,
}


def render(figure: Figure, fmt: Format, lang: Lang = "id", *, title: bool = False) -> bytes:
    """``figure`` as a 300 dpi PNG or as an SVG, in the language of its text.

    ``title`` prints "Gambar 3.n <title>" above the chart, for a file that stands alone; a report
    leaves it off and writes its own caption.
    """
    _check(figure, fmt, lang)
    matplotlib = require("matplotlib", "charts")
    with matplotlib.rc_context(_STYLE):
        drawn = _draw(figure, lang, title)
        buffer = io.BytesIO()
        metadata: dict[str, Any] = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None}
        drawn.savefig(buffer, format=fmt, dpi=DPI, bbox_inches="tight", pad_inches=0.06, metadata=metadata)
    return buffer.getvalue()


def draw(figure: Figure, lang: Lang = "id", *, title: bool = False) -> Any:
    """``figure`` as a matplotlib Figure (not saved), to show in a notebook or to look into."""
    _check(figure, "svg", lang)
    matplotlib = require("matplotlib", "charts")
    with matplotlib.rc_context(_STYLE):
        return _draw(figure, lang, title)


def write_all(
    catalog: Catalog, results: Results, directory: Path, lang: Lang, formats: Sequence[Format] = FORMATS
) -> list[Path]:
    """Every figure of :func:`~lkip_rules.reports.figures.chart_figures`, one file per format.

    Files are named by the figure's key: ``<indicator id>.png``, ``<indicator id>-tren.png``,
    ``capaian.png`` (letters, digits, "-" and "_" only; a repeated key gets "-2", "-3").
    """
    require("matplotlib", "charts")  # before the folder is made: a missing extra changes nothing
    _write(directory, None)
    written: list[Path] = []
    used: set[str] = set()
    for figure in chart_figures(results, lang, catalog=catalog):
        stem = _unique(figure.key or "gambar", used)
        for fmt in formats:
            path = directory / f"{stem}.{fmt}"
            _write(path, render(figure, fmt, lang, title=True))
            written.append(path)
    return written


def _write(path: Path, content: bytes | None) -> None:
    """Write ``content`` to ``path`` (None: make the folder), an OSError becoming our error."""
    try:
        if content is None:
            path.mkdir(parents=True, exist_ok=True)
        else:
            path.write_bytes(content)
    except (OSError, ValueError) as exc:  # ValueError: a path with a NUL in it
        raise LkipError(f"{path}: cannot write the chart: {getattr(exc, 'strerror', None) or exc}") from None


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


def _check(figure: Figure, fmt: str, lang: str) -> None:
    """Refuse what cannot be drawn with an error of our own, before matplotlib sees it."""
    if fmt not in FORMATS:
        raise ArgumentError(f"unknown chart format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if lang not in WORDS:
        raise ArgumentError(f"unknown language {lang!r}; use one of: {', '.join(WORDS)}")
    if figure.kind not in _DRAWERS:
        raise ArgumentError(f"unknown kind of figure {figure.kind!r}; use one of: {', '.join(_DRAWERS)}")
    numbers = [(point.label, value) for point in figure.points for value in (point.value, point.low)]
    numbers.append(("reference", figure.reference))
    for where, value in numbers:
        if isinstance(value, Decimal) and not value.is_finite():
            raise ArgumentError(f"figure {figure.number}: {where!r} is {value}, which cannot be drawn")


def _unique(stem: str, used: set[str]) -> str:
    candidate, count = stem, 1
    while candidate.lower() in used:  # case-insensitive file systems would merge "A" and "a"
        count += 1
        candidate = f"{stem}-{count}"
    used.add(candidate.lower())
    return candidate


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


def _wrap(text: str, size: float, indent: int = 0) -> str:
    # DejaVu Sans averages about 0.55 em a character; 0.6 keeps a margin for wide letters.
    width = max(int(WIDTH * 72 / (size * 0.6)), 20)
    return textwrap.fill(text, width, subsequent_indent=" " * indent, break_on_hyphens=False)


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


_DRAWERS: dict[str, Callable[[Figure, list[Any], Lang], list[Any]]] = {
    "bars": _bars,
    "trend": _trend,
    "achievement": _achievements,
}
