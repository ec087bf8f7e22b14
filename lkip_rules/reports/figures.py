"""The charts of the LKIP (Gambar 3.n) as report-model figures, built from the results.

Three kinds, each a :class:`~lkip_rules.reports.model.Figure` that ``charts.render`` draws and
the report builder places in the chapter:

- :func:`indicator_figure`: one indicator's bars, as the reference report's Gambar 3.1-3.6 —
  last year's realisation, this year's target (a range stays a range) and realisation, and the
  Renstra end target;
- :func:`trend_figure`: every year with figures (target, realisation, achievement);
- :func:`achievement_figure`: the achievement of many indicators against the 100% line.

A figure that should be there but has no number keeps its point with ``value=None`` and names
it in the figure's notes, so nothing disappears from a chart without a word. Text is in the
language asked for; numbers stay the exact Decimals of the results.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from lkip_rules.errors import ArgumentError
from lkip_rules.locale import STATUS, Lang, label
from lkip_rules.reports.model import CategoryColour, Figure, Point, PointRole
from lkip_rules.results import Category, IndicatorResult, Results, YearFigures
from lkip_rules.scales import SHIPPED
from lkip_rules.scoring import Target

if TYPE_CHECKING:
    from lkip_rules.api import Catalog

CHARTED_LEVELS = ("tujuan", "sasaran", "iku", "program")
"""The levels ``lkip chart`` draws; kegiatan and sub kegiatan are left to the tables."""

HUNDRED = Decimal(100)

WORDS = {
    "id": {
        "realisation": "Realisasi",
        "target": "Target",
        "achievement": "Capaian",
        "end_target": "Target Akhir Renstra",
        "no_figure": "Tanpa angka",
        "no_achievement": "Tanpa capaian",
        "numbers": "nomor",
        "bars_title": "Data Capaian Kinerja {name} Tahun {year}, Perbandingan dengan Tahun {previous}, "
        "dan Perbandingan dengan Target Akhir Renstra",
        "aggregate_title": "Capaian Kinerja {name} Tahun {year} dan Perbandingan dengan Tahun {previous}",
        "trend_title": "Perkembangan {name} Tahun {first}\u2013{last}",
        "summary_title": "Capaian Kinerja {levels} Tahun {year} terhadap Target (100%)",
        "and": "dan",
        "scored_from": "dari capaian {level}",
        "scored": "dari capaian di bawahnya",
        "quarter": " sampai dengan Triwulan {quarter}",
    },
    "en": {
        "realisation": "Realisation",
        "target": "Target",
        "achievement": "Achievement",
        "end_target": "Renstra end target",
        "no_figure": "No figure",
        "no_achievement": "No achievement",
        "numbers": "numbers",
        "bars_title": "Performance of {name} in {year}, compared with {previous} and with the Renstra end target",
        "aggregate_title": "Achievement of {name} in {year}, compared with {previous}",
        "trend_title": "{name}, {first}\u2013{last}",
        "summary_title": "Achievement of the {levels} in {year} against their targets (100%)",
        "and": "and",
        "scored_from": "from the achievement of its {level}",
        "scored": "from the achievement below it",
        "quarter": " up to quarter {quarter}",
    },
}

LEVEL_WORDS = {
    "id": {
        "tujuan": "Tujuan",
        "sasaran": "Sasaran",
        "iku": "Indikator Kinerja Utama",
        "program": "Program",
        "kegiatan": "Kegiatan",
        "subkegiatan": "Sub Kegiatan",
    },
    "en": {
        "tujuan": "goals",
        "sasaran": "objectives",
        "iku": "key performance indicators",
        "program": "programs",
        "kegiatan": "activities",
        "subkegiatan": "sub-activities",
    },
}

SUMMARY_GROUPS = (("tujuan", "sasaran", "iku"), ("program",), ("kegiatan",), ("subkegiatan",))
"""The achievement charts of ``lkip chart``: one per group, so no chart outgrows a page."""

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def indicator_figure(
    result: IndicatorResult,
    number: str,
    lang: Lang = "id",
    categories: Sequence[Category] = (),
    name: str | None = None,
) -> Figure:
    """Last year's realisation, this year's target and realisation, the Renstra end target.

    An indicator that only aggregates its children (a sasaran) has no target or realisation of its
    own: its bars are its achievement last year and this year, against the 100% line.
    ``categories`` (from :func:`categories_of`) keeps the colours the same across figures;
    ``name`` (from :func:`display_names`) tells apart two indicators with the same name.
    """
    words = _words(lang)
    previous = result.year - 1
    title = words["bars_title"]
    before, now = _previous(result), _now(result)
    slots: list[_Slot]
    if _aggregated(result):
        slots = [
            _point(f"{words['achievement']} {previous}", "achievement", before, lang),
            _point(f"{words['achievement']} {result.year}", "achievement", now, lang),
        ]
        unit, reference, title = "%", HUNDRED, words["aggregate_title"]
    else:
        end = result.end_target
        slots = [
            _point(f"{words['realisation']} {previous}", "realisation", before, lang),
            _target(f"{words['target']} {result.year}", result.target),
            _point(f"{words['realisation']} {result.year}", "realisation", now, lang),
            _target(f"{words['end_target']} {end.year}" if end else words["end_target"], end.target if end else None),
        ]
        unit, reference = result.unit, None
    return Figure(
        number=number,
        title=title.format(name=name or result.name, year=result.year, previous=previous)
        + _quarter(result.quarter, lang),
        kind="bars",
        points=tuple(attrs.evolve(point, ref=result.id) for point, _ in slots),
        unit=unit,
        reference=reference,
        notes=_missing_note(slots, lang),
        key=_safe(result.id),
        categories=_categories(categories, [result], lang),
    )


def trend_figure(
    result: IndicatorResult,
    number: str,
    lang: Lang = "id",
    categories: Sequence[Category] = (),
    name: str | None = None,
) -> Figure:
    """Target, realisation and achievement of every year in the indicator's history."""
    words = _words(lang)
    years = sorted(result.history, key=lambda figures: figures.year)
    slots: list[_Slot] = []
    if not _aggregated(result):
        slots += [_target(str(year.year), year.target, words["target"]) for year in years]
        slots += [_point(str(year.year), "realisation", year, lang, words["realisation"]) for year in years]
    slots += [_point(str(year.year), "achievement", year, lang, f"{words['achievement']} (%)") for year in years]
    first, last = (years[0].year, years[-1].year) if years else (result.year, result.year)
    return Figure(
        number=number,
        title=words["trend_title"].format(name=name or result.name, first=first, last=last),
        kind="trend",
        points=tuple(attrs.evolve(point, ref=result.id) for point, _ in slots),
        unit=result.unit,
        reference=HUNDRED,
        notes=_missing_note(slots, lang),
        key=f"{_safe(result.id)}-tren",
        categories=_categories(categories, [result], lang),
    )


def achievement_figure(
    results: Iterable[IndicatorResult],
    number: str,
    lang: Lang = "id",
    categories: Sequence[Category] = (),
    title: str | None = None,
    key: str = "capaian",
    catalog: Catalog | None = None,
) -> Figure:
    """The achievement of each indicator given, in that order, against the 100% line.

    Bars are labelled by number ("1", "2", ...) and the full names go to the key, so two
    indicators with the same name (two sasaran of two Renstra) never merge into one bar; their
    names in the key are told apart by :func:`display_names` (with the catalog, by period).
    """
    chosen = list(results)
    words = _words(lang)
    names = display_names(chosen, catalog, lang)
    points = tuple(
        Point(
            label=str(position),
            name=names[result.id],
            value=result.achievement,
            category=result.category.code if result.category else None,
            series=words["achievement"],
            role="achievement",
            ref=result.id,
        )
        for position, result in enumerate(chosen, start=1)
    )
    missing: dict[str, list[str]] = {}  # why -> the numbers of the bars without an achievement
    for point, result in zip(points, chosen, strict=True):
        if point.value is None:
            missing.setdefault(STATUS[lang].get(result.status, result.status), []).append(point.label)
    year = chosen[0].year if chosen else 0
    if title is None:
        title = words["summary_title"].format(levels=_levels(chosen, lang), year=year)
    return Figure(
        number=number,
        title=title + _quarter(chosen[0].quarter if chosen else None, lang),
        kind="achievement",
        points=points,
        unit="%",
        reference=HUNDRED,
        notes=_no_achievement(missing, lang),
        key=_safe(key),
        categories=_categories(categories, chosen, lang),
    )


def _no_achievement(missing: dict[str, list[str]], lang: Lang) -> tuple[str, ...]:
    # By number: the key of the chart names each number in full, so the note stays short.
    words = _words(lang)
    parts = [f"{words['numbers']} {', '.join(labels)} ({why})" for why, labels in missing.items()]
    return (f"{words['no_achievement']}: {'; '.join(parts)}.",) if parts else ()


def display_names(
    results: Iterable[IndicatorResult], catalog: Catalog | None = None, lang: Lang = "id"
) -> dict[str, str]:
    """Each indicator's name, with what tells it apart from others of the same name, the first
    of these that does: the Renstra period (from the catalog), the level, "from the achievement
    of its kegiatan" for a parent scored from its children, and last the id."""
    _words(lang)
    chosen = list(results)
    groups: dict[str, list[IndicatorResult]] = {}
    for result in chosen:
        groups.setdefault(result.name, []).append(result)
    names = {result.id: result.name for result in chosen}
    for name, group in groups.items():
        if len(group) < 2:
            continue
        for tell in (_period, _level, _scored_from, _id):
            marks = [tell(result, catalog, lang) for result in group]
            shown = [f"{name} ({mark})" if mark else name for mark in marks]
            if len(set(shown)) == len(shown):
                names.update({result.id: text for result, text in zip(group, shown, strict=True)})
                break
    return names


def _period(result: IndicatorResult, catalog: Catalog | None, lang: Lang) -> str:
    indicator = catalog.indicators.get(result.id) if catalog is not None else None
    return f"Renstra {indicator.period[0]}\u2013{indicator.period[1]}" if indicator is not None else ""


def _level(result: IndicatorResult, catalog: Catalog | None, lang: Lang) -> str:
    return LEVEL_WORDS[lang].get(result.level, result.level)


def _scored_from(result: IndicatorResult, catalog: Catalog | None, lang: Lang) -> str:
    if not _aggregated(result):
        return ""
    children = catalog.children(result.id) if catalog is not None else []
    below = LEVEL_WORDS[lang].get(children[0].level, children[0].level).lower() if children else ""
    words = _words(lang)
    return words["scored_from"].format(level=below) if below else words["scored"]


def _id(result: IndicatorResult, catalog: Catalog | None, lang: Lang) -> str:
    return result.id


def _levels(results: Sequence[IndicatorResult], lang: Lang) -> str:
    words = LEVEL_WORDS[lang]
    found = [words.get(level, level) for level in dict.fromkeys(result.level for result in results)]
    if len(found) <= 1:
        return found[0] if found else ""
    return f"{', '.join(found[:-1])} {WORDS[lang]['and']} {found[-1]}"


def charted(results: Iterable[IndicatorResult], levels: Sequence[str] = CHARTED_LEVELS) -> list[IndicatorResult]:
    """The indicators of ``levels``, level by level (tujuan first), in catalog order within a level."""
    rank = {level: position for position, level in enumerate(levels)}
    return sorted((r for r in results if r.level in rank), key=lambda r: rank[r.level])


def chart_figures(
    results: Results,
    lang: Lang = "id",
    levels: Sequence[str] = CHARTED_LEVELS,
    first: int = 1,
    catalog: Catalog | None = None,
) -> list[Figure]:
    """Every figure ``lkip chart`` draws, numbered "3.<first>", "3.<first+1>", ...

    Per indicator of ``levels``: its bars, then its trend when it has figures for two years or
    more (and the trend shows more than the bars); last, the achievements, one chart per group
    of :data:`SUMMARY_GROUPS` (the first is ``capaian``). An indicator with no figure at all gets
    no bars of its own but stays in the achievement chart, named in its note.
    """
    chosen = charted(results, levels)
    categories = categories_of(results, catalog, lang)
    names = display_names(chosen, catalog, lang)
    figures: list[Figure] = []

    def number() -> str:
        return f"3.{first + len(figures)}"

    for result in chosen:
        name = names[result.id]
        if _has_figures(result):
            figures.append(indicator_figure(result, number(), lang, categories, name))
        if _worth_a_trend(result):
            figures.append(trend_figure(result, number(), lang, categories, name))
    groups = [[r for r in chosen if r.level in group] for group in SUMMARY_GROUPS]
    groups += [[r for r in chosen if not any(r.level in group for group in SUMMARY_GROUPS)]]
    for group in filter(None, groups):
        key = "capaian" if not any(f.kind == "achievement" for f in figures) else f"capaian-{group[0].level}"
        figures.append(achievement_figure(group, number(), lang, categories, key=key, catalog=catalog))
    return figures


BAND_COLOURS = ("#1a9850", "#66bd63", "#a6d96a", "#fee08b", "#fdae61", "#f46d43", "#d73027")
"""Best band to worst, green to red (ColorBrewer RdYlGn without its palest middle, so every band
stands out on white paper; the legend names each colour with its code)."""

_PALETTES = {
    2: ("#1a9850", "#d73027"),
    3: ("#1a9850", "#fee08b", "#d73027"),
    4: ("#1a9850", "#91cf60", "#fc8d59", "#d73027"),  # lkip-4: SB, B, C, K
    5: ("#1a9850", "#91cf60", "#fee08b", "#fc8d59", "#d73027"),  # permendagri-86
}


def band_colour(position: int, count: int) -> str:
    """The colour of the band at ``position`` (0: the best) of a scale of ``count`` bands, from
    green to red: lkip-4's SB, B, C, K are green, light green, orange, red."""
    position = min(max(position, 0), max(count - 1, 0))
    if count <= 1:
        return BAND_COLOURS[0]
    if count in _PALETTES:
        return _PALETTES[count][position]
    return BAND_COLOURS[round(position * (len(BAND_COLOURS) - 1) / (count - 1))]


def categories_of(
    results: Iterable[IndicatorResult], catalog: Catalog | None = None, lang: Lang = "id"
) -> tuple[CategoryColour, ...]:
    """The bands used by ``results``, best first, labels in ``lang``, each with its colour.

    With the catalog: every band of each scale the indicators use, coloured by its place in its
    own scale (the top of "lkip-4" and the top of "permendagri-86" are both green). Without: the
    bands that occur, as one scale ordered by the highest achievement seen in each (bands of a
    scale do not overlap, so that is the scale's order for the bands that occur).
    """
    chosen = list(results)
    if catalog is None:
        return _categories((), chosen, lang)
    found: dict[str, CategoryColour] = {}
    for result in chosen:
        indicator = catalog.indicators.get(result.id)
        scale = catalog.scales.get(indicator.scale) if indicator is not None else None
        bands = scale.bands if scale is not None else ()
        for position, band in enumerate(bands):
            colour = band_colour(position, len(bands))
            found.setdefault(band.code, CategoryColour(band.code, label(band.label, lang), colour))
    return tuple(found.values())


def _categories(
    given: Sequence[Category], results: Sequence[IndicatorResult], lang: Lang
) -> tuple[CategoryColour, ...]:
    if given:
        count = len(given)
        return tuple(
            band if isinstance(band, CategoryColour) and band.colour else _coloured(band, band_colour(at, count))
            for at, band in enumerate(given)
        )
    best: dict[str, Decimal] = {}  # band code -> the highest achievement seen in it
    names: dict[str, str] = {}
    for result in results:
        if result.category is not None:
            names[result.category.code] = result.category.label
        for year in [_now(result), *result.history]:
            if year.category is not None and year.achievement is not None:
                best[year.category] = max(best.get(year.category, year.achievement), year.achievement)
    for code, text in _shipped_labels(set(best)).items():  # a band seen only in an earlier year
        names.setdefault(code, text)
    order = sorted(best, key=lambda code: -best[code])  # stable: ties keep the order first seen
    return tuple(
        CategoryColour(code, label(names.get(code, code), lang), band_colour(at, len(order)))
        for at, code in enumerate(order)
    )


def _shipped_labels(codes: set[str]) -> dict[str, str]:
    # The labels of the shipped scale sharing most codes with those seen: "C" is Cukup in lkip-4
    # but a band of akip too.
    scales = sorted(SHIPPED.values(), key=lambda scale: -len(codes & {band.code for band in scale.bands}))
    labels: dict[str, str] = {}
    for scale in scales:
        for band in scale.bands:
            labels.setdefault(band.code, band.label)
    return labels


def _coloured(band: Category, colour: str) -> CategoryColour:
    return CategoryColour(band.code, band.label, colour)


def _aggregated(result: IndicatorResult) -> bool:
    # A parent scored from its children has no target or realisation in any year.
    years = [*result.history, _now(result)]
    return all(year.target is None and year.realisation is None for year in years)


def _now(result: IndicatorResult) -> YearFigures:
    code = result.category.code if result.category else None
    return YearFigures(result.year, result.status, result.target, result.realisation, result.achievement, code)


def _previous(result: IndicatorResult) -> YearFigures | None:
    # Last year from the history; else from ``previous``, which may reach before the period.
    year = result.year - 1
    found = next((figures for figures in result.history if figures.year == year), None)
    last = result.previous
    if found is None and last is not None and last.year == year:
        return YearFigures(year, "ok", None, last.realisation, last.achievement, None)
    return found


def _worth_a_trend(result: IndicatorResult) -> bool:
    # Two years with figures at least, and more than the bars show: a sasaran's bars already are
    # its achievement last year and this year.
    years = {year.year for year in result.history if _year_has_figures(year)}
    if len(years) < 2:
        return False
    return not (_aggregated(result) and years <= {result.year - 1, result.year})


def _has_figures(result: IndicatorResult) -> bool:
    return _year_has_figures(_now(result)) or any(_year_has_figures(year) for year in result.history)


def _year_has_figures(year: YearFigures) -> bool:
    return year.target is not None or year.realisation is not None or year.achievement is not None


_Slot = tuple[Point, str]  # a point, and how the note names it when it has no figure


def _point(text: str, role: PointRole, year: YearFigures | None, lang: Lang, series: str | None = None) -> _Slot:
    value = None if year is None else year.achievement if role == "achievement" else year.realisation
    category = year.category if year is not None and value is not None else None
    point = Point(label=text, name=text, value=value, category=category, series=series or text, role=role)
    named = text if series is None else f"{series} {text}"
    if year is not None and year.status != "ok":  # say why: missing data, undefined, an error
        named += f" ({STATUS[lang].get(year.status, year.status)})"
    return point, named


def _target(text: str, target: Target | None, series: str | None = None) -> _Slot:
    named = text if series is None else f"{series} {text}"
    if isinstance(target, tuple):
        low, high = target
        return Point(label=text, name=text, value=high, low=low, series=series or text, role="target"), named
    return Point(label=text, name=text, value=target, series=series or text, role="target"), named


def _missing_note(slots: Sequence[_Slot], lang: Lang) -> tuple[str, ...]:
    missing = [named for point, named in slots if point.value is None]
    return (f"{WORDS[lang]['no_figure']}: {'; '.join(missing)}.",) if missing else ()


def _words(lang: str) -> dict[str, str]:
    """The words of ``lang``; any other language is our error, not a KeyError."""
    if lang not in WORDS:
        raise ArgumentError(f"unknown language {lang!r}; use one of: {', '.join(WORDS)}")
    return WORDS[lang]


def _quarter(quarter: int | None, lang: Lang) -> str:
    return WORDS[lang]["quarter"].format(quarter=_ROMAN.get(quarter, quarter)) if quarter else ""


def _safe(text: str) -> str:
    """A file name that is the same on every system: letters, digits, "-" and "_" only."""
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-._")
    return cleaned[:80] or "gambar"
