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
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lkip_rules._optional import require
from lkip_rules.errors import ArgumentError, LkipError
from lkip_rules.locale import Lang
from lkip_rules.reports.charts.draw import _DRAWERS, _draw
from lkip_rules.reports.charts.pieces import tick_text
from lkip_rules.reports.charts.style import _STYLE, DPI, FORMATS, WORDS, Format
from lkip_rules.reports.figures import chart_figures
from lkip_rules.reports.model import Figure

if TYPE_CHECKING:
    from lkip_rules.api import Catalog
    from lkip_rules.results import Results

__all__ = ["FORMATS", "WORDS", "Format", "draw", "render", "tick_text", "write_all"]


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
