"""Charts for print (issue 10): the figure model built from the results, and its drawing.

Expected values come from the Results (and the catalog's scales), never from the chart code.
Rendering 300 dpi PNGs is slow, so one PNG is rendered for its dpi and the rest are checked on the
model, on the matplotlib figure (``charts.draw``) or as SVG, whose text stays text.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lkip_rules
from lkip_rules import LkipError
from lkip_rules.errors import ArgumentError
from lkip_rules.locale import number
from lkip_rules.reports import charts, figures
from lkip_rules.reports.model import CategoryColour, Figure, Point
from lkip_rules.results import Results

pytest.importorskip("matplotlib")

# Two sasaran of one name in two Renstra, a range target, a year without figures, an outlier.
CATALOG = """[catalog]
id = "t"
name = "Dinas Contoh"
period = [2024, 2028]

[inputs.hari]
name = "Lama proses izin"
unit = "hari"
[inputs.dibina]
name = "Koperasi dibina"
unit = "unit"
[inputs.belum]
name = "Angka yang belum masuk"
unit = "unit"

[indicators.s_baru]
name = "Meningkatnya Daya Saing"
level = "sasaran"

[indicators.s_lama]
name = "Meningkatnya Daya Saing"
level = "sasaran"
period = [2023, 2025]

[indicators.lama_izin]
name = "Lama Proses Izin"
level = "iku"
parent = "s_baru"
unit = "hari"
polarity = "negative"
formula = "hari"
targets = { 2024 = [7, 8], 2025 = [7, 8], 2026 = [6, 7], 2027 = [6, 7], 2028 = [5, 6] }

[indicators.koperasi_dibina]
name = "Jumlah Koperasi Dibina"
level = "iku"
parent = "s_lama"
unit = "unit"
period = [2023, 2025]
formula = "dibina"
targets = { 2023 = 10, 2024 = 10, 2025 = 10 }

[indicators.tanpa_data]
name = "Indikator Tanpa Data"
level = "program"
parent = "s_baru"
unit = "%"
formula = "belum"
targets = { 2025 = 5 }
"""


@pytest.fixture(scope="module")
def bundled() -> tuple[Any, Results]:
    catalog = lkip_rules.load_catalog(lkip_rules.BUNDLED_CATALOG)
    return catalog, catalog.evaluate(2025, catalog.data)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Results]:
    folder = tmp_path_factory.mktemp("catalog")
    (folder / "catalog.toml").write_text(CATALOG, "utf-8")
    (folder / "data").mkdir()
    (folder / "data" / "2024.toml").write_text("[inputs]\nhari = 6.5\ndibina = 12\n", "utf-8")
    (folder / "data" / "2025.toml").write_text("[inputs]\nhari = 9\ndibina = 100\n", "utf-8")
    catalog = lkip_rules.load_catalog(folder)
    return catalog, catalog.evaluate(2025, catalog.data)


def svg_text(svg: bytes) -> str:
    """The words of an SVG drawn with text kept as text, entities decoded."""
    found = re.findall(r"<text[^>]*>(.*?)</text>", svg.decode("utf-8"), flags=re.S)
    return "\n".join(found).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")


def the(found: list[Figure], kind: str, ref: str | None = None) -> Figure:
    return next(f for f in found if f.kind == kind and (ref is None or any(p.ref == ref for p in f.points)))


# --- print quality -----------------------------------------------------------------------------


def test_a_png_is_300_dpi(bundled: tuple[Any, Results]) -> None:
    from PIL import Image

    _, results = bundled
    png = charts.render(figures.indicator_figure(results["koperasi_berkualitas"], "3.5"), "png", "id")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    image = Image.open(io.BytesIO(png))
    assert tuple(round(dpi) for dpi in image.info["dpi"]) == (300, 300)  # the pHYs chunk
    assert image.size[0] >= 6 * 300  # about 16 cm wide: the text width of an A4 page


def test_an_svg_keeps_its_text_and_is_the_same_every_time(bundled: tuple[Any, Results]) -> None:
    _, results = bundled
    figure = figures.indicator_figure(results["koperasi_berkualitas"], "3.5")
    first, second = charts.render(figure, "svg", "id"), charts.render(figure, "svg", "id")
    assert first == second
    assert "Realisasi 2025" in svg_text(first)


# --- nothing merged, nothing dropped ------------------------------------------------------------


def test_no_two_bars_share_a_label(bundled: tuple[Any, Results]) -> None:
    catalog, results = bundled
    for figure in figures.chart_figures(results, "id", catalog=catalog):
        if figure.kind == "trend":  # a year is on the axis once per series
            keys = [(p.series, p.label) for p in figure.points]
        else:
            keys = [p.label for p in figure.points]
        assert len(keys) == len(set(keys)), figure.key


def test_two_sasaran_with_one_name_get_two_numbers_and_two_names(bundled: tuple[Any, Results]) -> None:
    catalog, results = bundled
    same = [r for r in results if r.name == "Meningkatnya Daya Saing Koperasi dan UMKM"]
    assert len(same) == 2  # the RPJMD and the RPD sasaran of the reference report
    summary = the(figures.chart_figures(results, "id", catalog=catalog), "achievement")
    points = [p for p in summary.points if p.ref in {r.id for r in same}]
    assert len({p.label for p in points}) == 2 and len({p.name for p in points}) == 2
    assert {p.name for p in points} == {
        "Meningkatnya Daya Saing Koperasi dan UMKM (Renstra 2025\u20132029)",
        "Meningkatnya Daya Saing Koperasi dan UMKM (Renstra 2024\u20132026)",
    }
    words = svg_text(charts.render(summary, "svg", "id"))
    assert all(f"{p.label}. {p.name}" in words for p in points)  # the key under the chart


def test_every_charted_indicator_is_a_point_or_named_in_a_note(bundled: tuple[Any, Results]) -> None:
    catalog, results = bundled
    expected = {r.id: r for r in results if r.level in figures.CHARTED_LEVELS}
    found = figures.chart_figures(results, "id", catalog=catalog)
    summaries = [f for f in found if f.kind == "achievement"]
    refs = [p.ref for f in summaries for p in f.points]
    assert sorted(refs, key=str) == sorted(expected)  # each once
    for summary in summaries:
        for point in summary.points:
            assert point.ref is not None
            assert point.value == expected[point.ref].achievement
            if point.value is None:  # by its number in the note, and in full in the key of the chart
                assert any(re.search(rf"\b{point.label}\b", note) for note in summary.notes)
    assert {r.id for r in expected.values() if r.achievement is None} == {
        "proporsi_pdrb_perdagangan",
        "proporsi_pdrb_industri",
    }
    for figure in found:  # and in the charts of one indicator, each missing figure is named
        for point in figure.points if figure.kind != "achievement" else ():
            if point.value is None:
                named = point.label if point.series == point.label else f"{point.series} {point.label}"
                assert any(named in note for note in figure.notes), (figure.key, named)


def test_a_missing_figure_is_written_on_the_chart(bundled: tuple[Any, Results]) -> None:
    catalog, results = bundled
    summary = the(figures.chart_figures(results, "id", catalog=catalog), "achievement")
    words = svg_text(charts.render(summary, "svg", "id"))
    assert words.count("tanpa data") == 2  # in the place of each bar
    assert summary.notes == ("Tanpa capaian: nomor 1, 2 (data belum lengkap).",)
    assert [p.name for p in summary.points[:2]] == [
        results["proporsi_pdrb_perdagangan"].name,
        results["proporsi_pdrb_industri"].name,
    ]
    assert "1. Proporsi PDRB Perdagangan" in words and summary.notes[0] in words.replace("\n", " ")


def test_the_bars_of_one_indicator_follow_the_results(small: tuple[Any, Results]) -> None:
    _, results = small
    result = results["koperasi_dibina"]
    figure = figures.indicator_figure(result, "3.1")
    assert result.previous is not None and result.end_target is not None
    assert [(p.label, p.value, p.role) for p in figure.points] == [
        ("Realisasi 2024", result.previous.realisation, "realisation"),
        ("Target 2025", result.target, "target"),
        ("Realisasi 2025", result.realisation, "realisation"),
        (f"Target Akhir Renstra {result.end_target.year}", result.end_target.target, "target"),
    ]
    assert figure.points[2].category == (result.category.code if result.category else None)
    assert figure.title.startswith("Data Capaian Kinerja Jumlah Koperasi Dibina Tahun 2025")


def test_a_trend_covers_every_year_of_the_history(small: tuple[Any, Results]) -> None:
    _, results = small
    result = results["koperasi_dibina"]
    figure = figures.trend_figure(result, "3.2")
    for role, field in (("target", "target"), ("realisation", "realisation"), ("achievement", "achievement")):
        drawn = {p.label: p.value for p in figure.points if p.role == role}
        assert drawn == {str(y.year): getattr(y, field) for y in result.history}
    assert len(result.history) >= 2


# --- ranges, outliers, numbers -----------------------------------------------------------------


def test_a_range_target_is_drawn_as_a_band(small: tuple[Any, Results]) -> None:
    from matplotlib.patches import Rectangle

    _, results = small
    result = results["lama_izin"]
    assert result.target == (D(7), D(8))
    figure = figures.indicator_figure(result, "3.1")
    target = next(p for p in figure.points if p.label == "Target 2025")
    assert (target.low, target.value, target.role) == (D(7), D(8), "target")
    drawn = charts.draw(figure, "id")
    bands = [
        patch
        for patch in drawn.axes[0].patches
        if isinstance(patch, Rectangle) and patch.get_hatch() and patch.get_y() == 7 and patch.get_height() == 1
    ]
    assert len(bands) == 1  # from 7 to 8, not a bar from 0 to 8
    svg = charts.render(figure, "svg", "id")
    assert b"<pattern" in svg  # the hatch of the band
    assert "7\u20138" in svg_text(svg)


def test_an_outlier_is_cut_and_its_value_written(bundled: tuple[Any, Results]) -> None:
    catalog, results = bundled
    summary = the(figures.chart_figures(results, "id", catalog=catalog), "achievement")
    outlier = results["peningkatan_volume_koperasi"].achievement
    plain = results["koperasi_berkualitas"].achievement
    assert outlier == D("994.00") and plain == D("100.30")
    drawn = charts.draw(summary, "id")
    ax = drawn.axes[0]
    widths = {round(patch.get_width(), 2) for patch in ax.patches}
    assert float(plain) in widths  # the others keep their length
    assert ax.get_xlim()[1] < float(outlier) / 2  # the axis is not stretched to 994
    assert max(widths) < float(outlier)
    words = svg_text(charts.render(summary, "svg", "id"))
    assert f"{number(outlier, 'id')}%" in words  # "994,00%", written on the cut bar


@pytest.mark.parametrize(
    ("value", "ticks", "lang", "text"),
    [
        (0.5, [0.0, 0.25, 0.5], "id", "0,50"),
        (0.5, [0.0, 0.25, 0.5], "en", "0.50"),
        (1000.0, [0.0, 500.0, 1000.0], "id", "1.000"),
        (1000.0, [0.0, 500.0, 1000.0], "en", "1,000"),
        (1250000000.0, [0.0, 1250000000.0], "id", "1.250.000.000"),
        (-0.0, [-0.2, 0.0, 0.2], "id", "0,0"),
        (0.30000000000000004, [0.1, 0.2, 0.30000000000000004], "id", "0,3"),
        (-1.5, [-1.5, 0.0, 1.5], "id", "-1,5"),
    ],
)
def test_ticks_are_written_the_report_s_way(value: float, ticks: list[float], lang: str, text: str) -> None:
    assert charts.tick_text(value, ticks, lang) == text  # type: ignore[arg-type]


@pytest.mark.parametrize(("lang", "comma"), [("id", ","), ("en", ".")])
def test_the_drawn_axis_uses_the_language_s_decimal_mark(bundled: tuple[Any, Results], lang: str, comma: str) -> None:
    _, results = bundled
    result = results["umkm_naik_kelas"]  # target 0.1, realisation 0.11: ticks with decimals
    drawn = charts.draw(figures.indicator_figure(result, "3.8", lang), lang)  # type: ignore[arg-type]
    drawn.canvas.draw()
    ticks = [label.get_text() for label in drawn.axes[0].get_yticklabels() if label.get_text()]
    assert ticks and any(comma in tick for tick in ticks)
    other = "." if comma == "," else ","
    assert not any(other in tick for tick in ticks)
    words = svg_text(charts.render(figures.indicator_figure(result, "3.8", lang), "svg", lang))  # type: ignore[arg-type]
    assert number(result.realisation, lang) in words  # type: ignore[arg-type]


# --- colours -----------------------------------------------------------------------------------


def test_bands_are_coloured_from_their_own_scale(bundled: tuple[Any, Results]) -> None:
    catalog, results = bundled
    bands = figures.categories_of(results, catalog, "id")
    scale = catalog.scales["lkip-4"]
    assert [b.code for b in bands] == [band.code for band in scale.bands]
    assert [b.label for b in bands] == [band.label for band in scale.bands]
    assert all(isinstance(b, CategoryColour) for b in bands)
    assert len({b.colour for b in bands}) == len(bands)
    assert figures.categories_of(results, catalog, "en")[0].label == "Very good"


def test_without_the_catalog_bands_are_ordered_by_achievement(bundled: tuple[Any, Results]) -> None:
    _, results = bundled
    seen = {r.category.code: r.achievement for r in results if r.category and r.achievement is not None}
    assert (
        [b.code for b in figures.categories_of(results)] == ["SB", "B", "K"] == sorted(seen, key=seen.__getitem__)[::-1]
    )


# --- the files, and whatever comes in ----------------------------------------------------------


def test_write_all_names_the_files_by_figure(small: tuple[Any, Results], tmp_path: Path) -> None:
    catalog, results = small
    written = charts.write_all(catalog, results, tmp_path / "gambar", "id", formats=("svg",))
    names = [path.name for path in written]
    assert len(names) == len(set(names))
    assert {"s_lama.svg", "lama_izin.svg", "lama_izin-tren.svg", "capaian.svg", "tanpa_data.svg"} <= set(names)
    assert "capaian-program.svg" in names  # the program level has its own summary
    assert results["s_baru"].achievement is None and results["s_baru"].realisation is None
    assert "s_baru.svg" not in names  # nothing to draw for it, but the summary names it:
    words = svg_text((tmp_path / "gambar" / "capaian.svg").read_bytes()).replace("\n", " ")
    assert "1. Meningkatnya Daya Saing (Renstra 2024\u20132028)" in words
    assert "Tanpa capaian: nomor 1 (data belum lengkap)." in words
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+\.svg", name) for name in names)
    assert all(path.read_bytes().startswith(b"<?xml") for path in written)


@pytest.mark.parametrize(("fmt", "suffixes"), [("svg", {".svg"}), ("both", {".png", ".svg"})])
def test_lkip_chart_writes_the_format_asked(
    small: tuple[Any, Results], tmp_path: Path, fmt: str, suffixes: set[str]
) -> None:
    from click.testing import CliRunner

    from lkip_rules.cli import main

    catalog, results = small
    out = tmp_path / "gambar"
    run = CliRunner().invoke(
        main, ["chart", str(catalog.path), "--year", "2025", "--format", fmt, "--output", str(out)]
    )
    assert run.exit_code == 0, run.output
    written = [Path(line) for line in run.output.splitlines()]
    assert {path.suffix for path in written} == suffixes
    stems = {path.stem for path in written}
    assert all({f"{stem}{suffix}" for suffix in suffixes} <= {p.name for p in written} for stem in stems)
    assert len(stems) == len(figures.chart_figures(results, "id", catalog=catalog))


def test_the_bundled_charts_all_render(bundled: tuple[Any, Results]) -> None:
    catalog, results = bundled
    found = figures.chart_figures(results, "id", catalog=catalog)
    assert [f.number for f in found] == [f"3.{n}" for n in range(1, len(found) + 1)]
    for figure in found:
        svg = charts.render(figure, "svg", "id", title=True)
        assert svg.rstrip().endswith(b"</svg>"), figure.key
        assert figure.title in svg_text(svg).replace("\n", " ")


def test_the_bundled_charts_render_in_english(bundled: tuple[Any, Results]) -> None:
    catalog, results = bundled
    found = figures.chart_figures(results, "en", catalog=catalog)
    assert len(found) == len(figures.chart_figures(results, "id", catalog=catalog))
    for kind in ("bars", "trend", "achievement"):  # one of each kind: the rest differ only in words
        words = svg_text(charts.render(the(found, kind), "svg", "en", title=True))
        assert "Figure 3." in words and "Gambar" not in words and "tanpa data" not in words


def test_what_cannot_be_drawn_is_refused_with_our_error() -> None:
    figure = Figure("3.1", "t", "bars", (Point("a", "a", D(1)),))
    with pytest.raises(ArgumentError, match="unknown chart format 'pdf'"):
        charts.render(figure, "pdf", "id")  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match="'a' is NaN"):
        charts.render(Figure("3.1", "t", "bars", (Point("a", "a", D("NaN")),)), "svg", "id")
    with pytest.raises(ArgumentError, match="unknown language 'fr'"):
        charts.render(figure, "svg", "fr")  # type: ignore[arg-type]


def test_an_unknown_language_is_our_error(small: tuple[Any, Results]) -> None:
    _, results = small
    for build in (figures.indicator_figure, figures.trend_figure):
        with pytest.raises(ArgumentError, match="unknown language 'fr'"):
            build(results["lama_izin"], "3.1", "fr")  # type: ignore[arg-type]
    with pytest.raises(ArgumentError):
        figures.chart_figures(results, "fr")  # type: ignore[arg-type]


def test_a_folder_that_cannot_be_made_is_our_error(small: tuple[Any, Results], tmp_path: Path) -> None:
    catalog, results = small
    (tmp_path / "taken").write_text("a file, not a folder", "utf-8")
    with pytest.raises(LkipError, match="cannot write the chart"):
        charts.write_all(catalog, results, tmp_path / "taken", "id", formats=("svg",))


finite = st.decimals(allow_nan=False, allow_infinity=False, min_value=D("-1E+30"), max_value=D("1E+30"))
points = st.builds(
    Point,
    label=st.text(max_size=12),
    name=st.text(max_size=40),
    value=st.none() | finite | st.decimals(allow_nan=True, allow_infinity=True),
    low=st.none() | finite,
    category=st.none() | st.sampled_from(["SB", "B", "C", "K", "?"]),
    series=st.sampled_from(["", "Target", "Realisasi"]),
    role=st.sampled_from(["target", "realisation", "achievement"]),
)
figures_st = st.builds(
    Figure,
    number=st.just("3.1"),
    title=st.text(max_size=60),
    kind=st.sampled_from(["bars", "trend", "achievement"]),
    points=st.lists(points, max_size=6).map(tuple),
    unit=st.text(max_size=8),
    reference=st.none() | finite,
    notes=st.lists(st.text(max_size=50), max_size=2).map(tuple),
)


@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")
@settings(max_examples=15)
@given(figure=figures_st, lang=st.sampled_from(["id", "en"]))
def test_any_figure_draws_or_raises_our_error(figure: Figure, lang: str) -> None:
    try:
        svg = charts.render(figure, "svg", lang, title=True)  # type: ignore[arg-type]
    except LkipError:
        return
    assert svg.rstrip().endswith(b"</svg>")
